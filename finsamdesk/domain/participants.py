"""Deltagare: who took part in an insats and with what result, or only how many (counts per period).

Two levels per insats (`MODES`): counts of women and men per period, or an individual register with a
pseudonymous deltagar-id. Personal identifiers (personnummer, name) and the free-text note are plain text
here; the store keeps them encrypted. Nothing in this module writes or logs them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from .dates import add_months
from .identifiers import IdentifierError, parse_personnummer

MODES = {"antal": "Antal per period", "individ": "Register över enskilda deltagare"}
MODES_SHORT = {"antal": "Antal per period", "individ": "Enskilda deltagare"}
GENDERS = {"kvinna": "Kvinna", "man": "Man"}
CATEGORY_KINDS = {"forsorjning": "Försörjning vid start", "utfall": "Utfall vid avslut"}  # defaults: schema m003
CONSENT_WAYS = ("Skriftligt", "Muntligt", "Digitalt")
DEFAULT_LOCK_MINUTES = 10
DEFAULT_GALLRING_YEARS = 2
MIN_PASSPHRASE = 10
CODE_MAX = 40
PERSONNUMMER_LIKE = re.compile(r"(?<![0-9])([0-9]{2})?[0-9]{6}[-+ ]?[0-9]{4}(?![0-9])")  # in a clear-text field
TEXT_MAX = {"name": 200, "note": 10_000, "consent_how": 200}  # what a form field (or a cell) may hold
IDENTIFIER_FIELDS = {"personnummer": "personnummer", "name": "namn", "note": "anteckning"}


@dataclass
class Category:
    kind: str  # a key of CATEGORY_KINDS
    label: str
    position: int = 0
    active: bool = True
    id: int | None = None


@dataclass
class Participant:
    """One person's participation in one insats.

    `personnummer` (twelve digits), `name` and `note` are plain text when the register is unlocked. When it
    is locked they are empty, `locked` is True and `has_*` tell what the file holds: a locked record can be
    saved without touching them.
    """

    insats_id: int
    code: str = ""  # deltagar-id, pseudonymous; made by the store when empty
    gender: str = ""
    birth_year: int | None = None
    start: date | None = None
    end: date | None = None
    support_id: int | None = None  # försörjning vid start (Category)
    outcome_id: int | None = None  # utfall vid avslut (Category)
    consent_date: date | None = None
    consent_how: str = ""
    personnummer: str = field(default="", repr=False)  # never in a repr: reprs end up in tracebacks and logs
    name: str = field(default="", repr=False)
    note: str = field(default="", repr=False)
    locked: bool = False
    has_personnummer: bool = False
    has_name: bool = False
    has_note: bool = False
    gallrad_on: date | None = None
    gallrat: str = ""  # which identifiers gallring removed, e.g. "personnummer, namn" (never their values)
    id: int | None = None

    @property
    def holds_identifiers(self) -> bool:
        if self.locked:
            return self.has_personnummer or self.has_name or self.has_note
        return bool(self.personnummer or self.name or self.note)


def apply_personnummer(p: Participant, today: date | None = None) -> dict[str, str]:
    """Normalise the typed personnummer and fill in gender and birth year from it; errors by field."""
    if p.locked or not p.personnummer.strip():
        p.personnummer = "" if not p.locked else p.personnummer
        return {}
    try:
        pnr = parse_personnummer(p.personnummer, today)
    except IdentifierError as exc:
        return {"personnummer": str(exc)}
    errors = {}
    if p.gender and p.gender != pnr.gender:
        errors["gender"] = "Kön stämmer inte med personnumret."
    if p.birth_year and p.birth_year != pnr.birth_date.year:
        errors["birth_year"] = "Födelseåret stämmer inte med personnumret."
    p.personnummer = pnr.digits
    p.gender = p.gender or pnr.gender
    p.birth_year = p.birth_year or pnr.birth_date.year
    return errors


def validate_participant(p: Participant, today: date | None = None) -> dict[str, str]:
    """Field → Swedish message. Also normalises the personnummer (see apply_personnummer)."""
    today = today or date.today()
    errors = apply_personnummer(p, today)
    p.code = p.code.strip()
    if len(p.code) > CODE_MAX:
        errors["code"] = f"Deltagar-id får vara högst {CODE_MAX} tecken."
    for name, label in (("code", "Deltagar-id"), ("consent_how", "Samtycke, hur")):
        if name not in errors and PERSONNUMMER_LIKE.search(getattr(p, name)):
            errors[name] = f"{label} sparas okrypterat och får inte innehålla ett personnummer."
    for name, limit in TEXT_MAX.items():
        if len(getattr(p, name)) > limit:
            errors[name] = f"Texten är för lång: högst {limit:,} tecken.".replace(",", " ")
    if p.gender not in GENDERS and "personnummer" not in errors:  # a wrong personnummer is the error to fix
        errors.setdefault("gender", "Kön behövs: kvinna eller man.")
    if p.birth_year is not None and not 1900 <= p.birth_year <= today.year:
        errors.setdefault("birth_year", f"Födelseåret ska vara mellan 1900 och {today.year}.")
    if p.start is None:
        errors["start"] = "Startdatum behövs."
    elif p.end is not None and p.end < p.start:
        errors["end"] = "Slutdatum är före startdatum."
    if p.outcome_id is not None and p.end is None:
        errors["outcome_id"] = "Utfall kan bara anges när deltagaren har ett slutdatum."
    if p.consent_date is not None and p.consent_date > today:
        errors["consent_date"] = "Samtycket kan inte vara givet i framtiden."
    identifies = p.has_personnummer or p.has_name if p.locked else bool(p.personnummer or p.name.strip())
    if identifies and p.consent_date is None:
        errors["consent_date"] = "Samtycke (datum) behövs för att spara personnummer eller namn."
    if p.consent_date is not None and not p.consent_how.strip():
        errors["consent_how"] = "Ange hur samtycket gavs (t.ex. skriftligt)."
    return errors


def overlaps(a: Participant, b: Participant) -> bool:
    """Two participations of the same person in one insats at the same time (a duplicate)."""
    if a.start is None or b.start is None:
        return False
    a_end, b_end = a.end or date.max, b.end or date.max
    return a.start <= b_end and b.start <= a_end


def passphrase_problem(passphrase: str, repeated: str | None = None) -> str:
    if len(passphrase) < MIN_PASSPHRASE:
        return f"Lösenfrasen ska ha minst {MIN_PASSPHRASE} tecken (gärna flera ord)."
    if repeated is not None and passphrase != repeated:
        return "Lösenfraserna är inte lika."
    return ""


# ---------------------------------------------------------------- gallring
def gallring_due(end: date, years: int) -> date:
    """Identifiers go `years` after the participant's end date."""
    return add_months(end, 12 * years)


def gallring_fields(p: Participant) -> str:
    """What gallring removes from the record, as words (kept in the record afterwards)."""
    present = (p.has_personnummer, p.has_name, p.has_note) if p.locked else (
        bool(p.personnummer), bool(p.name), bool(p.note))
    return ", ".join(word for word, has in zip(IDENTIFIER_FIELDS.values(), present, strict=True) if has)


# ---------------------------------------------------------------- counts only
@dataclass
class CountPeriod:
    """Counts for an insats without individual records: one period (e.g. a tertial)."""

    insats_id: int
    start: date
    end: date
    new_women: int = 0
    new_men: int = 0
    ongoing_women: int = 0  # still taking part at the end of the period
    ongoing_men: int = 0
    ended_women: int = 0
    ended_men: int = 0
    note: str = ""
    id: int | None = None

    COUNT_FIELDS = ("new_women", "new_men", "ongoing_women", "ongoing_men", "ended_women", "ended_men")

    @property
    def taking_part(self) -> GenderSplit:
        """Everyone who took part during the period: still there at its end, or ended in it."""
        return GenderSplit(self.ongoing_women + self.ended_women, self.ongoing_men + self.ended_men)


def validate_count_period(c: CountPeriod) -> dict[str, str]:
    errors = {}
    if c.end < c.start:
        errors["end"] = "Perioden slutar före den börjar."
    for name in CountPeriod.COUNT_FIELDS:
        if getattr(c, name) < 0:
            errors[name] = "Antalet får inte vara negativt."
    if not errors:
        for gender, new, part in (("kvinnor", c.new_women, c.taking_part.women), ("män", c.new_men, c.taking_part.men)):
            if new > part:
                errors[f"new_{'women' if gender == 'kvinnor' else 'men'}"] = (
                    f"Fler nya {gender} ({new}) än {gender} som deltog ({part} pågående + avslutade).")
    return errors


def count_warnings(periods: list[CountPeriod]) -> list[str]:
    """Periods that do not follow from the one before: ongoing before + new − ended should be ongoing now."""
    out = []
    ordered = sorted(periods, key=lambda c: c.start)
    for before, now in pairwise(ordered):
        for gender, attr in (("kvinnor", "women"), ("män", "men")):
            expected = getattr(before, f"ongoing_{attr}") + getattr(now, f"new_{attr}") - getattr(now, f"ended_{attr}")
            if expected != getattr(now, f"ongoing_{attr}"):
                out.append(f"{now.start.isoformat()}–{now.end.isoformat()}: pågående {gender} borde vara {expected} "
                           f"(pågående förra perioden + nya − avslutade), inte {getattr(now, f'ongoing_{attr}')}.")
    return out


# ---------------------------------------------------------------- a count by gender
@dataclass(frozen=True)
class GenderSplit:
    women: int = 0
    men: int = 0

    @property
    def total(self) -> int:
        return self.women + self.men

    def __add__(self, other: GenderSplit) -> GenderSplit:
        return GenderSplit(self.women + other.women, self.men + other.men)

    def __sub__(self, other: GenderSplit) -> GenderSplit:
        return GenderSplit(self.women - other.women, self.men - other.men)


@dataclass
class ImportRowError:
    """A bad row of an import file: its row number as the spreadsheet shows it, and why."""

    row: int
    message: str
    column: str = ""

    def __str__(self) -> str:
        return f"Rad {self.row}: {self.column + ': ' if self.column else ''}{self.message}"


@dataclass
class GallringPlan:
    """Who gallring would reach today, before it is done (the preview)."""

    cutoff_years: int
    today: date
    items: list[tuple[Participant, str, date]] = field(default_factory=list)  # (record, insats name, due date)


@dataclass(frozen=True)
class ExtractItem:
    """One record in a registerutdrag (everything held about a person), with its labels resolved."""

    participant: Participant
    insats_name: str
    support: str = ""  # försörjning vid start, as a label
    outcome: str = ""  # utfall vid avslut, as a label
