"""Nästa steg: move an application one step through the workflow, with date, note, who and money."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from ...domain import workflow
from ...domain.application import Application
from ...domain.dates import DateError, parse_date
from ...domain.money import AmountError, format_amount, parse_amount
from ...domain.statuses import GRANTED
from ...domain.statuses import label as status_label
from ...services import applications
from ...services.errors import ServiceError
from ..date_edit import DateEdit
from ..dialogs import ok_cancel
from ..widgets import MessageLabel

if TYPE_CHECKING:
    import sqlite_utils
    from PySide6.QtWidgets import QWidget


class WorkflowDialog(QDialog):
    def __init__(self, db: sqlite_utils.Database, app: Application, who: str = "", parent: QWidget | None = None,
                 today: date | None = None):
        super().__init__(parent)
        self.db, self.app = db, app
        self.setWindowTitle(self.tr("Nästa steg för %s") % app.diarienummer)
        self.setMinimumWidth(480)
        self.step = QComboBox()
        for status in workflow.next_steps(app.status, app.outgoing):
            self.step.addItem(status_label(status), status)
        self.when = DateEdit((today or date.today()).isoformat())
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(70)
        self.who = QLineEdit(who)
        self.granted_box = QGroupBox(self.tr("Beviljat stöd per kalenderår (kr)") if app.outgoing
                                     else self.tr("Beviljat belopp per kalenderår (kr)"))
        granted_form = QFormLayout(self.granted_box)
        self.granted: dict[int, QLineEdit] = {}
        if app.outgoing:  # the funder's one sum, spread over the project's years by months (editable per year)
            from ...services import own_applications

            sought_by_year = own_applications.support_by_year(app)
            granted_form.addRow(QLabel(self.tr("Sökt stöd %s, fördelat efter projektets månader per år.")
                                       % format_amount(sum(sought_by_year.values()))))
        else:
            sought_by_year = app.budget.sought_by_year()
        for year, sought in sought_by_year.items():
            field = QLineEdit(format_amount(sought, "kr", with_unit=False, sep=" "))
            field.setToolTip(self.tr("Sökt %s") % format_amount(sought))
            self.granted[year] = field
            granted_form.addRow(str(year), field)
        self.message = MessageLabel()
        form = QFormLayout()
        form.addRow(self.tr("Steg"), self.step)
        form.addRow(self.tr("Datum"), self.when)
        form.addRow(self.tr("Anteckning"), self.note)
        form.addRow(self.tr("Vem"), self.who)
        buttons = ok_cancel(self, self.accept, self.tr("Registrera steget"))
        layout = QVBoxLayout(self)
        current = QLabel(self.tr("Nuvarande status: <b>%s</b>") % status_label(app.status))
        layout.addWidget(current)
        if not self.granted and self.step.count():
            self.granted_box.setTitle(self.tr("Budgeten har inga år"))
        layout.addLayout(form)
        layout.addWidget(self.granted_box)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        if not self.step.count():
            self.message.show_error(
                self.tr("Ansökan är %s; inget steg kan följa.") % status_label(app.status).lower())
            buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.step.currentIndexChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.granted_box.setVisible(self.step.currentData() in GRANTED)

    def accept(self) -> None:
        status = self.step.currentData()
        try:
            when = parse_date(self.when.text())
            if when is None:
                raise DateError(self.tr("Ange ett datum."))
            granted: dict[int, int] = {}
            if status in GRANTED:
                for year, field in self.granted.items():
                    value = parse_amount(field.text(), "kr")
                    if value:
                        granted[year] = value
            assert self.app.id is not None  # a saved application
            applications.change_status(self.db, self.app.id, status, when, self.note.toPlainText(),
                                       self.who.text(), granted)
        except (DateError, AmountError, ServiceError) as exc:
            self.message.show_error(str(exc))
            return
        super().accept()
