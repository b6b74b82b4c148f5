"""Dialogs of the insatser page: one report, and an insats from a granted application."""
from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from ...domain.dates import DateError, parse_date, parse_range
from ...domain.insatser import REPORT_KINDS, Report
from ...domain.money import format_kr
from ..date_edit import DateEdit
from ..dialogs import ok_cancel
from ..picker import SearchList
from ..widgets import DATE_PLACEHOLDER, MessageLabel, fit_placeholder

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ...domain.application import Application


class ReportDialog(QDialog):
    """Edit or add a report; `result_report` holds it after OK (checked: title and due date)."""

    def __init__(self, report: Report, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rapport"))
        self.report = copy.deepcopy(report)
        self.result_report: Report | None = None
        self.title = QLineEdit(report.title)
        self.kind = QComboBox()
        for key, text in REPORT_KINDS.items():
            self.kind.addItem(text, key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(report.kind)))
        self.due = DateEdit(report.due.isoformat() if report.due else "")
        both = report.period_start and report.period_end
        period = f"{report.period_start:%Y-%m-%d} – {report.period_end:%Y-%m-%d}" if both else ""
        self.period = QLineEdit(period)
        self.period.setPlaceholderText(f"{DATE_PLACEHOLDER} – {DATE_PLACEHOLDER}")
        fit_placeholder(self.period)
        self.received = DateEdit(report.received_on.isoformat() if report.received_on else "")
        self.received.setPlaceholderText(self.tr("tomt = inte mottagen"))
        self.note = QLineEdit(report.note)
        self.message = MessageLabel()
        form = QFormLayout()
        for label, widget in (("Rubrik", self.title), ("Slag", self.kind), ("Sista dag", self.due),
                              ("Avser period", self.period), ("Mottagen", self.received), ("Notering", self.note)):
            form.addRow(self.tr(label), widget)
        buttons = ok_cancel(self, self._accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        r = self.report
        try:
            due = parse_date(self.due.text())
            r.received_on = parse_date(self.received.text())
            typed = self.period.text().strip()
            r.period_start, r.period_end = parse_range(self.period.text()) if typed else (None, None)
        except DateError as exc:
            self.message.show_error(str(exc))
            return
        r.title, r.kind, r.note = self.title.text().strip(), self.kind.currentData(), self.note.text().strip()
        if due is not None:
            r.due = due
        if not r.title or due is None:
            self.message.show_error(self.tr("Rapporten behöver en rubrik och en sista dag."))
            return
        self.result_report = r
        self.accept()


class FromApplicationDialog(QDialog):
    """Pick a granted application not yet an insats, and whether it starts a new insats or extends one."""

    def __init__(self, applications: list[Application], insatser: list[Any], parent: QWidget | None = None,
                 preselect: int | None = None):
        """`insatser`: the InsatsRows an application may extend."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Insats från beviljad ansökan"))
        self._ids = [app.id for app in applications]
        names = [f"{app.diarienummer} {app.name} (beviljat {format_kr(sum(app.granted_by_year.values()))})"
                 for app in applications]
        current = self._ids.index(preselect) if preselect in self._ids else 0
        self.application = SearchList(names, current, placeholder=self.tr("Skriv för att söka diarienummer eller namn"))
        self.target = QComboBox()
        self.target.addItem(self.tr("Ny insats"), None)
        for row in insatser:
            self.target.addItem(self.tr("Utöka ”%s”") % row.name, row.id)
        form = QFormLayout()
        form.addRow(self.tr("Ansökan"), self.application)
        form.addRow(self.tr("Blir"), self.target)
        hint = QLabel(self.tr("En ansökan för ett senare år kan utöka samma insats: perioden vidgas och årets "
                              "beviljade belopp läggs till."))
        hint.setWordWrap(True)
        buttons = ok_cancel(self, self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.application.changed.connect(lambda: ok.setEnabled(self.application.chosen() is not None))
        self.application.picked.connect(self.accept)
        ok.setEnabled(self.application.chosen() is not None)
        if not applications:
            self.application.empty.setText(self.tr("Ingen beviljad ansökan är utan insats."))
            self.application.empty.show()
        self.application.setFocus()
        self.resize(600, 380)  # the names whole

    def choice(self) -> tuple[int | None, int | None]:
        chosen = self.application.chosen()
        return (self._ids[chosen] if chosen is not None else None), self.target.currentData()

