"""The applications as lines of a list — the Ansökningar table, Översikt, the exports: ApplicationRow, read in
three queries. Apart from store/applications.py (a whole application, loaded and saved), so that the start page
needs neither the application's domain classes nor their import (start-up, benchmarks/startup.py)."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ..domain.budget_columns import SOUGHT
from ..domain.statuses import GRANTED
from .convert import date_or_none as _d

if TYPE_CHECKING:
    import sqlite_utils


class ApplicationRow(NamedTuple):
    """One line of the applications list."""

    id: int
    diarienummer: str
    name: str
    applicant: str
    period_start: date | None
    period_end: date | None
    sought_ore: int
    status: str
    next_step: date | None
    template_id: str
    direction: str = "received"
    funder: str = ""
    granted_ore: int = 0  # the latest decision's granted amounts, all years (Application.granted_by_year)

    @property
    def granted_total(self) -> int:
        """What the förbund (or the funder) has granted, counted while the ansökan stands granted."""
        return self.granted_ore if self.status in GRANTED else 0

    @property
    def years(self) -> set[int]:
        if not self.period_start or not self.period_end:
            return set()
        return set(range(self.period_start.year, self.period_end.year + 1))


def list_rows(db: sqlite_utils.Database) -> list[ApplicationRow]:
    sql = """
    SELECT a.id, a.diarienummer, a.name, a.template_id, a.period_start, a.period_end, a.status,
           a.budget_years, a.direction, a.funder,
           CASE WHEN a.applicant_text != '' THEN a.applicant_text ELSE
             coalesce((SELECT group_concat(name, ', ') FROM
                (SELECT name FROM application_applicant p WHERE p.application_id = a.id ORDER BY position)), '')
           END AS applicant,
           (SELECT max(date) FROM status_event e WHERE e.application_id = a.id) AS last_step
    FROM application a
    """
    sought: dict[int, dict[int, int]] = {}
    for app_id, year, amount in db.conn.execute(
            "SELECT application_id, year, sum(amount_ore) FROM budget_cell WHERE column_kind = ? "
            "GROUP BY application_id, year", [SOUGHT]).fetchall():
        sought.setdefault(app_id, {})[year] = amount
    granted: dict[int, int] = {}  # the last event (by id, as load orders the history) that granted amounts
    for app_id, _event, amount in db.conn.execute(
            "SELECT e.application_id, e.id, sum(g.amount_ore) FROM granted_amount g "
            "JOIN status_event e ON e.id = g.status_event_id GROUP BY e.id ORDER BY e.id").fetchall():
        granted[app_id] = amount
    rows = []
    for r in db.conn.execute(sql).fetchall():
        (app_id, dnr, name, template_id, start, end, status, years, direction, funder, applicant, last_step) = r
        year_list = {int(y) for y in years.split(",") if y} if years else set()
        total = sum(a for y, a in sought.get(app_id, {}).items() if y in year_list)
        rows.append(ApplicationRow(app_id, dnr, name, applicant, _d(start), _d(end), total, status,
                                   _d(last_step), template_id, direction, funder, granted.get(app_id, 0)))
    return rows
