"""An editable table over a list of the ESF parts' rows (actors, delprojekt, risks, funding, phases, budget lines):
one column per field, typed as people write it (`1 130 000`, `2020-09`), a bad cell refused with its row number."""
from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPushButton, QWidget

from ....domain.dates import add_months, iso
from ....domain.money import AmountError, format_amount, parse_amount
from ..row_tables import RowTable


@dataclass(frozen=True)
class Field:
    """A column: the row's attribute, its header and how it is written: text | count | money | month | choice."""

    name: str
    header: str
    kind: str = "text"
    choices: tuple[tuple[str, str], ...] = ()  # choice: (value, label)
    width: int = 0  # 0: share the table's width


def _month(d: date | None) -> str:
    return d.strftime("%Y-%m") if d else ""


def parse_month(text: str, end: bool) -> date | None:
    """`2020-09` or `202009` → the month's first day (or, `end`, its last); ValueError in Swedish otherwise."""
    digits = text.replace("-", "").replace(" ", "")
    if not digits:
        return None
    if len(digits) != 6 or not digits.isdigit() or not 1 <= int(digits[4:]) <= 12:
        raise ValueError(f"”{text}” är ingen månad. Skriv t.ex. 2020-09.")
    first = date(int(digits[:4]), int(digits[4:]), 1)
    return add_months(first, 1) - timedelta(days=1) if end else first


def cell_text(field: Field, value: Any) -> str:
    if field.kind == "money":
        return format_amount(value, "kr", with_unit=False, sep=" ") if value is not None else ""
    if field.kind == "month":
        return _month(value) if value is not None else ""
    if field.kind == "date":
        return iso(value)
    if field.kind == "choice":
        return dict(field.choices).get(value, value or "")
    if field.kind == "percent":
        return "" if value is None else f"{value / 100:g}".replace(".", ",")
    return "" if value is None else str(value)


def cell_value(field: Field, text: str) -> Any:
    """The typed value of a cell; ValueError with a Swedish message when it cannot be read."""
    if field.kind == "count":
        if not text:
            return None
        if not text.replace(" ", "").isdigit():
            raise ValueError(f"”{text}” är inget heltal.")
        return int(text.replace(" ", ""))
    if field.kind == "money":
        try:
            return parse_amount(text, "kr")
        except AmountError as exc:
            raise ValueError(str(exc)) from exc
    if field.kind == "month":
        return parse_month(text, end=field.name == "end")
    if field.kind == "percent":
        try:
            value = round(float(text.replace("%", "").replace(",", ".").strip() or "0") * 100)
        except ValueError:
            raise ValueError(f"”{text}” är ingen procentsats. Skriv t.ex. 15 eller 15,5.") from None
        if not 0 <= value <= 10_000:
            raise ValueError("procentsatsen ska vara mellan 0 och 100.")
        return value
    if field.kind == "choice":
        for choice, label in field.choices:
            if text in (choice, label) or text.lower() == label.lower():
                return choice
        raise ValueError(f"välj en av {', '.join(label for _, label in field.choices)}.")
    return text


class PartTable(RowTable[Any]):
    """Rows of one type; `make_row()` gives a new one; `changed(rows)` for the editor to make undoable."""

    def __init__(self, fields: tuple[Field, ...], make_row: Callable[[], Any], parent: QWidget | None = None,
                 readonly: Callable[[Any, Field], bool] | None = None):
        self.fields = fields
        self.headers = tuple(f.header for f in fields)
        super().__init__(parent)
        self._make_row = make_row
        self._readonly = readonly
        header = self.table.horizontalHeader()
        for i, f in enumerate(fields):
            if f.width:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
                self.table.setColumnWidth(i, f.width)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.up_button = QPushButton(self.tr("Flytta upp"))
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.buttons.insertWidget(2, self.up_button)

    def cells(self, row: Any) -> list[str]:
        return [cell_text(f, getattr(row, f.name)) for f in self.fields]

    def set_rows(self, rows: list[Any]) -> None:
        super().set_rows(rows)
        if self._readonly is None:
            return
        self._filling = True  # a changed flag is a changed item to Qt: not an edit
        for r, row in enumerate(self._rows):
            for c, f in enumerate(self.fields):
                if self._readonly(row, f):
                    cell = self.table.item(r, c)
                    if cell is not None:
                        cell.setFlags(cell.flags() & ~cell.flags().ItemIsEditable)
        self._filling = False

    def with_cell(self, row: Any, column: int, text: str) -> Any:
        field = self.fields[column]
        if not hasattr(row, field.name):  # a computed column (Summa)
            return row
        return replace(row, **{field.name: cell_value(field, text)})

    def new_row(self) -> Any:
        return self._make_row()

    def _move(self, step: int) -> None:
        r = self.table.currentRow()
        if 0 <= r < len(self._rows) and 0 <= r + step < len(self._rows):
            rows = copy.deepcopy(self._rows)
            rows[r], rows[r + step] = rows[r + step], rows[r]
            self.changed.emit(rows)
            self.table.selectRow(r + step)
