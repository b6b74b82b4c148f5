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
from ..widgets import MessageLabel, cell_text, item


class AgendaTab(QWidget):
    """Public: show_meeting(m, insatser), commit() -> bool (the edited item back into the meeting; errors shown),
    current_index, items (list), fields, granted, jav, record_button, message; the buttons; signals
    record_requested(index), propose_requested, open_application(id)."""

    record_requested = Signal(object)  # an id: 63 bits (store/ids.py), more than a Qt int holds
    propose_requested = Signal()
    open_application = Signal(object)  # an id: 63 bits (store/ids.py), more than a Qt int holds

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.meeting: Meeting | None = None
        self.insatser: list[tuple[int, str]] = []
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
        self.title, self.text = QLineEdit(), QPlainTextEdit()
        self.outcome, self.insats, self.outcome_text = QComboBox(), QComboBox(), QPlainTextEdit()
        self.fields: dict[str, QWidget] = {"title": self.title, "text": self.text, "outcome": self.outcome,
                                           "insats": self.insats, "outcome_text": self.outcome_text}
        self.text.setMaximumHeight(90)
        self.outcome_text.setMaximumHeight(80)
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
        self.form.addRow(self.tr("Rubrik"), self.title)
        self.form.addRow(self.tr("Beskrivning"), self.text)
        self.outcome_label = QLabel()
        self.form.addRow(self.outcome_label, self.outcome)
        self.amount_label = QLabel(self.tr("Belopp per år"))
        self.form.addRow(self.amount_label, self.granted)
        self.insats_label = QLabel(self.tr("Insats vid beviljande"))
        self.form.addRow(self.insats_label, self.insats)
        self.form.addRow(self.tr("Jäv (lämnade rummet)"), self.jav)
        text_row = QHBoxLayout()
        text_row.addWidget(self.outcome_text, 1)
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
        self.up.clicked.connect(lambda: self.move_item(-1))
        self.down.clicked.connect(lambda: self.move_item(1))
        self.add_button.clicked.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_item)
        self.propose_button.clicked.connect(self.propose_requested)
        self.suggest_button.clicked.connect(self._suggest)
        self.record_button.clicked.connect(self._record_clicked)
        self.open_button.clicked.connect(self._open)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)

    @property
    def current_meeting(self) -> Meeting:
        """The meeting on the tab (the tab acts only once show_meeting has given it one)."""
        assert self.meeting is not None, "show_meeting first"
        return self.meeting

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
        return f"§ {self.current_meeting.paragraph(i)}  {a.title}{mark}"

    def _fill_list(self, select: int) -> None:
        self.items.blockSignals(True)
        self.items.clear()
        for i, a in enumerate(self.current_meeting.items):
            self.items.addItem(QListWidgetItem(self._label(i, a)))
        self.items.blockSignals(False)
        self.current_index = -1
        if self.current_meeting.items:
            self.items.setCurrentRow(max(0, min(select, len(self.current_meeting.items) - 1)))
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
        self._show_item(self.current_meeting.items[row] if 0 <= row < len(self.current_meeting.items) else None)

    def move_item(self, step: int) -> None:
        """The selected item `step` places up (-1) or down (1)."""
        i = self.current_index
        if not self.commit() or not 0 <= i + step < len(self.current_meeting.items):
            return
        items = self.current_meeting.items
        items[i], items[i + step] = items[i + step], items[i]
        self._fill_list(i + step)

    def add_item(self) -> None:
        if not self.commit():
            return
        at = self.current_index + 1 if self.current_index >= 0 else len(self.current_meeting.items)
        self.current_meeting.items.insert(at, AgendaItem("fritt", self.tr("Ny punkt")))
        self._fill_list(at)
        self.title.setFocus()
        self.title.selectAll()

    def remove_item(self) -> None:
        i = self.current_index
        if not 0 <= i < len(self.current_meeting.items):
            return
        if self.current_meeting.items[i].recorded:
            self.message.show_error(self.tr("Punkten har ett registrerat beslut och kan inte tas bort."))
            return
        del self.current_meeting.items[i]
        self.current_index = -1
        self._fill_list(i)

    def add_items(self, new: list[AgendaItem]) -> None:
        """Proposed items go before the closing formalities (Övriga frågor, Mötets avslutande)."""
        if not self.commit():
            return
        closing = {"Övriga frågor", "Mötets avslutande"}
        at = next((i for i, a in enumerate(self.current_meeting.items) if a.kind == "fritt" and a.title in closing),
                  len(self.current_meeting.items))
        self.current_meeting.items[at:at] = new
        self._fill_list(at)

    # ------------------------------------------------------------------ the item
    def _show_item(self, a: AgendaItem | None) -> None:
        self.editor.setEnabled(a is not None)
        self.message.clear_message()
        if a is None:
            return
        self.title.setText(a.title)
        self.text.setPlainText(a.text)
        self.outcome_text.setPlainText(a.outcome_text)
        self.kind_label.setText(ITEM_KINDS.get(a.kind, a.kind))
        is_application = a.kind == "ansokan" and a.application_id is not None
        kind = self.current_meeting.kind
        choices = outcome_choices(kind) if is_application else {}
        self.outcome.blockSignals(True)
        self.outcome.clear()
        self.outcome.addItem("", "")
        for key, text in choices.items():
            self.outcome.addItem(text, key)
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(a.outcome)))
        self.outcome.blockSignals(False)
        self.outcome_label.setText(self.tr("Rekommendation") if kind == "beredning" else self.tr("Beslut"))
        for widget in (self.outcome_label, self.outcome, self.amount_label, self.granted, self.record_button,
                       self.open_button, self.suggest_button):
            widget.setVisible(bool(choices) or widget in (self.open_button,) and is_application)
        self.insats_label.setVisible(kind == "styrelse" and is_application)
        self.insats.setVisible(kind == "styrelse" and is_application)
        self.insats.clear()
        self.insats.addItem(self.tr("Ny insats (eller den med samma namn)"), None)
        for insats_id, name in self.insatser:
            self.insats.addItem(self.tr("Utöka: %s") % name, insats_id)
        self.insats.setCurrentIndex(max(0, self.insats.findData(a.insats_id)))
        self.granted.setRowCount(0)
        for year, amount in sorted(a.granted.items()):
            row = self.granted.rowCount()
            self.granted.insertRow(row)
            self.granted.setItem(row, 0, item(str(year), editable=False))
            self.granted.setItem(row, 1, item(format_amount(amount, "kr", with_unit=False), align_right=True))
        self.jav.clear()
        for attendee in self.current_meeting.attendees:
            entry = QListWidgetItem(attendee.name)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if attendee.name in a.jav else Qt.CheckState.Unchecked)
            self.jav.addItem(entry)
        self.record_button.setText(self.tr("Registrera rekommendationen…") if kind == "beredning"
                                   else self.tr("Registrera beslutet…"))
        locked = a.recorded
        for widget in (self.outcome, self.granted, self.insats, self.record_button):
            widget.setEnabled(not locked)
        self.state.setText(self.tr("Registrerad %s: ansökan har fått steget i sin historik.")
                           % a.recorded_on.isoformat() if a.recorded_on is not None else "")
        self._outcome_changed()

    def _outcome_changed(self) -> None:
        outcome = self.outcome.currentData() or ""
        grants = outcome in OUTCOMES_WITH_AMOUNTS
        self.granted.setEnabled(grants and not self._current_recorded())
        self.record_button.setEnabled(bool(outcome) and not self._current_recorded())

    def _current_recorded(self) -> bool:
        items = self.current_meeting.items
        return 0 <= self.current_index < len(items) and items[self.current_index].recorded

    def _granted(self) -> dict[int, int] | None:
        out = {}
        for row in range(self.granted.rowCount()):
            year = int(cell_text(self.granted, row, 0))
            try:
                out[year] = parse_amount(cell_text(self.granted, row, 1)) or 0
            except AmountError as exc:
                self.message.show_error(self.tr("%d: %s") % (year, exc))
                return None
        return out

    def commit(self) -> bool:
        """Write the form into the meeting's item; False (message shown) if an amount cannot be read."""
        i = self.current_index
        if self.meeting is None or not 0 <= i < len(self.current_meeting.items):
            return True
        a = self.meeting.items[i]
        granted = self._granted()
        if granted is None:
            return False
        a.title = self.title.text().strip() or a.title
        a.text = self.text.toPlainText().strip()
        a.outcome_text = self.outcome_text.toPlainText().strip()
        entries = [self.jav.item(r) for r in range(self.jav.count())]
        a.jav = [e.text() for e in entries if e is not None and e.checkState() == Qt.CheckState.Checked]
        if not a.recorded:
            a.outcome = self.outcome.currentData() or ""
            a.granted = granted
            if a.kind == "ansokan" and self.current_meeting.kind == "styrelse":
                a.insats_id = self.insats.currentData()
        listed = self.items.item(i)
        if listed is not None:
            listed.setText(self._label(i, a))
        return True

    def _record_clicked(self) -> None:
        if self.commit():
            self.record_requested.emit(self.current_index)

    def _suggest(self) -> None:
        granted = self._granted()
        outcome = self.outcome.currentData() or ""
        if granted is None or not outcome:
            self.message.show_error(self.tr("Välj först %s.") % self.outcome_label.text().lower())
            return
        subject = self.title.text().split(":", 1)[-1].strip()
        self.outcome_text.setPlainText(default_outcome_text(self.current_meeting.kind, outcome, subject, granted))

    def _open(self) -> None:
        items = self.current_meeting.items
        a = items[self.current_index] if 0 <= self.current_index < len(items) else None
        if a is not None and a.application_id is not None:
            self.open_application.emit(a.application_id)

