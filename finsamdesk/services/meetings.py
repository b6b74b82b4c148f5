"""Use cases for möten: plan a meeting from what is waiting, edit attendees and agenda, record the
beredningsgrupp's recommendation or the styrelse's decision on an ansökan (status, granted amounts,
history and insats in one transaction), and the slides of the projector mode."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from ..domain import meetings as rules
from ..domain.application import SOUGHT, Application
from ..domain.dates import add_months
from ..domain.meetings import AgendaItem, Attendee, Meeting, Slide
from ..domain.money import format_kr
from ..domain.statuses import GRANTED, label, on_agenda_of
from ..domain.text import fold
from ..domain.workflow import steps_to_recommendation
from ..store import applications as app_store
from ..store import insatser as insats_store
from ..store import meetings as store
from ..store.meetings import MeetingRow
from . import applications, insatser
from .errors import NotFoundError, ServiceError, ValidationError

if TYPE_CHECKING:
    import sqlite_utils

    from ..domain.insatser import Insats, Report


def list_rows(db: sqlite_utils.Database) -> list[MeetingRow]:
    return store.list_rows(db)


@dataclass(frozen=True)
class RowFilter:
    text: str = ""  # in the date, the kind, the place and the agenda's titles
    year: int | None = None  # None: every year


def filter_rows(rows: list[MeetingRow], f: RowFilter) -> list[MeetingRow]:
    """The meetings of the year (if one is chosen) whose date, kind, place or agenda holds the text."""
    needle = fold(f.text).strip()
    return [r for r in rows if (f.year is None or r.date.year == f.year) and (
        not needle or needle in fold(f"{r.date.isoformat()} {r.time}\n{rules.KINDS.get(r.kind, r.kind)}\n"
                                     f"{r.place}\n{r.topics}"))]


def years(rows: list[MeetingRow]) -> list[int]:
    """The years with a meeting, the latest first."""
    return sorted({r.date.year for r in rows}, reverse=True)


def load(db: sqlite_utils.Database, meeting_id: int) -> Meeting:
    if not store.exists(db, meeting_id):
        raise ServiceError(f"Det finns inget möte med id {meeting_id}.")
    return store.load_meeting(db, meeting_id)


def find(db: sqlite_utils.Database, key: str) -> Meeting:
    """By id, or by date (the latest meeting that day), as typed on the command line."""
    if str(key).isdigit() and store.exists(db, int(key)):
        return store.load_meeting(db, int(key))
    matches = [r for r in store.list_rows(db) if r.date.isoformat() == str(key).strip()]
    if not matches:
        raise NotFoundError(f"Det finns inget möte ”{key}” (ange id eller datum).")
    return store.load_meeting(db, max(matches, key=lambda r: r.id).id)


# ---------------------------------------------------------------- planning
def application_item(app: Application) -> AgendaItem:
    sought = app.budget.sought_by_year()
    years = ", ".join(str(y) for y, a in sought.items() if a)
    applicant = (app.applicant_display or "Sökande saknas").rstrip(".")
    text = f"{applicant} söker {format_kr(app.budget.sought_total())}" + (
        f" för {years}." if years else ".")
    return AgendaItem("ansokan", f"Ansökan {app.diarienummer}: {app.name or '(utan namn)'}", text,
                      application_id=app.id, granted={y: a for y, a in sought.items() if a})


def proposals(db: sqlite_utils.Database, kind: str, when: date, meeting: Meeting | None = None) -> list[AgendaItem]:
    """What is waiting for this body: ansökningar in its step (not on another open agenda of it), reports
    received lately and insatser ending soon (for information). Items already in `meeting` are left out."""
    present = {(i.kind, i.application_id, i.report_id, i.insats_id) for i in (meeting.items if meeting else [])}
    own = {i.application_id for i in (meeting.items if meeting else [])}
    elsewhere = store.application_ids_on_agendas(db, kind) - own
    out = []
    for row in sorted(app_store.list_rows(db), key=lambda r: r.diarienummer):
        if row.status in on_agenda_of(kind) and row.id not in elsewhere:
            out.append(application_item(app_store.load(db, row.id)))
    since = when.toordinal() - rules.REPORT_DAYS
    for received, report, insats_name in _received_reports(db, date.fromordinal(since), when):
        out.append(AgendaItem("rapport", f"{report.title} – {insats_name}",
                              f"Mottagen {received.isoformat()}, för kännedom.", report_id=report.id,
                              insats_id=report.insats_id))
    until = add_months(when, rules.ENDING_MONTHS)
    for r in insats_store.list_rows(db, when.year, when):
        if not r.archived and r.status != "avslutad" and r.period_end and when <= r.period_end <= until:
            out.append(AgendaItem("insats", f"{r.name} avslutas {r.period_end.isoformat()}",
                                  "Slutrapport senast två månader efter avslut. Fortsättning?", insats_id=r.id))
    return [i for i in out if (i.kind, i.application_id, i.report_id, i.insats_id) not in present]


def _received_reports(db: sqlite_utils.Database, since: date, until: date) -> list[tuple[date, Report, str]]:
    """(received on, report, its insats's name) of the reports received between the two days, oldest first."""
    names = {r.id: r.name for r in insats_store.list_rows(db, until.year, until)}
    out = []
    for insats_id, name in names.items():
        for report in insats_store.reports(db, insats_id):
            if report.received_on and since <= report.received_on <= until:
                out.append((report.received_on, report, name))
    return sorted(out, key=lambda received_report_name: received_report_name[0])


def new_meeting(db: sqlite_utils.Database, kind: str, when: date, time: str = "", place: str = "") -> Meeting:
    """A meeting to plan (not saved): the last meeting's attendees, chair and secretary of the same body, the
    next § number, and an agenda of formalities and what is waiting."""
    last = store.latest(db, kind)
    m = Meeting(kind, when, time, place or (last.place if last else ""))
    if last is not None:
        m.attendees = [replace(a, present=True) for a in last.attendees]
        m.chair, m.secretary = last.chair, last.secretary
    m.first_paragraph = rules.next_paragraph(store.all_meetings(db), kind, when)
    opening, closing = rules.standard_items(kind)
    m.items = opening + proposals(db, kind, when) + closing
    return m


def save(db: sqlite_utils.Database, m: Meeting) -> Meeting:
    errors = rules.validate_meeting(m)
    if errors:
        raise ValidationError("Mötet sparades inte: " + " ".join(errors.values()), errors)
    if m.id is not None and store.exists(db, m.id):
        stored = {i.id: i for i in store.load_meeting(db, m.id).items}
        for item in m.items:
            before = stored.get(item.id)
            if before is not None and before.recorded and (
                    (item.outcome, item.granted) != (before.outcome, before.granted)):
                raise ValidationError("Ett registrerat beslut kan inte ändras här; det finns i ansökans historik.",
                                      {"items": "Beslutet är redan registrerat."})
        removed = [i for i in stored.values() if i.recorded and i.id not in {x.id for x in m.items}]
        if removed:
            raise ValidationError(f"”{removed[0].title}” har ett registrerat beslut och kan inte tas bort.",
                                  {"items": "Registrerat beslut."})
    with db.atomic():
        store.save_meeting(db, m)
    return m


def delete(db: sqlite_utils.Database, meeting_id: int) -> Meeting:
    """Remove a meeting without recorded outcomes; returns it so that it can be saved again (undo)."""
    m = load(db, meeting_id)
    if any(i.recorded for i in m.items):
        raise ServiceError("Mötet har registrerade beslut och kan inte tas bort; protokollet hör till diariet.")
    with db.atomic():
        store.delete_meeting(db, meeting_id)
    return m


# ---------------------------------------------------------------- recording
def _target_insats(db: sqlite_utils.Database, item: AgendaItem, app: Application) -> int | None:
    """The insats a grant extends: the item's choice, else an open insats of the same name, else a new one."""
    if item.insats_id is not None:
        return item.insats_id
    same = [r.id for r in insats_store.list_rows(db, date.today().year, date.today())
            if not r.archived and fold(r.name) == fold(app.name)]
    return same[0] if len(same) == 1 else None


def record(db: sqlite_utils.Database, meeting_id: int, index: int, outcome: str, granted: dict[int, int] | None = None,
           outcome_text: str = "", jav: list[str] | None = None, today: date | None = None) -> Insats | None:
    """Carry out the recommendation (beredning) or decision (styrelse) of agenda item `index` on its ansökan:
    workflow steps with the meeting's date, granted amounts and history, and for a grant the insats made or
    extended — all in one transaction, so nothing is half done. Returns the insats of a grant."""
    m = load(db, meeting_id)
    if not 0 <= index < len(m.items):
        raise ServiceError("Punkten finns inte på dagordningen.")
    item = m.items[index]
    app_id = item.application_id
    if item.kind != "ansokan" or app_id is None:
        raise ServiceError("Bara en punkt om en ansökan har en rekommendation eller ett beslut.")
    if item.recorded_on is not None:
        raise ServiceError(f"Punkten är redan registrerad {item.recorded_on.isoformat()}.")
    choices = rules.outcome_choices(m.kind)
    if outcome not in choices:
        raise ValidationError("Välj " + ("rekommendation." if m.kind == "beredning" else "beslut."),
                              {"outcome": "Välj ett alternativ."})
    app = applications.load(db, app_id)
    granted = {y: a for y, a in (item.granted if granted is None else granted).items() if a}
    unknown = [n for n in (jav or []) if n not in {a.name for a in m.attendees}]
    if unknown:
        raise ValidationError(f"”{unknown[0]}” finns inte bland mötesdeltagarna.", {"jav": "Okänd mötesdeltagare."})
    subject = f"{app.name or 'ansökan'} ({app.diarienummer})"
    text = outcome_text.strip() or rules.default_outcome_text(m.kind, outcome, subject, granted)
    who = rules.BODIES[m.kind]
    made = None
    with db.atomic():
        if m.kind == "beredning":
            steps = steps_to_recommendation(app.status, rules.RECOMMENDATION_STATUS[outcome])
            for step in steps:
                applications.change_status(db, app_id, step, m.date, text if step == steps[-1] else "", who)
        else:
            if app.status != "styrelse":
                raise ServiceError(f"Ansökan {app.diarienummer} är {label(app.status).lower()}, inte hos styrelsen.")
            applications.change_status(db, app_id, outcome, m.date, text, who,
                                       granted if outcome in GRANTED else None)
            if outcome in GRANTED:
                made = insatser.from_application(db, app_id, _target_insats(db, item, app))
                item.insats_id = made.id
        item.outcome, item.outcome_text, item.jav = outcome, text, list(jav or [])
        item.granted = granted
        item.recorded_on = today or date.today()
        store.save_meeting(db, m)
    return made


# ---------------------------------------------------------------- what the documents and the projector show
def subjects(db: sqlite_utils.Database, m: Meeting) -> dict[int, str]:
    """Index → a line about the ansökan of the item: Dnr, sökande, sökt."""
    out = {}
    for i, item in enumerate(m.items):
        if item.application_id is not None and app_store.exists(db, item.application_id):
            app = app_store.load(db, item.application_id)
            out[i] = (f"Dnr {app.diarienummer} · {app.applicant_display or '–'} · "
                      f"sökt {format_kr(app.budget.sought_total())}")
    return out


def _recommendation(db: sqlite_utils.Database, m: Meeting, item: AgendaItem) -> str:
    if item.recorded:
        return f"{'Rekommendation' if m.kind == 'beredning' else 'Beslut'}: {item.outcome_text}"
    if m.kind == "styrelse" and item.application_id is not None:
        earlier = [i for kind, _d, i in store.items_of_application(db, item.application_id)
                   if kind == "beredning" and i.recorded]
        if earlier:
            return f"Beredningsgruppens rekommendation: {earlier[-1].outcome_text}"
        sent = [e for e in app_store.load(db, item.application_id).history if e.status == "styrelse" and e.note]
        if sent:  # recorded on the ansökan without a meeting in the file
            return f"Beredningsgruppens rekommendation: {sent[-1].note}"
    return ""


def _budget(app: Application) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    years = app.budget.years
    if not years:
        return (), ()
    categories = list(dict.fromkeys(c for (c, col, y) in app.budget.cells if col == SOUGHT and y in years))
    header = ("Kostnad", *map(str, years), "Summa")
    rows = [(c, *(format_kr(app.budget.get(c, SOUGHT, y)) or "–" for y in years),
             format_kr(app.budget.row_total(c)) or "–") for c in categories]
    rows.append(("Summa", *(format_kr(app.budget.column_total(SOUGHT, y)) or "–" for y in years),
                 format_kr(app.budget.sought_total())))
    return header, tuple(rows)


def slides(db: sqlite_utils.Database, m: Meeting) -> list[Slide]:
    out = []
    for i, item in enumerate(m.items):
        paragraph = f"§ {m.paragraph(i)}"
        if item.application_id is not None and app_store.exists(db, item.application_id):
            app = app_store.load(db, item.application_id)
            header, rows = _budget(app)
            dated = app.period_start or app.period_end
            period = f"{app.period_start or '?'} – {app.period_end or '?'}" if dated else "–"
            facts = (("Diarienummer", app.diarienummer), ("Sökande", app.applicant_display or "–"),
                     ("Period", period), ("Sökt totalt", format_kr(app.budget.sought_total())),
                     ("Planerade deltagare", str(app.planned_participants or "–")))
            out.append(Slide(paragraph, app.name or item.title, facts, header, rows, item.text,
                             _recommendation(db, m, item)))
        else:
            out.append(Slide(paragraph, item.title, (), (), (), item.text,
                             f"{'Beslut' if m.kind == 'styrelse' else 'Anteckning'}: {item.outcome_text}"
                             if item.outcome_text else ""))
    return out


def attendee_from_contact(db: sqlite_utils.Database, contact_id: int) -> Attendee:
    from . import registers

    contact = next(c for c in registers.contacts(db) if c.id == contact_id)
    organisation = next((o.name for o in registers.organisations(db) if o.id == contact.organisation_id),
                        contact.organisation_text)
    return Attendee(contact.name, organisation, "ledamot", True, contact.id)
