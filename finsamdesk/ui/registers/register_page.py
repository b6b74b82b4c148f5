"""A register page: a filterable, sortable list on the left and the selected record's form on the right."""
from __future__ import annotations

from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.text import matches, sort_key
from ...services.errors import ServiceError, ValidationError
from ..dialogs import confirm
from ..widgets import MessageLabel, item

if TYPE_CHECKING:
    import sqlite_utils
    from PySide6.QtGui import QResizeEvent, QShowEvent


class Record(Protocol):
    @property
    def id(self) -> int | None: ...


R = TypeVar("R", bound=Record)


class RegisterPage(QWidget, Generic[R]):
    """Subclasses define columns, cells(record), form fields, load_records, new_record, read_form, save, delete.
    `lines` are the fields that are QLineEdits (add_field puts them there too)."""

    columns: tuple[str, ...] = ()
    noun = "posten"
    NAME_WIDTH = 240  # the name column (first) gets up to this much before the others get theirs
    MIN_COLUMN_WIDTH = 60
    changed = Signal()  # a record was saved or deleted

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db: sqlite_utils.Database | None = None
        self.records: list[R] = []
        self.current: R | None = None
        self._shown: list[R] = []
        self._sort = (0, Qt.SortOrder.AscendingOrder)
        self.undo_stack = None  # saved with the button; no undo here
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök…"))
        self.search.setClearButtonEnabled(True)
        self.table = QTableWidget(0, len(self.columns))
        self.table.setHorizontalHeaderLabels(list(self.columns))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        header.sectionClicked.connect(self._sort_by)
        self.form = QFormLayout()
        self.fields: dict[str, QWidget] = {}
        self.lines: dict[str, QLineEdit] = {}
        self.messages: dict[str, MessageLabel] = {}
        self.message = MessageLabel()
        self.new_button = QPushButton(self.tr("Ny"))
        self.save_button = QPushButton(self.tr("Spara"))
        self.save_button.setDefault(True)
        self.delete_button = QPushButton(self.tr("Ta bort"))
        buttons = QHBoxLayout()
        for b in (self.new_button, self.save_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(self.form)
        right_layout.addWidget(self.message)
        right_layout.addLayout(buttons)
        right_layout.addStretch()
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.splitterMoved.connect(self.fit_columns)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.search.textChanged.connect(self.refresh_table)
        self.table.currentCellChanged.connect(lambda r, *_: self._select(r))
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save_current)
        self.delete_button.clicked.connect(self.delete_current)

    def add_field(self, key: str, label: str, widget: QWidget) -> None:
        message = MessageLabel()
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(message)
        self.fields[key] = widget
        if isinstance(widget, QLineEdit):
            self.lines[key] = widget
        self.messages[key] = message
        self.form.addRow(label, box)

    @property
    def database(self) -> sqlite_utils.Database:
        """The open file (the page acts only once set_database has given it one)."""
        assert self.db is not None, "set_database first"
        return self.db

    def set_database(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.reload()

    def reload(self, keep_id: int | None = None) -> None:
        self.records = self.load_records()
        self.refresh_table(keep_id=keep_id)
        if keep_id is None:
            self.start_new()

    def shown(self) -> None:
        self.reload()

    def leave(self) -> None:
        pass

    def save_if_dirty(self) -> bool:
        """Save what is typed (autosave, Ctrl+S, another page or record); False when it cannot be saved."""
        return not self.is_dirty() or self.save_current()

    def is_dirty(self) -> bool:
        """The form differs from the record it shows (a new one: from an empty record)."""
        if self.db is None:
            return False
        shown = self.current if self.current is not None else self.new_record()
        return self.read_form(shown.id) != shown

    def visible(self) -> list[R]:
        needle = self.search.text()
        rows = [r for r in self.records if matches(needle, *self.cells(r))]
        column, order = self._sort
        return sorted(rows, key=lambda r: sort_key(self.cells(r)[column]),
                      reverse=order == Qt.SortOrder.DescendingOrder)

    def refresh_table(self, *_args: object, keep_id: int | None = None) -> None:
        self._shown = self.visible()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._shown))
        for r, record in enumerate(self._shown):
            for c, text in enumerate(self.cells(record)):
                cell = item(text)
                cell.setToolTip(text)
                self.table.setItem(r, c, cell)
            if keep_id is not None and record.id == keep_id:
                self.table.selectRow(r)
        self.table.blockSignals(False)
        self.fit_columns()

    def fit_columns(self, *_args: object) -> None:
        """Columns as wide as their contents; when they do not fit, the widest give way (full text in the
        tooltip) and the name column keeps what it needs first. The name column takes what is left."""
        available = self.table.viewport().width()
        header = self.table.horizontalHeader()
        want = [max(header.sectionSizeHint(c), self.table.sizeHintForColumn(c)) for c in range(len(self.columns))]
        budget = available - min(want[0], self.NAME_WIDTH)
        others = want[1:]
        cap = max(others, default=0)
        while cap > self.MIN_COLUMN_WIDTH and sum(min(w, cap) for w in others) > budget:
            cap -= 10
        for column, width in enumerate(others, start=1):
            self.table.setColumnWidth(column, max(self.MIN_COLUMN_WIDTH, min(width, cap)))

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        super().showEvent(event)
        self.fit_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        super().resizeEvent(event)
        self.fit_columns()

    def _sort_by(self, column: int) -> None:
        previous, order = self._sort
        flip = Qt.SortOrder.DescendingOrder if order == Qt.SortOrder.AscendingOrder else Qt.SortOrder.AscendingOrder
        self._sort = (column, flip if previous == column else Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSortIndicator(column, self._sort[1])
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.refresh_table(keep_id=self.current.id if self.current else None)

    def _select(self, row: int) -> None:
        if not 0 <= row < len(self._shown):
            return
        target = self._shown[row].id
        if not self.save_if_dirty():  # what is typed stays in view, with the message why it cannot be saved
            self.refresh_table(keep_id=self.current.id if self.current else None)
            return
        shown = next((r for r, record in enumerate(self._shown) if record.id == target), None)
        if shown is None:
            return
        self.table.blockSignals(True)
        self.table.selectRow(shown)
        self.table.blockSignals(False)
        self.current = self._shown[shown]
        self.show_record(self.current)
        self._clear_messages()

    def start_new(self) -> None:
        self.current = None
        self.table.clearSelection()
        self.show_record(self.new_record())
        self._clear_messages()

    def _clear_messages(self) -> None:
        self.message.clear_message()
        for m in self.messages.values():
            m.clear_message()

    def save_current(self) -> bool:
        record = self.read_form(self.current.id if self.current else None)
        self._clear_messages()
        try:
            warnings = self.save(record)
        except ValidationError as exc:
            for key, text in exc.fields.items():
                if key in self.messages:
                    self.messages[key].show_error(text)
            self.message.show_error(str(exc))
            return False
        except ServiceError as exc:
            self.message.show_error(str(exc))
            return False
        for key, text in (warnings or {}).items():
            if key in self.messages:
                self.messages[key].show_warning(text)
        self.records = self.load_records()
        self.current = next((r for r in self.records if r.id == record.id), None)
        self.refresh_table(keep_id=record.id)
        if not warnings:
            self.message.show_info(self.tr("Sparat."))
        self.changed.emit()
        return True

    def delete_current(self) -> None:
        if self.current is None:
            return
        name, record_id = self.cells(self.current)[0], self.current.id
        if not confirm(self, self.tr("Ta bort"), self.tr("Vill du ta bort %s ”%s”?") % (self.noun, name)):
            return
        assert record_id is not None  # a record in the list is saved
        try:
            self.delete(record_id)
        except ServiceError as exc:
            self.message.show_error(str(exc))
            return
        self.reload()
        self.changed.emit()

    # to be defined by subclasses
    def load_records(self) -> list[R]: raise NotImplementedError  # noqa: E704
    def cells(self, record: R) -> list[str]: raise NotImplementedError  # noqa: E704
    def new_record(self) -> R: raise NotImplementedError  # noqa: E704
    def show_record(self, record: R) -> None: raise NotImplementedError  # noqa: E704
    def read_form(self, record_id: int | None) -> R: raise NotImplementedError  # noqa: E704
    def save(self, record: R) -> dict[str, str]: raise NotImplementedError  # noqa: E704
    def delete(self, record_id: int) -> None: raise NotImplementedError  # noqa: E704
