"""Uppgifter: the insats's own fields. Errors appear next to the field; nothing is saved on error."""
from __future__ import annotations

import copy

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import DateError, parse_date
from ...domain.insatser import CADENCES, INRIKTNINGAR, KINDS, STATUSES, Insats, inriktning_of
from ...domain.registers import Organisation
from ..date_edit import DateEdit
from ..widgets import MessageLabel, combo


def _count(value: int | None) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(-1, 100_000)
    spin.setSpecialValueText("–")
    spin.setValue(-1 if value is None else value)
    return spin


class InsatsDetails(QWidget):
    """Public: show(insats, organisations), read() -> Insats | None (errors shown), fields, messages, save_button,
    signal save_requested."""

    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.insats: Insats | None = None
        self.note = QPlainTextEdit()
        self.esf = QCheckBox(self.tr("ESF-finansierad"))
        self.esf.setToolTip(self.tr("Sätts när insatsen görs av (eller förlängs med) en beviljad egen ESF-ansökan. "
                                    "Du kan ändra den här; Uppföljning Finsam läser den."))
        self.fields: dict[str, QWidget] = {  # in the form's order
            "name": QLineEdit(), "kind": combo(KINDS), "status": combo(STATUSES), "owner": QComboBox(),
            "contact": QLineEdit(), "period_start": DateEdit(), "period_end": DateEdit(),
            "target_group": QLineEdit(), "planned_women": _count(None), "planned_men": _count(None),
            "cadence": combo(CADENCES), "inriktning": combo(INRIKTNINGAR), "esf": self.esf,
            "planned_structural": _count(None), "structural_share": _count(None), "note": self.note,
        }
        self.lines = {k: w for k, w in self.fields.items() if isinstance(w, QLineEdit)}
        self.combos = {k: w for k, w in self.fields.items() if isinstance(w, QComboBox)}
        self.counts = {k: w for k, w in self.fields.items() if isinstance(w, QSpinBox)}
        self.combos["owner"].setEditable(True)
        self.note.setMaximumHeight(80)
        self.counts["structural_share"].setRange(-1, 100)
        self.counts["structural_share"].setSuffix(" %")
        self.combos["inriktning"].setToolTip(self.tr(
            "Uppföljning Finsam: en insats med både individinriktade och strukturövergripande inslag registreras "
            "två gånger, en gång för varje del."))
        self.combos["inriktning"].currentIndexChanged.connect(self._show_parts)
        self.messages = {name: MessageLabel() for name in ("name", "period", "planned_women", "planned_men",
                                                           "planned_structural", "structural_share")}
        labels = {"name": "Namn", "kind": "Typ av insats", "status": "Status", "owner": "Insatsägare",
                  "contact": "Kontaktperson", "period_start": "Startdatum", "period_end": "Slutdatum",
                  "target_group": "Målgrupp", "planned_women": "Planerade deltagare, kvinnor",
                  "planned_men": "Planerade deltagare, män", "cadence": "Fakturering",
                  "inriktning": "Inriktning (Uppföljning Finsam)", "esf": "",
                  "planned_structural": "Budgeterat antal deltagare, strukturövergripande del",
                  "structural_share": "Strukturövergripande delens andel av pengarna", "note": "Anteckning"}
        form = QFormLayout()
        self.form = form
        self._rows: dict[str, QVBoxLayout] = {}
        for name, widget in self.fields.items():
            row = QVBoxLayout()
            row.addWidget(widget)
            message = self.messages.get("period" if name == "period_end" else name)
            if message is not None:
                row.addWidget(message)
            form.addRow(self.tr(labels[name]) if labels[name] else "", row)
            self._rows[name] = row
            if isinstance(widget, QLineEdit):
                widget.returnPressed.connect(self.save_requested)
        self.applications = QLabel()
        self.applications.setWordWrap(True)
        form.addRow(self.tr("Ansökningar"), self.applications)
        self.message = MessageLabel()
        self.save_button = QPushButton(self.tr("Spara uppgifterna"))
        self.save_button.clicked.connect(self.save_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def show_insats(self, insats: Insats, organisations: list[Organisation], applications: list[str]) -> None:
        self.insats = copy.deepcopy(insats)
        _set(self.lines["name"], insats.name)
        for name in ("kind", "status", "cadence"):
            self.combos[name].setCurrentIndex(max(0, self.combos[name].findData(getattr(insats, name))))
        self.combos["owner"].clear()
        self.combos["owner"].addItem("", None)
        for org in organisations:
            self.combos["owner"].addItem(org.name, org.id)
        index = self.combos["owner"].findData(insats.owner_id) if insats.owner_id else -1
        if index >= 0:
            self.combos["owner"].setCurrentIndex(index)
        else:
            self.combos["owner"].setEditText(insats.owner)
        _set(self.lines["contact"], insats.contact)
        _set(self.lines["period_start"], insats.period_start.isoformat() if insats.period_start else "")
        _set(self.lines["period_end"], insats.period_end.isoformat() if insats.period_end else "")
        _set(self.lines["target_group"], insats.target_group)
        self.counts["planned_women"].setValue(-1 if insats.planned_women is None else insats.planned_women)
        self.counts["planned_men"].setValue(-1 if insats.planned_men is None else insats.planned_men)
        self.combos["inriktning"].setCurrentIndex(max(0, self.combos["inriktning"].findData(inriktning_of(insats))))
        self.esf.setChecked(insats.esf)
        for name in ("planned_structural", "structural_share"):
            value = getattr(insats, name)
            self.counts[name].setValue(-1 if value is None else value)
        self._show_parts()
        if self.note.toPlainText() != insats.note:  # the cursor stays where it is after an autosave
            self.note.setPlainText(insats.note)
        self.applications.setText("\n".join(applications) or self.tr("Ingen (insatsen skapades direkt)."))
        for message in (*self.messages.values(), self.message):
            message.clear_message()

    def read(self) -> Insats | None:
        """The insats as the form shows it, or None with the errors next to their fields."""
        if self.insats is None:
            return None
        for message in self.messages.values():
            message.clear_message()
        out = copy.deepcopy(self.insats)
        out.name = self.lines["name"].text().strip()
        out.kind, out.status, out.cadence = (self.combos[n].currentData() for n in ("kind", "status", "cadence"))
        owner_text = self.combos["owner"].currentText().strip()
        index = self.combos["owner"].findText(owner_text)
        out.owner_id = self.combos["owner"].itemData(index) if index > 0 else None
        out.owner = owner_text
        out.contact = self.lines["contact"].text().strip()
        try:
            out.period_start = parse_date(self.lines["period_start"].text())
            out.period_end = parse_date(self.lines["period_end"].text())
        except DateError as exc:
            self.messages["period"].show_error(str(exc))
            return None
        out.target_group = self.lines["target_group"].text().strip()
        out.planned_women = None if self.counts["planned_women"].value() < 0 else self.counts["planned_women"].value()
        out.planned_men = None if self.counts["planned_men"].value() < 0 else self.counts["planned_men"].value()
        chosen = self.combos["inriktning"].currentData()
        # An insats whose inriktning only follows its kind keeps "" until the user picks another one.
        out.inriktning = "" if not self.insats.inriktning and chosen == inriktning_of(out) else chosen
        out.esf = self.esf.isChecked()
        out.planned_structural = None if self.counts["planned_structural"].value() < 0 else \
            self.counts["planned_structural"].value()
        out.structural_share = None if self.counts["structural_share"].value() < 0 else \
            self.counts["structural_share"].value()
        out.note = self.note.toPlainText()
        return out

    def _show_parts(self) -> None:
        """The structural fields only where the insats has a strukturövergripande part; the share only for both."""
        chosen = self.combos["inriktning"].currentData()
        self.form.setRowVisible(self._rows["planned_structural"], chosen in ("struktur", "bada"))
        self.form.setRowVisible(self._rows["structural_share"], chosen == "bada")

    def show_errors(self, fields: dict[str, str]) -> None:
        for name, text in fields.items():
            target = self.messages.get(name)
            if target is not None:
                target.show_error(text)
            else:
                self.message.show_error(text)

    def is_dirty(self) -> bool:
        if self.insats is None:
            return False
        current = self.read()  # None: something typed cannot be read (the field says why), so it is not saved
        return current is None or current != self.insats


def _set(field: QLineEdit, text: str) -> None:
    """Show `text`; a field that shows it already keeps its cursor (the form is shown again after each save)."""
    if field.text() != text:
        field.setText(text)
