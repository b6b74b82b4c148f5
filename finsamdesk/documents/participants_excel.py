"""Deltagare in Excel: the import template (drop-down lists), reading a filled-in file into records and row
errors, the register as a workbook (identifiers only when asked, and then the file says so), statistics.

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
from ..domain.identifiers import format_personnummer
from ..domain.money import ORE_PER_KR
from ..domain.participants import (
    CONSENT_WAYS,
    GENDERS,
    MODES,
    ExtractItem,
    ImportRowError,
    InsatsLine,
    Participant,
    Statistics,
    months,
)
from ..domain.text import fold
from .excel_list import DATE_FORMAT, MONEY_FORMAT

# (field, header) in the template's order; export writes the same columns, so an export can be imported.
COLUMNS = (
    ("code", "Deltagar-id"), ("personnummer", "Personnummer"), ("name", "Namn"), ("gender", "Kön"),
    ("birth_year", "Födelseår"), ("start", "Startdatum"), ("end", "Slutdatum"), ("support", "Försörjning vid start"),
    ("outcome", "Utfall vid avslut"), ("consent_date", "Samtycke, datum"), ("consent_how", "Samtycke, hur"),
    ("note", "Anteckning"),
)
HEADER = dict(COLUMNS)
IDENTIFIER_COLUMNS = {"personnummer", "name", "note"}
REQUIRED = ("start",)
TEMPLATE_ROWS = 20_000
SHEET = "Deltagare"
CONTAINS_PERSONAL_DATA = ("INNEHÅLLER PERSONUPPGIFTER (personnummer, namn, anteckningar). Förvara filen skyddat "
                          "och radera den när den inte behövs.")
WITHOUT_PERSONAL_DATA = "Utan personnummer, namn och anteckningar: deltagarna anges med deltagar-id."
_GENDER_WORDS = {"kvinna": "kvinna", "k": "kvinna", "kvinnor": "kvinna", "man": "man", "m": "man", "män": "man"}


class ImportFileError(ValueError):
    """The file cannot be read as a participant list at all; Swedish message."""


@dataclass
class ReadResult:
    rows: list[tuple[int, Participant]] = field(default_factory=list)  # (row number in the sheet, record)
    errors: list[ImportRowError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)


def _save(wb) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- the template
def import_template(insats_name: str, supports: list[str], outcomes: list[str]) -> bytes:
    """A workbook to fill in: sheet Deltagare (headers, formats, drop-down lists), Anvisning, hidden Listor."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append([header for _, header in COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    letter = {name: get_column_letter(i) for i, (name, _) in enumerate(COLUMNS, start=1)}
    lists = wb.create_sheet("Listor")
    for col, (name, values) in enumerate((("kon", list(GENDERS.values())), ("forsorjning", supports),
                                          ("utfall", outcomes), ("samtycke", list(CONSENT_WAYS))), start=1):
        for row, value in enumerate(values, start=1):
            lists.cell(row=row, column=col, value=value)
        ref = f"Listor!${get_column_letter(col)}$1:${get_column_letter(col)}${max(1, len(values))}"
        wb.defined_names[f"lista_{name}"] = DefinedName(f"lista_{name}", attr_text=ref)
    lists.sheet_state = "hidden"
    last = TEMPLATE_ROWS + 1
    for field_name, list_name in (("gender", "kon"), ("support", "forsorjning"), ("outcome", "utfall"),
                                  ("consent_how", "samtycke")):
        dv = DataValidation(type="list", formula1=f"lista_{list_name}", allow_blank=True, showErrorMessage=True,
                            errorTitle="Ogiltigt värde", error="Välj ett värde i listan.")
        dv.add(f"{letter[field_name]}2:{letter[field_name]}{last}")
        ws.add_data_validation(dv)
    year = DataValidation(type="whole", operator="between", formula1="1900", formula2="2100", allow_blank=True,
                          showErrorMessage=True, errorTitle="Ogiltigt år", error="Skriv ett årtal, t.ex. 1985.")
    year.add(f"{letter['birth_year']}2:{letter['birth_year']}{last}")
    ws.add_data_validation(year)
    for row in range(2, 502):  # formats for the first rows people type into; the importer reads any form anyway
        ws[f"{letter['personnummer']}{row}"].number_format = "@"
        for name in ("start", "end", "consent_date"):
            ws[f"{letter[name]}{row}"].number_format = DATE_FORMAT
    for name, header in COLUMNS:
        ws.column_dimensions[letter[name]].width = max(12, len(header) + 3)
    ws.column_dimensions[letter["note"]].width = 40
    ws.freeze_panes = "A2"
    help_sheet = wb.create_sheet("Anvisning")
    for line in _instructions(insats_name):
        help_sheet.append([line])
    help_sheet.column_dimensions["A"].width = 110
    help_sheet["A1"].font = Font(bold=True, size=13)
    return _save(wb)


def _instructions(insats_name: str) -> list[str]:
    return [
        f"Deltagare i {insats_name}",
        "",
        "Fyll i en rad per deltagare på bladet Deltagare, från rad 2. Rubrikraden ska stå kvar.",
        "Deltagar-id: valfritt; lämnas det tomt får deltagaren ett löpnummer (D00001 …).",
        ("Personnummer: ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN; samordningsnummer går också. Valfritt. "
         "Kön och födelseår räknas ut ur personnumret."),
        "Namn och anteckning: valfria. Personnummer, namn och anteckning sparas krypterade.",
        "Kön: Kvinna eller Man (behövs om personnummer saknas). Födelseår: t.ex. 1985.",
        "Startdatum behövs; datum skrivs 2026-01-15. Slutdatum och utfall fylls i när deltagaren har avslutat.",
        "Försörjning vid start och utfall vid avslut: välj i listan (förbundets kategorier).",
        "Samtycke: datum och hur det gavs. Behövs när personnummer eller namn anges.",
        "",
        ("Importen läser hela filen först. Finns ett fel någonstans importeras ingenting, och varje felaktig rad "
         "anges med radnummer och orsak."),
    ]


# ---------------------------------------------------------------- reading a filled-in file
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
            ignored = [_text(c) for c, h in zip(cells, folded) if h and h not in known]
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


# ---------------------------------------------------------------- the register as a workbook
def participants_workbook(items: list[ExtractItem], with_identifiers: bool, title: str) -> bytes:
    """The records as the template's columns (and Insats first), so an export can be imported again.

    With identifiers the first line of the sheet and the file's properties say that it holds personal data;
    without, the personnummer, name and note columns are left out entirely.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    wb.properties.title = title
    wb.properties.keywords = "personuppgifter" if with_identifiers else "pseudonymiserad"
    ws = wb.create_sheet(SHEET)
    columns = [(n, h) for n, h in COLUMNS if with_identifiers or n not in IDENTIFIER_COLUMNS]
    bold = Font(bold=True, color="B3261E" if with_identifiers else "000000")
    banner = WriteOnlyCell(ws, value=CONTAINS_PERSONAL_DATA if with_identifiers else WITHOUT_PERSONAL_DATA)
    banner.font = bold
    ws.append([banner])
    ws.append([title])
    header_cells = []
    for text in ["Insats", *(h for _, h in columns)]:
        cell = WriteOnlyCell(ws, value=text)
        cell.font = Font(bold=True)
        header_cells.append(cell)
    ws.append(header_cells)
    for item in items:
        p = item.participant
        values = {"code": p.code, "personnummer": format_personnummer(p.personnummer), "name": p.name, "note": p.note,
                  "gender": GENDERS.get(p.gender, p.gender), "birth_year": p.birth_year, "start": p.start,
                  "end": p.end, "support": item.support, "outcome": item.outcome, "consent_date": p.consent_date,
                  "consent_how": p.consent_how}
        row = [item.insats_name]
        for name, _ in columns:
            value = values[name]
            if isinstance(value, date):
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = DATE_FORMAT
                value = cell
            row.append(value if value not in ("", None) else None)
        ws.append(row)
    return _save(wb)


# ---------------------------------------------------------------- statistics
def statistics_workbook(stats: Statistics, lines: list[InsatsLine], forbund_name: str, today: date) -> bytes:
    """Sheet Statistik (participants, age bands, outcomes, time, cost; totals as formulas) and Per insats."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Statistik"
    bold = Font(bold=True)
    period = str(stats.year) if stats.year else "hela tiden"
    for text in (forbund_name, f"Deltagarstatistik {period} – {stats.scope}", f"Utskrivet {today.isoformat()}"):
        ws.append([text])
    ws["A1"].font = ws["A2"].font = bold

    def table(heading: str, rows: list[tuple[str, object]], share: bool = False) -> None:
        ws.append([])
        ws.append([heading, "Kvinnor", "Män", "Totalt", *(["Andel"] if share else [])])
        for cell in ws[ws.max_row]:
            cell.font = bold
        first = ws.max_row + 1
        for label, split in rows:
            r = ws.max_row + 1
            ws.append([label, split.women, split.men, f"=B{r}+C{r}"])
        if share and rows:
            last = ws.max_row
            for r in range(first, last + 1):
                ws[f"E{r}"] = f"=IF(SUM(D${first}:D${last})=0,0,D{r}/SUM(D${first}:D${last}))"
                ws[f"E{r}"].number_format = "0%"

    table("Deltagare", [("Deltagare", stats.participants), ("varav nya", stats.new),
                        ("varav avslutade", stats.ended)]
          + ([("varav endast antal", stats.from_counts)] if stats.from_counts.total else []))
    table("Ålder vid start", list(stats.age_bands))
    table("Utfall vid avslut", list(stats.outcomes), share=True)
    ws.append([])
    women, men, everyone = stats.average_days
    ws.append(["Genomsnittlig tid för avslutade", months(women), months(men), months(everyone)])
    ws.append(["Utfall (fakturerat)", _kr(stats.utfall)])
    ws.append(["Kostnad per deltagare", _kr(stats.cost_per_participant)])
    for r in (ws.max_row - 1, ws.max_row):
        ws[f"B{r}"].number_format = MONEY_FORMAT
    ws.column_dimensions["A"].width = 36
    for letter in "BCDE":
        ws.column_dimensions[letter].width = 13
    if lines:
        _per_insats(wb.create_sheet("Per insats"), lines, bold)
    return _save(wb)


def _kr(ore: int | None) -> int | float | None:
    return None if ore is None else (ore // ORE_PER_KR if ore % ORE_PER_KR == 0 else ore / ORE_PER_KR)


def _per_insats(ws, lines: list[InsatsLine], bold) -> None:
    ws.append(["Insats", "Redovisning", "Kvinnor", "Män", "Totalt", "Nya", "Avslutade", "Utfall",
               "Kostnad per deltagare"])
    for cell in ws[1]:
        cell.font = bold
    for line in lines:
        s, r = line.stats, ws.max_row + 1
        ws.append([line.name, MODES.get(line.mode, line.mode), s.participants.women, s.participants.men,
                   f"=C{r}+D{r}", s.new.total, s.ended.total, _kr(s.utfall), f'=IF(E{r}=0,"",H{r}/E{r})'])
        ws[f"H{r}"].number_format = ws[f"I{r}"].number_format = MONEY_FORMAT
    ws.column_dimensions["A"].width = 40
    ws.column_dimensions["B"].width = 30
    for letter in "CDEFGHI":
        ws.column_dimensions[letter].width = 14
    ws.freeze_panes = "A2"
