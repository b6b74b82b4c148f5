"""The ansökan: what an applicant wrote on the förbund's form, with its budget and history."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from .budget_columns import OWN as OWN  # the budget's columns, named here as ever
from .budget_columns import SOUGHT as SOUGHT

if TYPE_CHECKING:
    from .esf_parts import EsfParts


# Which way an application goes. RECEIVED: a member applies to the förbund (the förbund's own form).
# OUTGOING: the förbund itself applies to an outside funder (e.g. the ESF). Not to be confused with OWN,
# the budget column of the applicant's own financing.
RECEIVED = "received"
OUTGOING = "outgoing"
DIRECTIONS = {RECEIVED: "Inkommen ansökan", OUTGOING: "Egen ansökan"}

APPLICANT_ROLES = {"huvudman": "Huvudman/insatsägare", "medsokande": "Medsökande"}


# ---------------------------------------------------------------- diarienummer
# The förbund's own numbering of the ansökningar it registers: `YYYY-NNN`, the year and a running number of
# at least three digits (2026-001, 2026-002 … 2026-1000). A number typed by hand in another form is kept as is.
def diarienummer_prefix(year: int) -> str:
    return f"{year}-"


def diarienummer(year: int, number: int) -> str:
    return f"{diarienummer_prefix(year)}{number:03d}"


def diarienummer_number(dnr: str, year: int) -> int | None:
    """The running number of `dnr` when it is one of `year`'s `YYYY-NNN`, else None."""
    prefix = diarienummer_prefix(year)
    tail = dnr[len(prefix):] if dnr.startswith(prefix) else ""
    return int(tail) if tail.isdigit() and tail.isascii() else None


def next_diarienummer(year: int, taken: Iterable[str]) -> str:
    """One more than the highest running number of `year` among `taken`."""
    numbers = [n for n in (diarienummer_number(d, year) for d in taken) if n is not None]
    return diarienummer(year, max(numbers, default=0) + 1)


@dataclass
class Applicant:
    """A part that applies. Linked to the organisation register by `organisation_id`; the organisation as it
    was written (in an imported file) is kept beside it, so that nothing typed is lost when there is no link."""

    name: str
    role: str = "huvudman"  # huvudman | medsokande
    organisation_id: int | None = None
    organisation_name: str = ""
    orgnr: str = ""


@dataclass
class ContactRow:
    """A contact as printed on this application (a snapshot), optionally linked to the register."""

    role: str  # the template table's role, e.g. "insatsagare", "ovriga", "huvudman", "forankring"
    name: str = ""
    organisation: str = ""
    phone: str = ""
    email: str = ""
    contact_id: int | None = None


@dataclass
class Phase:
    name: str
    start: date | None = None
    end: date | None = None
    precision: str = "day"  # "day" | "month" (ESF phases: 2020-09 – 2021-01, start 1st, end the month's last day)


@dataclass
class Budget:
    """Amounts in öre by (category, column, year). Empty cells are absent (None), not 0."""

    years: list[int] = field(default_factory=list)
    cells: dict[tuple[str, str, int], int] = field(default_factory=dict)

    @staticmethod
    def key(category: str, column: str, year: int | None = None) -> tuple[str, str, int]:
        return (category, column, 0 if column == OWN else int(year or 0))

    def get(self, category: str, column: str, year: int | None = None) -> int | None:
        return self.cells.get(self.key(category, column, year))

    def set(self, category: str, column: str, year: int | None, amount: int | None) -> None:
        k = self.key(category, column, year)
        if amount is None:
            self.cells.pop(k, None)
        else:
            self.cells[k] = int(amount)

    def column_total(self, column: str, year: int | None = None) -> int | None:
        """Σ of a column; None when every cell of it is empty (prints blank)."""
        values = [v for (c, col, y), v in self.cells.items() if col == column and (column == OWN or y == year)]
        return sum(values) if values else None

    def row_total(self, category: str, *, include_own: bool = False) -> int | None:
        values = [v for (c, col, y), v in self.cells.items()
                  if c == category and (col == SOUGHT and y in self.years or include_own and col == OWN)]
        return sum(values) if values else None

    def sought_total(self) -> int:
        return sum(v for (c, col, y), v in self.cells.items() if col == SOUGHT and y in self.years)

    def own_total(self) -> int:
        return sum(v for (c, col, y), v in self.cells.items() if col == OWN)

    def sought_by_year(self) -> dict[int, int]:
        return {y: self.column_total(SOUGHT, y) or 0 for y in self.years}

    def cost_per_participant(self, participants: int | None) -> int | None:
        """Sökta medel per planned participant, in öre rounded to whole kronor."""
        if not participants:
            return None
        return round(self.sought_total() / participants / 100) * 100


@dataclass
class StatusEvent:
    status: str
    date: date
    note: str = ""
    who: str = ""
    granted: dict[int, int] = field(default_factory=dict)  # year → öre, for decisions
    id: int | None = None


@dataclass
class Application:
    template_id: str
    name: str = ""
    diarienummer: str = ""
    applicant_text: str = ""
    applicants: list[Applicant] = field(default_factory=list)
    period_start: date | None = None
    period_end: date | None = None
    sections: dict[str, str] = field(default_factory=dict)
    contacts: list[ContactRow] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list)
    budget: Budget = field(default_factory=Budget)
    place: str = ""
    signed_on: date | None = None
    planned_participants: int | None = None
    planned_women: int | None = None
    planned_men: int | None = None
    status: str = "utkast"
    history: list[StatusEvent] = field(default_factory=list)
    direction: str = RECEIVED
    funder: str = ""  # outgoing: the funder applied to, e.g. "Svenska ESF-rådet"
    funder_dnr: str = ""  # outgoing: the funder's diarienummer (2019/00505, 22-012-S04)
    esf: EsfParts | None = None  # the structured parts of an ESF form (domain/esf_parts.py)
    id: int | None = None
    created_at: str = ""
    updated_at: str = ""

    def text(self, section_id: str) -> str:
        return self.sections.get(section_id, "")

    @property
    def outgoing(self) -> bool:
        return self.direction == OUTGOING

    def selected(self, section_id: str) -> list[str]:
        """The options ticked in a choice or checkbox section (stored one per line)."""
        return [line for line in self.text(section_id).split("\n") if line.strip()]

    def contacts_for(self, role: str) -> list[ContactRow]:
        return [c for c in self.contacts if c.role == role]

    @property
    def applicant_display(self) -> str:
        if self.applicant_text.strip():
            return self.applicant_text.strip()
        return ", ".join(a.name for a in self.applicants)

    @property
    def granted_by_year(self) -> dict[int, int]:
        """The granted amounts of the latest decision (empty if none)."""
        for event in reversed(self.history):
            if event.granted:
                return dict(event.granted)
        return {}

    @property
    def next_step_date(self) -> date | None:
        return self.history[-1].date if self.history else None
