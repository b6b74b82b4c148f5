"""The one-writer lock under races and mishaps: four processes racing, a lock file deleted while held, a PID that
was reused, a heartbeat from the future, an unreadable lock file."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from finsamdesk.domain.insatser import Insats
from finsamdesk.services import files, insatser
from finsamdesk.store import lock as lock_store
from tests.fixtures.filesystems import ROOT
from tests.store.lock_race import race


def _made(path: Path) -> Path:
    db = files.new_file(path, "Samordningsförbundet Test")
    insatser.save(db, Insats("Låsinsatsen", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31)))
    db.conn.close()
    return path


def _foreign_lock(path: Path, *, host: str, pid: int, heartbeat: float, age: float) -> None:
    """A lock file as another holder left it, last written `age` seconds ago by the file system's clock."""
    target = lock_store.lock_path(path)
    target.write_text(json.dumps({"host": host, "user": "kerstin", "pid": pid, "since": "2026-12-01T09:00:00",
                                  "heartbeat": heartbeat}), encoding="utf-8")
    written = time.time() - age
    os.utime(target, (written, written))


@pytest.mark.skipif(sys.platform == "win32", reason="the race is measured on POSIX")
def test_four_processes_racing_for_the_lock_never_overlap():
    """Four processes for 3 s here (`python -m tests.store.lock_race --seconds 20` runs the 20 s race)."""
    result = race(4, 3.0)
    assert result["acquired"] > 20 and result["overlaps"] == 0, result


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the guard on the database file is Linux's")
def test_racing_while_the_lock_file_keeps_being_deleted_never_overlaps():
    result = race(4, 3.0, with_vandal=True)
    assert result["deleted"] > 0 and result["acquired"] > 10 and result["overlaps"] == 0, result


HOLDER = r"""
import sys, time
from finsamdesk.services import files
db, lock = files.open_for_writing(sys.argv[1], create=False)
print("held", flush=True)
sys.stdin.readline()  # the test says when the heartbeat is due
lock.touch()
print("touched", flush=True)
sys.stdin.readline()
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the guard on the database file is Linux's")
def test_a_lock_file_deleted_while_held_does_not_let_a_second_writer_in(tmp_path):
    path = _made(tmp_path / "förbund.sqlite")
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], cwd=ROOT, stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "held"
        lock_store.lock_path(path).unlink()
        with pytest.raises(files.FileInUseError) as caught:
            files.open_for_writing(path, create=False)
        assert "?" not in str(caught.value) and "någon annan" in str(caught.value)
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "touched"
        restored = json.loads(lock_store.lock_path(path).read_text(encoding="utf-8"))
        assert restored["pid"] == child.pid, "the heartbeat puts the lock file back"
        with pytest.raises(files.FileInUseError, match=f"på datorn {socket.gethostname()}"):
            files.open_for_writing(path, create=False)
    finally:
        child.stdin.close()
        child.wait(10)
        child.stdout.close()
    db, held = files.open_for_writing(path, create=False)  # free once its holder is gone
    db.conn.close()
    held.release()
    assert not lock_store.lock_path(path).exists()


def test_a_lock_left_on_this_computer_by_a_pid_now_reused_is_taken_over(tmp_path):
    path = _made(tmp_path / "förbund.sqlite")
    _foreign_lock(path, host=socket.gethostname(), pid=os.getppid(), heartbeat=time.time(), age=0)
    db, held = files.open_for_writing(path, create=False)
    try:
        assert json.loads(lock_store.lock_path(path).read_text())["pid"] == os.getpid()
    finally:
        db.conn.close()
        held.release()


def test_another_computers_heartbeat_from_the_future_does_not_refuse_forever(tmp_path):
    path = _made(tmp_path / "förbund.sqlite")
    _foreign_lock(path, host="annan-dator", pid=4242, heartbeat=time.time() + 86_400,
                  age=lock_store.STALE_AFTER + 60)
    db, held = files.open_for_writing(path, create=False)
    db.conn.close()
    held.release()


def test_another_computers_live_lock_counts_whatever_its_clock_says(tmp_path):
    path = _made(tmp_path / "förbund.sqlite")
    _foreign_lock(path, host="annan-dator", pid=4242, heartbeat=time.time() - 86_400, age=5)
    with pytest.raises(files.FileInUseError, match="kerstin på datorn annan-dator"):
        files.open_for_writing(path, create=False)
    assert json.loads(lock_store.lock_path(path).read_text())["host"] == "annan-dator", "their lock is kept"


def test_an_empty_or_unreadable_lock_file_nobody_holds_is_taken_over(tmp_path):
    path = _made(tmp_path / "förbund.sqlite")
    for content in (b"", b"{inte json", b"\xff\xfe"):
        lock_store.lock_path(path).write_bytes(content)
        db, held = files.open_for_writing(path, create=False)
        db.conn.close()
        held.release()
        assert not lock_store.lock_path(path).exists()
