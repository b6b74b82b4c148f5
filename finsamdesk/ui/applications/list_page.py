"""Ansökningar: filter bar, the sortable list, and the editor of the selected application."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.application import OUTGOING, RECEIVED
from ...domain.money import format_amount
from ...domain.statuses import STATUSES
from ...domain.text import count as counted
from ..column_fit import ColumnFit
from ..totals_row import TotalsRow, with_totals
from ..widgets import list_over_details, refill
from .table_model import ApplicationTableModel

if TYPE_CHECKING:
    import sqlite_utils
    from PySide6.QtCore import QModelIndex

    from .editor import ApplicationEditor

# Services, the editor and their Qt widgets load when the file is opened, after the window
# is on screen: start-up time is measured to the shown window (benchmarks/startup.py).


class ApplicationsPage(QWidget):
    """Public: set_database(db), reload(keep=id), select_application(id), visible_rows (what the filter shows),
    search (the filter box), model, table, editor (ApplicationEditor, made with the first file), undo_stack,
    splitter (list above, editor below), total_count, signals selection_changed(id|None) and changed;
    shown(), leave(), save_if_dirty() as a page of the window."""

    selection_changed = Signal(object)  # application id or None
    changed = Signal()  # the list was read or filtered again (the window counts again)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db: sqlite_utils.Database | None = None
        self._all: list[Any] = []  # ApplicationRow
        self.visible_rows: list[Any] = []
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök diarienummer, namn eller sökande (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.addItem(self.tr("Alla statusar"), "")
        for key, text in STATUSES.items():
            self.status.addItem(text, key)
        self.year = QComboBox()
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        self.kind.addItem(self.tr("Alla ansökningar"), "")
        self.kind.addItem(self.tr("Inkomna ansökningar"), RECEIVED)
        self.kind.addItem(self.tr("Egna ansökningar"), OUTGOING)
        self.kind.setToolTip(self.tr("Inkomna ansökningar till förbundet, eller förbundets egna till en extern "
                                     "finansiär (ESF)"))
        self.count = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.kind)
        bar.addWidget(self.status)
        bar.addWidget(self.year)
        bar.addWidget(self.count)
        self.model = ApplicationTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.columns = ColumnFit(self.table, 1, caps={2: 240}, yield_first=(2,))
        self.totals = TotalsRow(self.table)
        self.undo_stack = QUndoStack(self)
        self.editor: ApplicationEditor | None = None  # made with the first file
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(bar)
        top_layout.addLayout(with_totals(self.table, self.totals))
        self.splitter.addWidget(top)
        slot = QWidget()
        self._editor_slot = QVBoxLayout(slot)
        self._editor_slot.setContentsMargins(0, 0, 0, 0)
        self.splitter.addWidget(slot)
        list_over_details(self.splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self.search.textChanged.connect(self.apply_filter)
        self.status.currentIndexChanged.connect(self.apply_filter)
        self.kind.currentIndexChanged.connect(self.apply_filter)
        self.year.currentIndexChanged.connect(self.apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)

    def _made_editor(self) -> ApplicationEditor:
        """The editor (made the first time: its modules load with the first file, after start-up)."""
        if self.editor is None:
            from .editor import ApplicationEditor

            self.editor = ApplicationEditor(undo_stack=self.undo_stack)
            self._editor_slot.addWidget(self.editor)  # into the splitter's pane: its sizes stay as they are
            self.editor.saved.connect(lambda _id: self.reload(keep=_id))
        return self.editor

    @property
    def database(self) -> sqlite_utils.Database:
        """The open file (the page acts only once set_database has given it one)."""
        assert self.db is not None, "set_database first"
        return self.db

    def set_database(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self._made_editor().set_database(db)
        self.reload()

    def reload(self, keep: int | None = None) -> None:
        from ...services import applications

        keep = keep if keep is not None else self._made_editor().current_id
        self._all = applications.list_rows(self.database)
        years = sorted({y for r in self._all for y in r.years}, reverse=True)
        refill(self.year, [(self.tr("Alla år"), None), *((str(y), y) for y in years)], self.year.currentData())
        self.apply_filter(keep=keep)

    def apply_filter(self, *_args: object, keep: int | None = None) -> None:
        editor = self.editor
        if editor is None:
            return
        from ...services import applications

        keep = keep if keep is not None else editor.current_id
        f = applications.RowFilter(self.search.text(), self.status.currentData() or "", self.year.currentData(),
                                   self.kind.currentData() or "")
        self.visible_rows = applications.filter_rows(self._all, f)
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows(self.visible_rows)
        row = self.model.row_of(keep)
        if row >= 0:
            self.table.selectRow(row)
        self.table.selectionModel().blockSignals(False)
        self.count.setText(self.tr("%d av %s") % (len(self.visible_rows), counted(
            len(self._all), self.tr("ansökan"), self.tr("ansökningar"))))
        sought, granted = applications.totals(self.visible_rows)
        self.totals.show_totals(self.tr("Summa, %s") % counted(len(self.visible_rows), self.tr("ansökan"),
                                                                self.tr("ansökningar")),
                                {4: format_amount(sought), 5: format_amount(granted)})
        self.changed.emit()

    def shown(self) -> None:
        pass  # the list is read again when an application is saved

    def leave(self) -> None:
        pass

    def save_if_dirty(self) -> bool:
        return self.editor is None or self.editor.save_now()

    @property
    def total_count(self) -> int:
        """How many applications the file holds (whatever the filter shows)."""
        return len(self._all)

    def select_application(self, app_id: int) -> None:
        """Show one application (e.g. a new one): clear the filters, select its row, open it."""
        self.search.clear()
        self.kind.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        self.year.setCurrentIndex(0)
        if not self._made_editor().open_application(app_id):
            return
        self.apply_filter(keep=app_id)
        row = self.model.row_of(app_id)
        if row >= 0:
            self.table.scrollTo(self.model.index(row, 0))
        self.selection_changed.emit(app_id)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        app_id = self.model.row_id(current.row()) if current.isValid() else None
        editor = self._made_editor()
        if not editor.open_application(app_id):
            row = self.model.row_of(editor.current_id)
            self.table.selectionModel().blockSignals(True)
            if row >= 0:
                self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)
            return
        self.selection_changed.emit(app_id)
