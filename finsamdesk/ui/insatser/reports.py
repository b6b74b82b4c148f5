"""Rapporter: the reports an insats owes, made by rule and editable; overdue ones stand out in red."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...domain.insatser import Report
from ..rows_model import Column, RowsModel
from ..widgets import MessageLabel, list_view

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex

OVERDUE, RECEIVED = "#b3261e", "#2e7d32"


def state(report: Report, today: date) -> str:
    if report.received_on:
        return "Mottagen"
    if report.overdue(today):
        return f"Försenad ({(today - report.due).days} dagar)"
    return "Kommande"


class ReportsTab(QWidget):
    """Public: show_reports(reports), model, table, buttons; signals mark_received(id, date|None), add(),
    edit(Report), remove(id), regenerate()."""

    mark_received = Signal(object, object)  # report id (63 bits), date
    add = Signal()
    edit = Signal(object)
    remove = Signal(object)  # an id: 63 bits (store/ids.py), more than a Qt int holds
    regenerate = Signal()

    def __init__(self, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.today = today or date.today()
        columns = (
            Column("Rapport", lambda r: r.title),
            Column("Avser", lambda r: f"{r.period_start} – {r.period_end}" if r.period_start else "",
                   key=lambda r: r.period_start),
            Column("Sista dag", lambda r: r.due.isoformat(), key=lambda r: r.due),
            Column("Mottagen", lambda r: r.received_on.isoformat() if r.received_on else "",
                   key=lambda r: r.received_on),
            Column("Läge", lambda r: state(r, self.today)),
            Column("Notering", lambda r: r.note, tooltip=True),
        )
        self.model = RowsModel(columns, self, sort=(2, Qt.SortOrder.AscendingOrder),
                               colour=lambda r: RECEIVED if r.received_on
                               else OVERDUE if r.overdue(self.today) else None)
        self.table = list_view(self.model, (200, 190, 95, 95, 130), stretch=5, sort_column=2)
        self.table.doubleClicked.connect(self._edit)
        self.buttons = {
            "received": QPushButton(self.tr("Markera mottagen idag")),
            "not_received": QPushButton(self.tr("Ej mottagen")),
            "edit": QPushButton(self.tr("Ändra…")),
            "add": QPushButton(self.tr("Lägg till rapport…")),
            "remove": QPushButton(self.tr("Ta bort…")),
            "regenerate": QPushButton(self.tr("Skapa enligt regeln igen")),
        }
        self.buttons["regenerate"].setToolTip(self.tr(
            "Tertialrapport efter varje tertial, årsrapport senast 31 januari, slutrapport två månader efter slutet. "
            "Mottagna och ändrade rapporter behålls."))
        self.buttons["received"].clicked.connect(
            lambda: self._selected(lambda r: self.mark_received.emit(r.id, self.today)))
        self.buttons["not_received"].clicked.connect(
            lambda: self._selected(lambda r: self.mark_received.emit(r.id, None)))
        self.buttons["edit"].clicked.connect(lambda: self._selected(self.edit.emit))
        self.buttons["add"].clicked.connect(self.add)
        self.buttons["remove"].clicked.connect(lambda: self._selected(lambda r: self.remove.emit(r.id)))
        self.buttons["regenerate"].clicked.connect(self.regenerate)
        self.message = MessageLabel()
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)

    def show_reports(self, reports: list[Report]) -> None:
        keep = self.current()
        self.model.set_rows(reports)
        row = self.model.row_of(keep.id if keep else None)
        if row >= 0:
            self.table.selectRow(row)
        late = sum(r.overdue(self.today) for r in reports)
        if late:
            self.message.show_error(self.tr("1 rapport är försenad.") if late == 1
                                    else self.tr("%d rapporter är försenade.") % late)
        else:
            self.message.clear_message()

    def current(self) -> Report | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _selected(self, action: Callable[[Report], object]) -> None:
        report = self.current()
        if report is None:
            self.message.show_error(self.tr("Markera en rapport först."))
            return
        action(report)

    def _edit(self, _index: QModelIndex) -> None:
        self._selected(self.edit.emit)
