"""Files in and out for ansökningar: JSON export/import of one ansökan, the list as Excel.

`ImportFormatError` is re-exported for the CLI, which never imports documents directly.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..documents.json_checks import MAX_FILE_BYTES, ImportFormatError
from ..documents.json_io import OrganisationResolver, application_from_json, application_to_json
from ..domain.application import Application
from ..domain.identifiers import IdentifierError, normalize_orgnr
from ..domain.statuses import label
from ..domain.text import fold
from ..store import applications as store
from ..store import registers as registers_store
from ..store.applications import ApplicationRow
from . import applications
from .errors import ServiceError
from .output import write_file_atomic
from .templates import get_template

if TYPE_CHECKING:
    import sqlite_utils

__all__ = [
    "LIST_HEADERS",
    "DiarienummerTakenError",
    "ImportFormatError",
    "export_application_json",
    "export_application_list_xlsx",
    "import_application_json",
    "write_file_atomic",
]

class DiarienummerTakenError(ServiceError):
    """The imported ansökan's diarienummer is already used in this file (nothing was imported)."""


MAX_IMPORT_BYTES = MAX_FILE_BYTES  # what an ansökan's JSON may weigh
LIST_HEADERS = ["Diarienummer", "Namn", "Sökande", "Start", "Slut", "Sökt totalt", "Status", "Senaste steg"]


# ---------------------------------------------------------------------------- JSON

def export_application_json(db: sqlite_utils.Database, key: str | int) -> str:
    """One ansökan (by id or diarienummer) as JSON text in the format of docs/ansokan-json.md."""
    app = applications.find(db, str(key))
    organisations = {a.organisation_id: registers_store.get_organisation(db, a.organisation_id)
                     for a in app.applicants if a.organisation_id is not None}
    return application_to_json(app, organisations)


def _organisation_resolver(db: sqlite_utils.Database) -> OrganisationResolver:
    """Match on organisationsnummer, else on the name (case and å ä ö folded); else no link."""
    orgs = registers_store.list_organisations(db)
    by_orgnr = {o.orgnr: o.id for o in orgs if o.orgnr}
    by_name: dict[str, int | None] = {}
    for o in orgs:
        by_name[fold(o.name).strip()] = o.id if fold(o.name).strip() not in by_name else None  # ambiguous → none

    def resolve(name: str, orgnr: str) -> int | None:
        if orgnr.strip():
            try:
                found = by_orgnr.get(normalize_orgnr(orgnr))
            except IdentifierError:
                found = None
            if found is not None:
                return found
        return by_name.get(fold(name).strip()) if name.strip() else None

    return resolve


def _check_against_template(app: Application) -> None:
    """Sections and budget rows must be the template's own, or they would never be shown or printed."""
    template = get_template(app.template_id)  # ServiceError naming the known templates
    errors = []
    section_ids = {s.id for s in template.sections}
    for key in app.sections:
        if key not in section_ids:
            errors.append(f"sections.{key}: avsnittet finns inte i mallen ”{template.id}”")
    categories = set(template.budget.categories) if template.budget else set()
    for category in sorted({c for (c, _col, _y) in app.budget.cells}):
        if category not in categories:
            errors.append(f"budget.cells: kostnadsraden ”{category}” finns inte i mallen ”{template.id}”")
    if errors:
        raise ImportFormatError(errors)


def import_application_json(db: sqlite_utils.Database, text: str | bytes, *, new_number: bool = False,
                            today: date | None = None) -> Application:
    """Read one ansökan from JSON text into the file: all of it, or nothing.

    The template must exist. A diarienummer already used in this file is refused unless
    `new_number`, which gives the ansökan the next number of the current year (an empty
    diarienummer in the file gets one too). History and granted amounts are kept as they are.
    """
    app = application_from_json(text, _organisation_resolver(db))
    _check_against_template(app)
    app.diarienummer = app.diarienummer.strip()
    taken = app.diarienummer and store.find_by_diarienummer(db, app.diarienummer)
    if taken and not new_number:
        other = store.load(db, taken)
        raise DiarienummerTakenError(
            f"Diarienumret {app.diarienummer} används redan av ansökan ”{other.name}” i den här filen. "
            "Inget har importerats. Importera med ett nytt diarienummer om det är en annan ansökan.")
    with db.atomic():
        if taken or not app.diarienummer:
            app.diarienummer = store.next_diarienummer(db, (today or date.today()).year)
        applications.validate(db, app)
        store.save(db, app)
    return app


# ---------------------------------------------------------------------------- Excel

def application_list_xlsx(rows: list[ApplicationRow]) -> bytes:
    from ..documents.excel_list import write_table_xlsx

    table = [[r.diarienummer, r.name, r.applicant, r.period_start, r.period_end, r.sought_ore,
              label(r.status), r.next_step] for r in rows]
    return write_table_xlsx(LIST_HEADERS, table, money_columns={5}, date_columns={3, 4, 7},
                            sheet_title="Ansökningar")


def export_application_list_xlsx(db: sqlite_utils.Database, rows: list[ApplicationRow] | None,
                                 path: str | Path) -> Path:
    """The rows shown (or, with None, every ansökan in the file) as an Excel file, written atomically."""
    if rows is None:
        rows = applications.list_rows(db)
    return write_file_atomic(path, application_list_xlsx(rows))
