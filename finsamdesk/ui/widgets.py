"""Small shared widgets: a field with its message beside it, table items, combo boxes, list views. The date field
with its calendar is ui/date_edit.py, OK/Cancel and the confirmation ui/dialogs.py: the pages that need neither
(Översikt, shown first) do not make PySide build the calendar's and the message box's types."""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QAbstractItemModel
    from PySide6.QtWidgets import QScrollArea, QSplitter, QTableView

ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a5a00;"
INFO_STYLE = "color: #2e7d32;"


class MessageLabel(QLabel):
    """A message next to a field: red for errors, amber for warnings, green for done; hidden when empty.

    With `reserve` lines the label keeps that much room, message or not, and takes no width of its own (it wraps
    in what its column or row gives it), so the fields and buttons around it stay where they are when a message
    comes or goes. A message longer than the room shows the sentences that fit and " …"; the whole text is in
    the tooltip and in `full_text`."""

    def __init__(self, parent: QWidget | None = None, *, reserve: int = 0):
        super().__init__(parent)
        self.setWordWrap(True)
        self.reserve = reserve
        self.full_text = ""
        if reserve:
            self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            self.setFixedHeight(reserve * self.fontMetrics().lineSpacing() + 2)
            self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        else:
            self.hide()

    def show_error(self, text: str) -> None:
        self._show(text, ERROR_STYLE)

    def show_warning(self, text: str) -> None:
        self._show(text, WARNING_STYLE)

    def show_info(self, text: str) -> None:
        self._show(text, INFO_STYLE)

    def clear_message(self) -> None:
        self.full_text = ""
        self.setText("")
        self.setToolTip("")
        if not self.reserve:
            self.hide()

    def _show(self, text: str, style: str) -> None:
        if not text:
            self.clear_message()
            return
        self.setStyleSheet(style)
        self.full_text = text
        self.setText(text)
        if self.reserve:
            self.setToolTip(text)
            self._fit()
        self.show()

    def _fit(self) -> None:
        """The sentences of the message that fit the reserved lines at the label's width."""
        width = self.contentsRect().width()
        if not self.full_text or width <= 0:
            return
        room = self.contentsRect().height()

        def fits(text: str) -> bool:
            flags = int(Qt.TextFlag.TextWordWrap)
            return self.fontMetrics().boundingRect(0, 0, width, 10_000, flags, text).height() <= room

        shown = self.full_text
        if not fits(shown):
            sentences = [part + "." for part in self.full_text.rstrip(".").split(". ")]
            shown = sentences[0] + " …"
            for end in range(len(sentences) - 1, 0, -1):
                candidate = " ".join(sentences[:end]) + " …"
                if fits(candidate):
                    shown = candidate
                    break
        if shown != self.text():
            self.setText(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        super().resizeEvent(event)
        if self.reserve:
            self._fit()


DATE_PLACEHOLDER = "ÅÅÅÅ-MM-DD"


def fit_placeholder(line: QLineEdit, extra: int = 0) -> None:
    """Room in the field for its whole placeholder (ÅÅÅÅ-MM-DD is not cut to ÅÅÅÅ-MM-…), and `extra` pixels."""
    metrics = line.fontMetrics()
    line.setMinimumWidth(metrics.horizontalAdvance(line.placeholderText()) + 2 * metrics.averageCharWidth() + 8 + extra)


def item(text: str, *, align_right: bool = False, editable: bool = True, bold: bool = False) -> QTableWidgetItem:
    it = QTableWidgetItem(text)
    if align_right:
        it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if not editable:
        it.setFlags(it.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if bold:
        font = it.font()
        font.setBold(True)
        it.setFont(font)
    return it


def combo(options: dict[str, str]) -> QComboBox:
    """A combo box of {key: text}, the key as each item's data."""
    box = QComboBox()
    for key, text in options.items():
        box.addItem(text, key)
    return box


def search_anywhere(box: QComboBox) -> None:
    """An editable combo box of names from a register (Insatsägare, a contact's organisation): typing any part of a
    name, in any case, offers the names that hold it, not only those that begin with it."""
    from PySide6.QtWidgets import QCompleter

    completer = box.completer()
    if completer is None:
        return
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)


def refill(box: QComboBox, choices: Iterable[tuple[str, object]], chosen: object = None) -> None:
    """Replace the (text, data) items of a combo box without emitting its signals; the item whose data is
    `chosen` is current afterwards, else the first."""
    with QSignalBlocker(box):
        box.clear()
        for text, data in choices:
            box.addItem(text, data)
        box.setCurrentIndex(max(0, box.findData(chosen)))


def cell_text(table: QTableWidget, row: int, column: int) -> str:
    """The text of a table cell ("" where the cell has no item)."""
    cell = table.item(row, column)
    return cell.text() if cell is not None else ""


def scrolled(widget: QWidget) -> QScrollArea:
    """`widget` in a frameless scroll area: a form that yields height to a list scrolls instead of being cut."""
    from PySide6.QtWidgets import QFrame, QScrollArea

    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


def list_over_details(splitter: QSplitter, list_share: float = 0.5) -> None:
    """A page's list above its details: the list gets `list_share` of the height from the start and keeps its
    share when the window grows; the details yield (they scroll) and neither can be pushed out of sight."""
    splitter.setChildrenCollapsible(False)
    splitter.setStretchFactor(0, 1)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes([round(1000 * list_share), round(1000 * (1 - list_share))])


def list_view(model: QAbstractItemModel, widths: tuple[int, ...] = (), stretch: int | None = None,
              sort_column: int = 0, descending: bool = False) -> QTableView:
    """A sortable, single-selection QTableView over `model` (Swedish lists look alike everywhere)."""
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

    view = QTableView()
    view.setModel(model)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.sortByColumn(sort_column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
    return view

