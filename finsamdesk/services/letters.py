"""Letters to applicants: the beslutsbrev after a styrelse decision on an ansökan, and påminnelser for reports
that fall due (a letter, and an e-mail draft per contact as a mailto: address the window opens)."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..domain import letters as rules
from ..domain.letters import DecisionLetter, Recipient, Reminder
from ..domain.meetings import default_outcome_text
from ..domain.statuses import DECIDED, GRANTED
from ..store import applications as app_store
from ..store import insats_figures
from ..store import insatser as insats_store
from ..store import meetings as meeting_store
from ..store import reports as store
from . import insatser, meetings
from .errors import NotFoundError, ServiceError
from .report_data import letterhead

if TYPE_CHECKING:
    import sqlite_utils

    from ..domain.application import Application



def decided_items(db: sqlite_utils.Database, meeting_id: int) -> list[int]:
    """Indexes of the meeting's agenda items that carry a recorded styrelse decision on an ansökan."""
    m = meetings.load(db, meeting_id)
    return [i for i, item in enumerate(m.items) if m.kind == "styrelse" and item.recorded
            and item.application_id is not None]


def decision_letter(db: sqlite_utils.Database, meeting_id: int, index: int,
                    today: date | None = None) -> DecisionLetter:
    """The beslutsbrev of agenda item `index`: the decision as recorded, the amounts per year, the reports the
    insats owes by rule and the invoicing cadence, signed by the förbundschef."""
    m = meetings.load(db, meeting_id)
    if not 0 <= index < len(m.items):
        raise ServiceError("Punkten finns inte på dagordningen.")
    item = m.items[index]
    if m.kind != "styrelse" or not item.recorded or item.application_id is None:
        raise ServiceError("Beslutsbrev skrivs för ett registrerat styrelsebeslut om en ansökan.")
    if not app_store.exists(db, item.application_id):
        raise ServiceError("Ansökan som beslutet gäller finns inte längre i filen.")
    return _letter(db, app_store.load(db, item.application_id), item.outcome, item.outcome_text, item.granted,
                   m.date, m.paragraph(index), item.insats_id, today)


def application_decision_letter(db: sqlite_utils.Database, application_id: int,
                                today: date | None = None) -> DecisionLetter:
    """The beslutsbrev of the ansökan's latest decision: from the styrelse meeting that recorded it when the file
    has one, else from the decision in the ansökan's history (a decision registered without a meeting)."""
    if not app_store.exists(db, application_id):
        raise ServiceError(f"Det finns ingen ansökan med id {application_id}.")
    for kind, _when, item in reversed(meeting_store.items_of_application(db, application_id)):
        if kind == "styrelse" and item.recorded and item.outcome in DECIDED:
            meeting_id = db.execute("SELECT meeting_id FROM agenda_item WHERE id = ?", [item.id]).fetchone()[0]
            m = meetings.load(db, meeting_id)
            return decision_letter(db, meeting_id, next(i for i, x in enumerate(m.items) if x.id == item.id), today)
    app = app_store.load(db, application_id)
    decision = next((e for e in reversed(app.history) if e.status in DECIDED), None)
    if decision is None:
        raise ServiceError(f"Ansökan {app.diarienummer} har inget beslut att skriva brev om.")
    text = decision.note or default_outcome_text("styrelse", decision.status, f"{app.name} ({app.diarienummer})",
                                                 decision.granted)
    return _letter(db, app, decision.status, text, decision.granted, decision.date, None,
                   insats_store.insats_of_application(db, application_id), today)


def _letter(db: sqlite_utils.Database, app: Application, outcome: str, text: str, granted: dict[int, int],
            decided_on: date, paragraph: int | None, insats_id: int | None, today: date | None) -> DecisionLetter:
    head = letterhead(db)
    owner = next((a.name for a in app.applicants if a.role == "huvudman"), app.applicant_display)
    lines = tuple(f"{c.name}{', ' + c.organisation if c.organisation else ''}" for c in app.contacts[:2] if c.name)
    cadence, start, end = "manad", app.period_start, app.period_end
    if insats_id is not None and db["insats"].count_where("id = ?", [insats_id]):
        insats = insats_store.load_insats(db, insats_id)
        cadence, start, end = insats.cadence, insats.period_start or start, insats.period_end or end
    years = {y for y, a in granted.items() if a}
    is_grant = outcome in GRANTED
    reports = rules.decision_reports(start, end, insatser.tertial_days(db), years) if is_grant else ()
    return DecisionLetter(
        head.name, head.forbundschef, owner or "Sökande", lines, app.diarienummer, app.name or app.diarienummer,
        decided_on, paragraph, outcome, text,
        tuple(sorted((y, a) for y, a in granted.items() if a)) if is_grant else (),
        reports, cadence, today or date.today())


def _recipients(db: sqlite_utils.Database, insats_id: int) -> tuple[Recipient, ...]:
    """The insats's contact (register e-mail), then the contacts of its ansökningar; one per e-mail address."""
    insats = insats_store.load_insats(db, insats_id)
    found: list[Recipient] = []
    name, email, organisation = store.contact_email(db, insats.contact_id)
    if name or insats.contact:
        found.append(Recipient(name or insats.contact, email, organisation or insats.owner))
    for app_id in insats.application_ids:
        if app_store.exists(db, app_id):
            for c in app_store.load(db, app_id).contacts:
                if c.name or c.email:
                    found.append(Recipient(c.name, c.email, c.organisation))
    seen: set[str] = set()
    out = []
    for r in found:
        key = (r.email or r.name).strip().lower()
        if key and key not in seen:
            seen.add(key)
            out.append(r)
    return tuple(out)


def reminder(db: sqlite_utils.Database, report_id: int, today: date | None = None) -> Reminder:
    if not db["report"].count_where("id = ?", [report_id]):
        raise NotFoundError(f"Det finns ingen rapport med id {report_id}.")
    report = insats_store.get_report(db, report_id)
    if report.received_on is not None:
        raise ServiceError(f"{report.title} är redan mottagen {report.received_on.isoformat()}.")
    head = letterhead(db)
    insats = insats_store.load_insats(db, report.insats_id)
    return Reminder(head.name, head.forbundschef, insats.name, report, _recipients(db, report.insats_id),
                    today or date.today())


def waiting_report(db: sqlite_utils.Database, insats_id: int, report_id: int | None = None) -> int:
    """The report of the insats a påminnelse is about: `report_id` when it is the insats's and not received,
    else the first one not received (soonest due)."""
    waiting = [r for r in insats_store.reports(db, insats_id) if r.received_on is None]
    if report_id is not None:
        if not any(r.id == report_id for r in waiting):
            raise NotFoundError(f"Insatsen har ingen rapport med id {report_id} som väntar.")
        return report_id
    if not waiting:
        raise ServiceError("Alla insatsens rapporter har kommit in; det finns inget att påminna om.")
    return min(waiting, key=lambda r: (r.due, r.id or 0)).id or 0


def reminder_mails(r: Reminder) -> list[tuple[Recipient, str]]:
    """(recipient, mailto: URL) for every contact with an e-mail address."""
    return [(who, rules.mailto(who.email, r.subject, r.body(who))) for who in r.recipients if who.email]


def due_report_ids(db: sqlite_utils.Database, until: date) -> list[int]:
    """Reports not received that are due on or before `until` (overdue included), soonest first."""
    return [d.report.id for d in insats_figures.open_reports(db, until) if d.report.id is not None]



def decisions(db: sqlite_utils.Database) -> list[tuple[int, str, str, str, date]]:
    """(ansökan id, diarienummer, name, decision, decided on) of every ansökan with a styrelse decision, newest
    first."""
    out = []
    for row in app_store.list_rows(db):
        if row.status in DECIDED:
            app = app_store.load(db, row.id)
            decision = next((e for e in reversed(app.history) if e.status in DECIDED), None)
            if decision is not None and app.id is not None:
                out.append((app.id, app.diarienummer, app.name, decision.status, decision.date))
    return sorted(out, key=lambda r: (r[4], r[1]), reverse=True)
