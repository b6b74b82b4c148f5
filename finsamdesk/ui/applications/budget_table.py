"""The budget grid: the template's cost categories × (egen finansiering, each calendar year).

Cells take amounts as people type them; totals are computed from the Budget as you type. Text that is not an
amount stays in its cell, marked red with the reason, until it is corrected or undone (show_cell).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from ...domain.application import OWN, SOUGHT, Budget
from ...domain.forms import BudgetTable
from ...domain.money import AmountError, format_amount, parse_amount
from ..refused_cells import RefusedCells
from ..widgets import item

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

TOTAL_BG = QColor("#eef1f5")
CellKey = tuple[str, str, int]  # category, column, year (0 for the own column)


class BudgetGrid(QTableWidget):
    """Emits cell_edited(category, column, year, öre|None) for a valid entry, or rejected(category, column, year,
    typed text, message) for text that is not an amount; the owner marks it with mark_refused (through its undo
    stack), show_cell puts the stored value back. refusals_changed when the set of marked cells changes."""

    cell_edited = Signal(str, str, int, object)
    rejected = Signal(str, str, int, str, str)
    refusals_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spec: BudgetTable | None = None
        self._budget = Budget()
        self._columns: list[tuple[str, int]] = []
        self._filling = False
        self.refused: RefusedCells[CellKey] = RefusedCells(self, self._cell)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.cellChanged.connect(self._on_changed)

    def set_budget(self, spec: BudgetTable, budget: Budget) -> None:
        self._spec, self._budget = spec, budget
        self._columns = ([(OWN, 0)] if spec.own_column else []) + [(SOUGHT, y) for y in budget.years]
        headers = ([spec.own_column] if spec.own_column else []) + [
            spec.year_label.format(year=y) for y in budget.years] + [self.tr("Summa sökt")]
        self._filling = True
        self.clear()
        self.setColumnCount(len(headers))
        self.setRowCount(len(spec.categories) + 1)
        self.setHorizontalHeaderLabels(headers)
        self.setVerticalHeaderLabels(list(spec.categories) + [spec.total_label])
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for r, category in enumerate(spec.categories):
            for c, (column, year) in enumerate(self._columns):
                self.setItem(r, c, item(self._fmt(budget.get(category, column, year)), align_right=True))
        self._filling = False
        self.refused.repaint()  # kept across a change of years
        self.refresh_totals()
        self.resizeRowsToContents()
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(rows + self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth() + 2)

    def _fmt(self, ore: int | None) -> str:
        return format_amount(ore, self._spec.unit if self._spec else "kr")

    def refresh_totals(self) -> None:
        if not self._spec:
            return
        self._filling = True
        last_row = len(self._spec.categories)
        sum_col = len(self._columns)
        for r, category in enumerate(self._spec.categories):
            total = self._budget.row_total(category)
            cell = item(self._fmt(total), align_right=True, editable=False)
            cell.setBackground(TOTAL_BG)
            self.setItem(r, sum_col, cell)
        for c, (column, year) in enumerate(self._columns):
            cell = item(self._fmt(self._budget.column_total(column, year)), align_right=True, editable=False, bold=True)
            cell.setBackground(TOTAL_BG)
            self.setItem(last_row, c, cell)
        grand = item(self._fmt(self._budget.sought_total() if self._budget.years else None), align_right=True,
                     editable=False, bold=True)
        grand.setBackground(TOTAL_BG)
        self.setItem(last_row, sum_col, grand)
        self._filling = False

    def show_cell(self, category: str, column: str, year: int) -> None:
        """Put the stored value back into a cell (after an edit, undo, or undoing a refused entry)."""
        key = (category, column, 0 if column == OWN else year)
        refused = self.refused.clear(key)
        cell = self._cell(key)
        if cell is not None:
            self._filling = True
            cell.setText(self._fmt(self._budget.get(category, column, year)))
            self._filling = False
        self.refresh_totals()
        if refused:
            self.refusals_changed.emit()

    def mark_refused(self, category: str, column: str, year: int, typed: str, message: str) -> None:
        """Keep text that is not an amount in its cell, red, with the reason as its tooltip."""
        if self.refused.mark((category, column, 0 if column == OWN else year), typed, message):
            self.refusals_changed.emit()

    def refused_at(self, category: str, column: str, year: int) -> tuple[str, str] | None:
        """The text a cell keeps that is not an amount, and why (None when the cell shows the stored value)."""
        return self.refused.get((category, column, 0 if column == OWN else year))

    def refused_message(self) -> str:
        """Why each marked cell is not an amount, one line each ("" when none is)."""
        return self.refused.message()

    def _cell(self, key: CellKey) -> QTableWidgetItem | None:
        category, column, year = key
        if not self._spec or category not in self._spec.categories or (column, year) not in self._columns:
            return None
        return self.item(self._spec.categories.index(category), self._columns.index((column, year)))

    def _on_changed(self, row: int, col: int) -> None:
        if self._filling or not self._spec or row >= len(self._spec.categories) or col >= len(self._columns):
            return
        category = self._spec.categories[row]
        column, year = self._columns[col]
        cell, header = self.item(row, col), self.horizontalHeaderItem(col)
        text = cell.text() if cell is not None else ""
        where = f"{category}, {header.text() if header is not None else ''}"
        try:
            value = parse_amount(text, self._spec.unit)
        except AmountError as exc:
            self.rejected.emit(category, column, year, text, f"{where}: {exc}")
            return
        if value == self._budget.get(category, column, year):
            self.show_cell(category, column, year)
            return
        self.cell_edited.emit(category, column, year, value)
