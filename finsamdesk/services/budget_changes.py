"""The förbund's budget changed as undoable steps: edit a year, copy a year into the next, delete a year."""
from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from ..domain.budget import BudgetYear
from ..store import budget as store
from . import budget
from .changes import Apply, Change

if TYPE_CHECKING:
    import sqlite_utils


def _put_back(year: int, saved: BudgetYear | None) -> Apply:
    """Make the year as it was: the saved budget, or none saved."""
    def apply(db: sqlite_utils.Database) -> None:
        if saved is None:
            budget.delete_year(db, year)
        else:
            budget.save_year(db, copy.deepcopy(saved))
    return apply


def edit_year(db: sqlite_utils.Database, b: BudgetYear) -> Change:
    """Save the year's budget (checked first: ValidationError changes nothing)."""
    before = store.load_year(db, b.year)
    budget.save_year(db, b)
    return Change(f"Ändra budget {b.year}", _put_back(b.year, copy.deepcopy(b)), _put_back(b.year, before))


def copy_to_next_year(db: sqlite_utils.Database, year: int) -> Change:
    """The year's budget into the next (ServiceError when there is nothing to copy or the next has one)."""
    made = copy.deepcopy(budget.copy_to_next_year(db, year))
    return Change(f"Kopiera budget till {made.year}", _put_back(made.year, made), _put_back(made.year, None))


def delete_year(db: sqlite_utils.Database, year: int) -> Change:
    before = store.load_year(db, year)
    budget.delete_year(db, year)
    return Change(f"Ta bort budget {year}", _put_back(year, None), _put_back(year, before))
