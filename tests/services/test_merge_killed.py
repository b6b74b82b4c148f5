"""kill -9 in the middle of a merge leaves the main file exactly as it was (issue 17): the merge is one
transaction, and SQLite's WAL forgets what was not committed."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

from finsamdesk.domain.insatser import Insats, Invoice
from finsamdesk.services import files, insatser
from finsamdesk.services import working_copies as wc
from tests.fixtures.closing import close_at_end

ROOT = Path(__file__).parents[2]


def _everything(path: Path) -> list:
    db = close_at_end(files.open_file(path))
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    rows = [(t, sorted(map(repr, db.execute(f'SELECT * FROM "{t}"').fetchall()))) for t in tables]
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    db.conn.close()
    return rows


def test_kill_9_during_a_merge_leaves_the_main_file_as_it_was(tmp_path):
    path = tmp_path / "huvudfil.sqlite"
    db = files.new_file(path, "Förbundet")
    insats = insatser.save(db, Insats("Insatsen", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31)))
    wc.take_copy(db, tmp_path / "kopia.sqlite")
    db.conn.close()
    copy = files.open_file(tmp_path / "kopia.sqlite")
    with copy.atomic():
        for n in range(300):
            from finsamdesk.store import insatser as store

            store.save_invoice(copy, Invoice(insats.id, date(2026, 2, 1), n, "Personal", note=f"faktura {n}"))
    copy.conn.close()
    before = _everything(path)
    child = subprocess.Popen([sys.executable, "-m", "tests.services.merge_killed", str(path),
                              str(tmp_path / "kopia.sqlite")], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "HALVVÄGS"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert _everything(path) == before
    db = close_at_end(files.open_file(path))
    report = wc.merge(db, wc.preview(db, tmp_path / "kopia.sqlite"), {})  # and the merge can simply be done again
    assert report.counts[0].added == 300
