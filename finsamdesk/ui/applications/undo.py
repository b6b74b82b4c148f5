"""Undo for the open application: commands keep a field path and values, never widgets or indexes."""
from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

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
