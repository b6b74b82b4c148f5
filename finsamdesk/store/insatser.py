"""Queries for insatser: the insats itself, its granted money per year, invoices and reports."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ..domain.insatser import Insats, Invoice, Report, YearEconomy
from .convert import date_or_none as _d
from .convert import iso_or_none as _iso
from .convert import now_iso as _now
from .ids import new_id
from .insats_figures import report_from_row

if TYPE_CHECKING:
    import sqlite_utils



# ---------------------------------------------------------------- the insats
def load_insats(db: sqlite_utils.Database, insats_id: int) -> Insats:
    r = db["insats"].get(insats_id)
    apps = [row[0] for row in db.conn.execute(
        "SELECT application_id FROM insats_application WHERE insats_id = ? ORDER BY application_id", [insats_id])]
    return Insats(r["name"], r["kind"], r["owner_id"], r["owner"], r["contact_id"], r["contact"],
                  _d(r["period_start"]), _d(r["period_end"]), r["status"], r["target_group"],
                  r["planned_women"], r["planned_men"], r["cadence"], r["note"], bool(r["archived"]), apps, r["id"],
                  r["inriktning"], bool(r["esf"]), r["planned_structural"], r["structural_share"])


def save_insats(db: sqlite_utils.Database, insats: Insats) -> int:
    row = {
        "name": insats.name.strip(), "kind": insats.kind, "owner_id": insats.owner_id, "owner": insats.owner,
        "contact_id": insats.contact_id, "contact": insats.contact, "period_start": _iso(insats.period_start),
        "period_end": _iso(insats.period_end), "status": insats.status, "target_group": insats.target_group,
        "planned_women": insats.planned_women, "planned_men": insats.planned_men, "cadence": insats.cadence,
        "note": insats.note, "archived": int(insats.archived), "updated_at": _now(),
        "inriktning": insats.inriktning, "esf": int(insats.esf), "planned_structural": insats.planned_structural,
        "structural_share": insats.structural_share,
    }
    if insats.id is None:
        insats.id = db["insats"].insert({"id": new_id(), **row, "created_at": row["updated_at"]}).last_pk
    else:
        db["insats"].update(insats.id, row)
    for app_id in insats.application_ids:
        db["insats_application"].upsert({"application_id": app_id, "insats_id": insats.id}, pk="application_id")
    return insats.id


def delete_insats(db: sqlite_utils.Database, insats_id: int) -> None:
    for table in ("insats_application", "insats_granted", "insats_year", "insats_income", "report", "invoice"):
        db.execute(f"DELETE FROM {table} WHERE insats_id = ?", [insats_id])
    db.execute("DELETE FROM insats WHERE id = ?", [insats_id])


def insats_of_application(db: sqlite_utils.Database, application_id: int) -> int | None:
    row = db.conn.execute("SELECT insats_id FROM insats_application WHERE application_id = ?",
                          [application_id]).fetchone()
    return row[0] if row else None


def linked_applications(db: sqlite_utils.Database) -> set[int]:
    return {r[0] for r in db.conn.execute("SELECT application_id FROM insats_application")}


def invoice_count(db: sqlite_utils.Database, insats_id: int) -> int:
    return db.conn.execute("SELECT count(*) FROM invoice WHERE insats_id = ?", [insats_id]).fetchone()[0]


class InsatsRow(NamedTuple):
    """One line of the insatser list, with this year's money and the next report due."""

    id: int
    name: str
    kind: str
    owner: str
    status: str
    period_start: date | None
    period_end: date | None
    archived: bool
    granted: int  # öre, the chosen year
    spent: int
    next_report: date | None
    overdue_reports: int

    @property
    def remaining(self) -> int:
        return self.granted - self.spent


# domain.insatser.is_overdue for a report row `r` and the parameter :today (tests/store/test_rules_agree.py).
OVERDUE_SQL = "r.received_on IS NULL AND r.due < :today"


def list_rows(db: sqlite_utils.Database, year: int, today: date) -> list[InsatsRow]:
    sql = f"""
    SELECT i.id, i.name, i.kind, coalesce(o.name, i.owner), i.status, i.period_start, i.period_end, i.archived,
      coalesce((SELECT sum(amount_ore) FROM insats_granted g WHERE g.insats_id = i.id AND g.year = :year), 0),
      coalesce((SELECT sum(amount_ore) FROM invoice f WHERE f.insats_id = i.id
                AND f.booked >= :start AND f.booked <= :end), 0),
      (SELECT min(due) FROM report r WHERE r.insats_id = i.id AND r.received_on IS NULL),
      (SELECT count(*) FROM report r WHERE r.insats_id = i.id AND {OVERDUE_SQL})
    FROM insats i LEFT JOIN organisation o ON o.id = i.owner_id
    """
    params = {"year": year, "start": f"{year}-01-01", "end": f"{year}-12-31", "today": today.isoformat()}
    return [InsatsRow(r[0], r[1], r[2], r[3], r[4], _d(r[5]), _d(r[6]), bool(r[7]), r[8], r[9], _d(r[10]), r[11])
            for r in db.conn.execute(sql, params)]


# ---------------------------------------------------------------- money
def granted(db: sqlite_utils.Database, insats_id: int) -> dict[int, dict[str, int]]:
    """year → category → öre."""
    out: dict[int, dict[str, int]] = {}
    for year, category, amount in db.conn.execute(
            "SELECT year, category, amount_ore FROM insats_granted WHERE insats_id = ? ORDER BY year, rowid",
            [insats_id]):
        out.setdefault(year, {})[category] = amount
    return out


def set_granted(db: sqlite_utils.Database, insats_id: int, year: int, by_category: dict[str, int]) -> None:
    db.execute("DELETE FROM insats_granted WHERE insats_id = ? AND year = ?", [insats_id, year])
    for category, amount in by_category.items():
        db["insats_granted"].insert({"insats_id": insats_id, "year": year, "category": category,
                                     "amount_ore": amount})


def set_prognos(db: sqlite_utils.Database, insats_id: int, year: int, prognos: int | None) -> None:
    db["insats_year"].upsert({"insats_id": insats_id, "year": year, "prognos_ore": prognos},
                             pk=("insats_id", "year"))


def set_structural_participants(db: sqlite_utils.Database, insats_id: int, year: int, count: int | None) -> None:
    db["insats_year"].upsert({"insats_id": insats_id, "year": year, "structural_participants": count},
                             pk=("insats_id", "year"))


def year_economy(db: sqlite_utils.Database, insats_id: int, year: int) -> YearEconomy:
    """Beviljat and utfall of one calendar year; an invoice counts in the year of the period it covers."""
    granted_now = granted(db, insats_id).get(year, {})
    spent: dict[str, int] = {}
    for category, amount in db.conn.execute(
            "SELECT category, sum(amount_ore) FROM invoice WHERE insats_id = ? AND booked BETWEEN ? AND ? "
            "GROUP BY category", [insats_id, f"{year}-01-01", f"{year}-12-31"]):
        spent[category] = amount
    row = db.conn.execute("SELECT prognos_ore FROM insats_year WHERE insats_id = ? AND year = ?",
                     [insats_id, year]).fetchone()
    return YearEconomy(year, granted_now, spent, row[0] if row else None)


def invoice_years(db: sqlite_utils.Database, insats_id: int) -> list[int]:
    return [int(r[0]) for r in db.conn.execute(
        "SELECT DISTINCT substr(booked, 1, 4) FROM invoice WHERE insats_id = ? ORDER BY 1", [insats_id])]


def income(db: sqlite_utils.Database, insats_id: int) -> dict[int, dict[str, int]]:
    """year → source → öre: outside money for an own project (the ESF support)."""
    out: dict[int, dict[str, int]] = {}
    for year, source, amount in db.conn.execute(
            "SELECT year, source, amount_ore FROM insats_income WHERE insats_id = ? ORDER BY year", [insats_id]):
        out.setdefault(year, {})[source] = amount
    return out


def set_income(db: sqlite_utils.Database, insats_id: int, year: int, source: str, amount: int | None) -> None:
    db.execute("DELETE FROM insats_income WHERE insats_id = ? AND year = ? AND source = ?", [insats_id, year, source])
    if amount:
        db["insats_income"].insert({"insats_id": insats_id, "year": year, "source": source, "amount_ore": amount})


# ---------------------------------------------------------------- invoices
def _invoice(r) -> Invoice:
    return Invoice(r["insats_id"], _d(r["date"]), r["amount_ore"], r["category"], _d(r["period_start"]),
                   _d(r["period_end"]), r["reference"], r["note"], r["kind"], r["id"])


def invoices(db: sqlite_utils.Database, insats_id: int, year: int | None = None) -> list[Invoice]:
    where, params = "insats_id = ?", [insats_id]
    if year is not None:
        where += " AND booked BETWEEN ? AND ?"
        params += [f"{year}-01-01", f"{year}-12-31"]
    return [_invoice(r) for r in db["invoice"].rows_where(where, params, order_by="date, id")]


def save_invoice(db: sqlite_utils.Database, invoice: Invoice) -> int:
    row = {"insats_id": invoice.insats_id, "date": _iso(invoice.date), "period_start": _iso(invoice.period_start),
           "period_end": _iso(invoice.period_end), "category": invoice.category, "amount_ore": invoice.amount,
           "reference": invoice.reference, "note": invoice.note, "kind": invoice.kind}
    if invoice.id is None:
        invoice.id = db["invoice"].insert({"id": new_id(), **row}).last_pk
    elif db["invoice"].count_where("id = ?", [invoice.id]):
        db["invoice"].update(invoice.id, row)
    else:  # put back under its own id after a delete (undo)
        db["invoice"].insert({**row, "id": invoice.id})
    return invoice.id


def get_invoice(db: sqlite_utils.Database, invoice_id: int) -> Invoice:
    return _invoice(db["invoice"].get(invoice_id))


def delete_invoice(db: sqlite_utils.Database, invoice_id: int) -> None:
    db.execute("DELETE FROM invoice WHERE id = ?", [invoice_id])


# ---------------------------------------------------------------- reports
def reports(db: sqlite_utils.Database, insats_id: int) -> list[Report]:
    return [report_from_row(r) for r in db["report"].rows_where("insats_id = ?", [insats_id], order_by="due, id")]


def save_report(db: sqlite_utils.Database, report: Report) -> int:
    row = {"insats_id": report.insats_id, "kind": report.kind, "title": report.title, "due": _iso(report.due),
           "period_start": _iso(report.period_start), "period_end": _iso(report.period_end),
           "received_on": _iso(report.received_on), "note": report.note, "by_rule": int(report.by_rule)}
    if report.id is None:
        report.id = db["report"].insert({"id": new_id(), **row}).last_pk
    else:
        db["report"].update(report.id, row)
    return report.id


def get_report(db: sqlite_utils.Database, report_id: int) -> Report:
    return report_from_row(db["report"].get(report_id))


def delete_report(db: sqlite_utils.Database, report_id: int) -> None:
    db.execute("DELETE FROM report WHERE id = ?", [report_id])
