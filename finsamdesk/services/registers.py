"""Use cases for the förbund's settings, organisations and contact persons."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.registers import (
    Contact,
    Forbund,
    Organisation,
    validate_contact,
    validate_organisation,
)
from ..store import registers as store
from .errors import ServiceError, ValidationError

if TYPE_CHECKING:
    import sqlite_utils


def forbund(db: sqlite_utils.Database) -> Forbund:
    return store.load_forbund(db)


def save_forbund(db: sqlite_utils.Database, f: Forbund) -> None:
    if not f.name.strip():
        raise ValidationError("Förbundets namn behövs.", {"name": "Förbundets namn behövs."})
    if f.orgnr.strip():
        org = Organisation(f.name, f.orgnr)
        issues = validate_organisation(org)
        if "orgnr" in issues.errors:
            raise ValidationError(issues.errors["orgnr"], {"orgnr": issues.errors["orgnr"]})
        f.orgnr = org.orgnr
    from .templates import get_template  # the forms load when one is needed, not when a file is opened

    get_template(f.default_template)
    with db.atomic():
        store.save_forbund(db, f)


def organisations(db: sqlite_utils.Database) -> list[Organisation]:
    return store.list_organisations(db)


def save_organisation(db: sqlite_utils.Database, org: Organisation) -> dict[str, str]:
    """Validate and save; returns the warnings (e.g. a CFAR check digit). Raises ValidationError."""
    issues = validate_organisation(org)
    if issues.errors:
        raise ValidationError("Organisationen sparades inte: " + " ".join(issues.errors.values()), issues.errors)
    with db.atomic():
        store.save_organisation(db, org)
    return issues.warnings


def delete_organisation(db: sqlite_utils.Database, org_id: int) -> None:
    used = store.organisation_in_use(db, org_id)
    if used:
        raise ServiceError(f"Organisationen används av {used} kontaktpersoner eller ansökningar och kan inte tas bort.")
    with db.atomic():
        store.delete_organisation(db, org_id)


def contacts(db: sqlite_utils.Database) -> list[Contact]:
    return store.list_contacts(db)


def save_contact(db: sqlite_utils.Database, c: Contact) -> dict[str, str]:
    issues = validate_contact(c)
    if issues.errors:
        raise ValidationError("Kontaktpersonen sparades inte: " + " ".join(issues.errors.values()), issues.errors)
    with db.atomic():
        store.save_contact(db, c)
    return issues.warnings


def delete_contact(db: sqlite_utils.Database, contact_id: int) -> None:
    with db.atomic():
        # Applications keep their printed snapshot; only the link to the register goes.
        db.execute("UPDATE application_contact SET contact_id = NULL WHERE contact_id = ?", [contact_id])
        store.delete_contact(db, contact_id)
