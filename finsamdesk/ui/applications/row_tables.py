"""Editable row tables of the application: contacts per role, tidplan phases, applicants.

Each table shows a list and emits `changed(new_list)`; the editor turns that into an undoable edit. Text that
cannot be read (a date as "trettiotusen") stays in its cell, red with the reason, until it is corrected or undone;
`keep_refused` tells the editor, so it counts as not saved.
"""
from __future__ import annotations

import copy
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.application import APPLICANT_ROLES, Applicant, ContactRow, Phase
from ...domain.dates import DateError, iso, parse_date
from ...domain.registers import Organisation
from ..picker import PickDialog, pick
from ..refused_cells import RefusedCells
from ..widgets import MessageLabel, cell_text, item
from .undo import ShownCommand

if TYPE_CHECKING:
    from .editor_host import EditorHost

T = TypeVar("T", ContactRow, Phase, Applicant)


class RowTable(QWidget, Generic[T]):
    changed = Signal(object)  # the whole new list

    headers: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self._filling = False
        self.table = QTableWidget(0, len(self.headers))
        self.table.setHorizontalHeaderLabels(list(self.headers))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.cellChanged.connect(self._on_cell)
        self.refused: RefusedCells[tuple[int, int]] = RefusedCells(self.table, lambda key: self.table.item(*key))
        self.editor: EditorHost | None = None  # set by keep_refused: the refusal is an undo step, counts unsaved
        self.message = MessageLabel()
        self.buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Lägg till rad"))
        self.remove_button = QPushButton(self.tr("Ta bort rad"))
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.remove_button)
        self.buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addLayout(self.buttons)

    def set_rows(self, rows: list[T]) -> None:
        self._rows = copy.deepcopy(rows)
        self._filling = True
        self.table.setRowCount(len(self._rows))
        for r, row in enumerate(self._rows):
            for c, text in enumerate(self.cells(row)):
                self.table.setItem(r, c, item(text))
        self.refused.repaint()
        self._filling = False
        self.table.setFixedHeight(min(320, 32 + 30 * max(2, len(self._rows))))

    def cells(self, row: T) -> list[str]:
        raise NotImplementedError

    def with_cell(self, row: T, column: int, text: str) -> T:
        """The row with one cell changed; raise ValueError with a Swedish message if the text is bad."""
        raise NotImplementedError

    def new_row(self) -> T | None:
        raise NotImplementedError

    def _on_cell(self, r: int, c: int) -> None:
        if self._filling or r >= len(self._rows):
            return
        try:
            updated = self.with_cell(self._rows[r], c, cell_text(self.table, r, c).strip())
        except ValueError as exc:
            self._refuse((r, c), cell_text(self.table, r, c), f"Rad {r + 1}, {self.headers[c]}: {exc}")
            return
        if self.refused.clear((r, c)):
            self._show_refused()
        rows = copy.deepcopy(self._rows)
        rows[r] = updated
        self.changed.emit(rows)

    def _refuse(self, key: tuple[int, int], typed: str, why: str) -> None:
        before = self.refused.get(key)

        def show(kept: tuple[str, str] | None) -> None:
            if kept is None:
                self.refused.clear(key)
                self.set_rows(self._rows)
            else:
                self.refused.mark(key, *kept)
            self._show_refused()

        if self.editor is None:
            show((typed, why))
        else:
            self.editor.undo_stack.push(ShownCommand(self.tr("Ändra %s") % self.headers[key[1]],
                                                     lambda: show((typed, why)), lambda: show(before)))

    def _show_refused(self) -> None:
        if self.editor is not None:
            self.editor.show_pending()
        else:
            self.message.show_error(self.refused.message())

    def _add(self) -> None:
        row = self.new_row()
        if row is not None:
            self.changed.emit(copy.deepcopy(self._rows) + [row])

    def _remove(self) -> None:
        r = self.table.currentRow()
        if 0 <= r < len(self._rows):
            rows = copy.deepcopy(self._rows)
            del rows[r]
            self.refused.reset()  # kept by row number: the rows below move up
            self._show_refused()
            self.changed.emit(rows)


class ContactsTableWidget(RowTable[ContactRow]):
    """Contacts of one role; rows can be fetched from the register."""

    headers: tuple[str, ...] = ("Namn", "Organisation", "Telefon", "E-post")
    from_register = Signal(str)  # role
    to_register = Signal(str, int)  # role, row

    def __init__(self, role: str, headers: tuple[str, ...] = (), parent: QWidget | None = None) -> None:
        if headers:
            self.headers = tuple(headers)
        super().__init__(parent)
        self.role = role
        self.pick_button = QPushButton(self.tr("Hämta från registret…"))
        self.pick_button.clicked.connect(lambda: self.from_register.emit(self.role))
        self.buttons.insertWidget(2, self.pick_button)
        self.save_button = QPushButton(self.tr("Spara i registret"))
        self.save_button.setToolTip(self.tr("Lägg den markerade raden i kontaktregistret så att den kan återanvändas"))
        self.save_button.clicked.connect(lambda: self.to_register.emit(self.role, self.table.currentRow()))
        self.buttons.insertWidget(3, self.save_button)

    def cells(self, row: ContactRow) -> list[str]:
        return [row.name, row.organisation, row.phone, row.email]

    def with_cell(self, row: ContactRow, column: int, text: str) -> ContactRow:
        if column == 0:
            return replace(row, name=text)
        if column == 1:
            return replace(row, organisation=text)
        if column == 2:
            return replace(row, phone=text)
        if text and "@" not in text:
            raise ValueError("e-postadressen ser inte riktig ut.")
        return replace(row, email=text.lower())

    def new_row(self) -> ContactRow:
        return ContactRow(self.role)


class PhasesTableWidget(RowTable[Phase]):
    headers = ("Fas", "Från", "Till")

    def cells(self, row: Phase) -> list[str]:
        return [row.name, iso(row.start), iso(row.end)]

    def with_cell(self, row: Phase, column: int, text: str) -> Phase:
        if column == 0:
            return replace(row, name=text)
        try:
            value = parse_date(text)
        except DateError as exc:
            raise ValueError(str(exc)) from exc
        return replace(row, start=value) if column == 1 else replace(row, end=value)

    def new_row(self) -> Phase:
        return Phase(self.tr("Ny fas"))


class ApplicantsTableWidget(RowTable[Applicant]):
    """The applying parter (organisations from the register) with their roles."""

    headers = ("Part", "Roll")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.organisations: list[Organisation] = []
        self.add_button.setText(self.tr("Lägg till part…"))
        self.remove_button.setText(self.tr("Ta bort part"))

    def cells(self, row: Applicant) -> list[str]:
        return [row.name, APPLICANT_ROLES.get(row.role, row.role)]

    def set_rows(self, rows: list[Applicant]) -> None:
        super().set_rows(rows)
        for r in range(self.table.rowCount()):
            for c in range(2):
                cell = self.table.item(r, c)
                if cell is not None:
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)

    def with_cell(self, row: Applicant, column: int, text: str) -> Applicant:
        return row

    def new_row(self) -> Applicant | None:
        if not self.organisations:
            self.message.show_warning(self.tr("Registret har inga organisationer; lägg till dem under Organisationer."))
            return None
        dialog = PickDialog(self, self.tr("Lägg till sökande part"), self.tr("Organisation ur registret:"),
                            [org.name for org in self.organisations])
        role_box = QComboBox()
        for key, text in APPLICANT_ROLES.items():
            role_box.addItem(text, key)
        if self._rows:
            role_box.setCurrentIndex(1)
        dialog.form.addWidget(QLabel(self.tr("Roll:")))
        dialog.form.addWidget(role_box)
        dialog.exec()
        chosen = dialog.chosen()
        if chosen is None:
            return None
        org = self.organisations[chosen]
        return Applicant(org.name, role_box.currentData(), org.id)


def keep_refused(editor: EditorHost, key: str, table: RowTable[Any]) -> None:
    """Text the table cannot read is an undo step of the editor and keeps the application unsaved, its reason
    shown under the table through every autosave (the editor's pending_input)."""
    table.editor = editor
    editor.field_messages[key] = table.message
    editor.pending_input[key] = table.refused.message


def pick_from_list(parent: QWidget, title: str, label: str, names: list[str]) -> int | None:
    """One of `names` (its index), picked in a list that narrows as one types; None if cancelled."""
    return pick(parent, title, label, names)
