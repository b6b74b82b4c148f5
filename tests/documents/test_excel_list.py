"""Excel lists: read back with openpyxl, numbers are numbers in kr and dates are dates."""
import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from finsamdesk.documents.excel_list import write_table_xlsx


def read(data: bytes):
    return load_workbook(io.BytesIO(data)).active


def test_money_dates_header_filter_and_widths():
    rows = [["2022-001", "Språnget – en väg", 113_000_000, date(2022, 1, 1), "Beviljad"],
            ["2022-002", "Åberg", 12_345, "2022-02-28", None],
            ["2022-003", "Tom", None, None, "Utkast"]]
    data = write_table_xlsx(["Dnr", "Namn", "Sökt", "Start", "Status"], rows, {2}, {3}, "Ansökningar: 2022/23")
    ws = read(data)
    assert ws.title == "Ansökningar  2022 23"
    assert [c.value for c in ws[1]] == ["Dnr", "Namn", "Sökt", "Start", "Status"]
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:E4"
    money = ws["C2"]
    assert money.value == 1_130_000 and isinstance(money.value, int)
    assert "kr" in money.number_format and "#,##0" in money.number_format
    assert ws["C3"].value == pytest.approx(123.45) and "kr" in ws["C3"].number_format
    assert ws["C4"].value is None
    assert isinstance(ws["D2"].value, datetime) and ws["D2"].value.date() == date(2022, 1, 1)
    assert ws["D3"].value.date() == date(2022, 2, 28)
    assert ws["D2"].number_format == "yyyy-mm-dd"
    assert ws["B2"].value == "Språnget – en väg"
    assert ws.column_dimensions["B"].width >= len("Språnget – en väg")
    assert 8 <= ws.column_dimensions["A"].width <= 60


def test_floats_are_refused_as_money():
    with pytest.raises(TypeError):
        write_table_xlsx(["Belopp"], [[1.5]], {0}, set(), "x")


def test_empty_list_still_has_header():
    ws = read(write_table_xlsx(["A", "B"], [], set(), set(), ""))
    assert [c.value for c in ws[1]] == ["A", "B"] and ws.max_row == 1 and ws.title == "Lista"
