"""A change made to the file, as data: its name, and how to make it again or take it back.

The undoable use cases (budget_changes, insats_changes, participant_changes, meeting_changes) carry out the
change in one transaction and return a Change; a check that fails raises before anything is written, and no
Change is made. `redo` and `undo` are functions of the database, bound to ids and to copies of the values
saved before and after; they hold no widget and no object that anyone else changes. The window puts a Change
on its undo stack (ui/undo.py); the CLI has no use for it.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

Apply = Callable[["sqlite_utils.Database"], object]  # what it returns is not used


@dataclass(frozen=True)
class Change:
    text: str  # what Redigera → Ångra/Gör om names, in Swedish
    redo: Apply  # make the change again after an undo
    undo: Apply  # take it back
