"""A sound file is never called damaged because SQLite cannot make its -shm: a read-only folder is offered
read-only, a full disk is said to be full. Only quick_check's verdict says "skadad"."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from finsamdesk.domain.insatser import Insats
from finsamdesk.services import files, insatser
from tests.fixtures.filesystems import FILL, ROOT, read_only_folder, run_on_full_disk


def _made(folder: Path) -> Path:
    path = folder / "förbund.sqlite"
    db = files.new_file(path, "Samordningsförbundet Test")
    insatser.save(db, Insats("Sund insats", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31)))
    db.conn.close()
    return path


def _read(path: Path) -> list[str]:
    db = files.open_file(path, create=False, read_only=True)
    try:
        return [r.name for r in insatser.list_rows(db, 2026)]
    finally:
        db.conn.close()


def test_a_read_only_folder_offers_read_only_and_never_says_damaged(tmp_path):
    folder = tmp_path / "delad mapp"
    folder.mkdir()
    path = _made(folder)
    with read_only_folder(folder):
        with pytest.raises(files.FileNotWritableError) as writing:
            files.open_for_writing(path, create=False)
        with pytest.raises(files.FileNotWritableError) as without_lock:  # as a worker thread opens it
            files.open_file(path, create=False)
        for caught in (writing, without_lock):
            assert "är skadad" not in str(caught.value) and "skrivskyddad" in str(caught.value)
        assert _read(path) == ["Sund insats"]
        assert sorted(p.name for p in folder.iterdir()) == ["förbund.sqlite"], "nothing was left behind"


def test_the_command_line_reads_a_file_in_a_read_only_folder_and_says_so(tmp_path):
    folder = tmp_path / "delad mapp"
    folder.mkdir()
    path = _made(folder)
    with read_only_folder(folder):
        done = subprocess.run([sys.executable, "-m", "finsamdesk", "--file", str(path), "insatser", "list",
                               "--year", "2026"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Sund insats" in done.stdout
    assert "skrivskyddad" in done.stderr and "är skadad" not in done.stderr + done.stdout


def test_a_shm_that_cannot_be_made_is_not_damage(tmp_path):
    path = _made(tmp_path)
    (tmp_path / "förbund.sqlite-shm").mkdir()  # SQLite cannot open it, as in a folder it may not write in
    with pytest.raises(files.FileNotWritableError) as caught:
        files.open_for_writing(path, create=False)
    assert "är skadad" not in str(caught.value)
    assert not (tmp_path / "förbund.sqlite.lock").exists(), "the lock is given back"
    assert _read(path) == ["Sund insats"]


FULL_DISK = FILL + '''
import json, sys
from pathlib import Path
from datetime import date
from finsamdesk.domain.insatser import Insats
from finsamdesk.services import files, insatser

folder = Path(sys.argv[1])
path = folder / "förbund.sqlite"
db = files.new_file(path, "Fullt")
insatser.save(db, Insats("Sund insats", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31)))
db.conn.close()
fill(folder)
out = {}
try:
    files.open_for_writing(path, create=False)
except files.FileOpenError as exc:
    out["writing"] = [type(exc).__name__, str(exc)]
try:
    reader = files.open_file(path, create=False, read_only=True)
    out["read"] = [r.name for r in insatser.list_rows(reader, 2026)]
    reader.conn.close()
except files.FileOpenError as exc:
    out["read"] = [type(exc).__name__, str(exc)]
out["left"] = sorted(p.name for p in folder.iterdir())
print(json.dumps(out))
'''


def test_a_full_disk_is_said_to_be_full_and_the_file_still_reads(tmp_path):
    done = run_on_full_disk(FULL_DISK, tmp_path / "liten disk", size="2m")  # room for the schema as it grows
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    kind, message = out["writing"]
    assert kind == "DiskFullError" and "full" in message and "är skadad" not in message
    assert "No space" not in message, "Swedish only"
    assert out["read"] == ["Sund insats"]
    assert "förbund.sqlite.lock" not in out["left"], "no empty lock is left to refuse everyone"
