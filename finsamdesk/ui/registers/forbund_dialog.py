"""Förbundets inställningar: name, organisationsnummer, address, förbundschef, default form, and how many
days after a tertial its report is due."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from ...domain.registers import Forbund
from ...services import insatser, registers
from ...services.errors import ServiceError, ValidationError
from ...services.templates import list_templates
from ..widgets import MessageLabel

if TYPE_CHECKING:
    import sqlite_utils
    from PySide6.QtWidgets import QWidget


class ForbundDialog(QDialog):
    def __init__(self, db: sqlite_utils.Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Förbundets inställningar"))
        self.setMinimumWidth(520)
        f = registers.forbund(db)
        self.is_example = f.is_example
        self.name, self.orgnr = QLineEdit(f.name), QLineEdit(f.orgnr)
        self.address, self.chef = QLineEdit(f.address), QLineEdit(f.forbundschef)
        self.template = QComboBox()
        for t in list_templates():
            if t.outgoing:  # the default is for applications the förbund receives
                continue
            self.template.addItem(t.name, t.id)
        self.template.setCurrentIndex(max(0, self.template.findData(f.default_template)))
        self.tertial_days = QSpinBox()
        self.tertial_days.setRange(0, 120)
        self.tertial_days.setSuffix(self.tr(" dagar"))
        self.tertial_days.setValue(insatser.tertial_days(db))
        self.tertial_days.setToolTip(self.tr("Nya och omskapade rapporter får sitt sista datum så här många dagar "
                                             "efter tertialets slut. Mottagna och ändrade rapporter ändras inte."))
        self.messages = {k: MessageLabel() for k in ("name", "orgnr")}
        self.message = MessageLabel()
        form = QFormLayout()
        form.addRow(self.tr("Namn"), self.name)
        form.addRow("", self.messages["name"])
        form.addRow(self.tr("Organisationsnummer"), self.orgnr)
        form.addRow("", self.messages["orgnr"])
        form.addRow(self.tr("Adress"), self.address)
        form.addRow(self.tr("Förbundschef"), self.chef)
        form.addRow(self.tr("Eget ansökningsformulär"), self.template)
        form.addRow(self.tr("Tertialrapport senast"), self.tertial_days)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def accept(self) -> None:
        f = Forbund(self.name.text().strip(), self.orgnr.text().strip(), self.address.text().strip(),
                    self.chef.text().strip(), self.template.currentData(), self.is_example)
        for m in self.messages.values():
            m.clear_message()
        try:
            registers.save_forbund(self.db, f)
            insatser.set_tertial_days(self.db, self.tertial_days.value())
        except ValidationError as exc:
            for key, text in exc.fields.items():
                self.messages.get(key, self.message).show_error(text)
            return
        except ServiceError as exc:
            self.message.show_error(str(exc))
            return
        super().accept()
