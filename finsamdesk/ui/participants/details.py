"""One deltagare: the form beside the register. Identifiers are dots until Visa is pressed (per record, and only
when the register is unlocked); locked, they cannot be seen or changed but the rest of the record can."""
from __future__ import annotations

import copy

from PySide6.QtCore import Signal
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
from ..widgets import MessageLabel

LABELS = {"code": "Deltagar-id", "insats_id": "Insats", "personnummer": "Personnummer", "name": "Namn",
          "gender": "Kön", "birth_year": "Födelseår", "start": "Startdatum", "end": "Slutdatum",
          "support_id": "Försörjning vid start", "outcome_id": "Utfall vid avslut", "consent_date": "Samtycke, datum",
          "consent_how": "Samtycke, hur", "note": "Anteckning"}
IDENTIFIERS = ("personnummer", "name", "note")
MASK = "••••••••"


class ParticipantForm(QWidget):
    """Public: show_participant(p, insatser, categories, locked), read() -> Participant | None, show_errors,
    is_dirty, revealed, fields, messages, message, save_button, reveal_button; signals save_requested,
    reveal_requested."""

    save_requested = Signal()
    reveal_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.participant: Participant | None = None
        self.locked = True
        self.revealed = False
        f = self.fields = {
            "code": QLineEdit(), "insats_id": QComboBox(), "personnummer": QLineEdit(), "name": QLineEdit(),
            "gender": QComboBox(), "birth_year": QLineEdit(), "start": QLineEdit(), "end": QLineEdit(),
            "support_id": QComboBox(), "outcome_id": QComboBox(), "consent_date": QLineEdit(),
            "consent_how": QComboBox(), "note": QPlainTextEdit(),
        }
        f["gender"].addItem("", "")
        for key, text in GENDERS.items():
            f["gender"].addItem(text, key)
        f["consent_how"].setEditable(True)
        f["consent_how"].addItems(["", *CONSENT_WAYS])
        f["code"].setPlaceholderText(self.tr("tomt = nästa löpnummer"))
        f["personnummer"].setPlaceholderText("ÅÅÅÅMMDD-NNNN")
        f["birth_year"].setPlaceholderText(self.tr("räknas ur personnumret"))
        for name in ("start", "end", "consent_date"):
            f[name].setPlaceholderText("ÅÅÅÅ-MM-DD")
        f["note"].setMaximumHeight(90)
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
        for name, widget in f.items():
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
        tell its length and keep it in the widget); shown, the real values can be edited."""
        f, p = self.fields, self.participant
        hidden = self.locked or not self.revealed
        has = (p.has_personnummer, p.has_name, p.has_note) if self.locked else (
            bool(p.personnummer), bool(p.name), bool(p.note))
        if hidden:
            for name, present in zip(("personnummer", "name"), has, strict=False):  # the note is never masked
                f[name].setText(MASK if present else "")
            f["note"].setPlainText("")
            f["note"].setPlaceholderText(self.tr("(dold – tryck Visa)") if has[2] else "")
        else:
            f["personnummer"].setText(format_personnummer(p.personnummer))
            f["name"].setText(p.name)
            f["note"].setPlainText(p.note)
            f["note"].setPlaceholderText("")
        for name in ("personnummer", "name", "note"):
            f[name].setReadOnly(hidden)
        self.reveal_button.setChecked(not hidden)
        self.reveal_button.setText(self.tr("Dölj") if not hidden else self.tr("Visa"))

    def show_participant(self, p: Participant | None, insatser: list, categories: list[Category],
                         locked: bool) -> None:
        """`insatser`: (id, name) of the insatser with a register."""
        self.participant = copy.deepcopy(p)
        self.locked, self.revealed = locked, False
        self.setEnabled(p is not None)
        for message in (*self.messages.values(), self.message):
            message.clear_message()
        if p is None:
            return
        f = self.fields
        f["code"].setText(p.code)
        f["insats_id"].clear()
        for insats_id, name in insatser:
            f["insats_id"].addItem(name, insats_id)
        f["insats_id"].setCurrentIndex(max(0, f["insats_id"].findData(p.insats_id)))
        f["gender"].setCurrentIndex(max(0, f["gender"].findData(p.gender)))
        f["birth_year"].setText(str(p.birth_year) if p.birth_year else "")
        for name in ("start", "end", "consent_date"):
            value = getattr(p, name)
            f[name].setText(value.isoformat() if value else "")
        for name, kind in (("support_id", "forsorjning"), ("outcome_id", "utfall")):
            f[name].clear()
            f[name].addItem("", None)
            for c in categories:
                if c.kind == kind and (c.active or c.id == getattr(p, name)):
                    f[name].addItem(c.label + ("" if c.active else self.tr(" (inaktiv)")), c.id)
            f[name].setCurrentIndex(max(0, f[name].findData(getattr(p, name))))
        f["consent_how"].setEditText(p.consent_how)
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
        f, out = self.fields, copy.deepcopy(self.participant)
        out.code = f["code"].text().strip()
        out.insats_id = f["insats_id"].currentData()
        if not self.locked and self.revealed:
            out.personnummer = f["personnummer"].text().strip()
            out.name = f["name"].text().strip()
            out.note = f["note"].toPlainText().strip()
        out.gender = f["gender"].currentData() or ""
        errors = {}
        year = f["birth_year"].text().strip()
        if year and not year.isdigit():
            errors["birth_year"] = self.tr("Skriv ett årtal, t.ex. 1985.")
        out.birth_year = int(year) if year.isdigit() else None
        for name in ("start", "end", "consent_date"):
            try:
                setattr(out, name, parse_date(f[name].text()))
            except DateError as exc:
                errors[name] = str(exc)
        out.support_id, out.outcome_id = f["support_id"].currentData(), f["outcome_id"].currentData()
        out.consent_how = f["consent_how"].currentText().strip()
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
        def value(p: Participant, attr: str):
            v = getattr(p, attr)
            return v.replace("-", "").replace(" ", "") if attr == "personnummer" else v  # as typed vs stored

        return any(value(current, a) != value(self.participant, a) for a in compare)
