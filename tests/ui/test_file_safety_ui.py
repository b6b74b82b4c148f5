"""What a user sees when the file is in use, damaged, read-only or full — and restoring a backup."""
from __future__ import annotations

import os
import sqlite3
from datetime import date

from PySide6.QtWidgets import QMessageBox

from finsamdesk.domain.insatser import Insats
from finsamdesk.services import backups, files, insatser
from finsamdesk.ui import errors as error_ui
from finsamdesk.ui.backups_dialog import BackupsDialog
from finsamdesk.ui.main_window import MainWindow
from finsamdesk.ui.opening import open_interactively
from tests.fixtures.closing import close_at_end


def _example(tmp_path):
    path = tmp_path / "förbund.sqlite"
    db = close_at_end(files.new_file(path, "Samordningsförbundet Test"))
    insatser.save(db, Insats("Första insatsen", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31)))
    db.conn.close()
    return path


def _answer(monkeypatch, button_text: str | None):
    """QMessageBox.exec answers by clicking the button with this text (None: Cancel); records the texts."""
    seen = []

    def exec_(box):
        seen.append(box.text())
        wanted = next((b for b in box.buttons() if b.text() == button_text), None)
        box.clickedButton = lambda: wanted
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: seen.append(a[2]))
    return seen


def test_a_file_in_use_opens_read_only_and_a_change_says_why_it_was_not_saved(tmp_path, qtbot, monkeypatch):
    path = _example(tmp_path)
    _first_db, first_lock = files.open_for_writing(path)
    close_at_end(_first_db)
    seen = _answer(monkeypatch, "Öppna skrivskyddad")
    db, lock = open_interactively(None, path)
    close_at_end(db)
    assert lock is None and "redan öppen i finsamdesk" in seen[0]
    window = MainWindow(db, path, lock)
    qtbot.addWidget(window)
    window.show()
    assert "[skrivskyddad]" in window.windowTitle() and window.read_only_label.text().startswith("Skrivskyddad")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    monkeypatch.setattr(error_ui, "_last_shown", {})
    try:
        insatser.save(db, Insats("Får inte sparas"))
    except sqlite3.OperationalError as exc:
        error_ui.show_unexpected_error(type(exc), exc, exc.__traceback__)
        error_ui.show_unexpected_error(type(exc), exc, exc.__traceback__)
    assert len(warnings) == 1 and warnings[0].startswith("Filen är öppnad skrivskyddad")
    assert "skrivskyddad" in window.statusBar().currentMessage(), "the second time: the status bar, no new dialog"
    first_lock.release()


def test_a_damaged_file_is_restored_from_its_backup_by_following_the_message(tmp_path, monkeypatch):
    path = _example(tmp_path)
    db = close_at_end(files.open_file(path))
    backups.backup_now(db, path)
    db.conn.close()
    data = bytearray(path.read_bytes())
    for offset in range(4096 + 200, len(data), 4096):  # 1 KiB a page: 64 bytes may all fall in free space
        data[offset:offset + 1024] = os.urandom(1024)
    path.write_bytes(bytes(data))
    seen = _answer(monkeypatch, "Återställ säkerhetskopian")
    db, lock = open_interactively(None, path)
    close_at_end(db)
    assert "är skadad" in seen[0] and "Den senaste säkerhetskopian är från" in seen[0] and "1 insats ·" in seen[0]
    assert seen[-1].startswith("Filen är återställd från säkerhetskopian")
    assert [r.name for r in insatser.list_rows(db, 2026)] == ["Första insatsen"]
    assert any(p.name.startswith("förbund-fore-aterstallning-") for p in backups.folder(path).iterdir())
    lock.release()


def test_the_backups_dialog_shows_what_each_holds_and_restores_one(tmp_path, qtbot, monkeypatch):
    path = _example(tmp_path)
    db, lock = files.open_for_writing(path)
    close_at_end(db)
    window = MainWindow(db, path, lock)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: len(backups.list_backups(path)) == 1)  # a backup is taken when the file is opened
    insatser.save(db, Insats("Andra insatsen"))
    dialog = BackupsDialog(window.file_commands, window)
    dialog.take_now()
    assert dialog.table.rowCount() == 2 and "2 insatser" in dialog.table.item(0, 3).text()
    assert "1 insats ·" in dialog.table.item(1, 3).text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.table.selectRow(1)
    assert dialog.restore_selected()
    assert [r.name for r in insatser.list_rows(window.db, 2026)] == ["Första insatsen"]
    assert window.lock is lock, "the file stays locked through the restore"
    assert "Återställd från" in window.statusBar().currentMessage()
    window.close()
    assert not (tmp_path / "förbund.sqlite.lock").exists()
