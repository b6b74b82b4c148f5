"""Översikt, the start page: this year's money, applications waiting, reports due — each line leads to its item."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.money import format_kr
from ...domain.statuses import WAITING, label
from ..widgets import MessageLabel
from .chart import SpendingChart

if TYPE_CHECKING:
    import sqlite_utils

OVERDUE = "#b3261e"


class Tile(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(title)
        self.value = QLabel()
        self.value.setStyleSheet("font-size: 17pt; font-weight: 600;")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.value)


class OverviewPage(QWidget):
    """Public: set_database(db), reload(), tiles (dict name → Tile), waiting (QListWidget of applications),
    reports (QListWidget), chart, warnings; signals open_application(id), open_insats(id)."""

    open_application = Signal(object)  # an id: 63 bits (store/ids.py), more than a Qt int holds
    open_insats = Signal(object)  # an id: 63 bits (store/ids.py), more than a Qt int holds
    changed = Signal()  # never emitted: the overview changes nothing

    def __init__(self, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.db: sqlite_utils.Database | None = None
        self.today = today
        self.search = None  # nothing to search here
        self.splitter = None
        self.undo_stack = None
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.tiles = {key: Tile(title) for key, title in (
            ("budget", self.tr("Budget för insatser och drift")), ("granted", self.tr("Beviljat till insatser")),
            ("spent", self.tr("Fakturerat")), ("remaining", self.tr("Kvar av beviljat")),
            ("equity", self.tr("Eget kapital, prognos vid årets slut")))}
        tiles = QHBoxLayout()
        for tile in self.tiles.values():
            tiles.addWidget(tile)
        self.warnings = MessageLabel()
        self.chart = SpendingChart()
        self.waiting = QListWidget()
        self.reports = QListWidget()
        for widget in (self.waiting, self.reports):
            widget.setMinimumHeight(160)
            widget.itemActivated.connect(self._activated)
            widget.itemClicked.connect(self._activated)
        lists = QGridLayout()
        lists.addWidget(QLabel(self.tr("<b>Ansökningar som väntar på beredning eller styrelse</b>")), 0, 0)
        lists.addWidget(QLabel(self.tr("<b>Rapporter: försenade och de som ska in inom 30 dagar</b>")), 0, 1)
        lists.addWidget(self.waiting, 1, 0)
        lists.addWidget(self.reports, 1, 1)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addLayout(tiles)
        layout.addWidget(self.warnings)
        layout.addWidget(self.chart)
        layout.addLayout(lists)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    @property
    def database(self) -> sqlite_utils.Database:
        """The open file (the page acts only once set_database has given it one)."""
        assert self.db is not None, "set_database first"
        return self.db

    def set_database(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.reload()

    def shown(self) -> None:
        self.reload()

    def leave(self) -> None:
        pass

    def save_if_dirty(self) -> bool:
        return True

    def reload(self) -> None:
        from ...services import overview as service

        o = service.overview(self.database, self.today)
        self.heading.setText(self.tr("Översikt %d") % o.year)
        self.tiles["budget"].value.setText(format_kr(o.budget) if o.has_budget else self.tr("ingen budget"))
        self.tiles["granted"].value.setText(format_kr(o.granted))
        self.tiles["spent"].value.setText(format_kr(o.spent))
        self.tiles["remaining"].value.setText(format_kr(o.remaining))
        self.tiles["equity"].value.setText(format_kr(o.equity_prognos) if o.equity_prognos is not None else "–")
        self.warnings.show_warning("\n".join(o.warnings))
        self.chart.set_data(o.spent_by_month, o.granted, o.today.month)
        self.waiting.clear()
        for row in o.waiting:
            text = f"{row.diarienummer}  {row.name} – {WAITING[row.status].lower()}"
            self._add(self.waiting, text, ("application", row.id), label(row.status))
        if not o.waiting:
            self._add(self.waiting, self.tr("Inga ansökningar väntar."), None)
        self.reports.clear()
        for due in o.due:
            r = due.report
            late = r.overdue(o.today)
            when = (self.tr("Försenad sedan %s") if late else self.tr("Senast %s")) % r.due.isoformat()
            item = self._add(self.reports, f"{when}: {r.title} – {due.insats_name}", ("insats", r.insats_id))
            if late:
                item.setForeground(QColor(OVERDUE))
        if not o.due:
            self._add(self.reports, self.tr("Inga rapporter är försenade eller ska in inom 30 dagar."), None)

    @staticmethod
    def _add(widget: QListWidget, text: str, target: tuple[str, int | None] | None,
             tooltip: str = "") -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, target)
        if tooltip:
            item.setToolTip(tooltip)
        widget.addItem(item)
        return item

    def _activated(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if not target:
            return
        kind, item_id = target
        (self.open_application if kind == "application" else self.open_insats).emit(item_id)
