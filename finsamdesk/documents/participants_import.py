"""Deltagare from Excel: a filled-in import template (or an export) read into records and row errors.

Every cell is checked again on import: Excel's drop-down lists are not enforced by anyone. Error messages
never repeat a personnummer or a name; the row number and the column say where to look.
"""
from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from ..domain.dates import DateError, parse_date
from ..domain.participants import ImportRowError, Participant
from ..domain.text import fold
from .participants_excel import COLUMNS, HEADER, SHEET

REQUIRED = ("start",)
_GENDER_WORDS = {"kvinna": "kvinna", "k": "kvinna", "kvinnor": "kvinna", "man": "man", "m": "man", "män": "man"}


class ImportFileError(ValueError):
    """The file cannot be read as a participant list at all; Swedish message."""


@dataclass
class ReadResult:
    rows: list[tuple[int, Participant]] = field(default_factory=list)  # (row number in the sheet, record)
    errors: list[ImportRowError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _personnummer(value) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):  # Excel made the number a number
        digits = str(int(value))
        return digits.zfill(10) if len(digits) <= 10 else digits.zfill(12)
    return _text(value)


def _date(value, header: str) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    try:
        return parse_date(text)
    except DateError as exc:
        if re.search(r"[0-9]{6}", text) and not re.fullmatch(r"[0-9]{4}-?[0-9]{2}-?[0-9]{2}", text):
            raise ValueError(f"{header}: värdet är inget datum; skriv t.ex. 2026-01-15.") from None
        raise ValueError(f"{header}: {exc}") from None


def _find_header(rows: list[tuple]) -> tuple[int, dict[str, int], list[str]]:
    """(row number, field → column index, headers that are not in the template)."""
    known = {fold(header): name for name, header in COLUMNS}
    for number, cells in enumerate(rows, start=1):
        folded = [fold(_text(c)) for c in cells]
        if fold(HEADER["start"]) in folded:
            found = {known[h]: i for i, h in enumerate(folded) if h in known}
            ignored = [_text(c) for c, h in zip(cells, folded, strict=True) if h and h not in known]
            return number, found, ignored
    raise ImportFileError("Filen saknar rubrikraden (Deltagar-id, Personnummer, …, Startdatum). "
                          "Använd importmallen.")


def read_participants(data: bytes, insats_id: int, categories: dict[str, dict[str, int]],
                      progress: Callable[[int, int], None] | None = None,
                      cancelled: Callable[[], bool] | None = None) -> ReadResult:
    """Rows of the sheet Deltagare (or the first sheet) as records of `insats_id`, and the cells that are wrong.

    `categories` maps "forsorjning"/"utfall" to {folded label: id}. Rows with nothing in them are skipped.
    Only cell types are checked here; the rules (personnummer, dates in order, consent) are the domain's.
    """
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise ImportFileError("Filen kan inte läsas som en Excel-fil (.xlsx).") from exc
    try:
        ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
        total = ws.max_row or 0
        cells = _rows_of(ws)
        head = []
        for cells_row in cells:
            head.append(cells_row)
            if len(head) >= 10 or fold(HEADER["start"]) in [fold(_text(c)) for c in cells_row]:
                break
        header_row, index, ignored = _find_header(head)
        missing = [HEADER[name] for name in REQUIRED if name not in index]
        if missing:
            raise ImportFileError(f"Kolumnen {', '.join(missing)} saknas.")
        result = ReadResult(ignored_columns=ignored)
        for number, row in enumerate(cells, start=header_row + 1):
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


def _rows_of(ws):
    """The sheet's rows; read-only openpyxl parses the XML only now, so a damaged sheet fails here."""
    import zipfile
    from xml.etree.ElementTree import ParseError

    rows = ws.iter_rows(values_only=True)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except (zipfile.BadZipFile, ParseError, ValueError, KeyError, TypeError, EOFError, OSError) as exc:
            raise ImportFileError("Filen kan inte läsas som en Excel-fil (.xlsx): den är skadad.") from exc
        yield row


def _quoted(text: str) -> str:
    """A cell's text in a message — unless it may be a personnummer in the wrong column (never repeated)."""
    return "värdet" if re.search(r"[0-9]{6}", text) else f"”{text[:30]}”"


def _participant(number: int, values: dict, insats_id: int,
                 categories: dict[str, dict[str, int]]) -> tuple[Participant | None, list[ImportRowError]]:
    errors: list[ImportRowError] = []
    p = Participant(insats_id, code=_text(values.get("code")), personnummer=_personnummer(values.get("personnummer")),
                    name=_text(values.get("name")), note=_text(values.get("note")),
                    consent_how=_text(values.get("consent_how")))
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
            setattr(p, name, _date(values.get(name), HEADER[name]))
        except ValueError as exc:
            errors.append(ImportRowError(number, str(exc)))
    for name, kind in (("support", "forsorjning"), ("outcome", "utfall")):
        label = _text(values.get(name))
        if label:
            found = categories.get(kind, {}).get(fold(label))
            if found is None:
                errors.append(ImportRowError(number, f"okänd kategori {_quoted(label)}; välj en i listan.",
                                             HEADER[name]))
            setattr(p, f"{name}_id", found)
    return p, errors
