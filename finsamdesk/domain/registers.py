"""The förbund itself, the organisations it deals with, and the contact register."""
from __future__ import annotations

from dataclasses import dataclass

from .identifiers import (
    IdentifierError,
    check_cfar,
    check_email,
    check_phone,
    normalize_orgnr,
)

ORGANISATION_KINDS = {
    "forsakringskassan": "Försäkringskassan",
    "arbetsformedlingen": "Arbetsförmedlingen",
    "region": "Region",
    "kommun": "Kommun",
    "samordningsforbund": "Samordningsförbund",
    "annan": "Annan",
}


@dataclass
class Forbund:
    name: str = ""
    orgnr: str = ""
    address: str = ""
    forbundschef: str = ""
    default_template: str = "neutral"
    is_example: bool = False


@dataclass
class Organisation:
    name: str
    orgnr: str = ""
    kind: str = "annan"
    member: bool = False
    cfar: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    id: int | None = None


@dataclass
class Contact:
    name: str
    organisation_id: int | None = None
    organisation_text: str = ""
    title: str = ""
    phone: str = ""
    email: str = ""
    id: int | None = None


@dataclass
class FieldIssues:
    """Per-field errors (block saving) and warnings (shown, saving allowed)."""

    errors: dict[str, str]
    warnings: dict[str, str]

    @property
    def ok(self) -> bool:
        return not self.errors


def validate_organisation(org: Organisation) -> FieldIssues:
    """Normalises org in place (orgnr with hyphen, e-mail lower case) and reports per field."""
    errors: dict[str, str] = {}
    warnings: dict[str, str] = {}
    if not org.name.strip():
        errors["name"] = "Namnet behövs."
    if org.orgnr.strip():
        try:
            org.orgnr = normalize_orgnr(org.orgnr)
        except IdentifierError as exc:
            errors["orgnr"] = str(exc)
    if org.kind not in ORGANISATION_KINDS:
        errors["kind"] = "Välj en organisationstyp."
    cfar = check_cfar(org.cfar)
    org.cfar = cfar.value
    if cfar.error:
        errors["cfar"] = cfar.error
    elif cfar.warning:
        warnings["cfar"] = cfar.warning
    email = check_email(org.email)
    if email.error:
        errors["email"] = email.error
    else:
        org.email = email.value
    phone = check_phone(org.phone)
    if phone.warning:
        warnings["phone"] = phone.warning
    return FieldIssues(errors, warnings)


def validate_contact(contact: Contact) -> FieldIssues:
    errors: dict[str, str] = {}
    warnings: dict[str, str] = {}
    if not contact.name.strip():
        errors["name"] = "Namnet behövs."
    email = check_email(contact.email)
    if email.error:
        errors["email"] = email.error
    else:
        contact.email = email.value
    phone = check_phone(contact.phone)
    if phone.warning:
        warnings["phone"] = phone.warning
    return FieldIssues(errors, warnings)
