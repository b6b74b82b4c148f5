"""Queries for ansökningar: load and save a whole application (the lines of the list: application_list.py)."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from ..domain.application import (
    Applicant,
    Application,
    Budget,
    ContactRow,
    Phase,
    StatusEvent,
    diarienummer_prefix,
)
from ..domain.application import next_diarienummer as _next_of
from .application_list import ApplicationRow as ApplicationRow  # the list, as ever named here
from .application_list import list_rows as list_rows
from .convert import date_or_none as _d
from .convert import iso_or_none as _iso
from .identity import is_working_copy
from .ids import derived_id, new_id

if TYPE_CHECKING:
    import sqlite_utils


def exists(db: sqlite_utils.Database, app_id: int) -> bool:
    return db.conn.execute("SELECT 1 FROM application WHERE id = ?", [app_id]).fetchone() is not None


def workflow_state(db: sqlite_utils.Database, app_id: int) -> tuple[str, int]:
    """(status, number of history events) as stored."""
    return db.conn.execute(
        "SELECT status, (SELECT count(*) FROM status_event WHERE application_id = a.id) FROM application a "
        "WHERE id = ?", [app_id]).fetchone()


def find_by_diarienummer(db: sqlite_utils.Database, dnr: str) -> int | None:
    r = db.conn.execute("SELECT id FROM application WHERE diarienummer = ?", [dnr]).fetchone()
    return r[0] if r else None


def diarienummer_taken(db: sqlite_utils.Database, dnr: str, except_id: int | None = None) -> bool:
    r = db.conn.execute("SELECT id FROM application WHERE diarienummer = ? AND id IS NOT ?",
                        [dnr, except_id]).fetchone()
    return r is not None


def next_diarienummer(db: sqlite_utils.Database, year: int) -> str:
    """The next `YYYY-NNN` of `year` (the rule: domain.application.next_diarienummer) among the file's numbers; on
    a working copy the next provisional `YYYY-PNNN` (domain.sync), which the merge turns into a real one."""
    if is_working_copy(db):
        from ..domain.sync import provisional_diarienummer  # working copies only: not on the start-up path

        rows = db.conn.execute("SELECT diarienummer FROM application WHERE diarienummer LIKE ?", [f"{year}-%"])
        return provisional_diarienummer(year, [dnr for (dnr,) in rows])
    rows = db.conn.execute("SELECT diarienummer FROM application WHERE diarienummer LIKE ?",
                      [f"{diarienummer_prefix(year)}%"])
    return _next_of(year, (dnr for (dnr,) in rows))


def load(db: sqlite_utils.Database, app_id: int) -> Application:
    r = db["application"].get(app_id)
    app = Application(
        template_id=r["template_id"], name=r["name"], diarienummer=r["diarienummer"],
        applicant_text=r["applicant_text"], period_start=_d(r["period_start"]), period_end=_d(r["period_end"]),
        place=r["place"], signed_on=_d(r["signed_on"]), planned_participants=r["planned_participants"],
        planned_women=r["planned_women"], planned_men=r["planned_men"], status=r["status"], id=app_id,
        created_at=r["created_at"] or "", updated_at=r["updated_at"] or "", direction=r["direction"],
        funder=r["funder"], funder_dnr=r["funder_dnr"],
    )
    from . import esf as esf_store  # a whole application: not needed for the lists of the start-up path

    app.esf = esf_store.load_parts(db, app_id)
    app.applicants = [Applicant(x["name"], x["role"], x["organisation_id"], x["organisation_name"], x["orgnr"])
                      for x in db["application_applicant"].rows_where("application_id = ?", [app_id],
                                                                      order_by="position")]
    app.sections = {x["section_id"]: x["text"] for x in
                    db["application_section"].rows_where("application_id = ?", [app_id])}
    app.contacts = [ContactRow(x["role"], x["name"], x["organisation"], x["phone"], x["email"], x["contact_id"])
                    for x in db["application_contact"].rows_where("application_id = ?", [app_id], order_by="position")]
    app.phases = [Phase(x["name"], _d(x["start"]), _d(x["end"]), x["precision"]) for x in
                  db["application_phase"].rows_where("application_id = ?", [app_id], order_by="position")]
    years = [int(y) for y in r["budget_years"].split(",") if y] if r["budget_years"] else []
    app.budget = Budget(years, {(x["category"], x["column_kind"], x["year"]): x["amount_ore"] for x in
                                db["budget_cell"].rows_where("application_id = ?", [app_id])})
    for e in db["status_event"].rows_where("application_id = ?", [app_id], order_by="id"):
        granted = {g["year"]: g["amount_ore"] for g in
                   db["granted_amount"].rows_where("status_event_id = ?", [e["id"]])}
        app.history.append(StatusEvent(e["status"], _d(e["date"]), e["note"] or "", e["who"] or "", granted, e["id"]))
    return app


def save(db: sqlite_utils.Database, app: Application) -> int:
    """Write the whole application (children replaced). Call inside `db.atomic()`."""
    now = datetime.now().isoformat(timespec="seconds")
    row = {
        "diarienummer": app.diarienummer, "template_id": app.template_id, "name": app.name,
        "applicant_text": app.applicant_text, "period_start": _iso(app.period_start),
        "period_end": _iso(app.period_end), "place": app.place, "signed_on": _iso(app.signed_on),
        "planned_participants": app.planned_participants, "planned_women": app.planned_women,
        "planned_men": app.planned_men, "status": app.status,
        "budget_years": ",".join(str(y) for y in app.budget.years), "updated_at": now,
        "direction": app.direction, "funder": app.funder, "funder_dnr": app.funder_dnr,
    }
    if app.id is None:
        row["created_at"] = app.created_at or now
        app.id = db["application"].insert({"id": new_id(), **row}).last_pk
        app.created_at = row["created_at"]
    else:
        db["application"].update(app.id, row)
    app.updated_at = now
    app_id = app.id
    for table in ("application_applicant", "application_section", "application_contact", "application_phase",
                  "budget_cell"):
        db.execute(f"DELETE FROM {table} WHERE application_id = ?", [app_id])
    def child(table: str, i: int) -> dict:
        return {"id": derived_id(table, app_id, i), "application_id": app_id, "position": i}

    db["application_applicant"].insert_all(
        [{**child("application_applicant", i), "name": a.name, "role": a.role, "organisation_id": a.organisation_id,
          "organisation_name": a.organisation_name, "orgnr": a.orgnr} for i, a in enumerate(app.applicants)])
    db["application_section"].insert_all(
        [{"application_id": app_id, "section_id": k, "text": v} for k, v in app.sections.items() if v])
    db["application_contact"].insert_all(
        [{**child("application_contact", i), "role": c.role, "name": c.name, "organisation": c.organisation,
          "phone": c.phone, "email": c.email, "contact_id": c.contact_id} for i, c in enumerate(app.contacts)])
    db["application_phase"].insert_all(
        [{**child("application_phase", i), "name": p.name, "start": _iso(p.start), "end": _iso(p.end),
          "precision": p.precision} for i, p in enumerate(app.phases)])
    db["budget_cell"].insert_all(
        [{"application_id": app_id, "category": c, "column_kind": col, "year": y, "amount_ore": v}
         for (c, col, y), v in app.budget.cells.items()])
    from . import esf as esf_store

    esf_store.save_parts(db, app_id, app.esf)
    _save_history(db, app)
    return app_id


def _save_history(db: sqlite_utils.Database, app: Application) -> None:
    """History is append-only: events without an id are inserted."""
    now = datetime.now().isoformat(timespec="seconds")
    for e in app.history:
        if e.id is not None:
            continue
        e.id = db["status_event"].insert({
            "id": new_id(), "application_id": app.id, "status": e.status, "date": e.date.isoformat(), "note": e.note,
            "who": e.who, "recorded_at": now}).last_pk
        db["granted_amount"].insert_all(
            [{"status_event_id": e.id, "year": y, "amount_ore": a} for y, a in e.granted.items()])


def delete(db: sqlite_utils.Database, app_id: int) -> None:
    ids = [r[0] for r in db.conn.execute("SELECT id FROM status_event WHERE application_id = ?", [app_id])]
    for event_id in ids:
        db.execute("DELETE FROM granted_amount WHERE status_event_id = ?", [event_id])
    from . import esf as esf_store

    esf_store.delete_parts(db, app_id)
    for table in ("status_event", "application_applicant", "application_section", "application_contact",
                  "application_phase", "budget_cell"):
        db.execute(f"DELETE FROM {table} WHERE application_id = ?", [app_id])
    db.execute("DELETE FROM application WHERE id = ?", [app_id])
