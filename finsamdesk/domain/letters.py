"""Letters to applicants: the beslutsbrev after the styrelse's decision, and påminnelser for reports that fall
due (a letter, and an e-mail draft as a mailto: address with subject and body, RFC 6068)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from urllib.parse import quote

from .insatser import CADENCES, Report, report_obligations
from .money import format_kr
from .statuses import GRANTED

INVOICING_RULE = ("Fakturering sker {cadence} till samordningsförbundet, om inget annat överenskommes med "
                  "förbundschefen. Av fakturan ska framgå vilka kostnader, relaterade till ansökan, som avses.")
CADENCE_WORDS = {"manad": "varje månad", "varannan": "varannan månad", "annan": "enligt överenskommelse"}
YEAR_RULE = ("Medel beviljas per kalenderår. Beslut om finansiering för ett år innebär ingen garanti för "
             "finansiering kommande år.")


@dataclass(frozen=True)
class DecisionLetter:
    """The beslutsbrev: to the applicant, from the förbund, signed by the förbundschef."""

    forbund: str
    forbundschef: str
    recipient: str  # the applicant (huvudman)
    recipient_lines: tuple[str, ...]  # contact person(s) and address lines
    diarienummer: str
    subject: str  # the ansökan's name
    meeting_date: date
    paragraph: int | None  # the § of the protokoll; None: decided without a meeting in the file
    outcome: str  # a key of meetings.BOARD_DECISIONS
    decision_text: str
    amounts: tuple[tuple[int, int], ...]  # (year, öre)
    reports: tuple[Report, ...]  # reports due by rule
    cadence: str
    written_on: date

    @property
    def granted(self) -> bool:
        return self.outcome in GRANTED

    @property
    def total(self) -> int:
        return sum(a for _, a in self.amounts)

    @property
    def title(self) -> str:
        return f"Beslut om medel – {self.subject} (dnr {self.diarienummer})"

    def conditions(self) -> list[str]:
        if not self.granted:
            return []
        return [YEAR_RULE, INVOICING_RULE.format(cadence=CADENCE_WORDS.get(self.cadence, CADENCES.get(
            self.cadence, "varje månad").lower())),
            "Rapporter lämnas enligt förbundets mall senast de dagar som står nedan.",
            "SUS/Uppföljning Finsam: insatsen rapporterar deltagare enligt förbundets anvisningar."]


def decision_reports(period_start: date | None, period_end: date | None, tertial_days: int,
                     years: set[int] | None = None) -> tuple[Report, ...]:
    """The reports a granted insats owes by rule (the same rule as the insats's report list), for the years the
    decision grants (a decision grants one year at a time): a report covering a later year is not listed."""
    found = report_obligations(0, period_start, period_end, tertial_days)
    if years:
        found = [r for r in found if r.period_end is not None and r.period_end.year in years]
    return tuple(found)


@dataclass(frozen=True)
class Recipient:
    name: str
    email: str = ""
    organisation: str = ""


@dataclass(frozen=True)
class Reminder:
    """A påminnelse about a report that falls due (or is overdue)."""

    forbund: str
    forbundschef: str
    insats: str
    report: Report
    recipients: tuple[Recipient, ...]
    written_on: date
    extra: tuple[str, ...] = field(default_factory=tuple)

    @property
    def overdue(self) -> bool:
        return self.report.overdue(self.written_on)

    @property
    def subject(self) -> str:
        word = "Påminnelse" if not self.overdue else "Påminnelse – försenad rapport"
        return f"{word}: {self.report.title}, {self.insats}"

    def body(self, recipient: Recipient | None = None) -> str:
        greeting = f"Hej {recipient.name.split()[0]}!" if recipient and recipient.name.strip() else "Hej!"
        due = self.report.due.isoformat()
        when = (f"skulle ha lämnats senast {due} och har ännu inte kommit in" if self.overdue
                else f"ska lämnas senast {due}")
        lines = [greeting, "",
                 f"Det här är en påminnelse om att {self.report.title[:1].lower()}{self.report.title[1:]} för "
                 f"insatsen {self.insats} {when}.",
                 "Rapporten lämnas enligt förbundets mall.", *self.extra, "",
                 "Hör av dig om du har frågor.", "", "Med vänlig hälsning", self.forbundschef or "Förbundschefen",
                 self.forbund]
        return "\n".join(lines)


def mailto(address: str, subject: str, body: str) -> str:
    """A mailto: URL (RFC 6068): the address and every header value percent-encoded as UTF-8, line breaks
    as %0D%0A, spaces as %20 (not +, which mail programs show literally)."""
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return (f"mailto:{quote(address.strip(), safe='@')}?subject={quote(subject, safe='')}"
            f"&body={quote(body, safe='')}")


def amounts_line(amounts: tuple[tuple[int, int], ...]) -> str:
    return " och ".join(f"{format_kr(a)} för {y}" for y, a in amounts)
