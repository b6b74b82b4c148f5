"""The revisor's dossier of an insats: its ansökningar on their forms, the decisions (protocol extracts), the
invoices, the reports received and the economy, as one PDF with bookmarks. reportlab and pypdf load when used."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.insatser import INVOICE_KINDS, KINDS, STATUSES
from ..store import applications as app_store
from ..store import meetings as meeting_store
from . import economy_files, insatser, meetings, printing
from .errors import ServiceError
from .output import write_file_atomic
from .report_data import letterhead
from .templates import get_template

if TYPE_CHECKING:
    import sqlite_utils

    from ..documents.blocks import Document

PARTS = ("Ansökan", "Beslut", "Fakturor", "Rapporter", "Ekonomi")


def _decisions(db: sqlite_utils.Database, insats_id: int, application_ids: list[int]) -> list[tuple[str, bytes]]:
    """A protocol extract (the meeting's head, the one §, the justering) for every recorded item about the
    insats or its ansökningar, oldest first."""
    from ..documents.meeting_pdf import protokoll_pdf

    found, extracted = [], set()
    for row in sorted(meeting_store.list_rows(db), key=lambda r: (r.date, r.id)):
        if not row.recorded:
            continue
        m = meeting_store.load_meeting(db, row.id)
        for i, item in enumerate(m.items):
            if item.recorded and (item.application_id in application_ids or item.insats_id == insats_id):
                extract = replace(m, items=[item], first_paragraph=m.paragraph(i))
                title = f"{m.title} § {m.paragraph(i)}"
                found.append((title, protokoll_pdf(extract, letterhead(db).name, meetings.subjects(db, extract))))
                extracted.add(item.application_id)
    for app_id in application_ids:  # decided without a meeting in the file: the ansökan's own history
        if app_id not in extracted and app_store.exists(db, app_id):
            found.append(_history(db, app_id))
    return found


def _history(db: sqlite_utils.Database, application_id: int) -> tuple[str, bytes]:
    from ..documents.blocks import Document, Para, Table
    from ..documents.pdf_writer import pdf_bytes
    from ..domain.money import format_kr
    from ..domain.statuses import label

    app = app_store.load(db, application_id)
    head = letterhead(db)
    doc = Document(f"Beslut om ansökan {app.diarienummer}", head.name, logo=head.logo, header_right="Beslut",
                   subtitle=f"{app.name}. Beslutet finns inte som protokoll i filen; här är ansökans historik.")
    rows = tuple((e.date.isoformat(), label(e.status), e.who, e.note,
                  ", ".join(f"{y}: {format_kr(a)}" for y, a in sorted(e.granted.items()))) for e in app.history)
    doc.add(Table(("Datum", "Steg", "Vem", "Anteckning", "Beviljat"), rows) if rows
            else Para("Ansökan har ingen historik.", "muted"))
    return f"{app.diarienummer} beslut (ur ansökans historik)", pdf_bytes(doc)


def _listing(db: sqlite_utils.Database, insats_id: int, today: date) -> tuple[Document, Document]:
    from ..documents.blocks import Document, Para, Table

    head = letterhead(db)
    insats = insatser.load(db, insats_id)
    bills = insatser.invoices(db, insats_id)
    rows = tuple((i.date.isoformat(), f"{i.period_start or ''} – {i.period_end or ''}", i.category or "–",
                  i.reference, INVOICE_KINDS.get(i.kind, i.kind), i.amount) for i in bills)
    rows += (("Summa", "", "", "", "", sum(i.amount for i in bills)),)
    invoices = Document(f"Fakturor – {insats.name}", head.name, logo=head.logo, header_right="Fakturor")
    invoices.add(Table(("Datum", "Period", "Kategori", "Referens", "Slag", "Belopp"), rows, money=frozenset({5}),
                       bold_rows=frozenset({len(rows) - 1})) if bills else Para("Inga fakturor är bokförda.", "muted"))
    received = [(r, r.received_on) for r in insatser.reports(db, insats_id) if r.received_on is not None]
    reports = Document(f"Mottagna rapporter – {insats.name}", head.name, logo=head.logo, header_right="Rapporter")
    reports.add(Table(("Rapport", "Sista dag", "Mottagen", "Anteckning"),
                      tuple((r.title, r.due.isoformat(), on.isoformat(), r.note) for r, on in received))
                if received else Para("Inga rapporter har kommit in.", "muted"))
    open_ones = [r for r in insatser.reports(db, insats_id) if r.overdue(today)]
    if open_ones:
        reports.add(Para("Försenade, ej inkomna: " + ", ".join(f"{r.title} ({r.due})" for r in open_ones), "muted"))
    return invoices, reports


def dossier_pdf(db: sqlite_utils.Database, insats_id: int, today: date | None = None) -> bytes:
    from ..documents.blocks import Bullets, Document, Para
    from ..documents.pdf_join import JoinError, Part, join_pdfs
    from ..documents.pdf_writer import pdf_bytes

    today = today or date.today()
    insats = insatser.load(db, insats_id)
    head = letterhead(db)
    applications = []
    for app_id in insats.application_ids:
        if app_store.exists(db, app_id):
            app = app_store.load(db, app_id)
            applications.append((f"{app.diarienummer} {app.name}",
                                 printing.render_application(app, get_template(app.template_id), head.name)))
    decisions = _decisions(db, insats_id, insats.application_ids)
    invoices, reports = _listing(db, insats_id, today)
    cover = Document(f"Dossier för revisionen – {insats.name}", head.name, logo=head.logo,
                     header_right=f"Utskriven {today.isoformat()}")
    cover.add(Para(f"{KINDS.get(insats.kind, '')}, {STATUSES.get(insats.status, '').lower()}. Insatsägare: "
                   f"{insats.owner or '–'}. Period: {insats.period_start or '?'} – {insats.period_end or '?'}."),
              Para("Innehåll (bokmärken i PDF-läsaren):", "lead"),
              Bullets((f"Ansökan ({len(applications)})", f"Beslut ({len(decisions)} protokollsutdrag)",
                       "Fakturor", "Rapporter", "Ekonomi")))
    parts = [Part("Innehåll", [("Innehåll", pdf_bytes(cover))]), Part("Ansökan", applications),
             Part("Beslut", decisions), Part("Fakturor", [("Fakturor", pdf_bytes(invoices))]),
             Part("Rapporter", [("Rapporter", pdf_bytes(reports))]),
             Part("Ekonomi", [("Ekonomi", economy_files.insats_pdf(db, insats_id, today))])]
    try:
        return join_pdfs(parts, f"Dossier {insats.name}", head.name)
    except JoinError as exc:
        raise ServiceError(str(exc)) from exc


def write_dossier(db: sqlite_utils.Database, insats_id: int, path: str | Path) -> Path:
    if Path(path).suffix.lower() != ".pdf":
        raise ServiceError(f"{Path(path).name}: dossiern skrivs som PDF (.pdf).")
    return write_file_atomic(path, dossier_pdf(db, insats_id))
