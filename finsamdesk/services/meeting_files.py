"""A meeting's documents: kallelse with the agenda, the protokoll, and the beslutsunderlag (every ansökan of
the agenda on its own form, joined into one PDF with bookmarks). reportlab and pypdf load when used.

`write_beslutsunderlag` is written to run on a worker thread with its own connection."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..store import applications as app_store
from . import meetings, printing
from .errors import ServiceError
from .output import write_file_atomic
from .templates import get_template

if TYPE_CHECKING:
    import sqlite_utils


def kallelse_pdf(db: sqlite_utils.Database, meeting_id: int, today: date | None = None) -> bytes:
    from ..documents.meeting_pdf import kallelse_pdf as render

    m = meetings.load(db, meeting_id)
    return render(m, printing.forbund_name(db), today or date.today(), meetings.subjects(db, m))


def protokoll_pdf(db: sqlite_utils.Database, meeting_id: int) -> bytes:
    from ..documents.meeting_pdf import protokoll_pdf as render

    m = meetings.load(db, meeting_id)
    return render(m, printing.forbund_name(db), meetings.subjects(db, m))


def beslutsunderlag_pdf(db: sqlite_utils.Database, meeting_id: int, today: date | None = None,
                        progress: Callable[[int, int], None] | None = None,
                        cancelled: Callable[[], bool] | None = None) -> bytes:
    """The agenda's ansökningar in order, each printed on its own form, after a cover with the contents."""
    from ..documents.meeting_pdf import MeetingPdfError
    from ..documents.meeting_pdf import beslutsunderlag_pdf as join

    m = meetings.load(db, meeting_id)
    forbund = printing.forbund_name(db)
    wanted = [(i, item) for i, item in enumerate(m.items)
              if item.application_id is not None and app_store.exists(db, item.application_id)]
    documents = []
    for done, (i, item) in enumerate(wanted):
        if cancelled and cancelled():
            raise ServiceError("Beslutsunderlaget avbröts.")
        assert item.application_id is not None  # wanted: the items about an ansökan
        app = app_store.load(db, item.application_id)
        documents.append((i, f"{app.diarienummer} {app.name}",
                          printing.render_application(app, get_template(app.template_id), forbund)))
        if progress:
            progress(done + 1, len(wanted) + 1)
    try:
        data = join(m, forbund, documents, today or date.today())
    except MeetingPdfError as exc:
        raise ServiceError(str(exc)) from exc
    if progress:
        progress(len(wanted) + 1, len(wanted) + 1)
    return data


def write_beslutsunderlag(db: sqlite_utils.Database, meeting_id: int, path: str | Path,
                          progress: Callable[[int, int], None] | None = None,
                          cancelled: Callable[[], bool] | None = None) -> Path:
    return write_file_atomic(path, beslutsunderlag_pdf(db, meeting_id, progress=progress, cancelled=cancelled))
