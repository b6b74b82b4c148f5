"""Opening a file in the window: the backup taken on opening holds the file as it was opened and is written on a
thread of its own once the window is filled, a backup that fails is told in the status bar, and closing the window
waits for it."""
from __future__ import annotations

import threading
from datetime import date

from finsamdesk.domain.insatser import Insats
from finsamdesk.services import backups, files, insatser
from finsamdesk.services.errors import ServiceError
from finsamdesk.ui.main_window import MainWindow
from tests.fixtures.closing import close_at_end


def _file(tmp_path):
    path = tmp_path / "förbund med mellanslag.sqlite"
    db = files.new_file(path, "Samordningsförbundet Test")
    insatser.save(db, Insats("Första insatsen", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31)))
    db.conn.close()
    return path


def test_the_window_is_filled_while_the_backup_on_opening_is_written(qtbot, tmp_path, monkeypatch):
    path = _file(tmp_path)
    release, threads = threading.Event(), []
    made = backups.backup_from_disk

    def slow_backup(p, keep, snapshot=None):
        threads.append(threading.current_thread())
        assert release.wait(10)
        return made(p, keep, snapshot)

    monkeypatch.setattr(backups, "backup_from_disk", slow_backup)
    db, lock = files.open_for_writing(path)
    window = MainWindow(db, path, lock)
    qtbot.addWidget(window)
    window.show()
    assert "Samordningsförbundet Test" in window.path_label.text(), "the window is filled before the backup is made"
    assert backups.list_backups(path) == []
    release.set()
    qtbot.waitUntil(lambda: len(backups.list_backups(path)) == 1)
    assert threads and threads[0] is not threading.main_thread()
    assert "1 insats ·" in backups.list_backups(path)[0].summary


def test_the_backup_on_opening_is_written_after_the_window_is_filled_and_holds_the_file_as_opened(qtbot, tmp_path):
    """Start-up does not pay for the backup (benchmarks/startup.py): it is written once the window is filled. What is
    saved before it is written does not reach it: a backup of the file as it was opened exists before the first
    write, in content, however soon that write comes."""
    path = _file(tmp_path)
    db, lock = files.open_for_writing(path)
    window = MainWindow(db, path, lock)
    qtbot.addWidget(window)
    assert window.file_commands._backup is not None and window.file_commands._backup.ident is None, \
        "not started while the window is filled"
    insatser.save(db, Insats("Sparad direkt", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31)))
    qtbot.waitUntil(lambda: len(backups.list_backups(path)) == 1)
    window.file_commands.finish_backup()
    assert "1 insats ·" in backups.list_backups(path)[0].summary


def test_a_backup_that_cannot_be_written_is_told_in_the_status_bar(qtbot, tmp_path, monkeypatch):
    path = _file(tmp_path)

    def full_disk(p, keep, snapshot=None):
        raise ServiceError("Säkerhetskopian kunde inte sparas i säkerhetskopior: disken är full")

    monkeypatch.setattr(backups, "backup_from_disk", full_disk)
    db, lock = files.open_for_writing(path)
    window = MainWindow(db, path, lock)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "disken är full" in window.statusBar().currentMessage())


def test_closing_the_window_waits_for_the_backup_and_lets_the_file_go(qtbot, tmp_path, monkeypatch):
    path = _file(tmp_path)
    release = threading.Event()
    made = backups.backup_from_disk
    monkeypatch.setattr(backups, "backup_from_disk",
                        lambda p, keep, snapshot=None: (release.wait(10), made(p, keep, snapshot))[1])
    db, lock = files.open_for_writing(path)
    window = MainWindow(db, path, lock)
    qtbot.addWidget(window)
    threading.Timer(0.2, release.set).start()
    window.close()
    assert len(backups.list_backups(path)) == 1, "the backup is complete when the window has closed"
    assert not (tmp_path / f"{path.name}.lock").exists()


def test_a_backup_from_disk_is_a_consistent_copy_and_old_ones_are_rotated(tmp_path):
    path = _file(tmp_path)
    db = close_at_end(files.open_file(path))
    for n in range(3):
        insatser.save(db, Insats(f"Insats {n}"))
        backups.backup_from_disk(path, keep=2)
    assert [b.summary.split(" · ")[1] for b in backups.list_backups(path)] == ["4 insatser", "3 insatser"]
    held = backups.hold(path)
    insatser.save(db, Insats("Efter ögonblicksbilden"))
    backups.backup_from_disk(path, keep=3, snapshot=held)
    assert backups.list_backups(path)[0].summary.split(" · ")[1] == "4 insatser", "the file as it was when held"

