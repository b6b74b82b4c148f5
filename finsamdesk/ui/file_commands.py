"""The Arkiv menu's file commands — open, new, save a copy, backups and restore, the förbund's settings — and
what keeps the open file safe meanwhile: the one-writer lock's heartbeat and the daily backup. Qt's dialogs are
imported when a command runs (see applications/commands.py)."""
from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from ..services.errors import ServiceError
from .settings import recent_files

if TYPE_CHECKING:
    import sqlite_utils

    from .window_context import WindowContext

FILE_FILTER = "finsamdesk-filer (*.sqlite *.db);;Alla filer (*)"
HEARTBEAT_MS, BACKUP_CHECK_MS = 60_000, 30 * 60_000
CHECKPOINT_MS = 10_000  # the WAL copied into the file: the most a -wal deleted while open, then a crash, can lose


def tr(text: str) -> str:
    return QCoreApplication.translate("FileCommands", text)


class _BackupNotice(QObject):
    failed = Signal(object)  # the exception, from the backup's thread to the GUI thread


class FileCommands:
    """Public: build_menu(menu), recent_menu, the commands open_path(path), open_file_dialog(), new_file(),
    save_copy(), show_backups(), restore_backup(path), edit_forbund(), backup_on_open(); and db, path,
    read_only as the backups dialog reads them."""

    def __init__(self, ctx: WindowContext, save_typed: Callable[[], object]):
        """`save_typed` saves what is typed in the application editor before a copy is made."""
        self.ctx = ctx
        self._save_typed = save_typed
        self.recent_menu: QMenu | None = None
        self._backup: threading.Thread | None = None  # the backup taken on opening, while it is written
        self._backup_notice = _BackupNotice(ctx.parent)
        self._backup_notice.failed.connect(self._backup_failed)
        self._heartbeat = QTimer(ctx.parent)
        self._heartbeat.setInterval(HEARTBEAT_MS)
        self._heartbeat.timeout.connect(self._touch_lock)
        self._heartbeat.start()
        self._daily = QTimer(ctx.parent)
        self._daily.setInterval(BACKUP_CHECK_MS)
        self._daily.timeout.connect(self.daily_backup)
        self._daily.start()
        self._checkpoint = QTimer(ctx.parent)
        self._checkpoint.setInterval(CHECKPOINT_MS)
        self._checkpoint.timeout.connect(self.checkpoint)
        self._checkpoint.start()

    # what the backups dialog reads
    @property
    def db(self) -> sqlite_utils.Database | None:
        return self.ctx.db()

    @property
    def path(self) -> Path:
        return self.ctx.path()

    @property
    def read_only(self) -> bool:
        return self.ctx.read_only()

    def build_menu(self, menu: QMenu) -> None:
        add = self.ctx.add_action
        add(menu, tr("&Ny fil…"), self.new_file, "Ctrl+Shift+N")
        add(menu, tr("&Öppna…"), self.open_file_dialog, QKeySequence.StandardKey.Open)
        add(menu, tr("Spara &kopia som…"), self.save_copy)
        add(menu, tr("Säker&hetskopior…"), self.show_backups)
        self.recent_menu = menu.addMenu(tr("&Senaste filer"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        menu.addSeparator()
        add(menu, tr("Förbundets &inställningar…"), self.edit_forbund)
        menu.addSeparator()
        add(menu, tr("&Avsluta"), self.ctx.parent.close, QKeySequence.StandardKey.Quit)

    def _fill_recent(self) -> None:
        menu = self.recent_menu
        assert menu is not None
        menu.clear()
        for name in recent_files():
            action = menu.addAction(name)
            action.setEnabled(Path(name).exists())
            action.triggered.connect(lambda _=False, n=name: self.open_path(Path(n)))
        if not menu.actions():
            menu.addAction(tr("(inga)")).setEnabled(False)

    # ------------------------------------------------------------------ keeping the file safe
    def _touch_lock(self) -> None:
        lock = self.ctx.lock()
        if lock is not None:
            lock.touch()

    def checkpoint(self) -> None:
        """Every CHECKPOINT_MS: what is saved moves from the -wal into the file (cheap when there is nothing)."""
        from ..services import files

        db = self.ctx.db()
        if db is not None and not self.ctx.read_only():
            files.checkpoint(db)

    def backup_on_open(self) -> None:
        """A backup when a file is opened for writing (not a new, empty one). The file is held as it is now (a read
        transaction: whatever is saved after this does not reach the backup), and the copy is written once the
        window is filled (after the pending events), on a thread of its own. A failure is told in the status bar.
        A Python thread, not a QThread: the interpreter waits for it at exit, however the window went away."""
        from ..services import backups, files

        db = self.ctx.db()
        if self.ctx.read_only() or db is None or files.is_empty(db):
            return
        self.finish_backup()  # one at a time (another file may have been opened just before)
        path, keep, notice = self.ctx.path(), backups.keep_count(db), self._backup_notice
        try:
            snapshot = backups.hold(path)
        except ServiceError as exc:
            self._backup_failed(exc)
            return

        def write() -> None:
            try:
                backups.backup_from_disk(path, keep, snapshot)
            except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, which tells or shows it
                try:
                    notice.failed.emit(exc)
                except RuntimeError:
                    pass  # the window is gone: nobody left to tell
            finally:
                snapshot.release()

        thread = threading.Thread(target=write, name="finsamdesk: backup on opening")
        self._backup = thread
        QTimer.singleShot(0, self._backup_notice, lambda: self._start_backup(thread))

    def _start_backup(self, thread: threading.Thread) -> None:
        if self._backup is thread and thread.ident is None:  # not started by finish_backup meanwhile
            thread.start()

    def _backup_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ServiceError):
            self.ctx.show_message(str(exc), 15_000)
        else:
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def finish_backup(self) -> None:
        """Write the backup taken on opening now if it has not started yet, and wait for it (before the file is
        closed or another opened)."""
        if self._backup is not None:
            if self._backup.ident is None:
                self._backup.start()
            self._backup.join()
            self._backup = None
            QCoreApplication.sendPostedEvents(self._backup_notice)

    def daily_backup(self) -> None:
        from ..services import backups

        db = self.ctx.db()
        if self.ctx.read_only() or db is None:
            return
        try:
            made = backups.backup_if_due(db, self.ctx.path())
        except ServiceError as exc:
            self.ctx.show_message(str(exc), 15_000)
            return
        if made is not None:
            self.ctx.show_message(tr("Daglig säkerhetskopia sparad: %s") % made.name, 8000)

    # ------------------------------------------------------------------ the commands
    def open_path(self, path: Path) -> None:
        from .opening import open_interactively

        if not self.ctx.leave_file():
            return
        if self.ctx.db() is not None and not self.ctx.read_only() and Path(path).resolve() == self.ctx.path().resolve():
            return  # already open here
        opened = open_interactively(self.ctx.parent, Path(path), create=False)
        if opened is not None:
            self.ctx.set_file(opened[0], Path(path), opened[1])

    def open_file_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self.ctx.parent, tr("Öppna fil"), str(self.ctx.path().parent),
                                              FILE_FILTER)
        if name:
            self.open_path(Path(name))

    def new_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

        from ..services import files

        parent = self.ctx.parent
        name, _ = QFileDialog.getSaveFileName(parent, tr("Ny fil"), str(self.ctx.path().parent), FILE_FILTER)
        if not name or not self.ctx.leave_file():
            return
        forbund, ok = QInputDialog.getText(parent, tr("Ny fil"), tr("Förbundets namn:"))
        if not ok:
            return
        try:
            db = files.new_file(name, forbund)
            held = files.lock_file(name)
        except ServiceError as exc:
            QMessageBox.warning(parent, tr("Ny fil"), str(exc))
            return
        self.ctx.set_file(db, Path(name), held)

    def save_copy(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from ..services import files

        self._save_typed()
        name, _ = QFileDialog.getSaveFileName(self.ctx.parent, tr("Spara kopia som"), str(self.ctx.path().parent),
                                              FILE_FILTER)
        if not name:
            return
        try:
            files.save_copy(self.ctx.database(), name)
        except ServiceError as exc:
            QMessageBox.warning(self.ctx.parent, tr("Spara kopia"), str(exc))
            return
        self.ctx.show_message(tr("Kopia sparad: %s") % name, 5000)

    def show_backups(self) -> None:
        from .backups_dialog import BackupsDialog

        if self.ctx.db() is not None:
            BackupsDialog(self, self.ctx.parent).exec()

    def restore_backup(self, backup: Path) -> None:
        """Put a backup in place of the open file: what is typed is saved, the file is closed, the backup restored
        (the file as it was is kept aside), and the file opened again. The lock stays held throughout."""
        from ..services import backups, files

        if self.ctx.read_only():
            raise ServiceError("Filen är öppen skrivskyddad; den kan inte återställas här.")
        if not self.ctx.leave_file():
            raise ServiceError("Det du har skrivit kan inte sparas; återställningen avbröts.")
        self.finish_backup()
        path = self.ctx.path()
        self.ctx.database().conn.close()
        try:
            aside = backups.restore(path, backup)
        finally:
            # the same file: set_file keeps the lock it is given when it is the one already held
            self.ctx.set_file(files.open_file(path, create=False), path, self.ctx.lock())
        self.ctx.show_message(tr("Återställd från %s; filen som den var finns som %s.") % (
            backup.name, aside.name if aside else "–"), 15_000)

    def edit_forbund(self) -> None:
        from .registers.forbund_dialog import ForbundDialog

        db = self.ctx.database()
        if ForbundDialog(db, self.ctx.parent).exec():
            self.ctx.set_file(db, self.ctx.path(), self.ctx.lock())
