"""Antal per period: for an insats without individual records, how many women and men were new, still taking
part at the end of the period, and ended — one row a period (a tertial by default)."""
from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import DateError, parse_date
from ...domain.participants import MODES, CountPeriod
from ...services import participant_changes as changes
from ...services import participants as service
from ...services.errors import ValidationError
from ..date_edit import DateEdit
from ..dialogs import confirm
from ..rows_model import Column, RowsModel
from ..widgets import MessageLabel, list_view, refill

if TYPE_CHECKING:
    import sqlite_utils
    from PySide6.QtCore import QModelIndex

    from .host import ParticipantsHost

COLUMNS = (
    Column("Period", lambda c: f"{c.start.isoformat()} – {c.end.isoformat()}", key=lambda c: c.start),
    Column("Nya kvinnor", lambda c: str(c.new_women), key=lambda c: c.new_women, right=True),
    Column("Nya män", lambda c: str(c.new_men), key=lambda c: c.new_men, right=True),
    Column("Pågående kvinnor", lambda c: str(c.ongoing_women), key=lambda c: c.ongoing_women, right=True),
    Column("Pågående män", lambda c: str(c.ongoing_men), key=lambda c: c.ongoing_men, right=True),
    Column("Avslutade kvinnor", lambda c: str(c.ended_women), key=lambda c: c.ended_women, right=True),
    Column("Avslutade män", lambda c: str(c.ended_men), key=lambda c: c.ended_men, right=True),
    Column("Deltog", lambda c: str(c.taking_part.total), key=lambda c: c.taking_part.total, right=True),
    Column("Anteckning", lambda c: c.note, tooltip=True),
)


class CountsTab(QWidget):
    """Public: reload(), insats, model, table, fields (start, end, the six counts, note), message, warnings,
    new_period(), save_period(), delete_period()."""

    def __init__(self, page: ParticipantsHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.period: CountPeriod | None = None
        self.insats = QComboBox()
        self.model = RowsModel(COLUMNS, self)
        self.table = list_view(self.model, (190, 95, 80, 120, 100, 125, 105, 70), stretch=8)
        self.lines = {"start": DateEdit(), "end": DateEdit(), "note": QLineEdit()}
        self.counts: dict[str, QSpinBox] = {}
        for name in CountPeriod.COUNT_FIELDS:
            spin = QSpinBox()
            spin.setRange(0, 100_000)
            self.counts[name] = spin
        self.fields: dict[str, QWidget] = {**self.lines, **self.counts}
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Period")), 0, 0)
        period = QHBoxLayout()
        period.addWidget(self.lines["start"])
        period.addWidget(QLabel("–"))
        period.addWidget(self.lines["end"])
        grid.addLayout(period, 0, 1, 1, 2)
        grid.addWidget(QLabel(self.tr("Kvinnor")), 1, 1)
        grid.addWidget(QLabel(self.tr("Män")), 1, 2)
        for row, (label, prefix) in enumerate((("Nya under perioden", "new"),
                                               ("Pågående vid periodens slut", "ongoing"),
                                               ("Avslutade under perioden", "ended")), start=2):
            grid.addWidget(QLabel(self.tr(label)), row, 0)
            grid.addWidget(self.fields[f"{prefix}_women"], row, 1)
            grid.addWidget(self.fields[f"{prefix}_men"], row, 2)
        grid.addWidget(QLabel(self.tr("Anteckning")), 5, 0)
        grid.addWidget(self.lines["note"], 5, 1, 1, 2)
        grid.setColumnStretch(3, 1)
        for name in CountPeriod.COUNT_FIELDS:
            self.fields[name].setMinimumWidth(110)
        self.new_button = QPushButton(self.tr("Ny period"))
        self.save_button = QPushButton(self.tr("Spara perioden"))
        self.delete_button = QPushButton(self.tr("Ta bort…"))
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.message, self.warnings = MessageLabel(), MessageLabel()
        self.hint = QLabel(self.tr("Här visas insatser som redovisar ”%s”. Byt redovisning under fliken Register.")
                           % MODES["antal"].lower())
        self.hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Insats")))
        top.addWidget(self.insats, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warnings)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.insats.currentIndexChanged.connect(lambda: self._show_periods())
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.new_button.clicked.connect(self.new_period)
        self.save_button.clicked.connect(self.save_period)
        self.delete_button.clicked.connect(self.delete_period)
        for name in ("start", "end", "note"):
            self.lines[name].returnPressed.connect(self.save_period)

    @property
    def db(self) -> sqlite_utils.Database | None:
        return self.page.db

    @property
    def database(self) -> sqlite_utils.Database:
        """The open file (the tab acts only once the page has one)."""
        assert self.page.db is not None, "no file is open"
        return self.page.db

    def reload(self) -> None:
        if self.db is None:
            return
        chosen = self.insats.currentData()
        self.choices = [c for c in service.insatser(self.database) if c.mode == "antal"]
        if chosen is None:  # first time: an insats that has counts already
            counted = {c.insats_id for c in service.count_periods_all(self.database)}
            chosen = next((c.id for c in self.choices if c.id in counted), None)
        refill(self.insats, ((c.name, c.id) for c in self.choices), chosen)
        self._show_periods()

    def _show_periods(self, keep: int | None = None) -> None:
        insats_id = self.insats.currentData()
        for widget in (self.table, self.new_button, self.save_button, self.delete_button, *self.fields.values()):
            widget.setEnabled(insats_id is not None)
        periods = service.count_periods(self.database, insats_id) if insats_id is not None else []
        self.model.set_rows(periods)
        warnings = service.count_warnings(self.database, insats_id) if insats_id is not None else []
        self.warnings.show_warning("\n".join(warnings))
        row = self.model.row_of(keep)
        if row >= 0:
            self.table.selectRow(row)
        elif insats_id is not None:
            self.new_period()

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        period = self.model.row_at(current.row()) if current.isValid() else None
        if period is not None:
            self._show(copy.deepcopy(period))

    def _show(self, period: CountPeriod) -> None:
        self.period = period
        self.lines["start"].setText(period.start.isoformat())
        self.lines["end"].setText(period.end.isoformat())
        self.lines["note"].setText(period.note)
        for name in CountPeriod.COUNT_FIELDS:
            self.counts[name].setValue(getattr(period, name))
        self.message.clear_message()

    def new_period(self) -> None:
        insats = next((c for c in self.choices if c.id == self.insats.currentData()), None)
        if insats is None:
            return
        start, end = service.next_count_period(self.database, insats)
        self.table.clearSelection()
        self._show(CountPeriod(insats.id, start, end))
        self.counts["new_women"].setFocus()

    def save_period(self) -> None:
        if self.period is None:
            return
        c = copy.deepcopy(self.period)
        try:
            start, end = parse_date(self.lines["start"].text()), parse_date(self.lines["end"].text())
        except DateError as exc:
            self.message.show_error(str(exc))
            return
        if start is None or end is None:
            self.message.show_error(self.tr("Perioden behöver start- och slutdatum."))
            return
        c.start, c.end = start, end
        for name in CountPeriod.COUNT_FIELDS:
            setattr(c, name, self.counts[name].value())
        c.note = self.lines["note"].text().strip()
        try:
            self.page.push(changes.save_count_period(self.database, c))
        except ValidationError as exc:
            self.message.show_error(str(exc))
            return
        self._show_periods(keep=c.id)
        self.message.show_info(self.tr("Sparat."))
        self.page.changed.emit()

    def delete_period(self) -> None:
        if self.period is None or self.period.id is None:
            return
        if not confirm(self, self.tr("Ta bort period"), self.tr("Ta bort perioden %s – %s?") % (
                self.period.start.isoformat(), self.period.end.isoformat())):
            return
        self.page.push(changes.delete_count_period(self.database, self.period.id))
        self._show_periods()
        self.message.show_info(self.tr("Perioden är borttagen (Ctrl+Z ångrar)."))
        self.page.changed.emit()
