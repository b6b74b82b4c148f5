"""Any list of the app as an Excel workbook: real numbers and dates, bold frozen header, filter.

openpyxl is imported inside the function: it costs time at start-up (DESIGN.md).
"""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from ..domain.money import ORE_PER_KR
from .xlsx import new_workbook, save_workbook

MONEY_FORMAT = '#,##0\\ "kr"'
MONEY_FORMAT_DECIMALS = '#,##0.00\\ "kr"'
DATE_FORMAT = "yyyy-mm-dd"
MIN_WIDTH, MAX_WIDTH = 8, 60


def _sheet_title(title: str) -> str:
    """Excel refuses []:*?/\\ in sheet names and more than 31 characters."""
    cleaned = re.sub(r"[\[\]:*?/\\]", " ", title or "").strip().strip("'")
    return (cleaned or "Lista")[:31]


def _money(ore: Any) -> int | float | None:
    if ore is None or ore == "":
        return None
    if isinstance(ore, bool) or not isinstance(ore, int):
        raise TypeError(f"Belopp ska vara heltal öre, inte {type(ore).__name__}: {ore!r}")
    # Whole kronor stay integers (exact); öre become the nearest binary number, which Excel needs anyway.
    return ore // ORE_PER_KR if ore % ORE_PER_KR == 0 else ore / ORE_PER_KR


def _date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return date.fromisoformat(value)
    raise TypeError(f"Datum ska vara date eller ISO-text, inte {type(value).__name__}: {value!r}")


def _display_width(value: Any, money: bool, is_date: bool) -> int:
    if value is None:
        return 0
    if is_date:
        return 10
    if money:
        return len(f"{value:,.0f}") + 3
    return max((len(line) for line in str(value).splitlines()), default=0)


def write_table_xlsx(headers: list[str], rows: list[list[Any]], money_columns: set[int] | None = None,
                     date_columns: set[int] | None = None, sheet_title: str = "Lista") -> bytes:
    """A one-sheet workbook as bytes.

    `money_columns` hold integer öre and are written as numbers in kronor with the format
    `# ##0 kr`; `date_columns` hold dates (or ISO text) written as real dates `yyyy-mm-dd`.
    Column indexes are 0-based. None is an empty cell.
    """
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    money_columns = set(money_columns or ())
    date_columns = set(date_columns or ())
    wb, ws = new_workbook()
    ws.title = _sheet_title(sheet_title)

    widths = [len(str(h)) + 2 for h in headers]
    ws.append([str(h) for h in headers])
    bold = Font(bold=True)
    for cell in ws[1]:
        cell.font = bold
        cell.alignment = Alignment(vertical="top")

    for row_index, row in enumerate(rows, start=2):
        if len(row) > len(headers):
            raise ValueError(f"Rad {row_index - 1} har {len(row)} värden men listan har {len(headers)} kolumner.")
        for col_index, value in enumerate(row):
            is_money, is_date = col_index in money_columns, col_index in date_columns
            if is_money:
                value = _money(value)
            elif is_date:
                value = _date(value)
            elif value is not None and not isinstance(value, (str, int, float)):
                value = str(value)
            cell = ws.cell(row=row_index, column=col_index + 1, value=value)
            if is_money and value is not None:
                cell.number_format = MONEY_FORMAT if isinstance(value, int) else MONEY_FORMAT_DECIMALS
            elif is_date and value is not None:
                cell.number_format = DATE_FORMAT
            widths[col_index] = max(widths[col_index], _display_width(value, is_money, is_date))

    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(MAX_WIDTH, max(MIN_WIDTH, width + 2))
    ws.freeze_panes = "A2"
    if headers:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, len(rows) + 1)}"

    return save_workbook(wb)
