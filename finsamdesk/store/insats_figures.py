"""Figures over all insatser, year by year: Σ beviljat, prognos, invoiced and outside income, what was invoiced
month by month, and the reports due. The budget and Översikt read these; the insats itself, its invoices and
reports are store/insatser.py."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ..domain.insats_reports import Report
from .convert import date_or_none as _d
from .database import rows

if TYPE_CHECKING:
    import sqlite_utils


def year_totals(db: sqlite_utils.Database) -> dict[int, tuple[int, int, int, int]]:
    """year → (Σ beviljat, Σ prognos (beviljat where none), Σ invoiced, Σ outside income) over all insatser."""
    out: dict[int, list[int]] = {}
    granted_by: dict[tuple[int, int], int] = {}
    for insats_id, year, amount in db.conn.execute(
            "SELECT insats_id, year, sum(amount_ore) FROM insats_granted GROUP BY insats_id, year"):
        granted_by[(insats_id, year)] = amount
    prognos_by = {(i, y): p for i, y, p in db.conn.execute(
        "SELECT insats_id, year, prognos_ore FROM insats_year WHERE prognos_ore IS NOT NULL")}
    for key in granted_by.keys() | prognos_by.keys():
        totals = out.setdefault(key[1], [0, 0, 0])
        totals[0] += granted_by.get(key, 0)
        totals[1] += prognos_by.get(key, granted_by.get(key, 0))
    for year, amount in db.conn.execute("SELECT substr(booked, 1, 4), sum(amount_ore) FROM invoice GROUP BY 1"):
        out.setdefault(int(year), [0, 0, 0])[2] += amount
    income = dict(db.conn.execute("SELECT year, sum(amount_ore) FROM insats_income GROUP BY year").fetchall())
    for year in income:
        out.setdefault(year, [0, 0, 0])
    return {y: (*v, income.get(y, 0)) for y, v in out.items()}  # type: ignore[misc]


def granted_in_year(db: sqlite_utils.Database, year: int) -> tuple[int, int]:
    """(Σ beviljat, how many insatser have money) in the year, over all insatser as year_totals counts them."""
    total, count = db.conn.execute("SELECT coalesce(sum(amount_ore), 0), count(DISTINCT insats_id) FROM insats_granted "
                              "WHERE year = ? AND amount_ore != 0", [year]).fetchone()
    return total, count


def spent_by_month(db: sqlite_utils.Database, year: int) -> list[int]:
    """Σ invoiced per month 1..12 of the year, over all insatser (öre)."""
    months = [0] * 12
    for month, amount in db.conn.execute(
            "SELECT substr(booked, 6, 2), sum(amount_ore) FROM invoice WHERE booked BETWEEN ? AND ? GROUP BY 1",
            [f"{year}-01-01", f"{year}-12-31"]):
        months[int(month) - 1] = amount
    return months


def report_from_row(r) -> Report:
    return Report(r["insats_id"], r["kind"], r["title"], _d(r["due"]), _d(r["period_start"]), _d(r["period_end"]),
                  _d(r["received_on"]), r["note"], bool(r["by_rule"]), r["id"])


class DueReport(NamedTuple):
    report: Report
    insats_name: str


def open_reports(db: sqlite_utils.Database, until: date) -> list[DueReport]:
    """Reports not yet received that are due on or before `until` (overdue ones included)."""
    sql = """SELECT r.*, i.name AS insats_name FROM report r JOIN insats i ON i.id = r.insats_id
             WHERE r.received_on IS NULL AND r.due <= ? AND i.archived = 0 ORDER BY r.due, i.name"""
    return [DueReport(report_from_row(r), r["insats_name"]) for r in rows(db, sql, [until.isoformat()])]
