"""Empty and cut files: a backup that fails leaves nothing that looks restorable, a restore killed in the middle
leaves the file as it was, and a file that is empty or cut short is damaged (with restore offered), never opened
as a new empty database."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from finsamdesk.domain.insatser import Insats
from finsamdesk.services import backups, files, insatser, registers
from tests.fixtures.filesystems import FILL, ROOT, run_on_full_disk


def _made(path: Path, names=("Första insatsen",)) -> Path:
    db = files.new_file(path, "Samordningsförbundet Test")
    for name in names:
        insatser.save(db, Insats(name, period_start=date(2026, 1, 1), period_end=date(2026, 12, 31)))
    db.conn.close()
    return path


def _names(path: Path) -> list[str]:
    db = files.open_file(path, create=False)
    try:
        return [r.name for r in insatser.list_rows(db, 2026)]
    finally:
        db.conn.close()


def _backup(path: Path) -> Path:
    db = files.open_file(path, create=False)
    try:
        return backups.backup_now(db, path)
    finally:
        db.conn.close()


FULL_DISK_BACKUP = FILL + '''
import json, sys
from datetime import date
from pathlib import Path
from finsamdesk.domain.insatser import Insats
from finsamdesk.services import backups, files, insatser
from finsamdesk.services.errors import ServiceError

folder = Path(sys.argv[1])
path = folder / "förbund.sqlite"
db = files.new_file(path, "Fullt")
insatser.save(db, Insats("Före", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31)))
first = backups.backup_now(db, path)
insatser.save(db, Insats("x" * 200_000, period_start=date(2026, 1, 1), period_end=date(2026, 12, 31)))
fill(folder)
out = {"first": first.name}
try:
    backups.backup_now(db, path)
    out["second"] = "saved"
except ServiceError as exc:
    out["second"] = str(exc)
listed = backups.list_backups(path)
out["listed"] = [(b.path.name, b.size, b.readable) for b in listed]
out["latest"] = backups.latest_restorable(path).path.name
out["folder"] = sorted(p.name for p in backups.folder(path).iterdir())
db.conn.close()
print(json.dumps(out))
'''


def test_a_backup_that_fails_on_a_full_disk_leaves_no_empty_copy_to_restore(tmp_path):
    done = run_on_full_disk(FULL_DISK_BACKUP, tmp_path / "liten disk", size="2m")  # room for the file and one backup
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["second"].startswith("Säkerhetskopian kunde inte sparas") and "full" in out["second"]
    assert "No space" not in out["second"] and "disk is full" not in out["second"], "Swedish only"
    assert [name for name, _size, _readable in out["listed"]] == [out["first"]]
    assert out["latest"] == out["first"] and out["folder"] == [out["first"]], "no half-written copy is left"


def test_an_empty_or_foreign_copy_is_never_offered(tmp_path):
    path = _made(tmp_path / "förbund.sqlite")
    good = _backup(path)
    folder = backups.folder(path)
    (folder / "förbund-auto-29990101-000000.sqlite").write_bytes(b"")  # newer, empty: left by an old version
    cut = folder / "förbund-auto-29990102-000000.sqlite"
    cut.write_bytes(good.read_bytes()[:5000])
    listed = {b.path.name: b for b in backups.list_backups(path)}
    assert not listed["förbund-auto-29990101-000000.sqlite"].readable
    assert listed["förbund-auto-29990101-000000.sqlite"].summary != "tom"
    assert not listed[cut.name].readable
    assert backups.latest_restorable(path).path == good


def test_an_empty_file_is_not_opened_as_a_new_database(tmp_path):
    path = _made(tmp_path / "förbund.sqlite")
    good = _backup(path)
    path.write_bytes(b"")
    with pytest.raises(files.DamagedFileError, match="tom"):
        files.open_file(path)
    with pytest.raises(files.DamagedFileError):
        files.open_for_writing(path)
    assert path.read_bytes() == b"", "nothing was written into it"
    assert not (tmp_path / "förbund.sqlite.lock").exists()
    assert backups.latest_restorable(path).path == good
    backups.restore(path, good)
    assert _names(path) == ["Första insatsen"]


def test_an_empty_file_the_user_asked_to_create_is_made_new(tmp_path):
    path = tmp_path / "ny.sqlite"
    path.write_bytes(b"")  # as a save dialog may leave it
    db = files.new_file(path, "Nytt förbund")
    try:
        assert registers.forbund(db).name == "Nytt förbund"
    finally:
        db.conn.close()


@pytest.mark.parametrize("keep", [50, 100, 1000, 20_000])
def test_a_file_cut_short_is_damaged_and_its_backup_offered(tmp_path, keep):
    path = _made(tmp_path / "förbund.sqlite")
    good = _backup(path)
    data = path.read_bytes()
    path.write_bytes(data[:keep])
    with pytest.raises(files.DamagedFileError, match="är skadad"):
        files.open_file(path)
    with pytest.raises(files.DamagedFileError):
        files.open_file(path, create=False, read_only=True)
    assert backups.latest_restorable(path).path == good
    assert path.read_bytes() == data[:keep]


KILLED_RESTORE = '''
import resource, signal, sys
from pathlib import Path
from finsamdesk.services import backups
path, backup, limit = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
signal.signal(signal.SIGXFSZ, signal.SIG_DFL)  # Python ignores it; the OS then kills the process mid-write
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
backups.restore(path, backup)
'''


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE and SIGXFSZ")
def test_a_restore_killed_in_the_middle_of_the_copy_leaves_a_file_that_opens(tmp_path):
    path = _made(tmp_path / "förbund.sqlite", names=["Stor insats " + "x" * 300 + str(n) for n in range(2000)])
    big = _backup(path)
    db = files.open_file(path)
    insatser.save(db, Insats("Efter kopian", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31)))
    db.conn.close()
    before = len(_names(path))
    done = subprocess.run([sys.executable, "-c", KILLED_RESTORE, str(path), str(big), str(big.stat().st_size // 2)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == -signal.SIGXFSZ, done.stderr
    try:
        assert len(_names(path)) in (before, before - 1), "the file as it was, or the backup, and nothing between"
    except files.DamagedFileError:
        pytest.fail("a restore killed in the middle left a cut file")
    leftovers = [p.name for p in backups.list_backups(path) if not p.readable]
    assert leftovers == [], "no half copy is listed"
    os.sync()
