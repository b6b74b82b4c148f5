"""The one adapter between a services Change and Qt's undo stack."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand, QUndoStack

if TYPE_CHECKING:
    import sqlite_utils

    from ..services.changes import Change


class ChangeCommand(QUndoCommand):
    """A change already made to `db`: undo and redo run the change's functions on it, then `after` (the page
    shows the file as it is now; `after_undo` instead when undoing needs another view)."""

    def __init__(self, change: Change, db: sqlite_utils.Database, after: Callable[[], object],
                 after_undo: Callable[[], object] | None = None):
        super().__init__(change.text)
        self.change, self._db = change, db
        self._after, self._after_undo = after, after_undo or after
        self._made = True

    def redo(self) -> None:
        if self._made:
            self._made = False  # QUndoStack.push calls redo once: the change has been made already
            return
        self.change.redo(self._db)
        self._after()

    def undo(self) -> None:
        self.change.undo(self._db)
        self._after_undo()


def push(stack: QUndoStack, change: Change, db: sqlite_utils.Database, after: Callable[[], object],
         after_undo: Callable[[], object] | None = None) -> None:
    stack.push(ChangeCommand(change, db, after, after_undo))
