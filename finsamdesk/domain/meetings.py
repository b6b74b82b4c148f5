"""Möten: the beredningsgrupp prepares, the styrelse decides. A meeting has attendees and an agenda; each
agenda item may carry the group's recommendation or the board's decision, granted amounts per calendar
year, and jäv (who declared a conflict of interest and left)."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from .meeting_kinds import KINDS as KINDS  # named here as ever
from .money import format_kr
from .statuses import GRANTED
from .text import fold

BODIES = {"beredning": "Beredningsgruppen", "styrelse": "Styrelsen", "annat": "Mötet"}
ITEM_KINDS = {"ansokan": "Ansökan", "rapport": "Rapport", "insats": "Insats", "fritt": "Övrigt"}
ROLES = {"ordforande": "Ordförande", "vice": "Vice ordförande", "ledamot": "Ledamot", "ersattare": "Ersättare",
         "tjansteperson": "Tjänsteperson", "sekreterare": "Sekreterare", "adjungerad": "Adjungerad"}
# The beredningsgrupp's recommendation and where it takes the ansökan (workflow status).
RECOMMENDATIONS = {"tillstyrk": "Tillstyrks (förslag: bevilja)", "delvis": "Tillstyrks delvis",
                   "avstyrk": "Avstyrks (förslag: avslå)", "aterremiss": "Återremitteras till sökande"}
RECOMMENDATION_STATUS = {"tillstyrk": "styrelse", "delvis": "styrelse", "avstyrk": "styrelse",
                         "aterremiss": "aterremitterad"}
# The decisions a styrelse meeting records, with the protokoll's word for each; each is a workflow status.
BOARD_DECISIONS = {"beviljad": "Beviljas", "delvis_beviljad": "Beviljas delvis", "avslag": "Avslås",
             "aterremitterad": "Återremitteras"}
# The outcomes that carry amounts per year: a grant, or a recommendation to grant (the others grant nothing).
OUTCOMES_WITH_AMOUNTS = (*GRANTED, "tillstyrk", "delvis")
OPENING = ("Mötets öppnande", "Val av justerare", "Godkännande av dagordningen", "Föregående protokoll")
CLOSING = ("Övriga frågor", "Mötets avslutande")
REPORT_DAYS = 60  # reports received this many days before the meeting are proposed for information
ENDING_MONTHS = 3  # insatser ending this many months after the meeting are proposed


class MeetingError(ValueError):
    """Bad meeting data; Swedish message."""


@dataclass
class Attendee:
    name: str
    organisation: str = ""
    role: str = "ledamot"
    present: bool = True
    contact_id: int | None = None


@dataclass
class AgendaItem:
    kind: str  # a key of ITEM_KINDS
    title: str
    text: str = ""  # what the item is about (föredragning), printed in kallelse and protokoll
    application_id: int | None = None
    report_id: int | None = None
    insats_id: int | None = None  # the item's insats, or for an ansökan the insats a grant extends
    outcome: str = ""  # a key of RECOMMENDATIONS (beredning) or BOARD_DECISIONS (styrelse); "" = not recorded
    outcome_text: str = ""  # the recommendation or decision as written in the protokoll
    granted: dict[int, int] = field(default_factory=dict)  # year → öre (recommended or granted)
    jav: list[str] = field(default_factory=list)  # attendees who declared jäv and left
    recorded_on: date | None = None  # when the outcome was carried out on the ansökan
    id: int | None = None

    @property
    def recorded(self) -> bool:
        return self.recorded_on is not None


@dataclass
class Meeting:
    kind: str
    date: date
    time: str = ""  # "13.00"
    place: str = ""
    chair: str = ""  # ordförande
    secretary: str = ""  # sekreterare
    adjusters: str = ""  # justerare, as written
    first_paragraph: int = 1  # § numbers run on over a year's protokoll
    note: str = ""
    attendees: list[Attendee] = field(default_factory=list)
    items: list[AgendaItem] = field(default_factory=list)
    id: int | None = None

    @property
    def title(self) -> str:
        return f"{KINDS.get(self.kind, self.kind)} {self.date.isoformat()}"

    def paragraph(self, index: int) -> int:
        """The § number of the item at `index` (0-based) in the protokoll."""
        return self.first_paragraph + index

    @property
    def present(self) -> list[Attendee]:
        return [a for a in self.attendees if a.present]

    @property
    def absent(self) -> list[Attendee]:
        return [a for a in self.attendees if not a.present]


def validate_meeting(m: Meeting) -> dict[str, str]:
    errors = {}
    if m.kind not in KINDS:
        errors["kind"] = "Välj slag av möte."
    if m.date is None:
        errors["date"] = "Datum behövs."
    t = m.time.strip()
    if t and not (len(t) in (4, 5) and t.replace(".", ":").count(":") == 1
                  and all(p.isdigit() for p in t.replace(".", ":").split(":"))):
        errors["time"] = "Skriv tiden som 13.00 eller 13:00."
    if m.first_paragraph < 1:
        errors["first_paragraph"] = "Första paragrafen är minst 1."
    names = [a.name.strip() for a in m.attendees]
    problem = attendee_problem(m.attendees)
    if problem is not None:
        errors["attendees"] = problem[1]
    for item in m.items:
        if not item.title.strip():
            errors["items"] = "En punkt på dagordningen saknar rubrik."
        unknown = [n for n in item.jav if n not in names]
        if unknown:
            errors["items"] = f"Jäv för ”{unknown[0]}”, som inte finns bland mötesdeltagarna."
    return errors


def same_person(a: Attendee, b: Attendee) -> bool:
    """The same contact from the register, or the same name (case and spaces aside)."""
    if a.contact_id is not None and a.contact_id == b.contact_id:
        return True
    return bool(_name_key(a.name)) and _name_key(a.name) == _name_key(b.name)


def _name_key(name: str) -> str:
    return " ".join(fold(name).split())


def attendee_problem(attendees: list[Attendee]) -> tuple[int, str] | None:
    """The first attendee row (0-based) that keeps the meeting from being saved, and why, naming the rows as the
    list shows them (from 1): a row without a name, or a person who is there twice."""
    for row, a in enumerate(attendees):
        if not a.name.strip():
            return row, f"Mötesdeltagaren på rad {row + 1} saknar namn."
        earlier = next((i for i in range(row) if same_person(attendees[i], a)), None)
        if earlier is not None:
            return row, f"”{a.name.strip()}” står två gånger bland mötesdeltagarna (rad {earlier + 1} och {row + 1})."
    return None


def without_duplicates(attendees: list[Attendee]) -> tuple[list[Attendee], list[tuple[int, int]]]:
    """Each person once: a later row of the same person goes (present if either row was). Returns the list and
    (row kept, row taken away) for each row taken away, as indexes into `attendees`."""
    kept: list[Attendee] = []
    rows: list[int] = []
    dropped: list[tuple[int, int]] = []
    for row, a in enumerate(attendees):
        index = next((i for i, k in enumerate(kept) if same_person(k, a)), None)
        if index is None:
            kept.append(a)
            rows.append(row)
        else:
            kept[index] = replace(kept[index], present=kept[index].present or a.present)
            dropped.append((rows[index], row))
    return kept, dropped


def standard_items(kind: str) -> tuple[list[AgendaItem], list[AgendaItem]]:
    """The formalities a styrelse protokoll opens and closes with (none for other meetings)."""
    if kind != "styrelse":
        return [], []
    return ([AgendaItem("fritt", title) for title in OPENING], [AgendaItem("fritt", title) for title in CLOSING])


def outcome_choices(kind: str) -> dict[str, str]:
    return RECOMMENDATIONS if kind == "beredning" else BOARD_DECISIONS if kind == "styrelse" else {}


def default_outcome_text(kind: str, outcome: str, subject: str, granted: dict[int, int]) -> str:
    """The sentence the protokoll says when nothing else was written, e.g. "Styrelsen beslutar att bevilja
    Språnget 1 180 000 kr för 2022." `subject` names the ansökan."""
    amounts = " och ".join(f"{format_kr(a)} för {y}" for y, a in sorted(granted.items()) if a)
    if kind == "beredning":
        return {
            "tillstyrk": f"Beredningsgruppen föreslår styrelsen att bevilja {subject}"
                         + (f" {amounts}." if amounts else "."),
            "delvis": f"Beredningsgruppen föreslår styrelsen att delvis bevilja {subject}"
                      + (f" med {amounts}." if amounts else "."),
            "avstyrk": f"Beredningsgruppen föreslår styrelsen att avslå {subject}.",
            "aterremiss": f"Beredningsgruppen återremitterar {subject} till sökande för komplettering.",
        }.get(outcome, "")
    return {
        "beviljad": f"Styrelsen beslutar att bevilja {subject}" + (f" {amounts}." if amounts else "."),
        "delvis_beviljad": f"Styrelsen beslutar att delvis bevilja {subject}"
                           + (f" med {amounts}." if amounts else "."),
        "avslag": f"Styrelsen beslutar att avslå {subject}.",
        "aterremitterad": f"Styrelsen återremitterar {subject} till beredningsgruppen.",
    }.get(outcome, "")


def jav_sentence(names: list[str]) -> str:
    if not names:
        return ""
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]
    return f"{who} anmälde jäv och deltog inte i handläggningen av ärendet."


def next_paragraph(previous: list[Meeting], kind: str, when: date) -> int:
    """The first § of a new protokoll: after the last one of the same body the same year."""
    last = 0
    for m in previous:
        if m.kind == kind and m.date.year == when.year and m.date <= when and m.items:
            last = max(last, m.paragraph(len(m.items) - 1))
    return last + 1


@dataclass(frozen=True)
class Slide:
    """One page of the presentation (projector) mode: an agenda item as the meeting room sees it."""

    paragraph: str  # "§ 5"
    title: str
    facts: tuple[tuple[str, str], ...] = ()  # (label, value), e.g. ("Sökande", "Exempelby kommun")
    budget_header: tuple[str, ...] = ()  # e.g. ("Kostnad", "2026", "2027", "Summa")
    budget_rows: tuple[tuple[str, ...], ...] = ()  # the last row is the total
    text: str = ""  # the item's description
    recommendation: str = ""  # the beredningsgrupp's recommendation (or the decision when recorded)
