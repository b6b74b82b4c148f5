"""A Document as an Excel workbook (openpyxl): one sheet per top-level heading, tables with a bold header,
money as numbers in kronor with a `# ##0 kr` format, counts as numbers, and every text as text — a name a
user typed that starts with = is never a formula."""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import blocks as b
from .excel_list import MONEY_FORMAT, MONEY_FORMAT_DECIMALS, _money, _sheet_title
from .xlsx import new_workbook, save_workbook

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell, MergedCell
    from openpyxl.worksheet.worksheet import Worksheet

MAX_WIDTH = 70


def _put(ws: Worksheet, row: int, column: int, value: str | int | None, *, bold: bool = False,
         money: bool = False) -> Cell | MergedCell:
    from openpyxl.styles import Font

    cell = ws.cell(row=row, column=column)
    if money and isinstance(value, int):
        cell.value = _money(value)
        cell.number_format = MONEY_FORMAT if isinstance(cell.value, int) else MONEY_FORMAT_DECIMALS
    elif isinstance(value, int):
        cell.value = value
    elif value is None:
        cell.value = b.DASH if money else None
    else:
        cell.value = str(value)  # save_workbook keeps a text that starts with = (or + - @) as text
    if bold:
        cell.font = Font(bold=True)
    return cell


def xlsx_bytes(document: b.Document) -> bytes:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb, ws = new_workbook()
    ws.title = _sheet_title(document.title)
    row = 1
    _put(ws, row, 1, document.title).font = Font(bold=True, size=14)
    row += 1
    _put(ws, row, 1, document.forbund)
    row += 2
    used: set[str] = {ws.title}
    widths: dict[str, dict[int, int]] = {}

    def width(col: int, text: str) -> None:
        sheet = widths.setdefault(ws.title, {})
        sheet[col] = max(sheet.get(col, 8), min(MAX_WIDTH, len(text) + 2))

    for block in document.blocks:
        if isinstance(block, b.Heading) and block.level == 1:
            title = _sheet_title(block.text)
            n = 2
            while title in used:
                title = _sheet_title(f"{block.text[:27]} {n}")
                n += 1
            used.add(title)
            ws = wb.create_sheet(title)
            row = 1
        if isinstance(block, b.Heading):
            _put(ws, row, 1, block.text).font = Font(bold=True, size=13 if block.level == 1 else 11)
            row += 1
        elif isinstance(block, b.Para):
            for text in block.text.split("\n\n"):
                cell = _put(ws, row, 1, text)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                width(1, text[:60])
                row += 1
        elif isinstance(block, b.Bullets):
            for item in block.items:
                _put(ws, row, 1, f"• {item}")
                row += 1
        elif isinstance(block, b.Table):
            for i, text in enumerate(block.header):
                _put(ws, row, i + 1, text, bold=True)
                width(i + 1, text)
            row += 1
            for r, values in enumerate(block.rows):
                for i, value in enumerate(values):
                    _put(ws, row, i + 1, value, bold=r in block.bold_rows, money=i in block.money)
                    width(i + 1, block.cell_text(i, value))
                row += 1
            row += 1
        elif isinstance(block, b.Signature):
            for line in block.lines:
                _put(ws, row, 1, line)
                row += 1
    for sheet in wb.worksheets:
        for col, w in widths.get(sheet.title, {}).items():
            sheet.column_dimensions[get_column_letter(col)].width = w
    return save_workbook(wb)
