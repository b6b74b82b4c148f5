"""Statistik: participants by gender and age band, outcome shares, time in the insats and cost per participant,
for one insats or the whole förbund, per year or all time; the same as Excel and PDF. Every table adds up: its
parts, its total in bold, then the "varav" rows beside it in italics."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.money import format_kr
from ...domain.participant_statistics import BESIDE, SUM, CountTable, Statistics, months, percent
from ...domain.participants import MODES
from ...services import participant_files as files_service
from ...services import participants as service
from ..widgets import MessageLabel, item, refill

if TYPE_CHECKING:
    import sqlite_utils

    from .host import ParticipantsHost



def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], kinds: list[str] | None = None, text_columns: int = 1) -> None:
    """The rows as text, the columns after the first `text_columns` right-aligned; a row of kind SUM in bold,
    BESIDE in italics."""
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        kind = kinds[r] if kinds else ""
        for c, text in enumerate(values):
            cell = item(text, align_right=c >= text_columns, editable=False)
            if kind:
                font = cell.font()
                font.setBold(kind == SUM)
                font.setItalic(kind == BESIDE)
                cell.setFont(font)
            table.setItem(r, c, cell)
    table.resizeColumnsToContents()
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    height = table.horizontalHeader().height() + sum(table.rowHeight(i) for i in range(len(rows))) + 4
    table.setFixedHeight(height)


def _show(widget: QTableWidget, table: CountTable, share: bool = False) -> None:
    lines = table.lines()
    _fill(widget, [[label, str(split.women), str(split.men), str(split.total),
                    *([percent(table.share(split))] if share else [])] for label, split, _kind in lines],
          [kind for _, _, kind in lines])


class StatisticsTab(QWidget):
    """Public: reload(), scope, year, stats (the shown Statistics), participants, ages, outcomes, per_insats,
    time, cost, export(fmt, path)."""

    def __init__(self, page: ParticipantsHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.stats: Statistics | None = None
        self.scope, self.year = QComboBox(), QComboBox()
        self.excel_button = QPushButton(self.tr("Exportera till Excel…"))
        self.pdf_button = QPushButton(self.tr("Spara som PDF…"))
        top = QHBoxLayout()
        for label, widget in (("Visa", self.scope), ("År", self.year)):
            top.addWidget(QLabel(self.tr(label)))
            top.addWidget(widget, 1 if widget is self.scope else 0)
        top.addStretch(1)
        top.addWidget(self.excel_button)
        top.addWidget(self.pdf_button)
        gender = [self.tr("Kvinnor"), self.tr("Män"), self.tr("Totalt")]
        self.participants = _table(["", *gender])  # the box's title names the table
        self.ages = _table([self.tr("Ålder"), *gender])
        self.outcomes = _table([self.tr("Utfall"), *gender, self.tr("Andel")])
        self.per_insats = _table([self.tr(h) for h in ("Insats", "Redovisning", "Kvinnor", "Män", "Totalt", "Nya",
                                                       "Avslutade", "Kostnad per deltagare")])
        self.time, self.cost = QLabel(), QLabel()
        for text_label in (self.time, self.cost):
            text_label.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(self._box("Deltagare", self.participants, self.time, self.cost), 0, 0)
        age_note = QLabel(self.tr("Ålder = startår − födelseår. 16–29 ingår i de andra grupperna och visas vid sidan "
                                  "av dem."))
        grid.addWidget(self._box("Ålder vid start", self.ages, age_note), 0, 1)
        grid.addWidget(self._box("Utfall vid avslut", self.outcomes), 0, 2)
        self.per_insats_box = self._box("Per insats", self.per_insats)
        self.message = MessageLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(self.per_insats_box, 1)
        layout.addWidget(self.message)
        self.scope.currentIndexChanged.connect(lambda: self.show_statistics())
        self.year.currentIndexChanged.connect(lambda: self.show_statistics())
        self.excel_button.clicked.connect(lambda: self.export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))

    def _box(self, title: str, *widgets: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr(title))
        layout = QVBoxLayout(box)
        for widget in widgets:
            if isinstance(widget, QLabel):
                widget.setWordWrap(True)
            layout.addWidget(widget)
        layout.addStretch(1)
        return box

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
        scope, year = self.scope.currentData(), self.year.currentData()
        insatser = service.insatser(self.database)
        refill(self.scope, [(self.tr("Hela förbundet"), None), *((c.name, c.id) for c in insatser)], scope)
        years = service.years(self.database) or [date.today().year]
        refill(self.year, [*((str(y), y) for y in reversed(years)), (self.tr("Hela tiden"), 0)],
               date.today().year if year is None else year)
        self.show_statistics()

    def _chosen(self) -> tuple[int | None, int | None]:
        return self.year.currentData() or None, self.scope.currentData()

    def show_statistics(self) -> None:
        year, insats_id = self._chosen()
        s = self.stats = files_service.statistics(self.database, year, insats_id)
        _show(self.participants, s.participant_table)
        _show(self.ages, s.ages)
        _show(self.outcomes, s.outcomes, share=True)
        women, men, everyone = (months(d) or "–" for d in s.average_days)
        self.time.setText(self.tr("Genomsnittlig tid för avslutade: kvinnor %s, män %s, alla %s.")
                          % (women, men, everyone))
        self.cost.setText(self.tr("Utfall (fakturerat): %s. Kostnad per deltagare: %s.") % (
            format_kr(s.utfall) or "–", format_kr(s.cost_per_participant) or "–"))
        self.per_insats_box.setVisible(insats_id is None)
        if insats_id is None:
            lines = [(line.name, MODES.get(line.mode, line.mode), line.stats)
                     for line in files_service.per_insats(self.database, year)]
            lines.append((self.tr("Summa"), "", s))
            _fill(self.per_insats, [[name, mode, str(x.participants.women), str(x.participants.men),
                                     str(x.participants.total), str(x.new.total), str(x.ended.total),
                                     format_kr(x.cost_per_participant) or "–"] for name, mode, x in lines],
                  [""] * (len(lines) - 1) + [SUM], text_columns=2)
            self.per_insats.setMinimumHeight(0)
            self.per_insats.setMaximumHeight(16_777_215)

    def export(self, fmt: str, path: str | None = None) -> None:
        from ..file_out import save_document

        year, insats_id = self._chosen()
        make = files_service.statistics_xlsx if fmt == "xlsx" else files_service.statistics_pdf
        name = f"Deltagarstatistik {year or 'hela tiden'} {self.scope.currentText()[:40].replace('/', '-')}"
        save_document(self, self.message, self.tr("Spara statistiken"), Path.home() / f"{name}.{fmt}",
                      lambda: make(self.database, year, insats_id), path)
