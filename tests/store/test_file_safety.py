"""The file cannot be broken: one writer, read-only opening, a full disk, a damaged file, kill -9 in the middle
of a stream of saves."""
from __future__ import annotations

import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from finsamdesk.domain.insatser import Insats, Invoice
from finsamdesk.services import backups, files, insatser
from finsamdesk.services.errors import ServiceError
from finsamdesk.store import lock as lock_store

ROOT = Path(__file__).resolve().parents[2]


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "förbund.sqlite"
    db = files.new_file(path, "Samordningsförbundet Test")
    insats = insatser.save(db, Insats("Säkerhetsinsatsen", period_start=date(2026, 1, 1),
                                      period_end=date(2026, 12, 31)))
    insatser.save_invoice(db, Invoice(insats.id, date(2026, 3, 1), 1000_00, "Personal"))
    db.conn.close()
    return path


def test_a_second_writer_is_refused_and_may_read_only(tmp_path):
    path = _file(tmp_path)
    db, held = files.open_for_writing(path)
    with pytest.raises(files.FileInUseError) as caught:
        files.open_for_writing(path)
    assert f"på datorn {socket.gethostname()}" in str(caught.value) and "skrivskyddad" in str(caught.value)
    reader = files.open_file(path, create=False, read_only=True)
    assert files.is_read_only(reader) and [r.name for r in insatser.list_rows(reader, 2026)] == ["Säkerhetsinsatsen"]
    with pytest.raises(sqlite3.OperationalError) as refused:
        insatser.save(reader, Insats("Får inte skrivas"))
    assert files.known_problem(refused.value).startswith("Filen är öppnad skrivskyddad")
    insatser.save(db, Insats("Skrivs av den som har låset"))
    held.release()
    again, second = files.open_for_writing(path)  # free once released
    assert len(insatser.list_rows(again, 2026)) == 2
    second.release()
    for opened in (db, reader, again):
        opened.close()


def test_a_second_process_is_refused_while_the_first_holds_the_lock(tmp_path):
    path = _file(tmp_path)
    child = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from finsamdesk.services import files; "
        f"db, lock = files.open_for_writing({str(path)!r}); print('held', flush=True); time.sleep(30)")],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "held"
        with pytest.raises(files.FileInUseError):
            files.open_for_writing(path)
        child.send_signal(signal.SIGKILL)  # the OS drops its lock; the stale lock file is taken over
        child.wait(10)
        db, held = files.open_for_writing(path)
        db.close()
        held.release()
    finally:
        child.kill()
        child.wait(10)
        child.stdout.close()


def test_another_computers_lock_on_a_share_counts_until_its_heartbeat_is_stale(tmp_path):
    path = _file(tmp_path)
    other = {"host": "annan-dator", "user": "kerstin", "pid": 4242, "since": "2026-12-01T09:00:00",
             "heartbeat": time.time()}
    lock_store.lock_path(path).write_text(json.dumps(other), encoding="utf-8")
    with pytest.raises(files.FileInUseError) as caught:
        files.open_for_writing(path)
    assert "kerstin på datorn annan-dator (sedan 2026-12-01 kl. 09.00)" in str(caught.value)
    other["heartbeat"] = time.time() - lock_store.STALE_AFTER - 1
    lock_store.lock_path(path).write_text(json.dumps(other), encoding="utf-8")
    stale = time.time() - lock_store.STALE_AFTER - 1  # the age is the file system's: when it was last written
    os.utime(lock_store.lock_path(path), (stale, stale))
    db, held = files.open_for_writing(path)
    assert json.loads(lock_store.lock_path(path).read_text())["host"] == socket.gethostname()
    db.close()
    held.release()


def test_a_full_disk_gives_a_clear_message_and_keeps_what_was_saved(tmp_path):
    path = _file(tmp_path)
    db = files.open_file(path)
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages + 1}")  # what SQLite says when the disk is full
    insats = insatser.list_rows(db, 2026)[0]
    with pytest.raises(sqlite3.OperationalError) as caught:
        for n in range(2000):
            insatser.save_invoice(db, Invoice(insats.id, date(2026, 4, 1), 100_00 + n, "Personal",
                                              note="x" * 500))
    assert files.known_problem(caught.value).startswith("Disken är full: ändringen sparades inte.")
    saved = len(insatser.invoices(db, insats.id))
    db.conn.close()
    reopened = files.open_file(path)
    assert len(insatser.invoices(reopened, insats.id)) == saved >= 1
    assert reopened.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    reopened.close()


def test_a_damaged_file_is_found_when_opened_and_restored_from_its_latest_backup(tmp_path):
    path = _file(tmp_path)
    db = files.open_file(path)
    made = backups.backup_now(db, path)
    db.conn.close()
    data = bytearray(path.read_bytes())
    for offset in range(4096 + 100, len(data), 4096):  # scribble over every page but the first (64 bytes at
        data[offset:offset + 1024] = os.urandom(1024)  # offset 100 may all fall in free space: quick_check passes)
    path.write_bytes(bytes(data))
    with pytest.raises(files.DamagedFileError, match="är skadad"):
        files.open_file(path)
    latest = backups.latest_restorable(path)
    assert latest.path == made and latest.summary.startswith("0 ansökningar · 1 insats ")
    aside = backups.restore(path, latest.path)
    assert aside.read_bytes() == bytes(data), "the damaged file is kept as it was"
    restored = files.open_file(path)
    assert [r.name for r in insatser.list_rows(restored, 2026)] == ["Säkerhetsinsatsen"]
    restored.close()


def test_backups_rotate_and_a_damaged_backup_is_not_restored(tmp_path):
    path = _file(tmp_path)
    db = files.open_file(path)
    backups.set_keep_count(db, 3)
    made = []
    for _ in range(5):
        made.append(backups.backup_now(db, path))
    listed = [b.path for b in backups.list_backups(path)]
    assert listed == list(reversed(made[-3:])), "the oldest automatic ones go"
    assert backups.backup_if_due(db, path) is None, "a day has not passed"
    broken = backups.folder(path) / "förbund-auto-20200101-000000.sqlite"
    broken.write_bytes(b"SQLite format 3\x00" + os.urandom(5000))
    db.conn.close()
    with pytest.raises(ServiceError, match="själv skadad"):
        backups.restore(path, broken)
    files.open_file(path).close()


CHILD = r"""
import sys
from datetime import date
from finsamdesk.domain.insatser import Invoice
from finsamdesk.services import files, insatser
db = files.open_file(sys.argv[1])
insats_id = insatser.list_rows(db, 2026)[0].id
n = 0
while True:
    n += 1
    insatser.save_invoice(db, Invoice(insats_id, date(2026, 5, 1), n * 100, "Personal", reference=f"R{n}"))
    print(n, flush=True)  # committed: the transaction of save_invoice has ended
"""


def kill_rounds(path: Path, rounds: int, seed: int = 1) -> int:
    """Start a stream of saves, kill -9 it after a random number of commits, check the file; return the commits."""
    rng, total = random.Random(seed), 0
    for _ in range(rounds):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], cwd=ROOT, stdout=subprocess.PIPE,
                                 text=True)
        wanted, seen = rng.randint(1, 40), []
        while len(seen) < wanted:
            seen.append(int(child.stdout.readline()))
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        child.stdout.close()
        conn = sqlite3.connect(path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            stored = {r[0] for r in conn.execute("SELECT reference FROM invoice")}
        finally:
            conn.close()
        assert {f"R{n}" for n in seen} <= stored, "every committed save is in the file"
        total += len(seen)
        db = files.open_file(path)  # and the app opens it (quick check, migrations)
        db.conn.close()
    return total


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="kill -9")
def test_kill_9_in_a_stream_of_saves_loses_no_committed_change(tmp_path):
    """12 rounds here; `FINSAMDESK_KILL_ROUNDS=500 pytest -k kill_9` runs as many as asked."""
    rounds = int(os.environ.get("FINSAMDESK_KILL_ROUNDS", "12"))
    path = _file(tmp_path)
    assert kill_rounds(path, rounds=rounds, seed=rounds) >= rounds


def test_a_file_that_cannot_be_written_is_offered_read_only_and_nothing_changes(tmp_path, monkeypatch):
    path = _file(tmp_path)
    before = path.read_bytes()
    monkeypatch.setattr(os, "access", lambda p, mode: mode != os.W_OK)  # as a read-only share (tests run as root)
    with pytest.raises(files.FileNotWritableError, match="kan öppnas skrivskyddad"):
        files.open_for_writing(path)
    reader = files.open_file(path, create=False, read_only=True)
    assert [r.name for r in insatser.list_rows(reader, 2026)] == ["Säkerhetsinsatsen"]
    reader.conn.close()
    assert path.read_bytes() == before
