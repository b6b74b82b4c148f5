"""Participant statistics as Excel: the tables of the screen, each with its parts, its total as a SUM of them (so
that Excel shows at once that they add up, and recomputes when a figure is changed) and its "varav" rows
beside it; and Per insats with its Summa."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..domain.money import ORE_PER_KR
from ..domain.participant_statistics import BESIDE, PART, SUM, CountTable, InsatsLine, Statistics, months
from ..domain.participants import MODES
from .excel_list import MONEY_FORMAT
from .xlsx import formula, new_workbook, save_workbook

if TYPE_CHECKING:
    from openpyxl.styles import Font
    from openpyxl.worksheet.worksheet import Worksheet


def statistics_workbook(stats: Statistics, lines: list[InsatsLine], forbund_name: str, today: date) -> bytes:
    """Sheet Statistik (participants, age bands, outcomes, time, cost; totals as formulas) and Per insats."""
    from openpyxl.styles import Font

    wb, ws = new_workbook()
    ws.title = "Statistik"
    bold = Font(bold=True)
    period = str(stats.year) if stats.year else "hela tiden"
    for text in (forbund_name, f"Deltagarstatistik {period} – {stats.scope}", f"Utskrivet {today.isoformat()}"):
        ws.append([text])
    ws["A1"].font = ws["A2"].font = bold

    def table(t: CountTable, share: bool = False) -> None:
        ws.append([])
        ws.append([t.heading, "Kvinnor", "Män", "Totalt", *(["Andel"] if share else [])])
        for cell in ws[ws.max_row]:
            cell.font = bold
        first = ws.max_row + 1
        last_part = first + len(t.parts) - 1
        total_row = last_part + 1
        for label, split, kind in t.lines():
            r = ws.max_row + 1
            ws.append([label] + ([split.women, split.men] if kind != SUM else []))
            if kind == SUM:
                for column, letter in ((2, "B"), (3, "C")):
                    text = f"=SUM({letter}{first}:{letter}{last_part})" if t.parts else "=0"
                    formula(ws, r, column, text)
            formula(ws, r, 4, f"=B{r}+C{r}")
            if share:
                formula(ws, r, 5, f"=IF(D${total_row}=0,0,D{r}/D${total_row})").number_format = "0%"
            if kind != PART:
                for cell in ws[r]:
                    cell.font = Font(bold=kind == SUM, italic=kind == BESIDE)

    table(stats.participant_table)
    table(stats.ages)
    table(stats.outcomes, share=True)
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
    return save_workbook(wb)


def _kr(ore: int | None) -> int | float | None:
    return None if ore is None else (ore // ORE_PER_KR if ore % ORE_PER_KR == 0 else ore / ORE_PER_KR)


def _per_insats(ws: Worksheet, lines: list[InsatsLine], bold: Font) -> None:
    """One row per insats, and Summa: the SUM of the rows (the förbund's figures of sheet Statistik)."""
    from openpyxl.utils import column_index_from_string

    ws.append(["Insats", "Redovisning", "Kvinnor", "Män", "Totalt", "Nya", "Avslutade", "Utfall",
               "Kostnad per deltagare"])
    for cell in ws[1]:
        cell.font = bold
    for line in lines:
        s, r = line.stats, ws.max_row + 1
        ws.append([line.name, MODES.get(line.mode, line.mode), s.participants.women, s.participants.men,
                   None, s.new.total, s.ended.total, _kr(s.utfall)])
    total = ws.max_row + 1
    ws.cell(row=total, column=1, value="Summa")
    for letter in "CDFGH":
        formula(ws, total, column_index_from_string(letter), f"=SUM({letter}2:{letter}{total - 1})")
    for r in range(2, total + 1):
        formula(ws, r, 5, f"=C{r}+D{r}")
        formula(ws, r, 9, f'=IF(E{r}=0,"",H{r}/E{r})')
        ws[f"H{r}"].number_format = ws[f"I{r}"].number_format = MONEY_FORMAT
    for cell in ws[total]:
        cell.font = bold
    ws.column_dimensions["A"].width = 40
    ws.column_dimensions["B"].width = 30
    for letter in "CDEFGHI":
        ws.column_dimensions[letter].width = 14
    ws.freeze_panes = "A2"
