"""Print an ansökan, or a blank form, to a PDF file.

reportlab is imported on first use, not when this module is (it costs about 0.25 s at start-up).

The file is written atomically: to a temporary file in the same folder, then moved into
place, so a crash or a full disk never leaves half a PDF under the chosen name.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.application import Application
from ..domain.forms import FormTemplate
from . import applications, registers
from .output import write_file_atomic
from .templates import get_template

if TYPE_CHECKING:
    import sqlite_utils

DEFAULT_FORBUND_NAME = "Samordningsförbundet"


def render_application(app: Application | None, template: FormTemplate, forbund: str) -> bytes:
    """The local forms print through pdf_form; an outside funder's form (an own application) through
    funder_form_pdf, with its budget computed first."""
    if template.outgoing:
        from ..documents.funder_form_pdf import render_funder_form
        from ..domain.esf import compute

        return render_funder_form(app, template, compute(app, template) if app is not None else None)
    from ..documents.pdf_form import render_application as render

    return render(app, template, forbund)


def forbund_name(db: sqlite_utils.Database) -> str:
    try:
        name = registers.forbund(db).name.strip()
    except Exception:  # noqa: BLE001 - a missing or odd settings row must not stop printing
        name = ""
    return name or DEFAULT_FORBUND_NAME


def _application(db: sqlite_utils.Database, app_or_id: Application | int | str) -> Application:
    if isinstance(app_or_id, Application):
        return app_or_id
    if isinstance(app_or_id, int):
        return applications.load(db, app_or_id)
    return applications.find(db, str(app_or_id))


def render_application_bytes(app: Application | None, template: FormTemplate | str,
                             forbund: str = DEFAULT_FORBUND_NAME) -> bytes:
    """The PDF as bytes (for previews and benchmarks); `template` is a template or its id."""
    if isinstance(template, str):
        template = get_template(template)
    return render_application(app, template, forbund)


def print_application(db: sqlite_utils.Database, app_id_or_app: Application | int | str, out_path: str | Path,
                      *, template_id: str | None = None) -> Path:
    """Print an ansökan (by id, diarienummer or object) on its own form, or on `template_id`."""
    app = _application(db, app_id_or_app)
    template = get_template(template_id or app.template_id)
    data = render_application(app, template, forbund_name(db))
    return write_file_atomic(out_path, data)


def word_application_bytes(app: Application | None, template: FormTemplate | str,
                           forbund: str = DEFAULT_FORBUND_NAME) -> bytes:
    """The ansökan (or the blank form, app=None) as a Word file to fill in; python-docx imported on use."""
    from ..documents.docx_form import render_application_docx

    if isinstance(template, str):
        template = get_template(template)
    return render_application_docx(app, template, forbund)


def own_application_word_bytes(app: Application, template: FormTemplate, forbund: str = DEFAULT_FORBUND_NAME,
                               logo: bytes | None = None) -> bytes:
    """An own application (ESF) as a Word file to go on writing in: its questions as headings, its answers,
    structured parts and computed budgets as text and tables (documents/funder_form_doc.py)."""
    from ..documents.docx_writer import docx_bytes
    from ..documents.funder_form_doc import funder_form_document
    from ..domain.esf import compute

    return docx_bytes(funder_form_document(app, template, compute(app, template), forbund, logo))


def save_application_word(db: sqlite_utils.Database, app_id_or_app: Application | int | str,
                          out_path: str | Path) -> Path:
    """Spara som Word: the ansökan on its own form as .docx (an own application with its parts and budgets, and
    the förbund's logo), written atomically."""
    app = _application(db, app_id_or_app)
    template = get_template(app.template_id)
    if template.outgoing:
        from .report_data import letterhead

        data = own_application_word_bytes(app, template, forbund_name(db), letterhead(db).logo)
    else:
        data = word_application_bytes(app, template, forbund_name(db))
    return write_file_atomic(out_path, data)


def print_blank(template_id: str, out_path: str | Path, forbund_name: str = "") -> Path:
    """The blank form of a template, for an applicant who fills it in by hand or in a PDF reader."""
    template = get_template(template_id)
    data = render_application(None, template, forbund_name.strip())
    return write_file_atomic(out_path, data)
