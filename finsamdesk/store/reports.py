"""Queries for the förbund's year documents: prose per year and document, amounts a user enters for a report,
the logo, and the year's figures of every insats in a few queries (200 insatser must not mean 200 queries)."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..domain.insatser import Insats
from ..domain.participant_statistics import Facts
from .convert import date_or_none as _d
from .convert import now_iso as _now
from .database import rows

if TYPE_CHECKING:
    import sqlite_utils


# ---------------------------------------------------------------- prose and entered amounts
def texts(db: sqlite_utils.Database, year: int, document: str) -> dict[str, str]:
    return dict(db.conn.execute("SELECT section, text FROM report_text WHERE year = ? AND document = ?",
                                [year, document]))


def save_texts(db: sqlite_utils.Database, year: int, document: str, by_section: dict[str, str]) -> None:
    now = _now()
    for section, text in by_section.items():
        db["report_text"].upsert({"year": year, "document": document, "section": section, "text": text,
                                  "updated_at": now}, pk=("year", "document", "section"))


def amounts(db: sqlite_utils.Database, year: int, document: str) -> dict[str, int]:
    return dict(db.conn.execute("SELECT key, amount_ore FROM report_amount WHERE year = ? AND document = ?",
                           [year, document]))


def save_amounts(db: sqlite_utils.Database, year: int, document: str, by_key: dict[str, int | None]) -> None:
    for key, amount in by_key.items():
        if amount is None:
            db.execute("DELETE FROM report_amount WHERE year = ? AND document = ? AND key = ?", [year, document, key])
        else:
            db["report_amount"].upsert({"year": year, "document": document, "key": key, "amount_ore": amount},
                                       pk=("year", "document", "key"))


def logo(db: sqlite_utils.Database) -> bytes | None:
    row = db.conn.execute("SELECT logo FROM forbund WHERE id = 1").fetchone()
    return row[0] if row else None


def set_logo(db: sqlite_utils.Database, data: bytes | None) -> None:
    if not db.conn.execute("SELECT 1 FROM forbund WHERE id = 1").fetchone():
        db["forbund"].insert({"id": 1, "name": ""})
    db.execute("UPDATE forbund SET logo = ? WHERE id = 1", [data])


# ---------------------------------------------------------------- every insats's year in a few queries
def all_insatser(db: sqlite_utils.Database) -> list[Insats]:
    apps: dict[int, list[int]] = {}
    for app_id, insats_id in db.conn.execute("SELECT application_id, insats_id FROM insats_application ORDER BY 1"):
        apps.setdefault(insats_id, []).append(app_id)
    out = []
    for r in rows(db, "SELECT i.*, coalesce(o.name, i.owner) AS owner_name FROM insats i "
                      "LEFT JOIN organisation o ON o.id = i.owner_id ORDER BY i.id"):
        out.append(Insats(r["name"], r["kind"], r["owner_id"], r["owner_name"], r["contact_id"], r["contact"],
                          _d(r["period_start"]), _d(r["period_end"]), r["status"], r["target_group"],
                          r["planned_women"], r["planned_men"], r["cadence"], r["note"], bool(r["archived"]),
                          apps.get(r["id"], []), r["id"], r["inriktning"], bool(r["esf"]), r["planned_structural"],
                          r["structural_share"]))
    return out


def granted_by_insats(db: sqlite_utils.Database, year: int) -> dict[int, int]:
    return dict(db.conn.execute(
        "SELECT insats_id, sum(amount_ore) FROM insats_granted WHERE year = ? GROUP BY insats_id", [year]))


def spent_by_insats(db: sqlite_utils.Database, first: date, last: date) -> dict[int, int]:
    """Σ invoiced per insats, booked (the period covered, else the date) from `first` to `last`."""
    return dict(db.conn.execute("SELECT insats_id, sum(amount_ore) FROM invoice WHERE booked BETWEEN ? AND ? "
                           "GROUP BY insats_id", [first.isoformat(), last.isoformat()]))


def money_years(db: sqlite_utils.Database) -> set[int]:
    """The years any insats has money in (granted, prognos, invoiced or outside income): the years of
    store.insats_figures.year_totals without summing every invoice."""
    return {int(y) for (y,) in db.conn.execute(
        "SELECT year FROM insats_granted UNION SELECT year FROM insats_year WHERE prognos_ore IS NOT NULL "
        "UNION SELECT substr(booked, 1, 4) FROM invoice UNION SELECT year FROM insats_income")}


def structural_counts(db: sqlite_utils.Database, year: int) -> dict[int, int]:
    return dict(db.conn.execute("SELECT insats_id, structural_participants FROM insats_year "
                           "WHERE year = ? AND structural_participants IS NOT NULL", [year]))


def facts_between(db: sqlite_utils.Database, first: date, last: date) -> list[Facts]:
    """What statistics need of the participations that touch `first`..`last` (started by `last`, not ended before
    `first`): the SQL does the filtering the Python would, for a year out of many."""
    iso = date.fromisoformat
    return [Facts(i, g, y, iso(s), iso(e) if e else None, o) for i, g, y, s, e, o in db.conn.execute(
        "SELECT p.insats_id, p.gender, p.birth_year, p.start, p.end, c.label FROM participant p "
        "LEFT JOIN participant_category c ON c.id = p.outcome_id "
        "WHERE p.start <= ? AND (p.end IS NULL OR p.end >= ?)", [last.isoformat(), first.isoformat()])]


def genders_by_insats(db: sqlite_utils.Database, first: date, last: date) -> dict[int, tuple[int, int, int]]:
    """Per insats, the participations `facts_between` would give, counted: (women, men, all). What Uppföljning
    Finsam asks of them, without a row per participant in Python (tests/store/test_rules_agree.py: the counts
    equal domain participant_statistics.compute_statistics over `facts_between`)."""
    return {i: (w, m, n) for i, w, m, n in db.conn.execute(
        "SELECT insats_id, sum(gender = 'kvinna'), sum(gender = 'man'), count(*) FROM participant "
        "WHERE start <= ? AND (end IS NULL OR end >= ?) GROUP BY insats_id", [last.isoformat(), first.isoformat()])}


def meetings_held(db: sqlite_utils.Database, first: date, last: date) -> list[tuple[str, date]]:
    return [(kind, date.fromisoformat(d)) for kind, d in db.conn.execute(
        "SELECT kind, date FROM meeting WHERE date BETWEEN ? AND ? ORDER BY date, id",
        [first.isoformat(), last.isoformat()])]


def contact_email(db: sqlite_utils.Database, contact_id: int | None) -> tuple[str, str, str]:
    """(name, e-mail, organisation) of a contact in the register; empty strings when it is gone."""
    if contact_id is None:
        return "", "", ""
    row = db.conn.execute("SELECT c.name, c.email, coalesce(o.name, c.organisation_text) FROM contact c "
                     "LEFT JOIN organisation o ON o.id = c.organisation_id WHERE c.id = ?", [contact_id]).fetchone()
    return tuple(row) if row else ("", "", "")  # type: ignore[return-value]
