"""Förbundets inställningar: name, organisationsnummer, address, förbundschef, the logo printed on its documents,
default form, and how many days after a tertial its report is due."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from ...domain.registers import Forbund
from ...services import insatser, registers, report_data
from ...services.errors import ServiceError, ValidationError
from ...services.templates import list_templates
from ..widgets import MessageLabel

if TYPE_CHECKING:
    import sqlite_utils
    from PySide6.QtWidgets import QWidget


LOGO_HEIGHT = 56  # px of the preview


class ForbundDialog(QDialog):
    """Public: the fields, logo (bytes or None, saved with Spara), logo_preview, choose_logo(path=None),
    remove_logo(), messages, message."""

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
        self.logo: bytes | None = report_data.logo(db)
        self._logo_changed = False
        self.logo_preview = QLabel()
        self.logo_preview.setMinimumHeight(LOGO_HEIGHT)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.logo_button = QPushButton(self.tr("Välj bild…"))
        self.logo_button.setToolTip(self.tr("En PNG- eller JPEG-bild på högst 2 MB. Den står överst i förbundets "
                                            "dokument: beslutsbrev, årsredovisning, delårsrapport med flera."))
        self.logo_button.clicked.connect(lambda: self.choose_logo())
        self.logo_remove = QPushButton(self.tr("Ta bort"))
        self.logo_remove.clicked.connect(self.remove_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview, 1)
        logo_row.addWidget(self.logo_button)
        logo_row.addWidget(self.logo_remove)
        self._show_logo()
        self.messages = {k: MessageLabel() for k in ("name", "orgnr", "logo")}
        self.message = MessageLabel()
        form = QFormLayout()
        form.addRow(self.tr("Namn"), self.name)
        form.addRow("", self.messages["name"])
        form.addRow(self.tr("Organisationsnummer"), self.orgnr)
        form.addRow("", self.messages["orgnr"])
        form.addRow(self.tr("Adress"), self.address)
        form.addRow(self.tr("Förbundschef"), self.chef)
        form.addRow(self.tr("Logotyp"), logo_row)
        form.addRow("", self.messages["logo"])
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
            if self._logo_changed:
                report_data.set_logo(self.db, self.logo)
        except ValidationError as exc:
            for key, text in exc.fields.items():
                self.messages.get(key, self.message).show_error(text)
            return
        except ServiceError as exc:
            self.message.show_error(str(exc))
            return
        super().accept()

    def choose_logo(self, path: str | None = None) -> None:
        """Logotyp: a PNG or JPEG picked (or `path`), shown, and saved with Spara; a file that is no picture or is
        bigger than 2 MB is refused with a message and changes nothing."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Välj logotyp"), str(Path.home()),
                                                  self.tr("Bilder (*.png *.jpg *.jpeg);;Alla filer (*)"))
            if not path:
                return
        self.messages["logo"].clear_message()
        try:
            data = report_data.read_logo(path)
        except ValidationError as exc:
            self.messages["logo"].show_error(str(exc))
            return
        if QPixmap().loadFromData(data) is False:
            self.messages["logo"].show_error(self.tr("Bilden i %s går inte att läsa; välj en annan PNG- eller "
                                                     "JPEG-bild.") % Path(path).name)
            return
        self.logo, self._logo_changed = data, True
        self._show_logo()

    def remove_logo(self) -> None:
        self.messages["logo"].clear_message()
        self.logo, self._logo_changed = None, True
        self._show_logo()

    def _show_logo(self) -> None:
        pixmap = QPixmap()
        if self.logo and pixmap.loadFromData(self.logo):
            self.logo_preview.setPixmap(pixmap.scaledToHeight(LOGO_HEIGHT, Qt.TransformationMode.SmoothTransformation))
        else:
            self.logo_preview.setText(self.tr("Ingen logotyp"))
        self.logo_preview.setToolTip("" if self.logo else self.tr("Utan logotyp står bara förbundets namn överst i "
                                                                  "dokumenten."))
        self.logo_remove.setEnabled(self.logo is not None)
