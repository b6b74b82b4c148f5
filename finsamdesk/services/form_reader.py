"""Read a received form (.docx or PDF) into a proposed ansökan; save it after review.

    proposal = read_file(path)                     # recognises the template; or template_id=...
    proposal.reading.app / .findings / .sources    # what the review dialog shows
    save_proposal(db, proposal, corrected_app)     # one transaction, "Inläst från …" in the history

Nothing is saved by read_file. Text that could not be placed is kept in the history note of
the saved ansökan, never dropped.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..documents.form_files import FormFileError, file_bytes, read_form_bytes
from ..domain.application import Application, StatusEvent
from ..domain.form_blocks import Extracted
from ..domain.form_filling import read_form
from ..domain.form_findings import Reading
from ..domain.form_reading import recognise
from ..domain.forms import FormTemplate
from ..store import applications as store
from . import applications
from .errors import ServiceError
from .templates import get_template, list_templates

if TYPE_CHECKING:
    import sqlite_utils

class UnrecognisedForm(ServiceError):
    """The file resembles none of the templates; the user may choose one."""


RECOGNISED = 0.35  # below this share of title, header and headings found, the user must choose


@dataclass
class Proposal:
    reading: Reading
    file_name: str
    file_date: date | None
    extracted: Extracted
    candidates: list[tuple[float, str, str]] = field(default_factory=list)  # (score, template id, name)
    chosen_by_user: bool = False

    @property
    def app(self) -> Application:
        return self.reading.app

    def history_note(self) -> str:
        when = f" (filen ändrad {self.file_date.isoformat()})" if self.file_date else ""
        note = f"Inläst från {self.file_name}{when}."
        unplaced = self.reading.note(self.file_name)
        return f"{note}\n\n{unplaced}" if unplaced else note


def received_templates() -> list[FormTemplate]:
    """The forms an applicant fills in for the förbund (not its own outgoing ESF applications)."""
    return [t for t in list_templates() if not t.outgoing]


def _received(template_id: str) -> FormTemplate:
    template = get_template(template_id)
    if template.outgoing:
        raise ServiceError(f"”{template.name}” är förbundets egen ansökan till en annan finansiär; "
                           "bara blanketter som sökande fyller i för förbundet kan läsas in.")
    return template


def read_bytes(name: str, data: bytes, template_id: str | None = None, file_date: date | None = None) -> Proposal:
    try:
        extracted = read_form_bytes(name, data)
    except FormFileError as exc:
        raise ServiceError(str(exc)) from exc
    ranked = recognise(extracted, received_templates())
    candidates = [(score, t.id, t.name) for score, t in ranked]
    if template_id:
        template = _received(template_id)
    elif not ranked or ranked[0][0] < RECOGNISED:
        names = ", ".join(f"{t.id}" for _s, t in ranked)
        raise UnrecognisedForm(f"{name} liknar ingen av förbundets formulärmallar. Välj mall ({names}).")
    else:
        template = ranked[0][1]
    return Proposal(read_form(extracted, template), name, file_date, extracted, candidates, bool(template_id))


def proposal_json(proposal: Proposal) -> str:
    """The proposed ansökan in the exchange format of `applications import`, to correct by hand."""
    from ..documents.json_io import application_to_json

    return application_to_json(proposal.app)


def reread(proposal: Proposal, template_id: str) -> Proposal:
    """The same file read on another template (the user's choice in the review)."""
    reading = read_form(proposal.extracted, _received(template_id))
    return Proposal(reading, proposal.file_name, proposal.file_date, proposal.extracted, proposal.candidates, True)


def read_file(path: str | Path, template_id: str | None = None) -> Proposal:
    """Read and match a form file; raises ServiceError with a Swedish message."""
    path = Path(path)
    try:
        data = file_bytes(path)
        file_date = datetime.fromtimestamp(path.stat().st_mtime).date()
    except FormFileError as exc:
        raise ServiceError(str(exc)) from exc
    except OSError as exc:
        raise ServiceError(f"{path.name} kan inte läsas ({exc.strerror or 'okänt fel'}).") from exc
    return read_bytes(path.name, data, template_id, file_date)


def save_proposal(db: sqlite_utils.Database, proposal: Proposal, app: Application | None = None,
                  today: date | None = None) -> Application:
    """Save the reviewed ansökan as a new utkast, in one transaction, with where it came from."""
    today = today or date.today()
    app = copy.deepcopy(app if app is not None else proposal.app)
    app.id = None
    app.status = "utkast"
    if not app.diarienummer.strip():
        app.diarienummer = store.next_diarienummer(db, today.year)
    app.history = [StatusEvent("utkast", today, proposal.history_note())]
    return applications.save(db, app)
