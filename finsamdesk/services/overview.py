"""The start page's figures: this year's money, applications waiting, reports due."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..domain.statuses import WAITING
from ..store import applications as app_store
from ..store import insatser as insats_store
from ..store.applications import ApplicationRow
from ..store.insatser import DueReport
from . import budget

if TYPE_CHECKING:
    import sqlite_utils

DUE_DAYS = 30


@dataclass
class Overview:
    year: int
    today: date
    budget: int | None  # Σ kostnader, budget
    granted: int
    spent: int
    equity_prognos: int | None
    has_budget: bool
    waiting: list[ApplicationRow]
    due: list[DueReport]  # overdue first, then due within DUE_DAYS
    spent_by_month: list[int]
    warnings: list[str]

    @property
    def remaining(self) -> int:
        return self.granted - self.spent

    @property
    def overdue(self) -> list[DueReport]:
        return [d for d in self.due if d.report.overdue(self.today)]


def application_count(db: sqlite_utils.Database) -> int:
    """How many applications the file holds, received and own (the window's status bar; no budgets computed)."""
    return len(app_store.list_rows(db))


def overview(db: sqlite_utils.Database, today: date | None = None) -> Overview:
    today = today or date.today()
    year = today.year
    sheet = budget.sheet(db, year)
    granted, _, spent = sheet.row("insatser").values
    waiting = sorted((r for r in app_store.list_rows(db) if r.status in WAITING),
                     key=lambda r: (list(WAITING).index(r.status), r.diarienummer))
    return Overview(
        year, today, sheet.row("sum_kostnader").values[0], granted or 0, spent or 0, sheet.row("ek_ub").values[1],
        year in budget.years(db), waiting, insats_store.open_reports(db, today + timedelta(days=DUE_DAYS)),
        insats_store.spent_by_month(db, year), sheet.warnings)
