"""Files of an own application: its budget as Excel with live formulas (the PDF prints through printing)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import applications
from .errors import ServiceError
from .output import write_file_atomic
from .templates import get_template

if TYPE_CHECKING:
    import sqlite_utils

    from ..domain.application import Application


def budget_xlsx_of(app: Application) -> bytes:
    """The budget of an own application as .xlsx bytes (Budgetöversikt and Kostnader, or Budgetspecifikation)."""
    from ..documents.esf_excel import budget_xlsx

    if not app.outgoing or app.esf is None:
        raise ServiceError(f"Ansökan {app.diarienummer} är ingen egen ansökan på ett ESF-formulär.")
    return budget_xlsx(app, get_template(app.template_id))


def export_budget_xlsx(db: sqlite_utils.Database, key: str | int, path: str | Path) -> Path:
    """Write the budget of the own application `key` (id or diarienummer) to `path`, atomically."""
    return write_file_atomic(path, budget_xlsx_of(applications.find(db, str(key))))
