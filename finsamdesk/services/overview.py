"""The start page's figures: a year's money (budget, beviljat against the ram för insatser, invoiced, next year's
commitments), applications waiting, reports due and the meetings to come."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..domain.statuses import WAITING
from ..store import application_list as app_store
from ..store import insats_figures as figures
from ..store import meeting_list as meeting_store
from ..store.application_list import ApplicationRow
from ..store.database import count_rows
from ..store.insats_figures import DueReport
from ..store.meeting_list import MeetingRow
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
    frame: int | None = None  # ram för insatser in the year's budget; None: no frame set
    within_frame: int = 0  # beviljat that counts against the frame (own money, not an outside funder's)
    next_year_granted: int = 0  # beviljat for year + 1: what the förbund has already promised
    next_year_insatser: int = 0  # how many insatser that is
    meetings: tuple[MeetingRow, ...] = ()  # from today on, soonest first

    @property
    def remaining(self) -> int:
        return self.granted - self.spent

    @property
    def overdue(self) -> list[DueReport]:
        return [d for d in self.due if d.report.overdue(self.today)]

    @property
    def unallocated(self) -> int | None:
        """Ram för insatser less what is granted against it (negative: over the frame); None without a frame."""
        return None if self.frame is None else self.frame - self.within_frame

    @property
    def months_passed(self) -> int:
        """How many months of the year have begun by today (12 for a past year, 0 for a coming one)."""
        if self.year < self.today.year:
            return 12
        return self.today.month if self.year == self.today.year else 0


def application_count(db: sqlite_utils.Database) -> int:
    """How many applications the file holds, received and own (the window's status bar; no budgets computed)."""
    return len(app_store.list_rows(db))


def register_counts(db: sqlite_utils.Database) -> tuple[int, int]:
    """How many organisations and contact persons the registers hold (the window's status bar)."""
    return count_rows(db, "organisation"), count_rows(db, "contact")


def years(db: sqlite_utils.Database, today: date | None = None) -> list[int]:
    """The years the overview can show: every budget year and every year with money for insatser, and this year
    and the next."""
    today = today or date.today()
    return sorted({*budget.years(db), *figures.year_totals(db), today.year, today.year + 1})


def coming_meetings(db: sqlite_utils.Database, today: date) -> tuple[MeetingRow, ...]:
    return tuple(sorted((r for r in meeting_store.list_rows(db) if r.date >= today), key=lambda r: (r.date, r.time)))


def overview(db: sqlite_utils.Database, today: date | None = None, year: int | None = None) -> Overview:
    """The figures of `year` (default this year); what is waiting, due and coming is counted from `today`."""
    today = today or date.today()
    year = year or today.year
    sheet = budget.sheet(db, year)
    granted, _, spent = sheet.row("insatser").values
    frame, within_frame = budget.frame_use(db, year)
    next_granted, next_count = figures.granted_in_year(db, year + 1)
    waiting = sorted((r for r in app_store.list_rows(db) if r.status in WAITING),
                     key=lambda r: (list(WAITING).index(r.status), r.diarienummer))
    return Overview(
        year, today, sheet.row("sum_kostnader").values[0], granted or 0, spent or 0, sheet.row("ek_ub").values[1],
        year in budget.years(db), waiting, figures.open_reports(db, today + timedelta(days=DUE_DAYS)),
        figures.spent_by_month(db, year), sheet.warnings, frame, within_frame, next_granted, next_count,
        coming_meetings(db, today))
