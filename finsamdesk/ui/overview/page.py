"""Översikt, the start page: where the förbund stands in a year — budget, beviljat against the ram för insatser,
invoiced, next year's commitments — and what waits: applications, reports due, meetings to come. Every tile and
line leads to what it shows."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.meeting_kinds import KINDS
from ...domain.money import format_kr
from ...domain.statuses import WAITING, label
from ...domain.text import count
from ..widgets import MessageLabel, refill
from .chart import SpendingChart
from .tiles import Tile

if TYPE_CHECKING:
    import sqlite_utils

    from ...services.overview import Overview

OVERDUE = "#b3261e"
WIDE = 1500  # from this width the tiles stand in one row


class OverviewPage(QWidget):
    """Public: set_database(db), reload(), show_year(year), year (combo), chosen_year, tiles (dict name → Tile),
    waiting (QListWidget of applications), reports, meetings (QListWidgets), chart, warnings; signals
    open_application(id), open_insats(id), open_page(page id, year or meeting id)."""

    open_application = Signal(object)  # an id: 63 bits (store/ids.py), more than a Qt int holds
    open_insats = Signal(object)  # an id: 63 bits (store/ids.py), more than a Qt int holds
    open_page = Signal(str, object)  # ("budget" | "insatser", year) or ("meetings", meeting id)
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
        self.year = QComboBox()
        self.year.setAccessibleName(self.tr("År"))
        self.year.currentIndexChanged.connect(lambda: self._show())
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("År:")))
        top.addWidget(self.year)
        top.addStretch(1)
        self.tiles = {key: Tile(self.tr(title)) for key, title in (
            ("budget", "Budget för insatser och drift"), ("granted", "Beviljat till insatser"),
            ("spent", "Fakturerat"), ("remaining", "Kvar av beviljat"),
            ("equity", "Eget kapital, prognos vid årets slut"), ("next_year", "Åtaganden nästa år"))}
        self._targets = {"budget": "budget", "granted": "insatser", "spent": "insatser", "remaining": "insatser",
                         "equity": "budget", "next_year": "insatser"}
        for key, tile in self.tiles.items():
            tile.activated.connect(lambda key=key: self._tile_activated(key))
        self.tile_grid = QGridLayout()
        self._columns = 0
        self._arrange(3)
        self.warnings = MessageLabel()
        self.chart = SpendingChart()
        self.chart.setMinimumHeight(180)
        self.waiting, self.reports, self.meetings = QListWidget(), QListWidget(), QListWidget()
        lists = QGridLayout()
        for column, (widget, title) in enumerate((
                (self.waiting, "<b>Ansökningar som väntar på beredning eller styrelse</b>"),
                (self.reports, "<b>Rapporter: försenade och de som ska in inom 30 dagar</b>"),
                (self.meetings, "<b>Kommande möten</b>"))):
            heading = QLabel(self.tr(title))
            heading.setWordWrap(True)
            lists.addWidget(heading, 0, column, Qt.AlignmentFlag.AlignBottom)
            lists.addWidget(widget, 1, column)
            lists.setColumnStretch(column, 1)
            widget.setMinimumHeight(110)
            widget.setWordWrap(True)  # long lines wrap: no sideways scrolling
            widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            widget.itemActivated.connect(self._activated)
            widget.itemClicked.connect(self._activated)
        lists.setRowStretch(1, 1)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addLayout(self.tile_grid)
        layout.addWidget(self.warnings)
        layout.addWidget(self.chart, 2)
        layout.addLayout(lists, 3)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(body)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the page fits its width
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)

    @property
    def database(self) -> sqlite_utils.Database:
        """The open file (the page acts only once set_database has given it one)."""
        assert self.db is not None, "set_database first"
        return self.db

    @property
    def chosen_year(self) -> int:
        return self.year.currentData() or self._today().year

    def _today(self) -> date:
        return self.today or date.today()

    def set_database(self, db: sqlite_utils.Database) -> None:
        """A new file starts at this year; the page reads it now if it is in view, else when it is shown (the
        window builds a page before showing it: read once, not twice)."""
        self.db = db
        with QSignalBlocker(self.year):
            self.year.clear()
        if self.isVisible():
            self.reload(self._today().year)

    def shown(self) -> None:
        self.reload()

    def leave(self) -> None:
        pass

    def save_if_dirty(self) -> bool:
        return True

    def show_year(self, year: int) -> None:
        self.reload(year)

    def reload(self, year: int | None = None) -> None:
        from ...services import overview as service

        if self.db is None:
            return
        year = year or self.chosen_year
        refill(self.year, ((str(y), y) for y in sorted({*service.years(self.database, self._today()), year})), year)
        self._show()

    def _show(self) -> None:
        from ...services import overview as service

        if self.db is None:
            return
        o = service.overview(self.database, self._today(), self.chosen_year)
        self.heading.setText(self.tr("Översikt"))
        self._fill_tiles(o)
        self.warnings.show_warning("\n".join(o.warnings))
        self.chart.title = (self.tr("Fakturerat hittills i år") if o.year == o.today.year
                            else self.tr("Fakturerat %d") % o.year)
        self.chart.set_data(o.spent_by_month, o.granted, o.months_passed)
        self._fill_lists(o)

    def _fill_tiles(self, o: Overview) -> None:
        t, year = self.tiles, o.year
        t["budget"].set_figure(format_kr(o.budget) if o.has_budget else self.tr("ingen budget"),
                               self.tr("Summa kostnader i budgeten %d") % year)
        if o.frame is None:
            detail, alarm = self.tr("Ingen ram för insatser i budgeten %d.") % year, False
        elif o.unallocated is not None and o.unallocated < 0:
            detail, alarm = self.tr("%s över ramen för insatser (%s).") % (
                format_kr(-o.unallocated), format_kr(o.frame)), True
        else:
            share = round(100 * o.within_frame / o.frame) if o.frame else 0
            detail, alarm = self.tr("%d %% av ramen för insatser %s; ej fördelat %s.") % (
                share, format_kr(o.frame), format_kr(o.unallocated or 0)), False
        if o.within_frame != o.granted and o.frame is not None:
            detail = self.tr("Egna medel %s: ") % format_kr(o.within_frame) + detail
        t["granted"].set_figure(format_kr(o.granted), detail, alarm=alarm)
        t["granted"].set_share(o.within_frame, o.frame)
        t["spent"].set_figure(format_kr(o.spent), self.tr("Fakturor bokförda %d") % year)
        t["remaining"].set_figure(format_kr(o.remaining), self.tr("Beviljat %d minus fakturerat") % year)
        t["equity"].set_figure(format_kr(o.equity_prognos) if o.equity_prognos is not None else "–")
        t["next_year"].title.setText(self.tr("Åtaganden %d") % (year + 1))
        t["next_year"].set_figure(format_kr(o.next_year_granted), self.tr("Beviljat för %d till %s") % (
            year + 1, count(o.next_year_insatser, self.tr("insats"), self.tr("insatser"))))
        for key, tile in t.items():
            page = self.tr("Budget") if self._targets[key] == "budget" else self.tr("Insatser")
            shown = year + 1 if key == "next_year" else year
            tile.setToolTip(self.tr("Klicka för att öppna %s %d") % (page, shown))

    def _fill_lists(self, o: Overview) -> None:
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
        self.meetings.clear()
        for m in o.meetings:
            when = " ".join(part for part in (m.date.isoformat(), m.time) if part)
            where = f", {m.place}" if m.place else ""
            text = f"{when}  {self.tr(KINDS.get(m.kind, m.kind))}{where} – " + count(
                m.applications, self.tr("ansökan"), self.tr("ansökningar"))
            self._add(self.meetings, text, ("meeting", m.id))
        if not o.meetings:
            self._add(self.meetings, self.tr("Inga möten är inplanerade. Planera ett under Möten."), ("meeting", None))

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for tile in self.tiles.values():
            self.tile_grid.removeWidget(tile)
        for index, tile in enumerate(self.tiles.values()):
            self.tile_grid.addWidget(tile, index // columns, index % columns)
        for column in range(6):
            self.tile_grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        self._arrange(6 if event.size().width() >= WIDE else 3)
        super().resizeEvent(event)

    @staticmethod
    def _add(widget: QListWidget, text: str, target: tuple[str, int | None] | None,
             tooltip: str = "") -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, target)
        item.setToolTip(tooltip or text)
        widget.addItem(item)
        return item

    def _tile_activated(self, key: str) -> None:
        year = self.chosen_year + (1 if key == "next_year" else 0)
        self.open_page.emit(self._targets[key], year)

    def _activated(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if not target:
            return
        kind, item_id = target
        if kind == "meeting":
            self.open_page.emit("meetings", item_id)
        else:
            (self.open_application if kind == "application" else self.open_insats).emit(item_id)
