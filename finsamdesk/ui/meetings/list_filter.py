"""The meetings list's filter: a search (date, kind, place, the agenda's titles) and a year, over the page's list."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit

from ...domain.text import count as counted
from ...services import meetings as service
from ..widgets import refill

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableView

    from ..rows_model import RowsModel


class MeetingsFilter(QObject):
    """Public: search (the page's Ctrl+F box), year, count, bar (the layout to place above the list),
    set_rows(rows) (every meeting), apply(), show_all(); the list keeps the row `keep()` selected."""

    def __init__(self, model: RowsModel, table: QTableView, keep: Callable[[], int | None]) -> None:
        super().__init__(table)
        self.model, self.table, self.keep = model, table, keep
        self.rows: list[Any] = []  # MeetingRow
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök datum, slag, plats eller punkt på dagordningen (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.year, self.count = QComboBox(), QLabel()
        self.bar = QHBoxLayout()
        for widget in (self.search, self.year, self.count):
            self.bar.addWidget(widget, 1 if widget is self.search else 0)
        self.search.textChanged.connect(lambda: self.apply())
        self.year.currentIndexChanged.connect(lambda: self.apply())

    def set_rows(self, rows: list[Any]) -> None:
        self.rows = rows
        refill(self.year, [(self.tr("Alla år"), None), *((str(y), y) for y in service.years(rows))],
               self.year.currentData())
        self.apply()

    def apply(self) -> None:
        """The meetings of the chosen year that match the search; the meeting being edited stays selected."""
        shown = service.filter_rows(self.rows, service.RowFilter(self.search.text(), self.year.currentData()))
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows(shown)
        row = self.model.row_of(self.keep())
        if row >= 0:
            self.table.selectRow(row)
        self.table.selectionModel().blockSignals(False)
        self.count.setText(self.tr("%d av %s") % (len(shown), counted(len(self.rows), self.tr("möte"),
                                                                      self.tr("möten"))))

    def show_all(self) -> None:
        self.search.clear()
        self.year.setCurrentIndex(0)
