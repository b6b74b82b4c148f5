"""The year's documents as files: Uppföljning Finsam, delårsrapport, årsredovisning, verksamhetsplan (and the
letters) as .docx, PDF or Excel — each assembled once and written by the writer the file name asks for.
python-docx, reportlab and openpyxl load when a file is made (start-up time)."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from . import followup, letters, plan, year_report
from .errors import NotFoundError, ValidationError
from .output import write_file_atomic
from .report_data import letterhead

if TYPE_CHECKING:
    import sqlite_utils

    from ..documents.blocks import Document

REPORTS = {"uppfoljning": "Uppföljning Finsam", "delar": "Delårsrapport", "arsredovisning": "Årsredovisning",
           "verksamhetsplan": "Verksamhetsplan med budget"}
FORMATS = {".docx": "Word", ".pdf": "PDF", ".xlsx": "Excel"}


def file_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError(f"{Path(path).name}: filen ska sluta på .docx, .pdf eller .xlsx.",
                              {"out": "Filändelsen .docx, .pdf eller .xlsx."})
    return suffix


def report_document(db: sqlite_utils.Database, name: str, year: int) -> Document:
    """The assembled document of report `name` (a key of REPORTS) for `year`."""
    logo = letterhead(db).logo
    if name == "uppfoljning":
        from ..documents.followup_doc import followup_document

        return followup_document(followup.follow_up(db, year), letterhead(db).name, logo)
    if name in ("delar", "arsredovisning"):
        from ..documents.year_report_doc import year_report_document

        return year_report_document(year_report.year_report(db, year, name), logo)
    if name == "verksamhetsplan":
        from ..documents.plan_doc import plan_document

        return plan_document(plan.plan(db, year), logo)
    raise NotFoundError(f"Okänd rapport ”{name}”; välj {', '.join(REPORTS)}.")


def render(document: Document, suffix: str) -> bytes:
    if suffix == ".docx":
        from ..documents.docx_writer import docx_bytes

        return docx_bytes(document)
    if suffix == ".pdf":
        from ..documents.pdf_writer import pdf_bytes

        return pdf_bytes(document)
    from ..documents.xlsx_writer import xlsx_bytes

    return xlsx_bytes(document)


def write_report(db: sqlite_utils.Database, name: str, year: int, path: str | Path) -> Path:
    suffix = file_format(path)
    return write_file_atomic(path, render(report_document(db, name, year), suffix))


def decision_letter_document(db: sqlite_utils.Database, meeting_id: int, index: int,
                             today: date | None = None) -> Document:
    from ..documents.letters_doc import decision_document

    return decision_document(letters.decision_letter(db, meeting_id, index, today), letterhead(db).logo)


def application_letter_document(db: sqlite_utils.Database, application_id: int,
                                today: date | None = None) -> Document:
    from ..documents.letters_doc import decision_document

    return decision_document(letters.application_decision_letter(db, application_id, today), letterhead(db).logo)


def write_decision_letter(db: sqlite_utils.Database, meeting_id: int, index: int, path: str | Path) -> Path:
    suffix = file_format(path)
    return write_file_atomic(path, render(decision_letter_document(db, meeting_id, index), suffix))


def write_application_letter(db: sqlite_utils.Database, application_id: int, path: str | Path) -> Path:
    suffix = file_format(path)
    return write_file_atomic(path, render(application_letter_document(db, application_id), suffix))


def reminder_document(db: sqlite_utils.Database, report_id: int, today: date | None = None) -> Document:
    from ..documents.letters_doc import reminder_document as build

    return build(letters.reminder(db, report_id, today), letterhead(db).logo)


def write_reminder(db: sqlite_utils.Database, report_id: int, path: str | Path) -> Path:
    suffix = file_format(path)
    return write_file_atomic(path, render(reminder_document(db, report_id), suffix))
