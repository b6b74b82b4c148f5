"""The årsredovisning and the delårsrapport: assembled once as a YearReport, from which the .docx, the PDF
and the Excel file are written (so their figures cannot differ). Prose and balance items are saved per year
in the file and kept when the figures change."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..domain import annual
from ..domain.annual import SECTIONS, InsatsLine, MeetingsHeld, YearReport
from ..domain.budget import LINE_LABELS, split_contributions
from ..domain.insatser import INRIKTNINGAR, inriktning_of
from ..domain.meetings import KINDS as MEETING_KINDS
from ..domain.text import sort_key
from ..store import budget as budget_store
from ..store import reports as store
from . import budget
from .errors import ValidationError
from .report_data import CUTOFF_KEY, cutoff, letterhead, year_data

if TYPE_CHECKING:
    import sqlite_utils

DOCUMENTS = ("arsredovisning", "delar")


def _document(kind: str) -> str:
    if kind not in annual.SECTIONS:
        raise ValidationError(f"Okänt dokument ”{kind}”.", {"document": "Okänt dokument."})
    return kind


def texts(db: sqlite_utils.Database, year: int, kind: str) -> dict[str, str]:
    return store.texts(db, year, _document(kind))


def save_texts(db: sqlite_utils.Database, year: int, kind: str, by_section: dict[str, str]) -> None:
    known = {key for key, _, _ in SECTIONS[_document(kind)]}
    unknown = set(by_section) - known
    if unknown:
        raise ValidationError(f"Okänt avsnitt ”{sorted(unknown)[0]}”.", {"section": "Okänt avsnitt."})
    with db.atomic():
        store.save_texts(db, year, kind, by_section)


def entered_keys(kind: str) -> dict[str, str]:
    """The amounts a user enters for the document: key → label."""
    keys = {key: label for key, label, _ in annual.BALANCE_ITEMS}
    if kind == "delar":
        keys.update({annual.PERIOD_UTFALL_PREFIX + k: f"Utfall hittills: {label}" for k, label in LINE_LABELS.items()})
    return keys


def amounts(db: sqlite_utils.Database, year: int, kind: str) -> dict[str, int]:
    return store.amounts(db, year, _document(kind))


def _check_amounts(kind: str, by_key: dict[str, int | None]) -> None:
    known = entered_keys(_document(kind))
    bad = {k: "Okänd post." for k in by_key if k not in known}
    bad.update({k: f"{known[k]}: beloppet får inte vara negativt." for k, v in by_key.items()
                if v is not None and v < 0 and k in known})
    if bad:
        raise ValidationError("Beloppen sparades inte: " + " ".join(sorted(set(bad.values()))), bad)


def save_amounts(db: sqlite_utils.Database, year: int, kind: str, by_key: dict[str, int | None]) -> None:
    _check_amounts(kind, by_key)
    with db.atomic():
        store.save_amounts(db, year, kind, by_key)


def save_inputs(db: sqlite_utils.Database, year: int, kind: str, texts_by_section: dict[str, str],
                amounts_by_key: dict[str, int | None], cutoff: str | None = None) -> None:
    """What the user wrote and entered for the document, in one transaction (nothing saved on an error)."""
    from .report_data import check_cutoff

    known = {key for key, _, _ in SECTIONS[_document(kind)]}
    if set(texts_by_section) - known:
        raise ValidationError("Okänt avsnitt.", {"section": "Okänt avsnitt."})
    _check_amounts(kind, amounts_by_key)
    cutoff = check_cutoff(cutoff) if cutoff is not None else None
    with db.atomic():
        store.save_texts(db, year, kind, texts_by_section)
        store.save_amounts(db, year, kind, amounts_by_key)
        if cutoff is not None:
            budget_store.set_setting(db, CUTOFF_KEY, cutoff)


def _meetings(db: sqlite_utils.Database, first: date, last: date) -> list[MeetingsHeld]:
    held = store.meetings_held(db, first, last)
    return [MeetingsHeld(MEETING_KINDS[kind], tuple(d for k, d in held if k == kind))
            for kind in ("styrelse", "beredning")]


def year_report(db: sqlite_utils.Database, year: int, kind: str = "arsredovisning") -> YearReport:
    """Everything the årsredovisning (the calendar year) or the delårsrapport (1 January to the förbund's
    cut-off) prints."""
    _document(kind)
    last = date(year, 12, 31) if kind == "arsredovisning" else cutoff(db, year)
    data = year_data(db, year, last)
    sheet = budget.sheet(db, year)
    b = budget_store.load_year(db, year) or budget.new_year(db, year)
    entered = store.amounts(db, year, kind)
    lines = sorted((InsatsLine(p.insats.id or 0, p.insats.name, INRIKTNINGAR[inriktning_of(p.insats)], p.granted,
                               p.spent, p.stats) for p in data.insatser if p.granted or p.spent or p.registered),
                   key=lambda line: sort_key(line.name))
    utfall = annual.period_utfall(sheet, kind, entered, data.spent_all)
    drift = annual.drift_rows(sheet, utfall, lines)
    result = drift[-1].values[1]
    eq = annual.equity(sheet, result, b.equity_ceiling)
    balans, balance_warnings = annual.balans_rows(entered, eq)
    received = b.get("medlemsbidrag", "utfall") if kind == "arsredovisning" else utfall["medlemsbidrag"]
    assert data.total is not None  # year_data computes it unless told not to
    return YearReport(
        kind, year, last, letterhead(db).name, lines, data.total.outcomes.parts, data.total,
        _meetings(db, date(year, 1, 1), last), drift, annual.resultat_rows(sheet, utfall), balans, eq,
        annual.adherence_rows(drift), store.texts(db, year, kind),
        [*annual.equity_warnings(eq), *balance_warnings],
        split_contributions(b, received) if received is not None else [])
