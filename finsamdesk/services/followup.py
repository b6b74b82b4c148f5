"""Uppföljning Finsam for a year: the figures in the national system's order, and the one figure the file
cannot know by itself (the number of participants in a strukturövergripande part), entered here."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain import followup as rules
from ..domain.followup import FollowUp, InsatsYear
from ..store import budget as budget_store
from ..store import insatser as insats_store
from ..store import reports as store
from . import budget
from .errors import ServiceError, ValidationError
from .report_data import participants_year

if TYPE_CHECKING:
    import sqlite_utils


def follow_up(db: sqlite_utils.Database, year: int) -> FollowUp:
    counts = store.structural_counts(db, year)
    facts = [InsatsYear(insats, granted, spent, taking, counts.get(insats.id or 0))
             for insats, granted, spent, taking in participants_year(db, year)]
    b = budget_store.load_year(db, year)
    sheet = budget.sheet(db, year) if b is not None else None
    return rules.follow_up(year, b, sheet, facts)


def set_structural_count(db: sqlite_utils.Database, insats_id: int, year: int, count: int | None) -> None:
    """The number of participants in the insats's strukturövergripande part in the year (None: not known)."""
    if not db["insats"].count_where("id = ?", [insats_id]):
        raise ServiceError(f"Det finns ingen insats med id {insats_id}.")
    if count is not None and count < 0:
        raise ValidationError("Antalet deltagare kan inte vara negativt.", {"count": "Inte negativt."})
    with db.atomic():
        insats_store.set_structural_participants(db, insats_id, year, count)


def years(db: sqlite_utils.Database) -> list[int]:
    """Years with a budget, granted money or invoices: the years a follow-up can be made for."""
    found = {*budget_store.years(db), *store.money_years(db)}
    return sorted(found)
