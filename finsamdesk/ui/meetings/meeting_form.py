"""Mötet: when and where, who chairs and keeps the minutes, and who is called (present or absent); and the
dialog that plans a new meeting."""
from __future__ import annotations

import copy
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import DateError, parse_date
from ...domain.meetings import KINDS, ROLES, Attendee, Meeting, without_duplicates
from ..date_edit import DateEdit
from ..dialogs import ok_cancel
from ..widgets import MessageLabel, combo, item


class MeetingForm(QWidget):
    """Public: show_meeting(m), read(into) -> Meeting | None (errors shown), merged (what read() took away: a
    person listed twice), fields, attendees (table), add_attendee(a), remove_attendee(), select_attendee(row),
    messages, message."""

    COLUMNS = ("Namn", "Organisation", "Roll", "Närvarande")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind, self.first_paragraph = combo(KINDS), QSpinBox()
        self.fields: dict[str, QWidget] = {
            "kind": self.kind, "date": DateEdit(), "time": QLineEdit(), "place": QLineEdit(), "chair": QLineEdit(),
            "secretary": QLineEdit(), "adjusters": QLineEdit(), "first_paragraph": self.first_paragraph,
            "note": QLineEdit()}
        self.lines = {k: w for k, w in self.fields.items() if isinstance(w, QLineEdit)}
        self.lines["time"].setPlaceholderText("13.00")
        self.first_paragraph.setRange(1, 9999)
        self.first_paragraph.setToolTip(self.tr("Paragraferna numreras löpande över årets protokoll."))
        self.messages = {name: MessageLabel() for name in ("date", "time", "attendees")}
        labels = {"kind": "Slag", "date": "Datum", "time": "Tid", "place": "Plats", "chair": "Ordförande",
                  "secretary": "Sekreterare", "adjusters": "Justerare", "first_paragraph": "Första §",
                  "note": "Anteckning"}
        form = QFormLayout()
        for name, widget in self.fields.items():
            row = QVBoxLayout()
            row.addWidget(widget)
            if name in self.messages:
                row.addWidget(self.messages[name])
            form.addRow(self.tr(labels[name]), row)
        self.attendees = QTableWidget(0, len(self.COLUMNS))
        self.attendees.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.attendees.verticalHeader().hide()
        self.attendees.horizontalHeader().setStretchLastSection(False)
        for column, width in enumerate((220, 220, 150, 100)):
            self.attendees.setColumnWidth(column, width)
        self.from_register = QPushButton(self.tr("Lägg till från kontaktregistret…"))
        self.new_row = QPushButton(self.tr("Ny mötesdeltagare"))
        self.remove_row = QPushButton(self.tr("Ta bort mötesdeltagare"))
        self.remove_row.clicked.connect(self.remove_attendee)
        self.new_row.clicked.connect(lambda: self.add_attendee(Attendee("")))
        buttons = QHBoxLayout()
        for button in (self.from_register, self.new_row, self.remove_row):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.message = MessageLabel()
        self.merged: list[str] = []
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.attendees, 1)
        right.addLayout(buttons)
        right.addWidget(self.messages["attendees"])
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)

    def show_meeting(self, m: Meeting) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(m.kind)))
        self.lines["date"].setText(m.date.isoformat())
        for name in ("time", "place", "chair", "secretary", "adjusters", "note"):
            self.lines[name].setText(getattr(m, name))
        self.first_paragraph.setValue(m.first_paragraph)
        self.attendees.setRowCount(0)
        for a in m.attendees:
            self.add_attendee(a)
        for message in (*self.messages.values(), self.message):
            message.clear_message()

    def add_attendee(self, a: Attendee) -> None:
        row = self.attendees.rowCount()
        self.attendees.insertRow(row)
        name = item(a.name)
        name.setData(Qt.ItemDataRole.UserRole, a.contact_id)
        self.attendees.setItem(row, 0, name)
        self.attendees.setItem(row, 1, item(a.organisation))
        role = combo(ROLES)
        role.setCurrentIndex(max(0, role.findData(a.role)))
        self.attendees.setCellWidget(row, 2, role)
        present = item(self.tr("närvarande"), editable=False)
        present.setFlags(present.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        present.setCheckState(Qt.CheckState.Checked if a.present else Qt.CheckState.Unchecked)
        self.attendees.setItem(row, 3, present)
        if not a.name:
            self.attendees.editItem(name)

    def remove_attendee(self) -> None:
        row = self.attendees.currentRow()
        if row >= 0:
            self.attendees.removeRow(row)

    def select_attendee(self, row: int) -> None:
        self.attendees.setCurrentCell(row, 0)
        self.attendees.scrollToItem(self.attendees.item(row, 0))

    def attendee_list(self) -> list[Attendee]:
        """The attendees as typed; a row left empty (no name, no organisation) is none."""
        return [a for _row, a in self._attendee_rows()]

    def _attendee_rows(self) -> list[tuple[int, Attendee]]:
        out = []
        table = self.attendees
        for row in range(table.rowCount()):
            name, organisation, present = table.item(row, 0), table.item(row, 1), table.item(row, 3)
            role = table.cellWidget(row, 2)
            assert name is not None and organisation is not None and present is not None  # add_attendee made them
            assert isinstance(role, QComboBox)
            if name.text().strip() or (organisation.text() or "").strip():
                out.append((row, Attendee(name.text().strip(), (organisation.text() or "").strip(),
                                          role.currentData(), present.checkState() == Qt.CheckState.Checked,
                                          name.data(Qt.ItemDataRole.UserRole))))
        return out

    def unnamed_row(self) -> int | None:
        """The first row with an organisation but no name (the meeting cannot be saved with it)."""
        return next((row for row, a in self._attendee_rows() if not a.name), None)

    def read(self, into: Meeting) -> Meeting | None:
        """A copy of `into` with the form's values, or None with the errors next to their fields."""
        for message in self.messages.values():
            message.clear_message()
        out = copy.deepcopy(into)
        try:
            when = parse_date(self.lines["date"].text())
        except DateError as exc:
            self.messages["date"].show_error(str(exc))
            return None
        if when is None:
            self.messages["date"].show_error(self.tr("Datum behövs."))
            return None
        out.kind, out.date = self.kind.currentData(), when
        for name in ("time", "place", "chair", "secretary", "adjusters", "note"):
            setattr(out, name, self.lines[name].text().strip())
        out.first_paragraph = self.first_paragraph.value()
        rows = self._attendee_rows()
        out.attendees, dropped = without_duplicates([a for _row, a in rows])
        self.merged = [self.tr("”%s” stod två gånger bland mötesdeltagarna: rad %d togs bort, rad %d är kvar.") % (
            rows[gone][1].name, rows[gone][0] + 1, rows[kept][0] + 1) for kept, gone in dropped]
        return out

    def show_errors(self, fields: dict[str, str]) -> None:
        for name, text in fields.items():
            (self.messages.get(name) or self.message).show_error(text)


class NewMeetingDialog(QDialog):
    """Kind, date, time and place of a meeting to plan."""

    def __init__(self, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nytt möte"))
        self.setMinimumWidth(380)
        self.kind = combo(KINDS)
        self.date = DateEdit(((today or date.today()) + timedelta(days=7)).isoformat())
        self.time, self.place = QLineEdit("13.00"), QLineEdit()
        self.message = MessageLabel()
        form = QFormLayout()
        for label, widget in (("Slag", self.kind), ("Datum", self.date), ("Tid", self.time), ("Plats", self.place)):
            form.addRow(self.tr(label), widget)
        buttons = ok_cancel(self, self._accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.chosen: tuple[str, date, str, str] | None = None

    def _accept(self) -> None:
        try:
            when = parse_date(self.date.text())
        except DateError as exc:
            self.message.show_error(str(exc))
            return
        if when is None:
            self.message.show_error(self.tr("Datum behövs."))
            return
        self.chosen = (self.kind.currentData(), when, self.time.text().strip(), self.place.text().strip())
        self.accept()
