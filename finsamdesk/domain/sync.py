"""Working copies and merging them back (issue 17): what a merge found, as data for the window, the CLI and the
report; the numbering of numbers people see on a copy; the words for tables and columns. Pure: no SQLite here."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

MAIN, COPY = "main", "copy"
Side = Literal["main", "copy"]

# ---------------------------------------------------------------- numbers given on a working copy
# A copy gives provisional numbers, visibly so; the merge gives each the next real number in the main file (the
# diarium) and reports it. A real-looking number typed on a copy that is taken in the main file meanwhile is
# renumbered the same way.
PROVISIONAL_MARK = "P"


def provisional_diarienummer(year: int, taken: list[str]) -> str:
    """`YYYY-P001`, `YYYY-P002`, … on a working copy."""
    prefix = f"{year}-{PROVISIONAL_MARK}"
    numbers = [int(d[len(prefix):]) for d in taken if d.startswith(prefix) and d[len(prefix):].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:03d}"


def is_provisional_diarienummer(dnr: str) -> bool:
    year, _, tail = dnr.partition("-")
    return year.isdigit() and tail.startswith(PROVISIONAL_MARK) and tail[1:].isdigit()


def is_provisional_code(code: str) -> bool:
    """A deltagar-id given on a working copy: P00001, P00002, …"""
    return code.startswith(PROVISIONAL_MARK) and code[1:].isdigit()


# ---------------------------------------------------------------- what a merge finds
BOTH_CHANGED = "both_changed"  # changed on both sides (or added on both with the same key), differently
DELETED_IN_MAIN = "deleted_in_main"  # changed on the copy, deleted in the main file
DELETED_IN_COPY = "deleted_in_copy"  # changed in the main file, deleted on the copy
ADDED_ON_BOTH = "added_on_both"  # the same thing (a unique name) added on both sides, differently
KIND_WORDS = {
    BOTH_CHANGED: "ändrad på båda håll",
    DELETED_IN_MAIN: "ändrad i kopian, borttagen i huvudfilen",
    DELETED_IN_COPY: "ändrad i huvudfilen, borttagen i kopian",
    ADDED_ON_BOTH: "tillagd på båda håll",
}


@dataclass(frozen=True)
class Conflict:
    """One row both sides changed. `columns` names the values in `base`, `main` and `copy` (None: the row is not
    there on that side). `differing` are the columns where main and copy disagree; `suggested` a choice per
    differing column (the side that changed it, when only one did) or None when both did."""

    id: int
    table: str
    key: tuple[object, ...]
    kind: str
    label: str
    columns: tuple[str, ...]
    base: tuple[object, ...] | None
    main: tuple[object, ...] | None
    copy: tuple[object, ...] | None
    differing: tuple[str, ...]
    suggested: dict[str, Side] = field(default_factory=dict)

    @property
    def by_field(self) -> bool:
        """Both rows exist: the user may choose field by field."""
        return self.main is not None and self.copy is not None

    def value(self, side: str, column: str) -> object:
        row = {"base": self.base, "main": self.main, "copy": self.copy}[side]
        return None if row is None else row[self.columns.index(column)]


Choice = Side | dict[str, Side]  # the whole row from one side, or a side per differing column


def decided(conflict: Conflict, choice: Choice | None) -> bool:
    if choice is None:
        return False
    if isinstance(choice, str):
        return choice in (MAIN, COPY)
    return conflict.by_field and all(choice.get(c) in (MAIN, COPY) for c in conflict.differing)


@dataclass(frozen=True)
class Renumbered:
    table: str
    what: str  # "diarienummer" | "deltagar-id"
    old: str
    new: str


@dataclass(frozen=True)
class TableCount:
    table: str
    added: int = 0
    changed: int = 0
    deleted: int = 0


@dataclass(frozen=True)
class CopyInfo:
    """A working copy as the main file lists it (and as the copy knows itself)."""

    copy_id: str
    label: str
    made_at: str
    insats_names: tuple[str, ...]  # empty: the whole file
    with_register: bool
    merged_at: str | None = None
    merges: int = 0

    @property
    def scope_text(self) -> str:
        what = "hela filen" if not self.insats_names else "insatserna " + ", ".join(self.insats_names)
        return what + (", med deltagarregistret" if self.with_register else ", utan deltagarregistret")


@dataclass
class MergePreview:
    """What merging a copy would do; nothing is written until `merge` is called with a choice for every conflict."""

    copy: CopyInfo
    counts: list[TableCount]
    conflicts: list[Conflict]
    renumbered: list[Renumbered]
    already_there: int  # changes the main file already has (a copy merged before, the same edit on both sides)
    plan: object = None  # the store's plan; opaque above the store
    notes: list[str] = field(default_factory=list)  # what the merge will do to keep the file whole (put back, kept)

    @property
    def nothing_to_do(self) -> bool:
        return not self.conflicts and not any(c.added or c.changed or c.deleted for c in self.counts)


@dataclass(frozen=True)
class MergeReport:
    copy: CopyInfo
    counts: list[TableCount]
    renumbered: list[Renumbered]
    conflicts_resolved: int
    kept_main: int
    took_copy: int
    notes: list[str]  # Swedish sentences: a parent put back, a deletion not done, rows that could not come in


# ---------------------------------------------------------------- words
TABLE_WORDS = {
    "forbund": "Förbundet", "organisation": "Organisation", "contact": "Kontaktperson", "application": "Ansökan",
    "application_applicant": "Sökande", "application_section": "Ansökningstext",
    "application_contact": "Kontakt i ansökan", "application_phase": "Fas", "budget_cell": "Budgetrad i ansökan",
    "status_event": "Händelse", "granted_amount": "Beviljat belopp", "setting": "Inställning", "insats": "Insats",
    "insats_application": "Ansökan till insats", "insats_granted": "Beviljat till insats",
    "insats_year": "Insatsens år", "insats_income": "Extern intäkt",
    "invoice": "Faktura", "report": "Rapport", "budget_year": "Budgetår", "budget_cell_forbund": "Budgetrad",
    "budget_kommun": "Kommunfördelning", "participant_category": "Deltagarkategori", "participant": "Deltagare",
    "participant_count": "Antal deltagare", "gallring_log": "Gallring", "meeting": "Möte", "meeting_attendee":
    "Närvarande", "agenda_item": "Ärende", "agenda_granted": "Beviljat i ärende", "agenda_jav": "Jäv",
}
COLUMN_WORDS = {
    "name": "namn", "title": "rubrik", "date": "datum", "amount_ore": "belopp", "note": "anteckning",
    "status": "status",
    "diarienummer": "diarienummer", "period_start": "period från", "period_end": "period till", "start": "start",
    "end": "slut", "code": "deltagar-id", "gender": "kön", "birth_year": "födelseår", "reference": "referens",
    "category": "kategori", "kind": "typ", "place": "plats", "time": "tid", "chair": "ordförande",
    "secretary": "sekreterare", "due": "förfaller", "received_on": "inkommen", "text": "text", "outcome": "utfall",
    "outcome_id": "utfall", "support_id": "försörjning", "pnr_enc": "personnummer", "name_enc": "namn",
    "note_enc": "anteckning", "label": "benämning", "orgnr": "organisationsnummer", "email": "e-post",
    "phone": "telefon", "address": "adress", "value": "värde", "owner": "huvudman", "target_group": "målgrupp",
}
DESCRIBING = ("diarienummer", "code", "name", "title", "label", "date", "key", "year")


def table_word(table: str) -> str:
    return TABLE_WORDS.get(table, table)


def column_word(column: str) -> str:
    return COLUMN_WORDS.get(column, column.replace("_", " "))


def describe(table: str, columns: tuple[str, ...], row: tuple[object, ...]) -> str:
    """A row in words for a conflict or a note: `Faktura 2026-03-31`, `Deltagare P00003`."""
    values = [str(row[columns.index(c)]) for c in DESCRIBING
              if c in columns and row and row[columns.index(c)] not in (None, "")]
    return table_word(table) + (" " + " · ".join(values[:2]) if values else "")
