"""Dagordning: the items in order (move, add, remove, propose what is waiting) and the selected item — its text,
and for an ansökan the recommendation or decision with amounts per year, jäv, and the insats a grant extends."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.meetings import (
    ITEM_KINDS,
    OUTCOMES_WITH_AMOUNTS,
    AgendaItem,
    Meeting,
    default_outcome_text,
    outcome_choices,
)
from ...domain.money import AmountError, format_amount, parse_amount
from ..widgets import MessageLabel, item


class AgendaTab(QWidget):
    """Public: show_meeting(m, insatser), commit() -> bool (the edited item back into the meeting; errors shown),
    current_index, items (list), fields, granted, jav, record_button, message; the buttons; signals
    record_requested(index), propose_requested, open_application(id)."""

    record_requested = Signal(int)
    propose_requested = Signal()
    open_application = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.meeting: Meeting | None = None
        self.current_index = -1
        self.items = QListWidget()
        self.up, self.down = QPushButton(self.tr("Upp")), QPushButton(self.tr("Ned"))
        self.add_button, self.remove_button = QPushButton(self.tr("Ny punkt")), QPushButton(self.tr("Ta bort punkt"))
        self.propose_button = QPushButton(self.tr("Föreslå det som väntar"))
        self.propose_button.setToolTip(self.tr("Ansökningar i mötets steg, mottagna rapporter och insatser som slutar"))
        list_buttons = QHBoxLayout()
        for button in (self.up, self.down, self.add_button, self.remove_button):
            list_buttons.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.items, 1)
        left_layout.addLayout(list_buttons)
        left_layout.addWidget(self.propose_button)
        self.fields = {"title": QLineEdit(), "text": QPlainTextEdit(), "outcome": QComboBox(),
                       "insats": QComboBox(), "outcome_text": QPlainTextEdit()}
        self.fields["text"].setMaximumHeight(90)
        self.fields["outcome_text"].setMaximumHeight(80)
        self.kind_label, self.state = QLabel(), QLabel()
        self.granted = QTableWidget(0, 2)
        self.granted.setHorizontalHeaderLabels([self.tr("År"), self.tr("Belopp")])
        self.granted.verticalHeader().hide()
        self.granted.setMaximumHeight(130)
        self.jav = QListWidget()
        self.jav.setMaximumHeight(110)
        self.suggest_button = QPushButton(self.tr("Föreslå text"))
        self.record_button = QPushButton()
        self.open_button = QPushButton(self.tr("Öppna ansökan"))
        self.form = QFormLayout()
        self.form.addRow(self.tr("Slag"), self.kind_label)
        self.form.addRow(self.tr("Rubrik"), self.fields["title"])
        self.form.addRow(self.tr("Beskrivning"), self.fields["text"])
        self.outcome_label = QLabel()
        self.form.addRow(self.outcome_label, self.fields["outcome"])
        self.amount_label = QLabel(self.tr("Belopp per år"))
        self.form.addRow(self.amount_label, self.granted)
        self.insats_label = QLabel(self.tr("Insats vid beviljande"))
        self.form.addRow(self.insats_label, self.fields["insats"])
        self.form.addRow(self.tr("Jäv (lämnade rummet)"), self.jav)
        text_row = QHBoxLayout()
        text_row.addWidget(self.fields["outcome_text"], 1)
        text_row.addWidget(self.suggest_button, 0, Qt.AlignmentFlag.AlignTop)
        self.form.addRow(self.tr("Text i protokollet"), text_row)
        self.message = MessageLabel()
        actions = QHBoxLayout()
        actions.addWidget(self.state, 1)
        actions.addWidget(self.open_button)
        actions.addWidget(self.record_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(self.form)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.message)
        right_layout.addStretch(1)
        self.editor = right
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.items.currentRowChanged.connect(self._select)
        self.up.clicked.connect(lambda: self.move(-1))
        self.down.clicked.connect(lambda: self.move(1))
        self.add_button.clicked.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_item)
        self.propose_button.clicked.connect(self.propose_requested)
        self.suggest_button.clicked.connect(self._suggest)
        self.record_button.clicked.connect(lambda: self.commit() and self.record_requested.emit(self.current_index))
        self.open_button.clicked.connect(self._open)
        self.fields["outcome"].currentIndexChanged.connect(self._outcome_changed)

    # ------------------------------------------------------------------ the list
    def show_meeting(self, m: Meeting, insatser: list[tuple[int, str]], keep: int = 0) -> None:
        """`insatser`: (id, name) an ansökan's grant may extend."""
        self.meeting, self.insatser = m, insatser
        self.current_index = -1
        self._fill_list(keep)

    def _label(self, i: int, a: AgendaItem) -> str:
        mark = ""
        if a.recorded:
            mark = "  ✓ " + self.tr("registrerad")
        return f"§ {self.meeting.paragraph(i)}  {a.title}{mark}"

    def _fill_list(self, select: int) -> None:
        self.items.blockSignals(True)
        self.items.clear()
        for i, a in enumerate(self.meeting.items):
            self.items.addItem(QListWidgetItem(self._label(i, a)))
        self.items.blockSignals(False)
        self.current_index = -1
        if self.meeting.items:
            self.items.setCurrentRow(max(0, min(select, len(self.meeting.items) - 1)))
        else:
            self._show_item(None)

    def _select(self, row: int) -> None:
        if row == self.current_index:
            return
        if self.current_index >= 0 and not self.commit():
            self.items.blockSignals(True)
            self.items.setCurrentRow(self.current_index)
            self.items.blockSignals(False)
            return
        self.current_index = row
        self._show_item(self.meeting.items[row] if 0 <= row < len(self.meeting.items) else None)

    def move(self, step: int) -> None:
        i = self.current_index
        if not self.commit() or not 0 <= i + step < len(self.meeting.items):
            return
        items = self.meeting.items
        items[i], items[i + step] = items[i + step], items[i]
        self._fill_list(i + step)

    def add_item(self) -> None:
        if not self.commit():
            return
        at = self.current_index + 1 if self.current_index >= 0 else len(self.meeting.items)
        self.meeting.items.insert(at, AgendaItem("fritt", self.tr("Ny punkt")))
        self._fill_list(at)
        self.fields["title"].setFocus()
        self.fields["title"].selectAll()

    def remove_item(self) -> None:
        i = self.current_index
        if not 0 <= i < len(self.meeting.items):
            return
        if self.meeting.items[i].recorded:
            self.message.show_error(self.tr("Punkten har ett registrerat beslut och kan inte tas bort."))
            return
        del self.meeting.items[i]
        self.current_index = -1
        self._fill_list(i)

    def add_items(self, new: list[AgendaItem]) -> None:
        """Proposed items go before the closing formalities (Övriga frågor, Mötets avslutande)."""
        if not self.commit():
            return
        closing = {"Övriga frågor", "Mötets avslutande"}
        at = next((i for i, a in enumerate(self.meeting.items) if a.kind == "fritt" and a.title in closing),
                  len(self.meeting.items))
        self.meeting.items[at:at] = new
        self._fill_list(at)

    # ------------------------------------------------------------------ the item
    def _show_item(self, a: AgendaItem | None) -> None:
        self.editor.setEnabled(a is not None)
        self.message.clear_message()
        if a is None:
            return
        f = self.fields
        f["title"].setText(a.title)
        f["text"].setPlainText(a.text)
        f["outcome_text"].setPlainText(a.outcome_text)
        self.kind_label.setText(ITEM_KINDS.get(a.kind, a.kind))
        is_application = a.kind == "ansokan" and a.application_id is not None
        kind = self.meeting.kind
        choices = outcome_choices(kind) if is_application else {}
        f["outcome"].blockSignals(True)
        f["outcome"].clear()
        f["outcome"].addItem("", "")
        for key, text in choices.items():
            f["outcome"].addItem(text, key)
        f["outcome"].setCurrentIndex(max(0, f["outcome"].findData(a.outcome)))
        f["outcome"].blockSignals(False)
        self.outcome_label.setText(self.tr("Rekommendation") if kind == "beredning" else self.tr("Beslut"))
        for widget in (self.outcome_label, f["outcome"], self.amount_label, self.granted, self.record_button,
                       self.open_button, self.suggest_button):
            widget.setVisible(bool(choices) or widget in (self.open_button,) and is_application)
        self.insats_label.setVisible(kind == "styrelse" and is_application)
        f["insats"].setVisible(kind == "styrelse" and is_application)
        f["insats"].clear()
        f["insats"].addItem(self.tr("Ny insats (eller den med samma namn)"), None)
        for insats_id, name in self.insatser:
            f["insats"].addItem(self.tr("Utöka: %s") % name, insats_id)
        f["insats"].setCurrentIndex(max(0, f["insats"].findData(a.insats_id)))
        self.granted.setRowCount(0)
        for year, amount in sorted(a.granted.items()):
            row = self.granted.rowCount()
            self.granted.insertRow(row)
            self.granted.setItem(row, 0, item(str(year), editable=False))
            self.granted.setItem(row, 1, item(format_amount(amount, "kr", with_unit=False), align_right=True))
        self.jav.clear()
        for attendee in self.meeting.attendees:
            entry = QListWidgetItem(attendee.name)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if attendee.name in a.jav else Qt.CheckState.Unchecked)
            self.jav.addItem(entry)
        self.record_button.setText(self.tr("Registrera rekommendationen…") if kind == "beredning"
                                   else self.tr("Registrera beslutet…"))
        locked = a.recorded
        for widget in (f["outcome"], self.granted, f["insats"], self.record_button):
            widget.setEnabled(not locked)
        self.state.setText(self.tr("Registrerad %s: ansökan har fått steget i sin historik.")
                           % a.recorded_on.isoformat() if locked else "")
        self._outcome_changed()

    def _outcome_changed(self) -> None:
        outcome = self.fields["outcome"].currentData() or ""
        grants = outcome in OUTCOMES_WITH_AMOUNTS
        self.granted.setEnabled(grants and not self._current_recorded())
        self.record_button.setEnabled(bool(outcome) and not self._current_recorded())

    def _current_recorded(self) -> bool:
        return 0 <= self.current_index < len(self.meeting.items) and self.meeting.items[self.current_index].recorded

    def _granted(self) -> dict[int, int] | None:
        out = {}
        for row in range(self.granted.rowCount()):
            year = int(self.granted.item(row, 0).text())
            try:
                out[year] = parse_amount(self.granted.item(row, 1).text()) or 0
            except AmountError as exc:
                self.message.show_error(self.tr("%d: %s") % (year, exc))
                return None
        return out

    def commit(self) -> bool:
        """Write the form into the meeting's item; False (message shown) if an amount cannot be read."""
        i = self.current_index
        if self.meeting is None or not 0 <= i < len(self.meeting.items):
            return True
        a, f = self.meeting.items[i], self.fields
        granted = self._granted()
        if granted is None:
            return False
        a.title = f["title"].text().strip() or a.title
        a.text = f["text"].toPlainText().strip()
        a.outcome_text = f["outcome_text"].toPlainText().strip()
        a.jav = [self.jav.item(r).text() for r in range(self.jav.count())
                 if self.jav.item(r).checkState() == Qt.CheckState.Checked]
        if not a.recorded:
            a.outcome = f["outcome"].currentData() or ""
            a.granted = granted
            if a.kind == "ansokan" and self.meeting.kind == "styrelse":
                a.insats_id = f["insats"].currentData()
        self.items.item(i).setText(self._label(i, a))
        return True

    def _suggest(self) -> None:
        granted = self._granted()
        outcome = self.fields["outcome"].currentData() or ""
        if granted is None or not outcome:
            self.message.show_error(self.tr("Välj först %s.") % self.outcome_label.text().lower())
            return
        subject = self.fields["title"].text().split(":", 1)[-1].strip()
        self.fields["outcome_text"].setPlainText(default_outcome_text(self.meeting.kind, outcome, subject, granted))

    def _open(self) -> None:
        a = self.meeting.items[self.current_index] if 0 <= self.current_index < len(self.meeting.items) else None
        if a is not None and a.application_id is not None:
            self.open_application.emit(a.application_id)
