"""Verksamhetsplan med budget for a year, and the underlag för medlemssamråd (each member's contribution for
the coming three years). Prose is saved per year in the file like the årsredovisning's."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..domain import plan as rules
from ..domain.insatser import INRIKTNINGAR, STATUSES, inriktning_of
from ..domain.plan import Plan, PlannedInsats
from ..domain.text import sort_key
from ..store import budget as budget_store
from ..store import reports as store
from . import budget
from .report_data import letterhead

if TYPE_CHECKING:
    import sqlite_utils

DOCUMENT = "verksamhetsplan"


def plan(db: sqlite_utils.Database, year: int, today: date | None = None) -> Plan:
    """The plan for `year` (usually next year): its budget (budget column), the insatser granted money for it,
    and the members' contributions for `year` and the two years after."""
    b = budget.load_year(db, year)
    sheet = budget.sheet(db, year)
    budgets = {y: b for y in budget_store.years(db) if y < year + rules.SAMRAD_YEARS
               for b in [budget_store.load_year(db, y)] if b is not None}
    granted = store.granted_by_insats(db, year)
    insatser = sorted((PlannedInsats(i.id, i.name, INRIKTNINGAR[inriktning_of(i)], granted[i.id],
                                     STATUSES.get(i.status, i.status))
                       for i in store.all_insatser(db) if i.id is not None and granted.get(i.id)),
                      key=lambda p: sort_key(p.name))
    return Plan(year, letterhead(db).name, sheet, rules.contributions_ahead(year, budgets), insatser,
                store.texts(db, year, DOCUMENT), date(year - 1, *rules.BUDGET_DEADLINE),
                rules.plan_warnings(b, sheet, today or date.today()))
