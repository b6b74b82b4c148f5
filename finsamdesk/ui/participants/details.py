"""One deltagare: the form beside the register. Identifiers are dots until Visa is pressed (per record, and only
when the register is unlocked); locked, they cannot be seen or changed but the rest of the record can."""
from __future__ import annotations

import copy
from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import DateError, parse_date
from ...domain.identifiers import format_personnummer
from ...domain.participants import CONSENT_WAYS, GENDERS, Category, Participant
from ..date_edit import DateEdit
from ..widgets import MessageLabel, fit_placeholder

LABELS = {"code": "Deltagar-id", "insats_id": "Insats", "personnummer": "Personnummer", "name": "Namn",
          "gender": "Kön", "birth_year": "Födelseår", "start": "Startdatum", "end": "Slutdatum",
          "support_id": "Försörjning vid start", "outcome_id": "Utfall vid avslut", "consent_date": "Samtycke, datum",
          "consent_how": "Samtycke, hur", "note": "Anteckning"}
IDENTIFIERS = ("personnummer", "name", "note")
MASK = "••••••••"
MASKED_STYLE = "color: #777;"


class ParticipantForm(QWidget):
    """Public: show_participant(p, insatser, categories, locked), read() -> Participant | None, show_errors,
    is_dirty, revealed, fields, messages, message, save_button, reveal_button; signals save_requested,
    reveal_requested."""

    save_requested = Signal()
    reveal_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.participant: Participant | None = None
        self.locked = True
        self.revealed = False
        self.note = QPlainTextEdit()
        self.fields: dict[str, QWidget] = {  # in the form's order
            "code": QLineEdit(), "insats_id": QComboBox(), "personnummer": QLineEdit(), "name": QLineEdit(),
            "gender": QComboBox(), "birth_year": QLineEdit(), "start": DateEdit(), "end": DateEdit(),
            "support_id": QComboBox(), "outcome_id": QComboBox(), "consent_date": DateEdit(),
            "consent_how": QComboBox(), "note": self.note,
        }
        self.lines = {k: w for k, w in self.fields.items() if isinstance(w, QLineEdit)}
        self.combos = {k: w for k, w in self.fields.items() if isinstance(w, QComboBox)}
        self.combos["gender"].addItem("", "")
        for key, text in GENDERS.items():
            self.combos["gender"].addItem(text, key)
        self.combos["consent_how"].setEditable(True)
        self.combos["consent_how"].addItems(["", *CONSENT_WAYS])
        self.lines["code"].setPlaceholderText(self.tr("tomt = nästa löpnummer"))
        self.lines["personnummer"].setPlaceholderText("ÅÅÅÅMMDD-NNNN")
        fit_placeholder(self.lines["personnummer"])
        self.lines["birth_year"].setPlaceholderText(self.tr("räknas ur personnumret"))
        self.note.setMaximumHeight(90)
        self.messages = {name: MessageLabel() for name in LABELS}
        self.reveal_button = QPushButton(self.tr("Visa"))
        self.reveal_button.setCheckable(True)
        self.reveal_button.setToolTip(self.tr("Visa personnummer, namn och anteckning för den här deltagaren"))
        self.reveal_button.clicked.connect(self._reveal_clicked)
        self.lock_note = QLabel()
        self.lock_note.setWordWrap(True)
        self.gallrad = QLabel()
        self.gallrad.setWordWrap(True)
        form = QFormLayout()
        for name, widget in self.fields.items():
            row = QVBoxLayout()
            if name == "personnummer":
                line = QHBoxLayout()
                line.addWidget(widget, 1)
                line.addWidget(self.reveal_button)
                row.addLayout(line)
            else:
                row.addWidget(widget)
            row.addWidget(self.messages[name])
            form.addRow(self.tr(LABELS[name]), row)
            if isinstance(widget, QLineEdit):
                widget.returnPressed.connect(self.save_requested)
        self.message = MessageLabel()
        self.save_button = QPushButton(self.tr("Spara deltagaren"))
        self.save_button.clicked.connect(self.save_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lock_note)
        layout.addLayout(form)
        layout.addWidget(self.gallrad)
        layout.addLayout(buttons)
        layout.addStretch(1)
        for name in IDENTIFIERS:
            self.fields[name].installEventFilter(self)
        self.setEnabled(False)

    def _reveal_clicked(self, checked: bool) -> None:
        if checked and self.locked:
            self.reveal_button.setChecked(False)
            self.reveal_requested.emit()  # the page asks for the passphrase, then shows the record again
            return
        self.revealed = checked
        self._apply_masking()

    def _apply_masking(self) -> None:
        """Hidden identifiers are a fixed row of dots (not the value behind a password echo, which would still
        tell its length and keep it in the widget), grey, and say so (tooltip, placeholder, a message when typed
        into); shown, the real values can be edited."""
        p = self.participant
        assert p is not None  # a record is shown
        hidden = self.locked or not self.revealed
        has = (p.has_personnummer, p.has_name, p.has_note) if self.locked else (
            bool(p.personnummer), bool(p.name), bool(p.note))
        cue = self._masked_cue() if hidden else ""
        if hidden:
            for name, present in zip(("personnummer", "name"), has, strict=False):  # the note is never masked
                self.lines[name].setText(MASK if present else "")
            self.note.setPlainText("")
        else:
            self.lines["personnummer"].setText(format_personnummer(p.personnummer))
            self.lines["name"].setText(p.name)
            self.note.setPlainText(p.note)
        self.lines["personnummer"].setPlaceholderText(f"({cue})" if hidden else "ÅÅÅÅMMDD-NNNN")
        self.lines["name"].setPlaceholderText(f"({cue})" if hidden else "")
        self.note.setPlaceholderText(f"({cue})" if hidden else "")
        for name in ("personnummer", "name"):
            self.lines[name].setReadOnly(hidden)
        self.note.setReadOnly(hidden)
        for name in IDENTIFIERS:
            self.fields[name].setToolTip(cue)
            self.fields[name].setStyleSheet(MASKED_STYLE if hidden else "")
            self.messages[name].clear_message()
        self.reveal_button.setChecked(not hidden)
        self.reveal_button.setText(self.tr("Dölj") if not hidden else self.tr("Visa"))

    def _masked_cue(self) -> str:
        if self.locked:
            return self.tr("låst – tryck Visa och ange lösenfrasen för att se och ändra")
        return self.tr("dold – tryck Visa för att se och ändra")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        """Typing into a hidden identifier changes nothing: say why beside the field, instead of ignoring it."""
        if event.type() == QEvent.Type.KeyPress and self.participant is not None and (
                self.locked or not self.revealed):
            name = next((n for n in IDENTIFIERS if self.fields[n] is watched), None)
            key = cast(QKeyEvent, event)
            if name is not None and (key.text().isprintable() and key.text()
                                     or key.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)):
                self.messages[name].show_warning(self.tr("%s är %s.") % (self.tr(LABELS[name]), self._masked_cue()))
        return False

    def show_participant(self, p: Participant | None, insatser: list[tuple[int, str]], categories: list[Category],
                         locked: bool) -> None:
        """`insatser`: (id, name) of the insatser with a register."""
        self.participant = copy.deepcopy(p)
        self.locked = locked
        self.revealed = p is not None and p.id is None and not locked  # a new record is typed into at once
        self.setEnabled(p is not None)
        for message in (*self.messages.values(), self.message):
            message.clear_message()
        if p is None:
            return
        self.lines["code"].setText(p.code)
        self.combos["insats_id"].clear()
        for insats_id, name in insatser:
            self.combos["insats_id"].addItem(name, insats_id)
        self.combos["insats_id"].setCurrentIndex(max(0, self.combos["insats_id"].findData(p.insats_id)))
        self.combos["gender"].setCurrentIndex(max(0, self.combos["gender"].findData(p.gender)))
        self.lines["birth_year"].setText(str(p.birth_year) if p.birth_year else "")
        for name in ("start", "end", "consent_date"):
            value = getattr(p, name)
            self.lines[name].setText(value.isoformat() if value else "")
        for name, kind in (("support_id", "forsorjning"), ("outcome_id", "utfall")):
            combo = self.combos[name]
            combo.clear()
            combo.addItem("", None)
            for c in categories:
                if c.kind == kind and (c.active or c.id == getattr(p, name)):
                    combo.addItem(c.label + ("" if c.active else self.tr(" (inaktiv)")), c.id)
            combo.setCurrentIndex(max(0, combo.findData(getattr(p, name))))
        self.combos["consent_how"].setEditText(p.consent_how)
        self.lock_note.setText(self.tr("Registret är låst: personnummer, namn och anteckning kan inte visas eller "
                                       "ändras. Tryck Visa för att låsa upp.") if locked else "")
        self.gallrad.setText(self.tr("Gallrad %s: %s togs bort.") % (p.gallrad_on.isoformat(), p.gallrat)
                             if p.gallrad_on else "")
        self._apply_masking()

    def read(self) -> Participant | None:
        """The record as the form shows it, or None with the errors next to their fields."""
        if self.participant is None:
            return None
        for message in self.messages.values():
            message.clear_message()
        out = copy.deepcopy(self.participant)
        out.code = self.lines["code"].text().strip()
        out.insats_id = self.combos["insats_id"].currentData()
        if not self.locked and self.revealed:
            out.personnummer = self.lines["personnummer"].text().strip()
            out.name = self.lines["name"].text().strip()
            out.note = self.note.toPlainText().strip()
        out.gender = self.combos["gender"].currentData() or ""
        errors: dict[str, str] = {}
        year = self.lines["birth_year"].text().strip()
        if year and not year.isdigit():
            errors["birth_year"] = self.tr("Skriv ett årtal, t.ex. 1985.")
        out.birth_year = int(year) if year.isdigit() else None
        for name in ("start", "end", "consent_date"):
            try:
                setattr(out, name, parse_date(self.lines[name].text()))
            except DateError as exc:
                errors[name] = str(exc)
        out.support_id = self.combos["support_id"].currentData()
        out.outcome_id = self.combos["outcome_id"].currentData()
        out.consent_how = self.combos["consent_how"].currentText().strip()
        if errors:
            self.show_errors(errors)
            return None
        return out

    def show_errors(self, fields: dict[str, str]) -> None:
        for name, text in fields.items():
            target = self.messages.get(name)
            (target or self.message).show_error(text)

    def is_dirty(self) -> bool:
        if self.participant is None:
            return False
        current = self.read()
        if current is None:
            return True
        compare = ("code", "insats_id", "gender", "birth_year", "start", "end", "support_id", "outcome_id",
                   "consent_date", "consent_how") + (IDENTIFIERS if self.revealed and not self.locked else ())
        def value(p: Participant, attr: str) -> object:
            v = getattr(p, attr)
            return v.replace("-", "").replace(" ", "") if attr == "personnummer" else v  # as typed vs stored

        return any(value(current, a) != value(self.participant, a) for a in compare)
