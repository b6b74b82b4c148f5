"""Damage that used to escape: SQLite messages that are not UTF-8, text that does not decode while in use, and
commits that lived only in a -wal deleted while the file was open."""
from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from finsamdesk.domain.insatser import Insats
from finsamdesk.services import backups, files, insatser
from tests.fixtures.filesystems import ROOT


def _made(path: Path) -> Path:
    db = files.new_file(path, "Samordningsförbundet Test")
    insatser.save(db, Insats("Första insatsen", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31)))
    backups.backup_now(db, path)
    db.conn.close()
    return path


def _schema_name_not_utf8(path: Path) -> None:
    """A table whose name in the schema is bytes that are not UTF-8: SQLite's own message about it is not either."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("CREATE TABLE spill (x TEXT)")
        conn.commit()
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET name = CAST(X'73ff' AS TEXT), tbl_name = CAST(X'73ff' AS TEXT), "
                     "sql = CAST(X'435245415445205441424c452073ff202878' AS TEXT) WHERE name = 'spill'")
        conn.commit()
    finally:
        conn.close()


def test_a_check_whose_message_is_not_utf8_is_damage_with_the_backup_offered(tmp_path):
    path = _made(tmp_path / "förbund.sqlite")
    _schema_name_not_utf8(path)
    with pytest.raises(files.DamagedFileError, match="är skadad"):
        files.open_file(path)
    with pytest.raises(files.DamagedFileError, match="är skadad"):
        files.open_file(path, create=False, read_only=True)
    latest = backups.latest_restorable(path)
    assert latest is not None and latest.summary.startswith("0 ansökningar · 1 insats ")
    backups.restore(path, latest.path)
    db = files.open_file(path)
    try:
        assert [r.name for r in insatser.list_rows(db, 2026)] == ["Första insatsen"]
    finally:
        db.conn.close()


def test_a_damaged_backup_of_that_kind_is_listed_as_unreadable(tmp_path):
    path = _made(tmp_path / "förbund.sqlite")
    [made] = backups.list_backups(path)
    _schema_name_not_utf8(made.path)
    [listed] = backups.list_backups(path)
    assert not listed.readable and backups.latest_restorable(path) is None


def test_text_that_does_not_decode_while_in_use_is_called_damage(tmp_path):
    path = _made(tmp_path / "förbund.sqlite")
    db = files.open_file(path)
    try:
        db.execute("UPDATE insats SET name = CAST(X'41ff42' AS TEXT)")
        db.conn.commit()
        with pytest.raises(sqlite3.Error) as caught:
            insatser.list_rows(db, 2026)
        assert files.known_problem(caught.value).startswith("Filen verkar vara skadad")
    finally:
        db.conn.close()


WRITER = r"""
import sys, time
from datetime import date
from finsamdesk.domain.insatser import Invoice
from finsamdesk.services import files, insatser
db, held = files.open_for_writing(sys.argv[1], create=False)
insats_id = insatser.list_rows(db, 2026)[0].id
for n in range(40):
    insatser.save_invoice(db, Invoice(insats_id, date(2026, 5, 1), 100, "Personal", reference=f"F{n}"))
files.checkpoint(db)  # what the window does on its timer
for n in range(40, 45):
    insatser.save_invoice(db, Invoice(insats_id, date(2026, 5, 1), 100, "Personal", reference=f"F{n}"))
print("saved", flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="an open -wal cannot be deleted on Windows")
def test_a_wal_deleted_while_open_loses_only_what_came_after_the_last_checkpoint(tmp_path):
    path = _made(tmp_path / "förbund.sqlite")
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "saved"
        path.with_name(path.name + "-wal").unlink()
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    finally:
        child.kill()
        child.wait(10)
        child.stdout.close()
    db = files.open_file(path)
    try:
        kept = {r[0] for r in db.execute("SELECT reference FROM invoice")}
    finally:
        db.conn.close()
    assert {f"F{n}" for n in range(40)} <= kept, "every commit before the checkpoint is in the file"
