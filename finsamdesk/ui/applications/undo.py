"""Undo for the open application: commands keep a field path and values, never widgets or indexes."""
from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand

FieldPath = tuple[Any, ...]  # ("section", id), ("budget", category, column, year), ("name",) …


class EditCommand(QUndoCommand):
    """Set one field of the application (path like ("section", "mal")); merges consecutive typing."""

    def __init__(self, apply: Callable[[FieldPath, Any], None], path: FieldPath, old: Any, new: Any, text: str,
                 merge: bool = False):
        super().__init__(text)
        self._apply = apply
        self.path = path
        self.old = copy.deepcopy(old)
        self.new = copy.deepcopy(new)
        self._merge = merge

    def id(self) -> int:
        return (hash(self.path) & 0x3FFFFFFF) if self._merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other.path != self.path or not self._merge:
            return False
        self.new = copy.deepcopy(other.new)
        return True

    def redo(self) -> None:
        self._apply(self.path, copy.deepcopy(self.new))

    def undo(self) -> None:
        self._apply(self.path, copy.deepcopy(self.old))


class ShownCommand(QUndoCommand):
    """A step that changes only what the editor shows, not the application: text kept in a cell that is not an
    amount. Undo takes it back like any edit (the cell shows what it showed before)."""

    def __init__(self, text: str, redo: Callable[[], None], undo: Callable[[], None]):
        super().__init__(text)
        self._redo, self._undo = redo, undo

    def redo(self) -> None:
        self._redo()

    def undo(self) -> None:
        self._undo()


class NoNativeUndo(QObject):
    """Lets Ctrl+Z reach the editor's undo stack instead of a text field's own little undo."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.ShortcutOverride and (
                event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)):
            event.ignore()
            return True
        return False
