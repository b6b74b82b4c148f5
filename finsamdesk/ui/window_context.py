"""What the menu commands may use of the main window: the open file, the status bar, leaving and opening a file,
and the pages. The window makes one WindowContext and gives it to each command object (file_commands,
applications/commands, participants/commands, meetings/commands), so a command never reads the window itself."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

if TYPE_CHECKING:
    import sqlite_utils

    from .pages import Page


class HeldLock(Protocol):
    """The one-writer lock held while the file is open for writing (store's FileLock)."""

    def touch(self) -> None: ...

    def release(self) -> None: ...


class WindowContext(NamedTuple):  # made before the window shows: a NamedTuple costs ~1 ms less than a dataclass
    parent: QWidget  # dialogs open over it
    db: Callable[[], sqlite_utils.Database | None]  # None until the first file is open
    path: Callable[[], Path]
    lock: Callable[[], HeldLock | None]
    read_only: Callable[[], bool]
    show_message: Callable[[str, int], None]  # the status bar: text, milliseconds
    leave_file: Callable[[], bool]  # save what is typed; False when the user keeps it
    set_file: Callable[[sqlite_utils.Database, Path, HeldLock | None], None]
    show_page: Callable[[str], Page]  # navigate to a page by id (pages.PAGES) and return it

    def database(self) -> sqlite_utils.Database:
        """The open file (the menus are enabled only while one is open)."""
        db = self.db()
        if db is None:
            raise RuntimeError("no file is open")
        return db

    def add_action(self, menu: QMenu, text: str, slot: Callable[[], object],
                   shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self.parent)
        if shortcut is not None:
            set_shortcut(action, shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action


def set_shortcut(action: QAction, *keys: QKeySequence) -> None:
    """The action's shortcut(s). Through setShortcuts([...]) with ready QKeySequences: PySide resolves the
    overloads of setShortcut and of QKeySequence's copy by building every enum of Qt's namespace (about 15 ms,
    measured), which the window need not pay before it is shown. A key given twice is set once: Redo's standard
    key is Ctrl+Shift+Z on Linux desktops, and Kortkommandon showed "Ctrl+Skift+Z eller Ctrl+Skift+Z"."""
    unique: list[QKeySequence] = []
    for key in keys:
        if not key.isEmpty() and key not in unique:
            unique.append(key)
    action.setShortcuts(unique)
