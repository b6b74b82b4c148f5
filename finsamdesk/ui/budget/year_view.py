"""One budget year on screen: the sheet (budget, prognos, utfall side by side), the settings of the year and the
medlemsbidrag split. Edits come out as a whole new BudgetYear (signal `edited`); the page saves it.

An amount or key that cannot be read stays where it was typed, red with the reason (ui/refused_cells.py), through the
refill after other edits are saved, until it is corrected or emptied; `refused()` says so (the page is not saved)."""
from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.budget import (
    COLUMN_LABELS,
    COLUMNS,
    LINE_LABELS,
    BudgetYear,
    KommunKey,
    Sheet,
)
from ...domain.money import AmountError, format_kr, group_thousands, parse_amount
from ..refused_cells import REFUSED_BG, REFUSED_FG, RefusedCells
from ..widgets import MessageLabel, cell_text, item

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableWidgetItem

SETTINGS = (("insats_frame", "Ram för insatser"), ("opening_equity", "Eget kapital vid årets början"),
            ("equity_ceiling", "Tak för eget kapital"))


class YearView(QWidget):
    """Public: show_year(budget_year, sheet, contributions), sheet_table, split_table, settings (dict of line
    edits), warnings, message; signal edited(BudgetYear)."""

    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year: BudgetYear | None = None
        self._filling = False
        self._row_keys: list[str] = []
        self.sheet_table = QTableWidget(0, 4)
        self.split_table = QTableWidget(0, 4)
        self.sheet_table.setHorizontalHeaderLabels([self.tr("Post"), *(self.tr(COLUMN_LABELS[c]) for c in COLUMNS)])
        self.sheet_table.verticalHeader().hide()
        self.sheet_table.setWordWrap(False)
        self.sheet_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            self.sheet_table.setColumnWidth(column, 112)
        self.sheet_table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.sheet_table.itemChanged.connect(self._sheet_changed)
        self.refused_sheet: RefusedCells[tuple[str, str]] = RefusedCells(self.sheet_table, self._sheet_cell)
        self.refused_keys: RefusedCells[str] = RefusedCells(self.split_table, self._key_cell)  # by kommun name
        self.refused_settings: dict[str, tuple[str, str]] = {}  # setting → (typed text, why)
        self.settings = {key: QLineEdit() for key, _ in SETTINGS}
        self.settings["opening_equity"].setPlaceholderText(self.tr("tomt = förra årets utgående"))
        self.settings["equity_ceiling"].setPlaceholderText(self.tr("tomt = inget tak"))
        self.settings["insats_frame"].setPlaceholderText(self.tr("tomt = ingen ram"))
        self.names = {"state_name": QLineEdit(), "region_name": QLineEdit()}
        form = QFormLayout()
        for key, label in SETTINGS:
            form.addRow(self.tr(label), self.settings[key])
            self.settings[key].editingFinished.connect(self._settings_changed)
        form.addRow(self.tr("Statens andel betalas av"), self.names["state_name"])
        form.addRow(self.tr("Regionen"), self.names["region_name"])
        for widget in self.names.values():
            widget.editingFinished.connect(self._settings_changed)
        self.split_table.setHorizontalHeaderLabels([self.tr("Betalare"), self.tr("Fördelningsnyckel"),
                                                    self.tr("Andel"), self.tr("Medlemsbidrag")])
        self.split_table.verticalHeader().hide()
        self.split_table.setWordWrap(False)
        self.split_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.split_table.itemChanged.connect(self._split_changed)
        self.add_kommun = QPushButton(self.tr("Lägg till kommun"))
        self.remove_kommun = QPushButton(self.tr("Ta bort markerad kommun"))
        self.add_kommun.clicked.connect(self._add_kommun)
        self.remove_kommun.clicked.connect(self._remove_kommun)
        self.warnings = MessageLabel()
        self.message = MessageLabel()
        right = QVBoxLayout()
        right.addLayout(form)
        split_label = QLabel(self.tr("<b>Medlemsbidrag</b> – staten 50 %, regionen 25 %, kommunerna 25 % "
                                     "fördelat efter nyckeln (t.ex. folkmängd)"))
        split_label.setWordWrap(True)  # unwrapped, it held the right side wide and crushed the Post column
        right.addWidget(split_label)
        right.addWidget(self.split_table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_kommun)
        buttons.addWidget(self.remove_kommun)
        buttons.addStretch(1)
        right.addLayout(buttons)
        left = QVBoxLayout()
        left.addWidget(self.sheet_table, 1)
        left.addWidget(self.message)
        left.addWidget(self.warnings)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)

    def refused(self) -> str:
        """Every reason a typed text is kept unread, one a line; empty when all is saved as typed."""
        settings = [why for _typed, why in self.refused_settings.values()]
        return "\n".join(m for m in (self.refused_sheet.message(), *settings, self.refused_keys.message()) if m)

    def show_refused(self) -> None:
        self.message.show_error(self.refused())

    def show_year(self, b: BudgetYear, sheet: Sheet, contributions: list[tuple[str, int, str]]) -> None:
        if self.year is None or self.year.year != b.year:
            self.refused_sheet.reset()
            self.refused_keys.reset()
            self.refused_settings.clear()
        self.year = copy.deepcopy(b)
        self._filling = True
        self.sheet_table.setRowCount(len(sheet.rows))
        self._row_keys = [r.key for r in sheet.rows]
        for row, r in enumerate(sheet.rows):
            bold = r.kind != "line"
            label = item(self.tr(r.label), editable=False, bold=bold)
            label.setToolTip(label.text())
            self.sheet_table.setItem(row, 0, label)
            for column, value in enumerate(r.values, start=1):
                editable = r.key in LINE_LABELS
                shown = b.get(r.key, COLUMNS[column - 1]) if editable else value
                cell = item(format_kr(shown) if r.kind != "heading" else "", align_right=True,
                            editable=editable, bold=bold)
                if editable and column == 2 and b.get(r.key, "prognos") is None and value is not None:
                    cell.setText(format_kr(value))
                    cell.setForeground(QColor("#777777"))
                    cell.setToolTip(self.tr("Tomt: samma som budget (%s)") % format_kr(value))
                if not editable and r.kind != "heading":
                    cell.setToolTip(self.tr("Räknas fram"))
                self.sheet_table.setItem(row, column, cell)
        for key, _ in SETTINGS:
            self.settings[key].setText(format_kr(getattr(b, key)) if getattr(b, key) is not None else "")
        self.names["state_name"].setText(b.state_name)
        self.names["region_name"].setText(b.region_name)
        self.split_table.setRowCount(len(contributions) + 1)
        for row, (payer, amount, share) in enumerate(contributions):
            is_kommun = row >= 2 and bool(b.kommuner)
            weight = group_thousands(b.kommuner[row - 2].weight) if is_kommun else ""
            payer_cell = item(payer, editable=is_kommun)
            payer_cell.setToolTip(payer)
            self.split_table.setItem(row, 0, payer_cell)
            self.split_table.setItem(row, 1, item(weight, align_right=True, editable=is_kommun))
            self.split_table.setItem(row, 2, item(share, align_right=True, editable=False))
            self.split_table.setItem(row, 3, item(format_kr(amount), align_right=True, editable=False))
        total = len(contributions)
        for column, text in enumerate((self.tr("Summa"), "", "100 %", format_kr(sum(a for _, a, _ in contributions)))):
            self.split_table.setItem(total, column, item(text, align_right=column > 0, editable=False, bold=True))
        self.refused_sheet.repaint()
        self.refused_keys.repaint()
        for key in self.settings:
            self._paint_setting(key)
        self._fit_columns()
        self._filling = False
        if self.refused():
            self.show_refused()
        self.warnings.show_warning("\n".join(sheet.warnings))

    def _fit_columns(self) -> None:
        """The sheet is never narrower than its longest Post and its amounts (the right side yields); the split
        table's numbers are as wide as they need, the payer's name (its tooltip in full) takes the rest."""
        sheet = self.sheet_table
        post = max((sheet.sizeHintForColumn(0), sheet.horizontalHeader().sectionSizeHint(0)), default=0)
        amounts = sum(sheet.columnWidth(c) for c in (1, 2, 3))
        sheet.setMinimumWidth(post + amounts + 2 * sheet.frameWidth() + sheet.verticalScrollBar().sizeHint().width())
        for column in (1, 2, 3):
            self.split_table.resizeColumnToContents(column)

    def _sheet_cell(self, key: tuple[str, str]) -> QTableWidgetItem | None:
        line, column = key
        if line not in self._row_keys:
            return None
        return self.sheet_table.item(self._row_keys.index(line), COLUMNS.index(column) + 1)

    def _key_cell(self, name: str) -> QTableWidgetItem | None:
        rows = range(2, self.split_table.rowCount() - 1) if self.year is not None and self.year.kommuner else ()
        row = next((r for r in rows if cell_text(self.split_table, r, 0) == name), None)
        return self.split_table.item(row, 1) if row is not None else None

    def _paint_setting(self, key: str) -> None:
        field, kept = self.settings[key], self.refused_settings.get(key)
        if kept is None:
            field.setStyleSheet("")
            field.setToolTip("")
            return
        field.setText(kept[0])
        field.setStyleSheet(f"QLineEdit {{ color: {REFUSED_FG.name()}; background: {REFUSED_BG.name()}; }}")
        field.setToolTip(kept[1])

    def _emit(self, b: BudgetYear) -> None:
        self.message.clear_message()
        self.edited.emit(b)

    def _sheet_changed(self, changed: QTableWidgetItem) -> None:
        if self._filling or self.year is None or changed.column() == 0:
            return
        line, column = self._row_keys[changed.row()], COLUMNS[changed.column() - 1]
        try:
            amount = parse_amount(changed.text())
        except AmountError as exc:
            why = self.tr("%s, %s: %s") % (self.tr(LINE_LABELS.get(line, line)), self.tr(COLUMN_LABELS[column]), exc)
            self.refused_sheet.mark((line, column), changed.text(), why)
            self.show_refused()
            return
        if self.refused_sheet.clear((line, column)):
            self.show_refused()
        b = copy.deepcopy(self.year)
        if amount is None:
            b.cells.pop((line, column), None)
        else:
            b.cells[(line, column)] = amount
        if b.cells != self.year.cells:
            self._emit(b)

    def _settings_changed(self) -> None:
        if self.year is None:
            return
        b = copy.deepcopy(self.year)
        for key, label in SETTINGS:
            text = self.settings[key].text()
            try:
                setattr(b, key, parse_amount(text))  # a text that cannot be read keeps what is stored
            except AmountError as exc:
                self.refused_settings[key] = (text, f"{self.tr(label)}: {exc}")
            else:
                self.refused_settings.pop(key, None)
            self._paint_setting(key)
        self.show_refused()
        b.state_name = self.names["state_name"].text().strip() or self.year.state_name
        b.region_name = self.names["region_name"].text().strip() or self.year.region_name
        if b != self.year:
            self._emit(b)

    def _split_changed(self, changed: QTableWidgetItem) -> None:
        if self._filling or self.year is None or changed.row() < 2 or not self.year.kommuner:
            return
        b = copy.deepcopy(self.year)
        k = b.kommuner[changed.row() - 2]
        if changed.column() == 0:
            k.name = changed.text().strip()
        elif changed.column() == 1:
            text = "".join(changed.text().split())  # 31 250 as shown, with any kind of space
            if not text.isdigit():
                why = self.tr("Rad %d (%s): fördelningsnyckeln ska vara ett heltal, t.ex. folkmängden.")
                self.refused_keys.mark(k.name, changed.text(), why % (changed.row() + 1, k.name))
                self.show_refused()
                return
            if self.refused_keys.clear(k.name):
                self.show_refused()
            k.weight = int(text)
        if b != self.year:
            self._emit(b)

    def _add_kommun(self) -> None:
        if self.year is not None:
            b = copy.deepcopy(self.year)
            b.kommuner.append(KommunKey(self.tr("Ny kommun"), 1))
            self._emit(b)

    def _remove_kommun(self) -> None:
        row = self.split_table.currentRow()
        if self.year is None or row < 2 or row - 2 >= len(self.year.kommuner):
            self.message.show_error(self.tr("Markera en kommun i tabellen först."))
            return
        b = copy.deepcopy(self.year)
        del b.kommuner[row - 2]
        self._emit(b)
