"""Deltagare as files, and gallring: the import template, the all-or-nothing import, the export, statistics
(on screen, Excel, PDF), the registerutdrag. openpyxl and reportlab load when a file is made.

The import is written to run on a worker thread with its own connection: `progress(done, total)` and
`cancelled()` are plain callables, and nothing here touches a window.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..documents.xlsx_limits import MAX_FILE_BYTES
from ..domain import participant_statistics as counting
from ..domain import participants as rules
from ..domain.participant_statistics import Facts, InsatsLine, Statistics
from ..domain.participants import CountPeriod, ExtractItem, GallringPlan, ImportRowError, Participant
from ..domain.text import fold
from ..store import participants as store
from . import participants, registers
from .errors import ServiceError, ValidationError
from .output import atomic_output

if TYPE_CHECKING:
    import sqlite_utils

    from ..store.crypto import FieldKey

FORBUND = "Hela förbundet"
MAX_IMPORT_BYTES = MAX_FILE_BYTES  # what an .xlsx to import may weigh
# Which header a field's error is shown under, in an import report.
_FIELD_HEADERS = {"code": "Deltagar-id", "personnummer": "Personnummer", "name": "Namn", "note": "Anteckning",
                  "gender": "Kön", "birth_year": "Födelseår",
                  "start": "Startdatum", "end": "Slutdatum", "outcome_id": "Utfall vid avslut",
                  "consent_date": "Samtycke, datum", "consent_how": "Samtycke, hur"}


class ImportRejected(ServiceError):
    """Nothing was imported: `errors` names every bad row (row number and reason)."""

    def __init__(self, errors: list[ImportRowError]):
        rows = len({e.row for e in errors})
        super().__init__(f"Ingenting importerades: {rows} {'rad är felaktig' if rows == 1 else 'rader är felaktiga'}.")
        self.errors = errors


class ImportCancelled(ServiceError):
    def __init__(self) -> None:
        super().__init__("Importen avbröts; ingenting importerades.")


@dataclass
class ImportResult:
    ids: list[int] = field(default_factory=list)
    with_identifiers: int = 0
    ignored_columns: list[str] = field(default_factory=list)


def _insats(db: sqlite_utils.Database, insats_id: int) -> participants.InsatsChoice:
    found = next((c for c in participants.insatser(db) if c.id == insats_id), None)
    if found is None:
        raise ServiceError(f"Det finns ingen (oarkiverad) insats med id {insats_id}.")
    return found


def import_template(db: sqlite_utils.Database, insats_id: int) -> bytes:
    from ..documents.participants_excel import import_template as make

    labels = {kind: [c.label for c in participants.categories(db, kind) if c.active] for kind in rules.CATEGORY_KINDS}
    return make(_insats(db, insats_id).name, labels["forsorjning"], labels["utfall"])


def import_participants(db: sqlite_utils.Database, insats_id: int, data: bytes, key: FieldKey | None,
                        today: date | None = None, progress: Callable[[int, int], None] | None = None,
                        cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """Read the whole file, check every row, and only if all are good save them all in one transaction.

    Raises ImportRejected with every bad row (bad personnummer, end before start, unknown category,
    duplicate in the file or in the insats, …), ImportCancelled, or ServiceError for an unreadable file.
    `progress(done, total)` counts reading, checking and saving as one scale of 3 × rows.
    """
    from ..documents.participants_import import ImportFileError, read_participants

    today = today or date.today()
    insats = _insats(db, insats_id)
    if insats.mode != "individ":
        raise ServiceError(f"”{insats.name}” redovisar bara antal. Välj ”{rules.MODES['individ']}” för insatsen först.")
    lookup = {kind: {fold(c.label): c.id for c in participants.categories(db, kind)} for kind in rules.CATEGORY_KINDS}
    try:
        read = read_participants(data, insats_id, lookup,
                                 progress=(lambda done, total: progress(done, 3 * total)) if progress else None,
                                 cancelled=cancelled)
    except ImportFileError as exc:  # not an Excel file, no header row: bad input, as a bad row is
        raise ValidationError(str(exc)) from exc
    if cancelled and cancelled():
        raise ImportCancelled()
    total = len(read.rows)
    errors = list(read.errors)
    unreadable = {(e.row, e.column) for e in read.errors}  # a cell that is no date is not also "missing"
    errors += [e for e in _check_rows(db, read.rows, insats_id, key, today,
                                      (lambda i: progress(total + i, 3 * total)) if progress else None)
               if (e.row, e.column) not in unreadable]
    if errors:
        raise ImportRejected(sorted(errors, key=lambda e: e.row))
    if cancelled and cancelled():
        raise ImportCancelled()
    items = [p for _, p in read.rows]

    def saving(i: int) -> None:  # a lock while saving still stops the import: the transaction is rolled back
        if cancelled and cancelled():
            raise ImportCancelled()
        if progress:
            progress(2 * total + i, 3 * total)

    with db.atomic():
        ids = store.insert_participants(db, items, key, progress=saving)
    if progress:
        progress(3 * total, 3 * total)
    return ImportResult(ids, sum(1 for p in items if p.holds_identifiers), read.ignored_columns)


def _check_rows(db: sqlite_utils.Database, rows: list[tuple[int, Participant]], insats_id: int,
                key: FieldKey | None, today: date, progress: Callable[[int], None] | None) -> list[ImportRowError]:
    errors: list[ImportRowError] = []
    codes_taken, spans = store.duplicate_keys(db, insats_id)
    seen_codes: dict[str, int] = {}
    by_person: dict[bytes, list[tuple[int | None, Participant]]] = {}
    for digest, start, end in spans:
        by_person.setdefault(digest, []).append((None, Participant(insats_id, start=date.fromisoformat(start),
                                                                   end=date.fromisoformat(end) if end else None)))
    locked_reported = False
    for i, (number, p) in enumerate(rows):
        if progress and i % 500 == 0:
            progress(i)
        for name, message in rules.validate_participant(p, today).items():
            errors.append(ImportRowError(number, message[0].lower() + message[1:], _FIELD_HEADERS.get(name, "")))
        if p.holds_identifiers and key is None and not locked_reported:
            errors.append(ImportRowError(number, "registret är låst; lås upp det för att importera personnummer, "
                                                 "namn och anteckningar."))
            locked_reported = True
        if p.code:
            if p.code in codes_taken:
                errors.append(ImportRowError(number, "finns redan i insatsen (dubblett).", "Deltagar-id"))
            elif p.code in seen_codes:
                errors.append(ImportRowError(number, f"samma som rad {seen_codes[p.code]} (dubblett).", "Deltagar-id"))
            seen_codes.setdefault(p.code, number)
        if key is not None and re.fullmatch(r"[0-9]{12}", p.personnummer):  # a valid one, normalised
            digest = key.digest(p.personnummer)
            for other_row, other in by_person.get(digest, []):
                if rules.overlaps(p, other):
                    where = f"samma person som rad {other_row}" if other_row else "personen finns redan i insatsen"
                    errors.append(ImportRowError(number, f"{where} under samma tid (dubblett).", "Personnummer"))
                    break
            by_person.setdefault(digest, []).append((number, p))
    return errors


# ---------------------------------------------------------------- export and registerutdrag
def _items(db: sqlite_utils.Database, ids: list[int], key: FieldKey | None) -> list[ExtractItem]:
    names, labels = store.insats_names(db), participants.category_labels(db)
    out = []
    for participant_id in ids:
        p = participants.load(db, participant_id, key)
        support = labels.get(p.support_id, "") if p.support_id is not None else ""
        outcome = labels.get(p.outcome_id, "") if p.outcome_id is not None else ""
        out.append(ExtractItem(p, names.get(p.insats_id, ""), support, outcome))
    return out


def export_xlsx(db: sqlite_utils.Database, ids: list[int], key: FieldKey | None, with_identifiers: bool,
                path: str | Path) -> Path:
    """The records (in the given order) as the Excel file `path`; identifiers only when asked, and only when
    unlocked. The file is written beside `path` and renamed: nothing passes through the system temp folder."""
    from ..documents.participants_excel import participants_workbook

    if with_identifiers and key is None:
        raise ServiceError("Registret är låst: lås upp det för att exportera personnummer och namn.")
    items = _items(db, ids, key if with_identifiers else None)
    title = f"Deltagare – {registers.forbund(db).name} – {date.today().isoformat()}"
    with atomic_output(path) as (out, scratch):
        participants_workbook(items, with_identifiers, title, out, scratch)
    return Path(path)


def person_record_ids(db: sqlite_utils.Database, participant_id: int, key: FieldKey) -> list[int]:
    """The records of the same person (same personnummer, every insats), or just this one."""
    p = participants.load(db, participant_id, key)
    if not p.personnummer:
        return [participant_id]
    return store.ids_with_digest(db, key.digest(p.personnummer))


def register_extract_pdf(db: sqlite_utils.Database, participant_id: int, key: FieldKey | None,
                         today: date | None = None) -> bytes:
    """Everything held about the person of this record, in every insats (registerutdrag, GDPR art. 15)."""
    from ..documents.participants_pdf import register_extract_pdf as render

    if key is None:
        raise ServiceError("Registret är låst: lås upp det för att ta ut ett registerutdrag.")
    ids = person_record_ids(db, participant_id, key)
    return render(_items(db, ids, key), registers.forbund(db).name, today or date.today())


# ---------------------------------------------------------------- statistics
def statistics(db: sqlite_utils.Database, year: int | None, insats_id: int | None = None) -> Statistics:
    """For one insats, or the whole förbund (the cost per participant over the insatser that had any)."""
    facts = store.facts(db, insats_id)
    periods = store.count_periods(db, insats_id)
    outcomes = [c.label for c in participants.categories(db, "utfall")]
    utfall = store.utfall_by_insats(db, year)
    if insats_id is not None:
        return counting.compute_statistics(store.insats_names(db).get(insats_id, ""), year, facts, periods, outcomes,
                                        utfall.get(insats_id, 0))
    with_people = {f.insats_id for f in facts if counting.active_in(f, year)} | {
        c.insats_id for c in periods if year is None or c.start.year == year}
    return counting.compute_statistics(FORBUND, year, facts, periods, outcomes,
                                    sum(utfall.get(i, 0) for i in with_people))


def per_insats(db: sqlite_utils.Database, year: int | None) -> list[InsatsLine]:
    """Every insats with participants (or counts) in the year, with its statistics."""
    facts, periods = store.facts(db), store.count_periods(db)
    outcomes = [c.label for c in participants.categories(db, "utfall")]
    utfall, names, modes = store.utfall_by_insats(db, year), store.insats_names(db), store.modes(db)
    facts_by: dict[int, list[Facts]] = {}
    for f in facts:
        if counting.active_in(f, year):
            facts_by.setdefault(f.insats_id, []).append(f)
    periods_by: dict[int, list[CountPeriod]] = {}
    for c in periods:
        if year is None or c.start.year == year:
            periods_by.setdefault(c.insats_id, []).append(c)
    from ..domain.text import sort_key

    lines = [InsatsLine(i, names.get(i, ""), modes.get(i, "antal"),
                        counting.compute_statistics(names.get(i, ""), year, facts_by.get(i, []), periods_by.get(i, []),
                                                 outcomes, utfall.get(i, 0)))
             for i in facts_by.keys() | periods_by.keys()]
    return sorted(lines, key=lambda line: sort_key(line.name))


def statistics_xlsx(db: sqlite_utils.Database, year: int | None, insats_id: int | None = None) -> bytes:
    from ..documents.statistics_excel import statistics_workbook

    lines = per_insats(db, year) if insats_id is None else []
    return statistics_workbook(statistics(db, year, insats_id), lines, registers.forbund(db).name, date.today())


def statistics_pdf(db: sqlite_utils.Database, year: int | None, insats_id: int | None = None) -> bytes:
    from ..documents.participants_pdf import statistics_pdf as render

    lines = per_insats(db, year) if insats_id is None else []
    return render(statistics(db, year, insats_id), lines, registers.forbund(db).name, date.today())


# ---------------------------------------------------------------- gallring
def gallring_plan(db: sqlite_utils.Database, today: date | None = None) -> GallringPlan:
    """Who would lose their identifiers today: ended at least the set number of years ago (the preview)."""
    today = today or date.today()
    years = participants.register_settings(db).gallring_years
    names = store.insats_names(db)
    plan = GallringPlan(years, today)
    for p in store.gallring_candidates(db, today):
        if p.end is None:  # the store only returns ended records
            continue
        due = rules.gallring_due(p.end, years)
        if due <= today:
            plan.items.append((p, names.get(p.insats_id, ""), due))
    return plan


def gallra(db: sqlite_utils.Database, plan: GallringPlan) -> int:
    """Remove the identifiers of the plan's records in one transaction; each record keeps what was removed
    (as words) and the date, and the log keeps how many. Needs no passphrase: nothing is decrypted.
    The freed pages are overwritten (secure_delete) and the WAL is emptied, so no copy stays in the file."""
    items = [(p.id, rules.gallring_fields(p)) for p, _, _ in plan.items if p.end is not None and p.id is not None]
    if not items:
        return 0
    words = ", ".join(dict.fromkeys(w for _, text in items for w in text.split(", ") if w))
    with store.overwriting_freed_pages(db), db.atomic():
        store.remove_identifiers(db, items, plan.today)
        store.log_gallring(db, plan.today, plan.cutoff_years, len(items), words)
    return len(items)


def gallring_log(db: sqlite_utils.Database) -> list[tuple[str, int, int, str]]:
    return store.gallring_log(db)

