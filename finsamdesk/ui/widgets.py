"""Small shared widgets: a field with its message beside it, table items, combo boxes, OK/Cancel, confirmation."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
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
    """A message next to a field: red for errors, amber for warnings, green for done; hidden when empty."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()

    def show_error(self, text: str) -> None:
        self._show(text, ERROR_STYLE)

    def show_warning(self, text: str) -> None:
        self._show(text, WARNING_STYLE)

    def show_info(self, text: str) -> None:
        self._show(text, INFO_STYLE)

    def clear_message(self) -> None:
        self.setText("")
        self.hide()

    def _show(self, text: str, style: str) -> None:
        if not text:
            self.clear_message()
            return
        self.setStyleSheet(style)
        self.setText(text)
        self.show()


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


def refill(box: QComboBox, choices: Iterable[tuple[str, object]], chosen: object = None) -> None:
    """Replace the (text, data) items of a combo box without emitting its signals; the item whose data is
    `chosen` is current afterwards, else the first."""
    with QSignalBlocker(box):
        box.clear()
        for text, data in choices:
            box.addItem(text, data)
        box.setCurrentIndex(max(0, box.findData(chosen)))


def ok_cancel(dialog: QDialog, on_ok: Callable[[], object], ok_text: str | None = None) -> QDialogButtonBox:
    """OK and Cancel for a dialog: OK (named `ok_text` if given) calls `on_ok`, Cancel rejects."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    if ok_text:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons


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


def confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


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

