"""Deltagare: the register, counts per period and statistics in tabs, and the register's lock.

The passphrase is asked when the page is first opened on a file whose register is protected; the key is
kept in memory only (this page's `key`) and dropped when the user locks, after the set idle time, and when
another file is opened. Without it everything but the identifiers works.
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.text import count as counted
from ...services import participant_files as files_service
from ...services import participants as service
from ...services.changes import Change
from ...services.errors import ServiceError, ValidationError
from ..dialogs import confirm
from ..idle import IdleWatch
from ..undo import push
from ..widgets import ERROR_STYLE, INFO_STYLE, MessageLabel
from .counts import CountsTab
from .dialogs import GallringDialog, PassphraseDialog, RegisterSettingsDialog
from .register_tab import RegisterTab
from .statistics import StatisticsTab

if TYPE_CHECKING:
    import sqlite_utils
    from PySide6.QtWidgets import QLineEdit, QSplitter


class ParticipantsPage(QWidget):
    """Public: set_database(db), reload(), key, ensure_unlocked() -> bool, lock(), register (RegisterTab), counts,
    statistics, tabs, search, splitter, undo_stack, idle, lock_state, lock_button, message, and the commands
    change_passphrase(), edit_settings(), edit_categories(), gallring(); signals changed, lock_changed(bool)."""

    changed = Signal()
    lock_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db: sqlite_utils.Database | None = None
        self.key: Any = None  # the register's FieldKey while unlocked
        self._asked = False
        self.undo_stack = QUndoStack(self)
        self.idle = IdleWatch(self)
        self.idle.idle.connect(lambda: self.lock(self.tr("Registret låstes efter %s utan aktivitet.") % counted(
            round(self.idle.seconds / 60), self.tr("minut"), self.tr("minuter"))))
        self.register = RegisterTab(self)
        self.counts = CountsTab(self)
        self.statistics = StatisticsTab(self)
        self.tabs = QTabWidget()
        for widget, title in ((self.register, "Register"), (self.counts, "Antal per period"),
                              (self.statistics, "Statistik")):
            self.tabs.addTab(widget, self.tr(title))
        self.lock_state = QLabel()
        self.lock_button = QPushButton()
        self.lock_button.clicked.connect(self._lock_button_clicked)
        self.message = MessageLabel()
        top = QHBoxLayout()
        top.addWidget(self.message, 1)
        top.addStretch(0)
        top.addWidget(self.lock_state)
        top.addWidget(self.lock_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(lambda: self._reload_tab())

    @property
    def search(self) -> QLineEdit:
        return self.register.search

    @property
    def splitter(self) -> QSplitter:
        return self.register.splitter

    # ------------------------------------------------------------------ the file

    @property
    def database(self) -> sqlite_utils.Database:
        """The open file (the page acts only once set_database has given it one)."""
        assert self.db is not None, "set_database first"
        return self.db

    def set_database(self, db: sqlite_utils.Database) -> None:
        """A file is opened: the key of the last one is dropped; the tabs load when the page is shown."""
        if self.key is not None:
            self.lock()
        self.db = db
        self._asked = False
        self.undo_stack.clear()
        self.register.current_id = None
        self.register.register = None
        self._show_lock_state()

    def reload(self) -> None:
        """The page is shown: the current tab first, then (the first time) the passphrase is asked for, once the
        page is on screen with its pseudonymous list behind the dialog."""
        if self.db is None:
            return
        self._reload_tab()
        if not self._asked and self.key is None and service.is_protected(self.database):
            self._asked = True
            QTimer.singleShot(0, self.ensure_unlocked)

    def shown(self) -> None:
        self.reload()

    def leave(self) -> None:
        pass

    def save_if_dirty(self) -> bool:
        return self.register.save_if_dirty()

    def _current_tab(self) -> RegisterTab | CountsTab | StatisticsTab:
        return (self.register, self.counts, self.statistics)[max(0, self.tabs.currentIndex())]

    def refresh_tabs(self) -> None:
        """After a change: the tab in view shows it now; the others read the file when they are shown."""
        self._current_tab().reload()

    def _reload_tab(self) -> None:
        tab = self._current_tab()
        if tab is not self.register:
            self.register.save_if_dirty()
        tab.reload()

    # ------------------------------------------------------------------ the lock
    def _show_lock_state(self) -> None:
        protected = self.db is not None and service.is_protected(self.database)
        if self.key is not None:
            self.lock_state.setText(self.tr("Upplåst"))
            self.lock_state.setStyleSheet(INFO_STYLE)
            self.lock_button.setText(self.tr("Lås nu (Ctrl+L)"))
        elif protected:
            self.lock_state.setText(self.tr("Personuppgifterna är låsta"))
            self.lock_state.setStyleSheet(ERROR_STYLE)
            self.lock_button.setText(self.tr("Lås upp…"))
        else:
            self.lock_state.setText(self.tr("Ingen lösenfras: personnummer och namn kan inte sparas"))
            self.lock_state.setStyleSheet("")
            self.lock_button.setText(self.tr("Skydda personuppgifter…"))

    def _lock_button_clicked(self) -> None:
        if self.key is not None:
            self.lock()
        else:
            self.ensure_unlocked()

    def ensure_unlocked(self) -> bool:
        """True when the key is there; otherwise asks for it (or for a new passphrase on a file without one)."""
        if self.key is not None:
            return True
        if self.db is None:
            return False
        protected = service.is_protected(self.database)

        def attempt(*texts: str) -> str:
            try:
                db = self.database
                self.key = service.unlock(db, *texts) if protected else service.create_passphrase(db, *texts)
            except (ValidationError, ServiceError) as exc:
                return str(exc)
            return ""

        PassphraseDialog(self, "unlock" if protected else "create", attempt, self._example_hint()).exec()
        if self.key is None:
            return False
        self.idle.seconds = service.register_settings(self.database).lock_minutes * 60
        self.idle.start()
        self._show_lock_state()
        self.message.show_info(self.tr("Registret är upplåst. Det låses efter %s utan aktivitet.") % counted(
            service.register_settings(self.database).lock_minutes, self.tr("minut"), self.tr("minuter")))
        self.register.show_current()
        self.lock_changed.emit(False)
        return True

    def _example_hint(self) -> str:
        """The example file's passphrase is no secret: say it, so the example can be tried."""
        from ...services import registers
        from ...services.demo_participants import EXAMPLE_PASSPHRASE

        if not registers.forbund(self.database).is_example:
            return ""
        return self.tr("Exempelfilens lösenfras är: %s") % EXAMPLE_PASSPHRASE

    def lock(self, message: str = "") -> None:
        """Drop the key: identifiers can no longer be read until the passphrase is given again."""
        if self.key is None:
            return
        self.register.save_if_dirty()
        self.key = None
        self.idle.stop()
        self.register.forget_names()
        self.register.show_current()
        self._show_lock_state()
        self.message.show_warning(message or self.tr("Registret är låst."))
        self.lock_changed.emit(True)

    def change_passphrase(self) -> None:
        if self.db is None or not service.is_protected(self.database):
            self.ensure_unlocked()
            return

        def attempt(old: str, new: str, repeated: str, new_key: bool) -> str:
            try:
                key = service.change_passphrase(self.database, old, new, repeated, new_key=new_key)
            except (ValidationError, ServiceError) as exc:
                return str(exc)
            if key is not None and self.key is not None:
                self.key = key  # the old key reads nothing any more
            done.append(new_key)
            return ""

        done: list[bool] = []
        if PassphraseDialog(self, "change", attempt).exec():
            self.message.show_info(self.tr("Lösenfrasen och nyckeln är bytta; alla poster är krypterade på nytt.")
                                   if done[-1] else self.tr("Lösenfrasen är bytt."))

    # ------------------------------------------------------------------ settings, categories, gallring
    def edit_settings(self) -> None:
        current = service.register_settings(self.database)

        def save(minutes: int, years: int) -> str:
            try:
                service.save_register_settings(self.database, service.RegisterSettings(minutes, years))
            except ValidationError as exc:
                return str(exc)
            self.idle.seconds = minutes * 60
            return ""

        RegisterSettingsDialog(self, current.lock_minutes, current.gallring_years, save).exec()

    def edit_categories(self) -> None:
        from .categories_dialog import CategoriesDialog

        CategoriesDialog(self.database, self).exec()
        self.refresh_tabs()

    def gallring(self, today: date | None = None, confirmed: bool = False) -> int:
        """Show who would be gallrad; remove their identifiers when the user confirms. Returns how many."""
        self.register.save_if_dirty()
        plan = files_service.gallring_plan(self.database, today)
        if not confirmed:
            if not GallringDialog(self, plan, files_service.gallring_log(self.database)).exec():
                return 0
            if plan.items and not confirm(self, self.tr("Gallra"), self.tr(
                    "Ta bort personnummer, namn och anteckningar för %d deltagare? Det går inte att ångra.")
                    % len(plan.items)):
                return 0
        count = files_service.gallra(self.database, plan)
        self.undo_stack.clear()  # earlier steps could bring identifiers back
        self.refresh_tabs()
        self.message.show_info(self.tr("%d deltagare gallrades.") % count)
        self.changed.emit()
        return count

    # ------------------------------------------------------------------ undo
    def push(self, change: Change) -> None:
        """A change the tabs made: undo and redo show its outcome in the tab in view."""
        def after() -> None:
            self.refresh_tabs()
            self.changed.emit()

        push(self.undo_stack, change, self.database, after)
