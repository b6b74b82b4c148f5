"""Uppföljning Finsam: the year's figures in the national system's order, to be typed in field by field.
Ctrl+C copies the selected value as the system wants it (digits only for amounts); a figure that cannot be
computed says why; the one the file cannot know — participants in a strukturövergripande part — is entered
here with a double-click."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain import followup as rules
from ...domain.text import count as counted
from ...services import followup as service
from ...services.errors import ServiceError
from ..rows_model import RIGHT
from ..widgets import MessageLabel, refill
from .exports import ExportButtons

if TYPE_CHECKING:
    from sqlite_utils import Database

MISSING = "#b3261e"
WIDEST_MEASURED = 12  # labels measured for the first column's width
_ROOT = QModelIndex()



def copy_text(figure: rules.Figure) -> str:
    """What Ctrl+C puts on the clipboard: amounts in whole kronor without spaces or unit, counts and text as they
    are."""
    if figure.value is None:
        return ""
    if figure.kind == "money":
        return str(round(int(figure.value) / 100))
    return str(figure.value)


class FollowUpModel(QAbstractTableModel):
    """The figures as rows (a section heading, then its fields), in the national system's order: no sorting."""

    HEADERS = ("Fält", "Värde", "Varför värdet saknas")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[rules.Figure | None, int | None, str]] = []  # (figure, insats id, heading)
        self.bold = QFont()
        self.bold.setBold(True)

    def set_rows(self, rows: list[tuple[rules.Figure | None, int | None, str]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 3

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        figure, _, heading = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if figure is None:
                return heading if column == 0 else ""
            return (figure.label, figure.shown(), figure.why)[column]
        if role == Qt.ItemDataRole.FontRole and figure is None:
            return self.bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1 and figure is not None \
                and figure.kind in ("money", "count"):
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and figure is not None and not figure.known:
            return QColor(MISSING)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None


class FollowUpPage(QWidget):
    """Public: set_database(db, year=None), reload(), year (combo), table, figures (one per table row, None for
    section rows), exports, message, enter_count(row, count); signal changed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.today = today or date.today()
        self.figures: list[tuple[rules.Figure | None, int | None]] = []  # (figure, insats id)
        self.year = QComboBox()
        self.year.currentIndexChanged.connect(lambda _: self.reload())
        self.summary = QLabel()
        self.model = FollowUpModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        em = self.fontMetrics().horizontalAdvance("M")
        self.table.setColumnWidth(0, 26 * em)
        self.table.setColumnWidth(1, 22 * em)
        self.table.doubleClicked.connect(lambda index: self._edit(index.row()))
        QShortcut(QKeySequence.StandardKey.Copy, self.table, self.copy_selected)
        self.copy_button = QPushButton(self.tr("Kopiera värdet"))
        self.copy_button.setToolTip(self.tr("Kopierar det markerade värdet så som Uppföljning Finsam vill ha det "
                                            "(Ctrl+C)."))
        self.copy_button.clicked.connect(self.copy_selected)
        self.message = MessageLabel()
        self.exports = ExportButtons(self, self.message, lambda: ("uppfoljning", self.chosen_year))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("År")))
        bar.addWidget(self.year)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.copy_button)
        bar.addWidget(self.exports)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        intro = QLabel(self.tr(
            "Siffrorna står i den ordning Uppföljning Finsam frågar efter dem. Markera ett värde och tryck Ctrl+C "
            "för att kopiera det. Dubbelklicka på Antal deltagare för en strukturövergripande del för att fylla i "
            "det."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

    @property
    def chosen_year(self) -> int:
        return self.year.currentData() or self.today.year - 1

    def set_database(self, db: Database, year: int | None = None) -> None:
        self.db = db
        years = sorted({*service.years(db), self.today.year - 1, self.today.year, *([year] if year else [])})
        self.year.blockSignals(True)
        refill(self.year, ((str(y), y) for y in years), year or self.today.year - 1)
        self.year.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        if self.db is None:
            return
        fu = service.follow_up(self.db, self.chosen_year)
        rows: list[tuple[rules.Figure | None, int | None, str]] = [(None, None, self.tr("Förbundet"))]
        rows += [(f, None, "") for f in fu.forbund]
        for part in fu.insatser:
            rows.append((None, None, str(part.figure(rules.NAME).value)))
            rows += [(f, part.insats_id, "") for f in part.figures]
        self.figures = [(f, i) for f, i, _ in rows]
        self.model.set_rows(rows)
        metrics = self.table.fontMetrics()
        labels = {f.label for f, _, _ in rows if f is not None} | {h for f, _, h in rows if f is None}
        longest = sorted(labels, key=len)[-WIDEST_MEASURED:]  # the widest is among the longest: 200 names not measured
        self.table.setColumnWidth(0, min(60 * metrics.horizontalAdvance("M"),
                                         max(metrics.horizontalAdvance(t) for t in longest) + 24))
        self.summary.setText(self.tr("%s saknas") % counted(fu.missing, self.tr("värde"), self.tr("värden"))
                             if fu.missing else self.tr("Alla värden finns."))

    def selected_figure(self) -> tuple[rules.Figure | None, int | None]:
        row = self.table.currentIndex().row()
        return self.figures[row] if 0 <= row < len(self.figures) else (None, None)

    def copy_selected(self) -> None:
        figure, _ = self.selected_figure()
        if figure is None or not figure.known:
            self.message.show_warning(self.tr("Markera ett värde som finns för att kopiera det."))
            return
        QGuiApplication.clipboard().setText(copy_text(figure))
        self.message.show_info(self.tr("Kopierat: %s") % copy_text(figure))

    def _edit(self, row: int) -> None:
        figure, insats_id = self.figures[row] if 0 <= row < len(self.figures) else (None, None)
        if figure is None or figure.label != rules.COUNT or insats_id is None:
            return
        count, ok = QInputDialog.getInt(self, self.tr("Antal deltagare"), self.tr(
            "Antal deltagare %d i den strukturövergripande delen:") % self.chosen_year,
            figure.value if isinstance(figure.value, int) else 0, 0, 1_000_000)
        if ok:
            self.enter_count(insats_id, count)

    def enter_count(self, insats_id: int, count: int | None) -> None:
        if self.db is None:
            return
        try:
            service.set_structural_count(self.db, insats_id, self.chosen_year, count)
        except ServiceError as exc:
            self.message.show_error(str(exc))
            return
        self.reload()
        self.message.show_info(self.tr("Antalet deltagare är sparat."))
        self.changed.emit()
