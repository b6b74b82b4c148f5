"""A totals row under a list: one bold line in the list's own columns, for what the list shows (its filter).

It follows the list: a column resized (by hand or by ColumnFit) is resized here too, and it scrolls sideways
with it. The label ("Summa, 6 av 12 ansökningar") spans the columns before the first total.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QTableWidget, QVBoxLayout, QWidget

from .widgets import item


class TotalsRow(QTableWidget):
    """Public: show_totals(label, {column: text}), text(column) (what a column's total reads)."""

    def __init__(self, view: QTableView, parent: QWidget | None = None) -> None:
        super().__init__(1, view.model().columnCount(), parent)
        self.setObjectName("totals")
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(False)
        self.setShowGrid(False)
        height = view.verticalHeader().defaultSectionSize()
        self.verticalHeader().setDefaultSectionSize(height)
        self.setFixedHeight(height + 2 * self.frameWidth())
        for column in range(self.columnCount()):
            self.setColumnWidth(column, view.columnWidth(column))
        view.horizontalHeader().sectionResized.connect(lambda column, _old, new: self.setColumnWidth(column, new))
        view.horizontalScrollBar().valueChanged.connect(self.horizontalScrollBar().setValue)

    def show_totals(self, label: str, totals: dict[int, str]) -> None:
        first = min(totals, default=self.columnCount())
        self.clearSpans()
        if first > 1:
            self.setSpan(0, 0, 1, first)
        for column in range(self.columnCount()):
            text = label if column == 0 else totals.get(column, "")
            self.setItem(0, column, item(text, align_right=column > 0, editable=False, bold=True))
        self.item(0, 0).setToolTip(label)

    def text(self, column: int) -> str:
        cell = self.item(0, column)
        return cell.text() if cell is not None else ""


def with_totals(view: QTableView, totals: TotalsRow) -> QVBoxLayout:
    """The list with its totals row right under it (no gap between them)."""
    layout = QVBoxLayout()
    layout.setSpacing(0)
    layout.addWidget(view, 1)
    layout.addWidget(totals)
    return layout
