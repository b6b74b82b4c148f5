"""Deltagare in Excel: the import template (drop-down lists) and the register as a workbook (identifiers only
when asked, and then the file says so). Reading a filled-in file is participants_import.py; statistics are
statistics_excel.py.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import IO, Any

from ..domain.identifiers import format_personnummer
from ..domain.participants import CONSENT_WAYS, GENDERS, ExtractItem
from .excel_list import DATE_FORMAT
from .xlsx import new_workbook, save_workbook, streaming_sheet

# (field, header) in the template's order; export writes the same columns, so an export can be imported.
COLUMNS = (
    ("code", "Deltagar-id"), ("personnummer", "Personnummer"), ("name", "Namn"), ("gender", "Kön"),
    ("birth_year", "Födelseår"), ("start", "Startdatum"), ("end", "Slutdatum"), ("support", "Försörjning vid start"),
    ("outcome", "Utfall vid avslut"), ("consent_date", "Samtycke, datum"), ("consent_how", "Samtycke, hur"),
    ("note", "Anteckning"),
)
HEADER = dict(COLUMNS)
IDENTIFIER_COLUMNS = {"personnummer", "name", "note"}
TEMPLATE_ROWS = 20_000
SHEET = "Deltagare"
CONTAINS_PERSONAL_DATA = ("INNEHÅLLER PERSONUPPGIFTER (personnummer, namn, anteckningar). Förvara filen skyddat "
                          "och radera den när den inte behövs.")
WITHOUT_PERSONAL_DATA = "Utan personnummer, namn och anteckningar: deltagarna anges med deltagar-id."


# ---------------------------------------------------------------- the template
def import_template(insats_name: str, supports: list[str], outcomes: list[str]) -> bytes:
    """A workbook to fill in: sheet Deltagare (headers, formats, drop-down lists), Anvisning, hidden Listor."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation

    wb, ws = new_workbook()
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
    return save_workbook(wb)


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


# ---------------------------------------------------------------- the register as a workbook
def participants_workbook(items: list[ExtractItem], with_identifiers: bool, title: str, out: IO[bytes],
                         scratch: str | Path) -> None:
    """The records as the template's columns (and Insats first), so an export can be imported again, written
    into `out`; the rows stream through a file in the folder `scratch` (beside the destination, never the
    system temp folder).

    With identifiers the first line of the sheet and the file's properties say that it holds personal data;
    without, the personnummer, name and note columns are left out entirely.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    wb.properties.title = title
    wb.properties.keywords = "personuppgifter" if with_identifiers else "pseudonymiserad"
    sheet = streaming_sheet(wb, SHEET, scratch)
    columns = [(n, h) for n, h in COLUMNS if with_identifiers or n not in IDENTIFIER_COLUMNS]
    banner = CONTAINS_PERSONAL_DATA if with_identifiers else WITHOUT_PERSONAL_DATA
    sheet.append([sheet.cell(banner, font=Font(bold=True, color="B3261E" if with_identifiers else "000000"))])
    sheet.append([sheet.cell(title)])
    sheet.append([sheet.cell(text, font=Font(bold=True)) for text in ["Insats", *(h for _, h in columns)]])
    for item in items:
        p = item.participant
        values = {"code": p.code, "personnummer": format_personnummer(p.personnummer), "name": p.name, "note": p.note,
                  "gender": GENDERS.get(p.gender, p.gender), "birth_year": p.birth_year, "start": p.start,
                  "end": p.end, "support": item.support, "outcome": item.outcome, "consent_date": p.consent_date,
                  "consent_how": p.consent_how}
        row: list[Any] = [item.insats_name]
        for name, _ in columns:
            value = values[name]
            if isinstance(value, date):
                row.append(sheet.cell(value, number_format=DATE_FORMAT))
            else:
                row.append(value if value not in ("", None) else None)
        sheet.append(row)
    save_workbook(wb, out)
