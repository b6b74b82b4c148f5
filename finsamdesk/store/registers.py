"""Queries for the förbund's settings, organisations and contacts."""
from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING

from ..domain.registers import Contact, Forbund, Organisation
from ..domain.text import sort_key
from .database import rows
from .ids import new_id

if TYPE_CHECKING:
    import sqlite_utils


def load_forbund(db: sqlite_utils.Database) -> Forbund:
    found = rows(db, "SELECT * FROM forbund WHERE id = 1")
    if not found:
        return Forbund()
    r = found[0]
    return Forbund(r["name"], r["orgnr"], r["address"], r["forbundschef"], r["default_template"],
                   bool(r["is_example"]))


def save_forbund(db: sqlite_utils.Database, f: Forbund) -> None:
    row = asdict(f)
    row["is_example"] = int(f.is_example)
    db["forbund"].upsert({"id": 1, **row}, pk="id")


def _org(r: dict) -> Organisation:
    return Organisation(r["name"], r["orgnr"], r["kind"], bool(r["member"]), r["cfar"], r["address"],
                        r["phone"], r["email"], r["id"])


def list_organisations(db: sqlite_utils.Database) -> list[Organisation]:
    return sorted((_org(r) for r in rows(db, "SELECT * FROM organisation")), key=lambda o: sort_key(o.name))


def get_organisation(db: sqlite_utils.Database, org_id: int) -> Organisation:
    return _org(db["organisation"].get(org_id))


def save_organisation(db: sqlite_utils.Database, org: Organisation) -> int:
    row = {k: v for k, v in asdict(org).items() if k != "id"}
    row["member"] = int(org.member)
    if org.id is None:
        org.id = db["organisation"].insert({"id": new_id(), **row}).last_pk
    else:
        db["organisation"].update(org.id, row)
    return org.id


def organisation_in_use(db: sqlite_utils.Database, org_id: int) -> int:
    return db.conn.execute(
        "SELECT (SELECT count(*) FROM contact WHERE organisation_id = ?)"
        " + (SELECT count(*) FROM application_applicant WHERE organisation_id = ?)", [org_id, org_id]
    ).fetchone()[0]


def delete_organisation(db: sqlite_utils.Database, org_id: int) -> None:
    db["organisation"].delete(org_id)


def _contact(r: dict) -> Contact:
    return Contact(r["name"], r["organisation_id"], r["organisation_text"], r["title"], r["phone"], r["email"],
                   r["id"])


def list_contacts(db: sqlite_utils.Database) -> list[Contact]:
    return sorted((_contact(r) for r in rows(db, "SELECT * FROM contact")), key=lambda c: sort_key(c.name))


def save_contact(db: sqlite_utils.Database, c: Contact) -> int:
    row = {k: v for k, v in asdict(c).items() if k != "id"}
    if c.id is None:
        c.id = db["contact"].insert({"id": new_id(), **row}).last_pk
    else:
        db["contact"].update(c.id, row)
    return c.id


def contact_in_use(db: sqlite_utils.Database, contact_id: int) -> int:
    return db.conn.execute("SELECT count(*) FROM application_contact WHERE contact_id = ?", [contact_id]).fetchone()[0]


def delete_contact(db: sqlite_utils.Database, contact_id: int) -> None:
    db["contact"].delete(contact_id)
