"""Opening a file that is not sound from the window: restore is offered for every such file (damaged, empty,
cut short, overwritten), a sound file that cannot be written is offered read-only and never called damaged."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from finsamdesk.domain.insatser import Insats
from finsamdesk.services import backups, files, insatser
from finsamdesk.ui.opening import open_interactively
from tests.fixtures.filesystems import read_only_folder


def _example(folder):
    path = folder / "förbund.sqlite"
    db = files.new_file(path, "Samordningsförbundet Test")
    insatser.save(db, Insats("Första insatsen", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31)))
    backups.backup_now(db, path)
    db.conn.close()
    return path


def _answer(monkeypatch, button_text: str | None):
    """Every question is answered by the button with this text (None: Cancel); returns (title, text) seen."""
    seen = []

    def exec_(box):
        seen.append((box.windowTitle(), box.text()))
        wanted = next((b for b in box.buttons() if b.text() == button_text), None)
        box.clickedButton = lambda: wanted
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda parent, title, text, *a, **k: seen.append((title, text)))
    return seen


def _close(opened):
    db, lock = opened
    db.conn.close()
    if lock is not None:
        lock.release()


@pytest.mark.parametrize("spoil", ["tom", "avklippt", "överskriven"])
def test_a_file_that_is_not_sound_is_offered_its_backup(tmp_path, monkeypatch, qtbot, spoil):
    path = _example(tmp_path)
    data = path.read_bytes()
    path.write_bytes({"tom": b"", "avklippt": data[:50], "överskriven": b"inte en databas" * 50}[spoil])
    seen = _answer(monkeypatch, "Återställ säkerhetskopian")
    opened = open_interactively(None, path)
    assert opened is not None, seen
    try:
        assert seen[0][0] == "Filen är skadad" and "Den senaste säkerhetskopian är från" in seen[0][1]
        assert seen[-1][0] == "Återställd"
        assert [r.name for r in insatser.list_rows(opened[0], 2026)] == ["Första insatsen"]
    finally:
        _close(opened)


def test_an_empty_file_without_a_backup_may_be_started_over_but_never_silently(tmp_path, monkeypatch, qtbot):
    path = tmp_path / "förbund.sqlite"
    path.write_bytes(b"")
    seen = _answer(monkeypatch, None)
    assert open_interactively(None, path) is None
    assert seen[0][0] == "Filen är tom" and path.read_bytes() == b""
    seen = _answer(monkeypatch, "Börja om med en ny fil")
    opened = open_interactively(None, path)
    try:
        assert opened is not None and opened[1] is not None and files.is_empty(opened[0])
    finally:
        _close(opened)


def test_a_read_only_folder_is_offered_read_only_and_not_called_damaged(tmp_path, monkeypatch, qtbot):
    folder = tmp_path / "delad"
    folder.mkdir()
    path = _example(folder)
    seen = _answer(monkeypatch, "Öppna skrivskyddad")
    with read_only_folder(folder):
        opened = open_interactively(None, path)
        try:
            assert opened is not None and opened[1] is None and files.is_read_only(opened[0])
        finally:
            _close(opened)
    assert seen[0][0] == "Filen går inte att ändra" and "är skadad" not in seen[0][1]


def test_the_window_copies_the_wal_into_the_file_on_its_timer(tmp_path, qtbot):
    from finsamdesk.ui.file_commands import CHECKPOINT_MS
    from finsamdesk.ui.main_window import MainWindow

    path = _example(tmp_path)
    db, lock = files.open_for_writing(path)
    window = MainWindow(db, path, lock)
    qtbot.addWidget(window)
    window.file_commands.finish_backup()  # the backup taken on opening reads on its own thread meanwhile
    timer = window.file_commands._checkpoint
    assert timer.isActive() and timer.interval() == CHECKPOINT_MS <= 10_000
    insatser.save(db, Insats("Bara i WAL-filen ännu", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31)))
    assert "Bara i WAL-filen ännu".encode() not in path.read_bytes()
    timer.timeout.emit()
    assert "Bara i WAL-filen ännu".encode() in path.read_bytes()
