"""The export with personnummer and names, killed half-way: nothing is left in the system temp folder, and no half
file under the name the user chose (only the hidden temporary folder beside it, in the folder they chose)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from finsamdesk.services import participant_files, participants
from tests.fixtures.closing import close_at_end
from tests.fixtures.participant_files import PASSPHRASE, TODAY, import_file, invented_rows, new_register

ROOT = Path(__file__).resolve().parents[2]
KILLED_EXPORT = textwrap.dedent("""
    import os, signal, sys
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet
    from finsamdesk.services import files, participant_files, participants

    appended = 0
    original = WriteOnlyWorksheet.append

    def append(self, row):  # the process is killed (as by the OS, no clean-up) after 2 000 rows
        global appended
        appended += 1
        if appended == 2000:
            sys.stdout.flush()
            os.kill(os.getpid(), signal.SIGKILL)
        original(self, row)

    WriteOnlyWorksheet.append = append
    db = files.open_file(sys.argv[1], create=False)
    key = participants.unlock(db, sys.argv[2])
    ids = [r[participants.Row.ID] for r in participants.Register(db).rows]
    participant_files.export_xlsx(db, ids, key, True, sys.argv[3])
""")


@pytest.mark.slow
def test_an_export_killed_half_way_leaves_no_personal_data_in_the_system_temp_folder(tmp_path):
    db, key, insats_id = new_register(tmp_path)
    close_at_end(db)
    rows = invented_rows(3644)
    participant_files.import_participants(db, insats_id, import_file(db, insats_id, rows), key, TODAY)
    db.conn.close()
    system_temp, destination = tmp_path / "temp", tmp_path / "Export #1 åäö"
    system_temp.mkdir()
    destination.mkdir()
    target = destination / "Deltagare MED PERSONUPPGIFTER.xlsx"
    env = {**os.environ, "TMPDIR": str(system_temp), "TEMP": str(system_temp), "TMP": str(system_temp),
           "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", KILLED_EXPORT, str(tmp_path / "register.sqlite"), PASSPHRASE,
                           str(target)], check=False, env=env, capture_output=True, timeout=300)
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()
    assert not list(system_temp.rglob("*")), "the export left files in the system temp folder"
    assert not target.exists()
    left = [p for p in destination.rglob("*") if p.is_file()]
    assert left and all(p.relative_to(destination).parts[0].startswith(".Deltagare MED") for p in left)


def test_the_export_replaces_an_older_file_only_when_complete(tmp_path):
    db, key, insats_id = new_register(tmp_path)
    close_at_end(db)
    participant_files.import_participants(db, insats_id, import_file(db, insats_id, invented_rows(3)), key, TODAY)
    ids = [r[participants.Row.ID] for r in participants.Register(db).rows]
    target = tmp_path / "Deltagare?.xlsx"
    target.write_bytes(b"den gamla filen")
    participant_files.export_xlsx(db, ids, key, True, target)
    assert target.read_bytes()[:2] == b"PK" and sorted(p.name for p in tmp_path.iterdir() if "Deltagare" in p.name) \
        == ["Deltagare?.xlsx"]
