"""The economy as Excel: a budget year and an insats's money, with real numbers in a kr format and sums as
formulas, so that Excel and LibreOffice recompute them when a figure is changed."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..domain.budget import COLUMN_LABELS, COLUMNS, Sheet, YearSummary
from ..domain.insatser import INVOICE_KINDS, Insats, Invoice, Report, YearEconomy
from .excel_list import DATE_FORMAT, MONEY_FORMAT, _money
from .xlsx import bold as _bold
from .xlsx import formula, new_workbook, save_workbook

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet


def _money_cell(ws: Worksheet, row: int, column: int, value: int | str | None, *, bold: bool = False) -> None:
    """A number in kronor (or one of the app's formulas) with the kr format; None stays an empty cell."""
    if value is None:
        return
    if isinstance(value, str):
        cell = formula(ws, row, column, value)
    else:
        cell = ws.cell(row=row, column=column, value=_money(value))
    cell.number_format = MONEY_FORMAT
    if bold:
        cell.font = _bold()


def _widths(ws: Worksheet, widths: dict[str, float]) -> None:
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width


def budget_workbook(sheet: Sheet, contributions: list[tuple[str, int, str]], forbund_name: str,
                    summaries: list[YearSummary] | None = None) -> bytes:
    """Sheet "Budget YEAR" (Post | Budget | Prognos | Utfall; sums, result and closing equity as formulas),
    sheet "Medlemsbidrag" (payer, share, amount, SUM), and "Flera år" when `summaries` are given."""
    from openpyxl.utils import get_column_letter

    wb, ws = new_workbook()
    ws.title = f"Budget {sheet.year}"
    ws["A1"] = forbund_name
    ws["A2"] = f"Budget {sheet.year}"
    ws["A1"].font = ws["A2"].font = _bold()
    header = 4
    for column, text in enumerate(["Post", *(COLUMN_LABELS[c] for c in COLUMNS)], start=1):
        ws.cell(row=header, column=column, value=text).font = _bold()
    row_of = {r.key: header + 1 + i for i, r in enumerate(sheet.rows)}
    for r in sheet.rows:
        excel_row = row_of[r.key]
        bold = r.kind != "line"
        label = ws.cell(row=excel_row, column=1, value=r.label)
        if bold:
            label.font = _bold()
        if r.kind == "heading":
            continue
        for i, amount in enumerate(r.values):
            letter = get_column_letter(i + 2)
            value: int | str | None = amount
            if r.terms and amount is not None:
                terms = "".join(f"{'+' if sign > 0 else '-'}{letter}{row_of[key]}" for key, sign in r.terms)
                value = "=" + terms.removeprefix("+")
            _money_cell(ws, excel_row, i + 2, value, bold=bold)
    last = header + len(sheet.rows)
    if sheet.warnings:
        ws.cell(row=last + 2, column=1, value="Att observera").font = _bold()
        for i, text in enumerate(sheet.warnings):
            ws.cell(row=last + 3 + i, column=1, value=text)
    _widths(ws, {"A": 42, "B": 16, "C": 16, "D": 16})
    ws.freeze_panes = ws.cell(row=header + 1, column=2).coordinate
    ws.print_title_rows = f"{header}:{header}"

    split = wb.create_sheet("Medlemsbidrag")
    for column, text in enumerate(("Betalare", "Andel", "Medlemsbidrag"), start=1):
        split.cell(row=1, column=column, value=text).font = _bold()
    for i, (payer, amount, share) in enumerate(contributions, start=2):
        split.cell(row=i, column=1, value=payer)
        split.cell(row=i, column=2, value=share)
        _money_cell(split, i, 3, amount)
    total_row = len(contributions) + 2
    split.cell(row=total_row, column=1, value="Summa").font = _bold()
    _money_cell(split, total_row, 3, f"=SUM(C2:C{total_row - 1})", bold=True)
    _widths(split, {"A": 36, "B": 10, "C": 18})

    if summaries:
        many = wb.create_sheet("Flera år")
        headers = ("År", "Intäkter (prognos)", "Kostnader (prognos)", "Resultat", "Eget kapital vid årets slut",
                   "Beviljat insatser", "Fakturerat")
        for column, text in enumerate(headers, start=1):
            many.cell(row=1, column=column, value=text).font = _bold()
        for i, s in enumerate(summaries, start=2):
            many.cell(row=i, column=1, value=s.year)
            for column, value in enumerate((s.income, s.costs, s.result, s.closing_equity, s.granted, s.spent),
                                           start=2):
                _money_cell(many, i, column, value)
        _widths(many, {get_column_letter(c): 20 for c in range(1, 8)})
    return save_workbook(wb)


def insats_workbook(insats: Insats, years: list[YearEconomy], invoices: list[Invoice], reports: list[Report],
                    today: date) -> bytes:
    """Sheets "Ekonomi" (per year and category: Beviljat, Utfall, Kvar = formula, year sums), "Fakturor" (with a
    SUM) and "Rapporter"."""
    wb, ws = new_workbook()
    ws.title = "Ekonomi"
    ws["A1"] = insats.name
    ws["A1"].font = _bold()
    ws["A2"] = f"Period {insats.period_start or '?'} – {insats.period_end or '?'}; insatsägare {insats.owner}"
    row = 4
    for economy in years:
        ws.cell(row=row, column=1, value=str(economy.year)).font = _bold()
        for column, text in enumerate(("Beviljat", "Utfall", "Kvar"), start=2):
            ws.cell(row=row, column=column, value=text).font = _bold()
        first = row + 1
        for category in economy.categories:
            row += 1
            ws.cell(row=row, column=1, value=category or "(ingen kategori)")
            _money_cell(ws, row, 2, economy.granted.get(category, 0))
            _money_cell(ws, row, 3, economy.spent.get(category, 0))
            _money_cell(ws, row, 4, f"=B{row}-C{row}")
        row += 1
        ws.cell(row=row, column=1, value=f"Summa {economy.year}").font = _bold()
        for column, letter in ((2, "B"), (3, "C"), (4, "D")):
            _money_cell(ws, row, column, f"=SUM({letter}{first}:{letter}{row - 1})" if row > first else 0, bold=True)
        if economy.prognos is not None:
            row += 1
            ws.cell(row=row, column=1, value=f"Prognos {economy.year}")
            _money_cell(ws, row, 3, economy.prognos)
        for warning in economy.warnings():
            row += 1
            ws.cell(row=row, column=1, value=warning)
        row += 2
    _widths(ws, {"A": 40, "B": 16, "C": 16, "D": 16})

    inv = wb.create_sheet("Fakturor")
    headers = ("Datum", "Typ", "Kategori", "Avser från", "Avser till", "Belopp", "Referens", "Notering")
    for column, text in enumerate(headers, start=1):
        inv.cell(row=1, column=column, value=text).font = _bold()
    for i, invoice in enumerate(invoices, start=2):
        for column, value in ((1, invoice.date), (4, invoice.period_start), (5, invoice.period_end)):
            if value is not None:
                inv.cell(row=i, column=column, value=value).number_format = DATE_FORMAT
        inv.cell(row=i, column=2, value=INVOICE_KINDS.get(invoice.kind, invoice.kind))
        inv.cell(row=i, column=3, value=invoice.category)
        _money_cell(inv, i, 6, invoice.amount)
        inv.cell(row=i, column=7, value=invoice.reference)
        inv.cell(row=i, column=8, value=invoice.note)
    total = len(invoices) + 2
    inv.cell(row=total, column=1, value="Summa").font = _bold()
    _money_cell(inv, total, 6, f"=SUM(F2:F{total - 1})" if invoices else 0, bold=True)
    _widths(inv, {"A": 12, "B": 12, "C": 18, "D": 12, "E": 12, "F": 16, "G": 18, "H": 40})
    inv.freeze_panes = "A2"

    rep = wb.create_sheet("Rapporter")
    for column, text in enumerate(("Rapport", "Sista dag", "Mottagen", "Läge"), start=1):
        rep.cell(row=1, column=column, value=text).font = _bold()
    for i, report in enumerate(reports, start=2):
        rep.cell(row=i, column=1, value=report.title)
        rep.cell(row=i, column=2, value=report.due).number_format = DATE_FORMAT
        if report.received_on:
            rep.cell(row=i, column=3, value=report.received_on).number_format = DATE_FORMAT
        rep.cell(row=i, column=4, value="Mottagen" if report.received_on else
                 "Försenad" if report.overdue(today) else "Kommande")
    _widths(rep, {"A": 32, "B": 12, "C": 12, "D": 12})
    return save_workbook(wb)
