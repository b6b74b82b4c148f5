"""Use cases for insatser: from a granted application or directly, money per year, invoices, reports."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..domain import insatser as rules
from ..domain.application import SOUGHT, Application
from ..domain.insatser import Insats, Invoice, Report, YearEconomy
from ..domain.statuses import GRANTED
from ..domain.text import fold
from ..store import applications as app_store
from ..store import budget as settings_store
from ..store import insatser as store
from ..store.insatser import InsatsRow
from .errors import NotFoundError, ServiceError, ValidationError

if TYPE_CHECKING:
    import sqlite_utils

TERTIAL_DAYS_KEY = "tertial_report_days"


def load(db: sqlite_utils.Database, insats_id: int) -> Insats:
    if not db["insats"].count_where("id = ?", [insats_id]):
        raise ServiceError(f"Det finns ingen insats med id {insats_id}.")
    return store.load_insats(db, insats_id)


def find(db: sqlite_utils.Database, key: str) -> Insats:
    """By id or by name (case-insensitive), as typed on the command line."""
    if str(key).isdigit() and db["insats"].count_where("id = ?", [int(key)]):
        return store.load_insats(db, int(key))
    matches = [r.id for r in store.list_rows(db, date.today().year, date.today()) if fold(r.name) == fold(key)]
    if len(matches) != 1:
        raise NotFoundError(f"Det finns ingen insats ”{key}” (ange id eller namn)." if not matches
                           else f"Flera insatser heter ”{key}”; ange id.")
    return store.load_insats(db, matches[0])


def tertial_days(db: sqlite_utils.Database) -> int:
    return int(settings_store.get_setting(db, TERTIAL_DAYS_KEY, str(rules.DEFAULT_TERTIAL_DAYS)))


def set_tertial_days(db: sqlite_utils.Database, days: int) -> None:
    if not 0 <= days <= 120:
        raise ValidationError("Antalet dagar ska vara mellan 0 och 120.", {"tertial_days": "Mellan 0 och 120 dagar."})
    with db.atomic():
        settings_store.set_setting(db, TERTIAL_DAYS_KEY, str(days))


def _validate(insats: Insats) -> None:
    errors = rules.validate_insats(insats)
    if errors:
        raise ValidationError("Insatsen sparades inte: " + " ".join(errors.values()), errors)


def save(db: sqlite_utils.Database, insats: Insats) -> Insats:
    """Save the insats in one transaction; a changed period brings its reports up to date."""
    _validate(insats)
    old = store.load_insats(db, insats.id) if insats.id is not None else None
    with db.atomic():
        insats_id = store.save_insats(db, insats)
        if old is None or (old.period_start, old.period_end) != (insats.period_start, insats.period_end):
            _regenerate(db, insats_id, insats)
    return insats


def _regenerate(db: sqlite_utils.Database, insats_id: int, insats: Insats) -> None:
    existing = store.reports(db, insats_id)
    keep, add = rules.merge_obligations(
        existing, rules.report_obligations(insats_id, insats.period_start, insats.period_end, tertial_days(db)))
    kept_ids = {r.id for r in keep}
    for r in existing:
        if r.id is not None and r.id not in kept_ids:
            store.delete_report(db, r.id)
    for r in add:
        store.save_report(db, r)


def regenerate_reports(db: sqlite_utils.Database, insats_id: int) -> list[Report]:
    """Make the rule's reports again (received and edited reports stay)."""
    with db.atomic():
        _regenerate(db, insats_id, load(db, insats_id))
    return store.reports(db, insats_id)


def from_application(db: sqlite_utils.Database, application_id: int, insats_id: int | None = None) -> Insats:
    """A new insats from a granted application, or the application added to an existing insats
    (a later year's application extends the same insats). The granted amount of each year is spread over
    the application's budget categories in proportion to what was sought. A granted own ESF application makes
    the insats ESF-finansierad (domain esf.finances_insats)."""
    from ..domain.esf import finances_insats

    if not app_store.exists(db, application_id):
        raise ServiceError(f"Det finns ingen ansökan med id {application_id}.")
    app = app_store.load(db, application_id)
    if app.status not in GRANTED or not app.granted_by_year:
        raise ServiceError("Bara en beviljad ansökan kan bli en insats.")
    linked = store.insats_of_application(db, application_id)
    if linked is not None:
        name = store.load_insats(db, linked).name
        raise ServiceError(f"Ansökan {app.diarienummer} hör redan till insatsen ”{name}”.")
    owner = next((a for a in app.applicants if a.role == "huvudman"), app.applicants[0] if app.applicants else None)
    contact = app.contacts[0] if app.contacts else None
    if insats_id is None:
        insats = Insats(app.name or app.diarienummer, "individ", owner.organisation_id if owner else None,
                        owner.name if owner else app.applicant_display, contact.contact_id if contact else None,
                        contact.name if contact else "", app.period_start, app.period_end, "planerad",
                        planned_women=app.planned_women, planned_men=app.planned_men)
    else:
        insats = load(db, insats_id)
        starts = [d for d in (insats.period_start, app.period_start) if d]
        ends = [d for d in (insats.period_end, app.period_end) if d]
        insats.period_start, insats.period_end = (min(starts) if starts else None), (max(ends) if ends else None)
    insats.application_ids.append(application_id)
    insats.esf = insats.esf or finances_insats(app)
    if app.outgoing:
        insats.owner = insats.owner if insats_id is not None else (app.esf.applicant.name if app.esf else "")
        insats.kind = "individ" if app.planned_participants else insats.kind
    _validate(insats)
    with db.atomic():
        insats_id = store.save_insats(db, insats)
        if app.outgoing:
            _book_own_project(db, insats_id, app)
        else:
            for year, amount in app.granted_by_year.items():
                sought = {c: v for (c, col, y), v in app.budget.cells.items() if col == SOUGHT and y == year}
                store.set_granted(db, insats_id, year, rules.split_granted(amount, sought))
        _regenerate(db, insats_id, insats)
    return insats


def _book_own_project(db: sqlite_utils.Database, insats_id: int, app: Application) -> None:
    """A granted own application: per year the förbund's own co-financing and the granted support as the
    insats's money, and the support as outside income of the year (so the result carries the own share)."""
    from ..domain.esf import ESF_SUPPORT
    from .own_applications import insats_money

    for year, by_category in insats_money(app).items():
        store.set_granted(db, insats_id, year, by_category)
        store.set_income(db, insats_id, year, ESF_SUPPORT, by_category.get(ESF_SUPPORT))


def granted_applications_without_insats(db: sqlite_utils.Database) -> list[int]:
    linked = store.linked_applications(db)
    return [r.id for r in app_store.list_rows(db) if r.status in GRANTED and r.id not in linked]


def delete(db: sqlite_utils.Database, insats_id: int) -> None:
    insats = load(db, insats_id)
    count = store.invoice_count(db, insats_id)
    if count:
        raise ServiceError(f"Insatsen ”{insats.name}” har {count} fakturor och kan inte tas bort. "
                           "Arkivera den i stället; fakturorna hör till räkenskaperna.")
    with db.atomic():
        store.delete_insats(db, insats_id)


def set_archived(db: sqlite_utils.Database, insats_id: int, archived: bool = True) -> None:
    insats = load(db, insats_id)
    insats.archived = archived
    with db.atomic():
        store.save_insats(db, insats)


# ---------------------------------------------------------------- money
def economy(db: sqlite_utils.Database, insats_id: int, year: int) -> YearEconomy:
    return store.year_economy(db, insats_id, year)


def economy_years(db: sqlite_utils.Database, insats: Insats) -> list[int]:
    if insats.id is None:  # not saved: nothing granted or invoiced yet
        return insats.years
    return sorted({*insats.years, *store.granted(db, insats.id), *store.invoice_years(db, insats.id)})


def set_granted(db: sqlite_utils.Database, insats_id: int, year: int, by_category: dict[str, int]) -> None:
    load(db, insats_id)
    bad = {c: "Beloppet får inte vara negativt." for c, v in by_category.items() if v is not None and v < 0}
    if bad:
        raise ValidationError("Beviljat sparades inte: ett belopp är negativt.", bad)
    if any(not c.strip() for c in by_category):
        raise ValidationError("Beviljat sparades inte: en kostnadskategori saknar namn.", {"category": "Namn behövs."})
    with db.atomic():
        store.set_granted(db, insats_id, year, {c.strip(): v for c, v in by_category.items() if v})


def set_prognos(db: sqlite_utils.Database, insats_id: int, year: int, prognos: int | None) -> None:
    if prognos is not None and prognos < 0:
        raise ValidationError("Prognosen får inte vara negativ.", {"prognos": "Får inte vara negativ."})
    with db.atomic():
        store.set_prognos(db, insats_id, year, prognos)


# ---------------------------------------------------------------- invoices
def invoices(db: sqlite_utils.Database, insats_id: int, year: int | None = None) -> list[Invoice]:
    return store.invoices(db, insats_id, year)


def save_invoice(db: sqlite_utils.Database, invoice: Invoice) -> list[str]:
    """Book (or correct) an invoice in one transaction. Returns warnings (e.g. a date outside the period)."""
    insats = load(db, invoice.insats_id)
    if invoice.date is None:
        raise ValidationError("Fakturan sparades inte: datum behövs.", {"date": "Datum behövs."})
    errors, warnings = rules.invoice_problems(invoice, insats)
    if errors:
        raise ValidationError("Fakturan sparades inte: " + " ".join(errors.values()), errors)
    with db.atomic():
        store.save_invoice(db, invoice)
    return list(warnings.values())


def delete_invoice(db: sqlite_utils.Database, invoice_id: int) -> Invoice:
    """Remove an invoice; returns it so that it can be booked again (undo)."""
    if not db["invoice"].count_where("id = ?", [invoice_id]):
        raise ServiceError("Fakturan finns inte längre.")
    invoice = store.get_invoice(db, invoice_id)
    with db.atomic():
        store.delete_invoice(db, invoice_id)
    return invoice


# ---------------------------------------------------------------- reports
def reports(db: sqlite_utils.Database, insats_id: int) -> list[Report]:
    return store.reports(db, insats_id)


def mark_received(db: sqlite_utils.Database, report_id: int, received_on: date | None) -> Report:
    report = store.get_report(db, report_id)
    report.received_on = received_on
    with db.atomic():
        store.save_report(db, report)
    return report


def save_report(db: sqlite_utils.Database, report: Report) -> Report:
    if not report.title.strip():
        raise ValidationError("Rapporten behöver en rubrik.", {"title": "Rubrik behövs."})
    if report.due is None:
        raise ValidationError("Rapporten behöver ett sista datum.", {"due": "Datum behövs."})
    report.by_rule = False
    with db.atomic():
        store.save_report(db, report)
    return report


def delete_report(db: sqlite_utils.Database, report_id: int) -> None:
    with db.atomic():
        store.delete_report(db, report_id)


# ---------------------------------------------------------------- the list
def list_rows(db: sqlite_utils.Database, year: int, today: date | None = None) -> list[InsatsRow]:
    return store.list_rows(db, year, today or date.today())


@dataclass(frozen=True)
class RowFilter:
    text: str = ""
    status: str = ""
    show_archived: bool = False


def totals(rows: list[InsatsRow]) -> tuple[int, int, int]:
    """What the rows add up to in their year (öre): beviljat, fakturerat, kvar."""
    return sum(r.granted for r in rows), sum(r.spent for r in rows), sum(r.remaining for r in rows)


def filter_rows(rows: list[InsatsRow], f: RowFilter) -> list[InsatsRow]:
    needle = fold(f.text).strip()
    return [r for r in rows
            if (f.show_archived or not r.archived) and (not f.status or r.status == f.status)
            and (not needle or needle in fold(f"{r.name}\n{r.owner}"))]
