"""The Arkiv menu's file commands on the main window — open, new, save a copy, backups and restore — and what
keeps the open file safe meanwhile: the one-writer lock's heartbeat and the daily backup.
A mixin of MainWindow (db, path, lock, set_file, leave_file, status bar)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from ..services.errors import ServiceError

FILE_FILTER = "finsamdesk-filer (*.sqlite *.db);;Alla filer (*)"
HEARTBEAT_MS, BACKUP_CHECK_MS = 60_000, 30 * 60_000


class FileCommands:
    def _start_file_timers(self) -> None:
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(HEARTBEAT_MS)
        self._heartbeat.timeout.connect(lambda: self.lock.touch() if self.lock is not None else None)
        self._heartbeat.start()
        self._daily = QTimer(self)
        self._daily.setInterval(BACKUP_CHECK_MS)
        self._daily.timeout.connect(self._daily_backup)
        self._daily.start()

    def _backup_on_open(self) -> None:
        """A backup when a file is opened for writing (not a new, empty one)."""
        from ..services import backups, files

        if self.read_only or self.db is None or files.is_empty(self.db):
            return
        try:
            backups.backup_now(self.db, self.path)
        except ServiceError as exc:
            self.statusBar().showMessage(str(exc), 15_000)

    def _daily_backup(self) -> None:
        from ..services import backups

        if self.read_only or self.db is None:
            return
        try:
            made = backups.backup_if_due(self.db, self.path)
        except ServiceError as exc:
            self.statusBar().showMessage(str(exc), 15_000)
            return
        if made is not None:
            self.statusBar().showMessage(self.tr("Daglig säkerhetskopia sparad: %s") % made.name, 8000)

    def open_path(self, path: Path) -> None:
        from .opening import open_interactively

        if not self.leave_file():
            return
        if self.db is not None and not self.read_only and Path(path).resolve() == self.path.resolve():
            return  # already open here
        opened = open_interactively(self, Path(path), create=False)
        if opened is not None:
            self.set_file(opened[0], Path(path), opened[1])

    def open_file_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Öppna fil"), str(self.path.parent), FILE_FILTER)
        if name:
            self.open_path(Path(name))

    def new_file(self) -> None:
        from ..services import files

        name, _ = QFileDialog.getSaveFileName(self, self.tr("Ny fil"), str(self.path.parent), FILE_FILTER)
        if not name or not self.leave_file():
            return
        forbund, ok = QInputDialog.getText(self, self.tr("Ny fil"), self.tr("Förbundets namn:"))
        if not ok:
            return
        try:
            db = files.new_file(name, forbund)
            held = files.lock_file(name)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Ny fil"), str(exc))
            return
        self.set_file(db, Path(name), held)

    def save_copy(self) -> None:
        from ..services import files

        self.applications.editor.save_now()
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Spara kopia som"), str(self.path.parent), FILE_FILTER)
        if not name:
            return
        try:
            files.save_copy(self.db, name)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Spara kopia"), str(exc))
            return
        self.statusBar().showMessage(self.tr("Kopia sparad: %s") % name, 5000)

    def show_backups(self) -> None:
        from .backups_dialog import BackupsDialog

        if self.db is not None:
            BackupsDialog(self).exec()

    def restore_backup(self, backup: Path) -> None:
        """Put a backup in place of the open file: what is typed is saved, the file is closed, the backup restored
        (the file as it was is kept aside), and the file opened again. The lock stays held throughout."""
        from ..services import backups, files

        if self.read_only:
            raise ServiceError("Filen är öppen skrivskyddad; den kan inte återställas här.")
        if not self.leave_file():
            raise ServiceError("Det du har skrivit kan inte sparas; återställningen avbröts.")
        self.db.conn.close()
        try:
            aside = backups.restore(self.path, backup)
        finally:
            db = files.open_file(self.path, create=False)
            lock, self.lock = self.lock, None  # the same file: keep the lock, do not release it in set_file
            self.set_file(db, self.path, lock)
        self.statusBar().showMessage(self.tr("Återställd från %s; filen som den var finns som %s.") % (
            backup.name, aside.name if aside else "–"), 15_000)
