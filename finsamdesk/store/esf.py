"""The ESF parts of an own application as rows: one esf_project row, then one row per actor, delprojekt, risk,
funding row, cost cell, specification line, rate and flat rate. Saved whole, inside the caller's transaction."""
from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING

from ..domain.esf_parts import (
    Actor,
    Applicant,
    Call,
    EsfParts,
    FlatRate,
    Funding,
    Risk,
    SpecLine,
    Subproject,
    Workplace,
)

if TYPE_CHECKING:
    import sqlite_utils

CHILD_TABLES = ("esf_rate", "esf_flat_rate", "esf_actor", "esf_subproject", "esf_risk", "esf_funding", "esf_cost",
                "esf_spec_line")
APPLICANT_COLUMNS = {"name": "applicant_name", "orgnr": "applicant_orgnr"}  # the rest keep their names
WORKPLACE_COLUMNS = {"cfar": "workplace_cfar", "name": "workplace_name", "postal_address": "workplace_postal_address",
                     "visiting_address": "workplace_visiting_address"}
CALL_COLUMNS = {"name": "call_name", "dnr": "call_dnr", "programme_area": "programme_area",
                "specific_objective": "specific_objective", "region": "region",
                "required_cofinancing_bp": "required_cofinancing_bp", "hours_per_year": "hours_per_year"}
ACTOR_FIELDS = tuple(f.name for f in fields(Actor) if f.name != "amount")
SUBPROJECT_FIELDS = tuple(f.name for f in fields(Subproject))
SPEC_FIELDS = tuple(f.name for f in fields(SpecLine) if f.name != "amount")


def _project_row(parts: EsfParts) -> dict:
    row = {APPLICANT_COLUMNS.get(f.name, f.name): getattr(parts.applicant, f.name) for f in fields(Applicant)}
    row.update({column: getattr(parts.workplace, name) for name, column in WORKPLACE_COLUMNS.items()})
    row.update({column: getattr(parts.call, name) for name, column in CALL_COLUMNS.items()})
    row.update({"project_postal_address": parts.postal_address, "project_visiting_address": parts.visiting_address})
    return row


def save_parts(db: sqlite_utils.Database, app_id: int, parts: EsfParts | None) -> None:
    """Replace the application's ESF rows with `parts` (None: remove them). Call inside `db.atomic()`."""
    delete_parts(db, app_id)
    if parts is None:
        return
    db["esf_project"].insert({"application_id": app_id, **_project_row(parts)})

    def rows(items, make) -> list[dict]:
        return [{"application_id": app_id, "position": i, **make(x)} for i, x in enumerate(items)]

    db["esf_rate"].insert_all([{"application_id": app_id, "level": level, "rate_ore": rate}
                               for level, rate in parts.call.rates.items()])
    db["esf_flat_rate"].insert_all(rows(parts.call.flat_rates, lambda r: {
        "label": r.label, "percent_bp": r.percent_bp, "base": r.base}))
    db["esf_actor"].insert_all(rows(parts.actors, lambda a: {
        **{k: getattr(a, k) for k in ACTOR_FIELDS}, "amount_ore": a.amount}))
    db["esf_subproject"].insert_all(rows(parts.subprojects, lambda s: {k: getattr(s, k) for k in SUBPROJECT_FIELDS}))
    db["esf_risk"].insert_all(rows(parts.risks, lambda r: {"risk": r.risk, "action": r.action}))
    db["esf_funding"].insert_all(rows(parts.funding, lambda f: {
        "kind": f.kind, "support_type": f.support_type, "funder": f.funder, "amount_ore": f.amount}))
    db["esf_cost"].insert_all([{"application_id": app_id, "group_key": g, "line": line, "amount_ore": amount}
                               for (g, line), amount in parts.cost_cells.items()])
    db["esf_spec_line"].insert_all(rows(parts.spec_lines, lambda s: {
        **{k: getattr(s, k) for k in SPEC_FIELDS}, "amount_ore": s.amount}))


def load_parts(db: sqlite_utils.Database, app_id: int) -> EsfParts | None:
    row = db.conn.execute("SELECT * FROM esf_project WHERE application_id = ?", [app_id]).fetchone()
    if row is None:
        return None
    columns = [d[0] for d in db.conn.execute("SELECT * FROM esf_project LIMIT 0").description]
    r = dict(zip(columns, row, strict=True))
    parts = EsfParts(
        applicant=Applicant(**{f.name: r[APPLICANT_COLUMNS.get(f.name, f.name)] for f in fields(Applicant)}),
        workplace=Workplace(**{name: r[column] for name, column in WORKPLACE_COLUMNS.items()}),
        call=Call(**{name: r[column] for name, column in CALL_COLUMNS.items() if r[column] is not None}),
        postal_address=r["project_postal_address"], visiting_address=r["project_visiting_address"],
    )

    def each(table: str):
        return db[table].rows_where("application_id = ?", [app_id], order_by="position")

    parts.call.rates = {x["level"]: x["rate_ore"] for x in
                        db["esf_rate"].rows_where("application_id = ?", [app_id], order_by="level")}
    parts.call.flat_rates = [FlatRate(x["label"], x["percent_bp"], x["base"]) for x in each("esf_flat_rate")]
    parts.actors = [Actor(**{k: x[k] for k in ACTOR_FIELDS}, amount=x["amount_ore"]) for x in each("esf_actor")]
    parts.subprojects = [Subproject(**{k: x[k] for k in SUBPROJECT_FIELDS}) for x in each("esf_subproject")]
    parts.risks = [Risk(x["risk"], x["action"]) for x in each("esf_risk")]
    parts.funding = [Funding(x["kind"], x["support_type"], x["funder"], x["amount_ore"]) for x in each("esf_funding")]
    parts.cost_cells = {(x["group_key"], x["line"]): x["amount_ore"] for x in
                        db["esf_cost"].rows_where("application_id = ?", [app_id], order_by="rowid")}
    parts.spec_lines = [SpecLine(**{k: x[k] for k in SPEC_FIELDS}, amount=x["amount_ore"])
                        for x in each("esf_spec_line")]
    return parts


def delete_parts(db: sqlite_utils.Database, app_id: int) -> None:
    for table in (*CHILD_TABLES, "esf_project"):
        db.execute(f"DELETE FROM {table} WHERE application_id = ?", [app_id])
