"""Deltagare from Excel: a filled-in import template (or an export) read into records and row errors.

Every cell is checked again on import: Excel's drop-down lists are not enforced by anyone. Error messages
never repeat what a cell holds (a name or a personnummer typed in the wrong column would be echoed into a
report people pass around); the row number, the column and what is wrong say where to look.
"""
from __future__ import annotations

import io
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ..domain.dates import DateError, parse_date
from ..domain.participants import ImportRowError, Participant
from ..domain.text import fold
from .participants_excel import COLUMNS, HEADER, SHEET
from .xlsx_limits import WorkbookRefused, check_workbook

REQUIRED = ("start",)
HEADER_SEARCH_ROWS = 10
_GENDER_WORDS = {"kvinna": "kvinna", "k": "kvinna", "kvinnor": "kvinna", "man": "man", "m": "man", "män": "man"}


class ImportFileError(ValueError):
    """The file cannot be read as a participant list at all; Swedish message."""


@dataclass
class ReadResult:
    rows: list[tuple[int, Participant]] = field(default_factory=list)  # (row number in the sheet, record)
    errors: list[ImportRowError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)


Cell = Any  # what openpyxl reads from a cell: None, str, int, float, bool, date, datetime, time
Row = tuple[Cell, ...]


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _personnummer(value: Cell) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):  # Excel made the number a number
        if not math.isfinite(value) or not 0 <= value < 10**12:
            raise ValueError("värdet är inget personnummer; skriv ÅÅÅÅMMDD-NNNN.")
        digits = str(int(value))
        return digits.zfill(10) if len(digits) <= 10 else digits.zfill(12)
    return _text(value)


def _date(value: Cell) -> date | None:
    """The cell as a date; the message never repeats the cell (it may be a name or a personnummer)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return parse_date(_text(value))
    except DateError as exc:
        if exc.__cause__ is not None:  # a date's form, but no such day
            raise ValueError("datumet finns inte i kalendern; skriv t.ex. 2026-01-15.") from None
        raise ValueError("värdet är inget datum; skriv t.ex. 2026-01-15.") from None


def _header_name(cell: Cell, column: int) -> str:
    """An unknown column as the report names it: its letter, and its heading unless that may be personal data."""
    from openpyxl.utils import get_column_letter

    text = _text(cell)
    letter = get_column_letter(column)
    if len(text) > 30 or re.search(r"[0-9]{4}", text):
        return letter
    return f"{letter} ({text})"


def _find_header(rows: list[Row]) -> tuple[int, dict[str, int], list[str]]:
    """(row number, field → column index, the unknown columns as the report names them)."""
    known = {fold(header): name for name, header in COLUMNS}
    for number, cells in enumerate(rows, start=1):
        folded = [fold(_text(c)) for c in cells]
        if fold(HEADER["start"]) in folded:
            found: dict[str, int] = {}
            for i, h in enumerate(folded):
                if h in known:
                    found.setdefault(known[h], i)
            ignored = [_header_name(c, i) for i, (c, h) in enumerate(zip(cells, folded, strict=True), start=1)
                       if h and h not in known]
            return number, found, ignored
    raise ImportFileError("Filen saknar rubrikraden (Deltagar-id, Personnummer, …, Startdatum). "
                          "Använd importmallen.")


def read_participants(data: bytes, insats_id: int, categories: dict[str, dict[str, int | None]],
                      progress: Callable[[int, int], None] | None = None,
                      cancelled: Callable[[], bool] | None = None) -> ReadResult:
    """Rows of the sheet Deltagare (or the first sheet) as records of `insats_id`, and the cells that are wrong.

    `categories` maps "forsorjning"/"utfall" to {folded label: id}. Rows with nothing in them are skipped.
    Only cell types are checked here; the rules (personnummer, dates in order, consent) are the domain's.
    The file's size, rows and texts are checked before openpyxl reads it (xlsx_limits), and every row is read
    whatever the sheet's <dimension> says.
    """
    from openpyxl import load_workbook

    try:
        facts = check_workbook(data)
    except WorkbookRefused as exc:
        raise ImportFileError(str(exc)) from exc
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise ImportFileError("Filen kan inte läsas som en Excel-fil (.xlsx).") from exc
    try:
        ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
        ws.reset_dimensions()  # <dimension> may say fewer rows than there are: read them all
        total = max(facts.rows.values(), default=0)
        header_row, index, ignored = _find_header(list(_rows_of(ws, max_row=HEADER_SEARCH_ROWS)))
        missing = [HEADER[name] for name in REQUIRED if name not in index]
        if missing:
            raise ImportFileError(f"Kolumnen {', '.join(missing)} saknas.")
        result = ReadResult(ignored_columns=ignored)
        rows = _rows_of(ws, min_row=header_row + 1, max_col=max(index.values()) + 1)
        for number, row in enumerate(rows, start=header_row + 1):
            if progress and number % 500 == 0:
                progress(number, total)
                if cancelled and cancelled():
                    return result
            values = {name: (row[i] if i < len(row) else None) for name, i in index.items()}
            if all(_text(v) == "" for v in values.values()):
                continue
            participant, errors = _participant(number, values, insats_id, categories)
            result.errors += errors
            if participant is not None:
                result.rows.append((number, participant))
        return result
    finally:
        wb.close()


def _rows_of(ws: Any, **bounds: int) -> Iterator[Row]:
    """The sheet's rows; read-only openpyxl parses the XML only now, so a damaged sheet fails here, with any of
    the many exceptions of a parser meeting a file it did not expect (a bad shared-string index: IndexError)."""
    rows = ws.iter_rows(values_only=True, **bounds)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - only openpyxl's parsing runs inside this try
            raise ImportFileError("Filen kan inte läsas som en Excel-fil (.xlsx): den är skadad.") from exc
        yield row


def _participant(number: int, values: dict[str, Cell], insats_id: int,
                 categories: dict[str, dict[str, int | None]]) -> tuple[Participant | None, list[ImportRowError]]:
    errors: list[ImportRowError] = []
    p = Participant(insats_id, code=_text(values.get("code")), name=_text(values.get("name")),
                    note=_text(values.get("note")), consent_how=_text(values.get("consent_how")))
    try:
        p.personnummer = _personnummer(values.get("personnummer"))
    except ValueError as exc:
        errors.append(ImportRowError(number, str(exc), HEADER["personnummer"]))
    gender = fold(_text(values.get("gender")))
    if gender:
        p.gender = _GENDER_WORDS.get(gender, "?")
        if p.gender == "?":
            errors.append(ImportRowError(number, "skriv Kvinna eller Man.", HEADER["gender"]))
            p.gender = ""
    year = values.get("birth_year")
    if _text(year):
        try:
            p.birth_year = int(_text(year))
        except ValueError:
            errors.append(ImportRowError(number, "skriv ett årtal, t.ex. 1985.", HEADER["birth_year"]))
    for name in ("start", "end", "consent_date"):
        try:
            setattr(p, name, _date(values.get(name)))
        except ValueError as exc:
            errors.append(ImportRowError(number, str(exc), HEADER[name]))
    for name, kind in (("support", "forsorjning"), ("outcome", "utfall")):
        label = _text(values.get(name))
        if label:
            found = categories.get(kind, {}).get(fold(label))
            if found is None:
                errors.append(ImportRowError(number, "okänd kategori; välj en i listan.", HEADER[name]))
            setattr(p, f"{name}_id", found)
    return p, errors
