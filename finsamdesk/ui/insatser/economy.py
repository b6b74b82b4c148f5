"""Ekonomi: one calendar year of an insats — beviljat per cost category (editable), utfall from the invoices,
what is left, the year's prognos. Utfall above beviljat is a warning in plain sight. A beviljat that cannot be read
stays in its cell, marked red, until it is corrected or emptied; refreshing the tab (after any save) keeps it."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.insatser import DEFAULT_CATEGORIES, YearEconomy
from ...domain.money import AmountError, format_kr, parse_amount
from ..refused_cells import RefusedCells
from ..widgets import MessageLabel, cell_text, item

HEADERS = ("Kostnadskategori", "Beviljat", "Utfall", "Kvar")


class EconomyTab(QWidget):
    """Public: show_year(economy), table, prognos, warnings, message, add_category_button;
    signals granted_edited(dict category → öre), prognos_edited(öre | None)."""

    granted_edited = Signal(dict)
    prognos_edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.economy: YearEconomy | None = None
        self._whose: object = None  # the insats and year shown: marks are kept while it stays the same
        self._filling = False
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            self.table.setColumnWidth(column, 130)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.itemChanged.connect(self._cell_changed)
        self.refused: RefusedCells[str] = RefusedCells(self.table, self._granted_cell)  # by category
        self.add_category_button = QPushButton(self.tr("Lägg till kategori"))
        self.add_category_button.clicked.connect(self._add_category)
        self.prognos = QLineEdit()
        self.prognos.setPlaceholderText(self.tr("tomt = som beviljat"))
        self.prognos.editingFinished.connect(self._prognos_finished)
        self.prognos_message = MessageLabel()
        self.message = MessageLabel()
        self.warnings = MessageLabel()
        form = QFormLayout()
        row = QVBoxLayout()
        row.addWidget(self.prognos)
        row.addWidget(self.prognos_message)
        form.addRow(self.tr("Prognos för året (utfall vid årets slut)"), row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_category_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.warnings)
        layout.addLayout(form)

    def show_year(self, economy: YearEconomy, whose: object = None) -> None:
        """Show a year; `whose` names the insats and year, marks of cells that cannot be read are kept while it
        stays the same."""
        if whose != self._whose:
            self.refused.reset()
        self.economy, self._whose = economy, whose
        self._filling = True
        categories = economy.categories or list(DEFAULT_CATEGORIES)
        self.table.setRowCount(len(categories) + 1)
        for row, category in enumerate(categories):
            spent, left = economy.spent.get(category, 0), economy.remaining_in(category)
            self.table.setItem(row, 0, item(category, editable=category not in economy.spent))
            self.table.setItem(row, 1, item(format_kr(economy.granted.get(category)), align_right=True))
            self.table.setItem(row, 2, item(format_kr(spent), align_right=True, editable=False))
            over = item(format_kr(left), align_right=True, editable=False)
            if left < 0:
                over.setForeground(QColor("#b3261e"))
            self.table.setItem(row, 3, over)
        total = len(categories)
        for column, value in enumerate((self.tr("Summa"), format_kr(economy.granted_total),
                                        format_kr(economy.spent_total), format_kr(economy.remaining))):
            self.table.setItem(total, column, item(value, align_right=column > 0, editable=False, bold=True))
        self._filling = False
        self.prognos.setText(format_kr(economy.prognos) if economy.prognos is not None else "")
        self.prognos_message.clear_message()
        self.refused.repaint()
        self.message.show_error(self.refused.message())
        self.warnings.show_warning("\n".join(economy.warnings()))

    def _granted_cell(self, category: str) -> QTableWidgetItem | None:
        row = next((r for r in range(self.table.rowCount() - 1) if cell_text(self.table, r, 0).strip() == category),
                   None)
        return self.table.item(row, 1) if row is not None else None

    def read_granted(self) -> dict[str, int] | None:
        """Category → öre from the table; None (and the row's message) when a row has no name. A cell that cannot
        be read is marked and counts as what is stored, so the other rows can still be saved."""
        out: dict[str, int] = {}
        stored = self.economy.granted if self.economy is not None else {}
        for row in range(self.table.rowCount() - 1):
            name, text = cell_text(self.table, row, 0).strip(), cell_text(self.table, row, 1)
            try:
                amount = parse_amount(text)
            except AmountError as exc:
                self.refused.mark(name, text, self.tr("Rad %d (%s): %s") % (row + 1, name or self.tr("utan namn"), exc))
                amount = stored.get(name)
            else:
                self.refused.clear(name)
            if amount and not name:
                self.message.show_error(self.tr("Rad %d: kategorin behöver ett namn.") % (row + 1))
                return None
            if name and amount:
                out[name] = out.get(name, 0) + amount
        return out

    def _cell_changed(self, changed: QTableWidgetItem) -> None:
        if self._filling or changed.column() > 1:
            return
        granted = self.read_granted()
        if granted is not None:
            self.message.show_error(self.refused.message())
        if granted is not None and self.economy is not None and granted != self.economy.granted:
            self.granted_edited.emit(granted)

    def _add_category(self) -> None:
        self._filling = True
        row = self.table.rowCount() - 1
        self.table.insertRow(row)
        self.table.setItem(row, 0, item(""))
        self.table.setItem(row, 1, item("", align_right=True))
        self.table.setItem(row, 2, item("", editable=False))
        self.table.setItem(row, 3, item("", editable=False))
        self._filling = False
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0) or item(""))

    def _prognos_finished(self) -> None:
        try:
            value = parse_amount(self.prognos.text())
        except AmountError as exc:
            self.prognos_message.show_error(str(exc))
            return
        self.prognos_message.clear_message()
        if self.economy is not None and value != self.economy.prognos:
            self.prognos_edited.emit(value)
