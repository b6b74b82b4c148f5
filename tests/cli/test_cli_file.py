"""The file a command works on: a backup before a write (#12 item 11), and an interrupted command — SIGTERM,
Ctrl+C, Ctrl+D at the passphrase prompt — ends with a Swedish line, its change rolled back, the file closed
(no -wal left) and unlocked (no .lock left) (#12 items 9 and 10). Real processes and a real terminal (pty)."""
from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from finsamdesk.domain.workflow import next_steps
from finsamdesk.services import applications, backups, registers
from finsamdesk.store.connection import open_database
from tests.fixtures.cli import run
from tests.fixtures.participant_files import new_register

ROOT = Path(__file__).resolve().parents[2]
SLOW_IMPORT = """
import sys, time
from finsamdesk.services import exchange

def import_slowly(db, data, new_number=False):
    with db.atomic():
        db.execute("UPDATE forbund SET name = 'halvvägs'")
        print("started", flush=True)
        time.sleep(60)

exchange.import_application_json = import_slowly
from finsamdesk.__main__ import main
sys.exit(main(["--file", sys.argv[1], "applications", "import", sys.argv[2]]))
"""


def _env(tmp_path) -> dict[str, str]:
    return {**os.environ, "FINSAMDESK_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT)}


def _left_beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name) and p != path)


def _name(path: Path) -> str:
    db = open_database(path)
    try:
        return registers.forbund(db).name
    finally:
        db.close()


def test_sigterm_rolls_back_closes_and_unlocks(demo_file, tmp_path):
    (tmp_path / "a.json").write_text("{}", "utf-8")
    before = _name(demo_file)
    process = subprocess.Popen([sys.executable, "-c", SLOW_IMPORT, str(demo_file), str(tmp_path / "a.json")],
                               env=_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "started"
        assert "demo.sqlite.lock" in _left_beside(demo_file) and "demo.sqlite-wal" in _left_beside(demo_file)
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 143
    assert err.startswith("fel: avbrutet") and "Traceback" not in err, err
    assert _left_beside(demo_file) == []  # no .lock, no -wal, no -shm
    assert _name(demo_file) == before


def _in_a_terminal(tmp_path, argv: list[str], keys: bytes) -> tuple[int, str]:
    """Run `finsamdesk argv…` on a pseudo-terminal, type `keys` at the passphrase prompt; (exit status, screen)."""
    import pty
    import warnings

    with warnings.catch_warnings():  # "fork() in a multi-threaded process": the child only execs
        warnings.simplefilter("ignore", DeprecationWarning)
        pid, fd = pty.fork()
    if pid == 0:  # the child: finsamdesk on the terminal
        os.environ.update(_env(tmp_path))
        os.environ.pop("FINSAMDESK_LOSENFRAS", None)
        os.execv(sys.executable, [sys.executable, "-m", "finsamdesk", *argv])
    screen = b""
    deadline = time.monotonic() + 60
    typed = False
    while time.monotonic() < deadline:
        if select.select([fd], [], [], 0.5)[0]:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the child has gone: the terminal is closed
                break
            if not chunk:
                break
            screen += chunk
        if not typed and b"L\xc3\xb6senfras: " in screen:
            time.sleep(0.3)  # getpass has turned echo off and waits
            os.write(fd, keys)
            typed = True
    _pid, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), screen.decode("utf-8", "replace")


@pytest.mark.parametrize("keys, code, said", [
    (b"\x04", 2, "fel: Ingen lösenfras angavs; ingenting gjordes."),  # Ctrl+D
    (b"\x03", 130, "fel: avbrutet (Ctrl+C)"),  # Ctrl+C
])
def test_ctrl_d_and_ctrl_c_at_the_passphrase_prompt(tmp_path, keys, code, said):
    db, _key, _insats = new_register(tmp_path)
    db.close()
    path = tmp_path / "register.sqlite"
    status, screen = _in_a_terminal(tmp_path, ["--file", str(path), "participants", "export", "--out",
                                               str(tmp_path / "ut.xlsx"), "--with-identifiers"], keys)
    assert status == code, screen
    assert said in screen and "Traceback" not in screen and "KeyboardInterrupt" not in screen, screen
    assert _left_beside(path) == [] and not (tmp_path / "ut.xlsx").exists()


def _automatic_backups(path: Path) -> list[Path]:
    return [b.path for b in backups.list_backups(path) if b.automatic]


def _open_ones(path: Path) -> list[str]:
    """Diarienummer of ansökningar that can still be withdrawn (no decision yet)."""
    db = open_database(path)
    try:
        return [r.diarienummer for r in applications.list_rows(db) if "atertagen" in next_steps(r.status)]
    finally:
        db.close()


def test_a_command_that_writes_takes_a_backup_first(capsys, demo_file):
    first, second = _open_ones(demo_file)[:2]
    assert run(capsys, "--file", demo_file, "applications", "list")[0] == 0
    assert _automatic_backups(demo_file) == []  # reading takes none
    code, _, err = run(capsys, "--file", demo_file, "applications", "status", first, "återtagen")
    assert code == 0, err
    [made] = _automatic_backups(demo_file)
    copy = open_database(made, create=False, read_only=True)
    try:
        assert applications.find(copy, first).status != "atertagen"  # the file as it was before the change
    finally:
        copy.close()
    assert run(capsys, "--file", demo_file, "applications", "status", second, "återtagen")[0] == 0
    assert _automatic_backups(demo_file) == [made]  # a script of many commands does not push older copies out


def test_the_next_backup_is_taken_once_the_last_is_ten_minutes_old(capsys, demo_file):
    first, second = _open_ones(demo_file)[:2]
    assert run(capsys, "--file", demo_file, "applications", "status", first, "återtagen")[0] == 0
    [made] = _automatic_backups(demo_file)
    stamp = (datetime.now() - timedelta(minutes=11)).strftime("%Y%m%d-%H%M%S")
    made.rename(made.with_name(f"demo-auto-{stamp}.sqlite"))
    assert run(capsys, "--file", demo_file, "applications", "status", second, "återtagen")[0] == 0
    assert len(_automatic_backups(demo_file)) == 2


def test_an_import_into_a_new_file_takes_no_backup_of_nothing(capsys, demo_file, tmp_path):
    exported = tmp_path / "a.json"
    assert run(capsys, "--file", demo_file, "applications", "export", "2023-001", "--out", exported)[0] == 0
    target = tmp_path / "ny.sqlite"
    assert run(capsys, "--file", target, "applications", "import", exported)[0] == 0
    assert _automatic_backups(target) == [] and _left_beside(target) == []
