"""Participant statistics as Excel: the tables of the screen with their totals as formulas, and Per insats."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..domain.money import ORE_PER_KR
from ..domain.participants import MODES, GenderSplit, InsatsLine, Statistics, months
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

    def table(heading: str, rows: list[tuple[str, GenderSplit]], share: bool = False) -> None:
        ws.append([])
        ws.append([heading, "Kvinnor", "Män", "Totalt", *(["Andel"] if share else [])])
        for cell in ws[ws.max_row]:
            cell.font = bold
        first = ws.max_row + 1
        for label, split in rows:
            r = ws.max_row + 1
            ws.append([label, split.women, split.men])
            formula(ws, r, 4, f"=B{r}+C{r}")
        if share and rows:
            last = ws.max_row
            for r in range(first, last + 1):
                formula(ws, r, 5, f"=IF(SUM(D${first}:D${last})=0,0,D{r}/SUM(D${first}:D${last}))").number_format = "0%"

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
    return save_workbook(wb)


def _kr(ore: int | None) -> int | float | None:
    return None if ore is None else (ore // ORE_PER_KR if ore % ORE_PER_KR == 0 else ore / ORE_PER_KR)


def _per_insats(ws: Worksheet, lines: list[InsatsLine], bold: Font) -> None:
    ws.append(["Insats", "Redovisning", "Kvinnor", "Män", "Totalt", "Nya", "Avslutade", "Utfall",
               "Kostnad per deltagare"])
    for cell in ws[1]:
        cell.font = bold
    for line in lines:
        s, r = line.stats, ws.max_row + 1
        ws.append([line.name, MODES.get(line.mode, line.mode), s.participants.women, s.participants.men,
                   None, s.new.total, s.ended.total, _kr(s.utfall)])
        formula(ws, r, 5, f"=C{r}+D{r}")
        formula(ws, r, 9, f'=IF(E{r}=0,"",H{r}/E{r})')
        ws[f"H{r}"].number_format = ws[f"I{r}"].number_format = MONEY_FORMAT
    ws.column_dimensions["A"].width = 40
    ws.column_dimensions["B"].width = 30
    for letter in "CDEFGHI":
        ws.column_dimensions[letter].width = 14
    ws.freeze_panes = "A2"
