"""Undo for actions that went through a service: the command holds two callables, never widgets."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand


class DoneCommand(QUndoCommand):
    """An action already carried out (`redo` is called again only after an undo)."""

    def __init__(self, text: str, redo: Callable[[], None], undo: Callable[[], None]):
        super().__init__(text)
        self._redo, self._undo, self._done = redo, undo, True

    def redo(self) -> None:
        if self._done:
            self._done = False  # QUndoStack.push calls redo once: the action has happened already
            return
        self._redo()

    def undo(self) -> None:
        self._undo()
