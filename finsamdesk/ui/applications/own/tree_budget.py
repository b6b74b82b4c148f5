"""ESF 2014–2020: the Kostnader tree to type in — a row per line of each phase's costs, the regional fund and the
co-financing groups, the groups' totals computed as you type (Intäkter subtract)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from ....domain.esf import EsfResult
from ....domain.money import AmountError, format_amount, parse_amount
from ...refused_cells import RefusedCells
from ...widgets import MessageLabel, item
from ..undo import ShownCommand

if TYPE_CHECKING:
    from .host import OwnHost

GROUP_BG = QColor("#eef1f5")


class CostTreeTable(QTableWidget):
    """Column 0 the label, column 1 the amount; a group's row shows its computed total and cannot be typed in."""

    def __init__(self, editor: OwnHost, message: MessageLabel):
        super().__init__(0, 2)
        self.editor, self.message = editor, message
        self.tree = editor.form_template.cost_tree
        assert self.tree is not None
        self.setHorizontalHeaderLabels([editor.tr("Kostnader och medfinansiering"), editor.tr("Belopp (kr)")])
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setColumnWidth(1, 150)
        self.verticalHeader().hide()
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._cells: dict[int, tuple[str, str]] = {}  # table row → (group key, line label)
        self._groups: dict[str, int] = {}  # group key → its row
        self.refused: RefusedCells[tuple[str, str]] = RefusedCells(self, self._cell)  # amounts not understood
        editor.field_messages["esf_cost_tree"] = message
        editor.pending_input["esf_cost_tree"] = self.refused.message
        self._filling = True
        for g in self.tree.groups:
            if g.heading:
                self._row(g.heading, "", bold=True, editable=False)
            self._groups[g.key] = self._row(g.label, "", bold=True, editable=False)
            for line in g.lines:
                r = self._row(("    − " if line.sign < 0 else "    ") + line.label, "", editable=True)
                self._cells[r] = (g.key, line.label)
        self._filling = False
        self.setObjectName("cost_tree")
        self.cellChanged.connect(self._changed)

    def _row(self, label: str, amount: str, *, bold: bool = False, editable: bool = False) -> int:
        r = self.rowCount()
        self.insertRow(r)
        self.setItem(r, 0, item(label, editable=False, bold=bold))
        cell = item(amount, align_right=True, editable=editable, bold=bold)
        self.setItem(r, 1, cell)
        if bold:
            for c in range(2):
                cell_of = self.item(r, c)
                if cell_of is not None:
                    cell_of.setBackground(GROUP_BG)
        return r

    def _changed(self, row: int, column: int) -> None:
        if self._filling or column != 1 or row not in self._cells:
            return
        group, line = self._cells[row]
        cell = self.item(row, 1)
        text = cell.text() if cell is not None else ""
        try:
            value = parse_amount(text, "kr")
        except AmountError as exc:
            self._refuse((group, line), text, self.editor.tr("%s: %s") % (line, exc))
            return
        if self.refused.clear((group, line)):
            self.editor.show_pending()
        self.editor.edit(("esf_cell", group, line), value or None, text=self.editor.tr("Ändra %s") % line)

    def _refuse(self, key: tuple[str, str], typed: str, why: str) -> None:
        """The text stays in its cell, marked, until corrected or undone (Ctrl+Z)."""
        before = self.refused.get(key)

        def show(kept: tuple[str, str] | None) -> None:
            if kept is None:
                self.refused.clear(key)
                self.show_cells()
            else:
                self.refused.mark(key, *kept)
            self.editor.show_pending()

        self.editor.undo_stack.push(ShownCommand(self.editor.tr("Ändra %s") % key[1], lambda: show((typed, why)),
                                                 lambda: show(before)))

    def _cell(self, key: tuple[str, str]) -> QTableWidgetItem | None:
        row = next((r for r, k in self._cells.items() if k == key), None)
        return self.item(row, 1) if row is not None else None

    def show_cells(self) -> None:
        """The typed amounts as they are in the application (undo and opening call it)."""
        app = self.editor.app
        cells = app.esf.cost_cells if app and app.esf else {}
        self._filling = True
        for row, key in self._cells.items():
            self._set(row, format_amount(cells.get(key), "kr", with_unit=False, sep=" "))
        self.refused.repaint()
        self._filling = False

    def show_totals(self, result: EsfResult) -> None:
        if result.tree is None:
            return
        self._filling = True
        for key, row in self._groups.items():
            self._set(row, format_amount(result.tree.total(key), "kr", with_unit=False, sep=" "))
        self._filling = False

    def _set(self, row: int, text: str) -> None:
        cell = self.item(row, 1)
        if cell is not None and cell.text() != text:
            cell.setText(text)
            cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
