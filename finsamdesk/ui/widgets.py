"""Small shared widgets: a field with its message beside it, a date field with a calendar, table items, combo boxes,
OK/Cancel, confirmation."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QSignalBlocker, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QKeyEvent, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ..domain.dates import DateError, parse_date

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


def _calendar_icon() -> QIcon:
    """A small calendar drawn here (no icon theme is certain on Windows)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    ink = QColor("#444444")
    painter.setPen(ink)
    painter.drawRect(1, 2, 13, 12)
    painter.fillRect(1, 2, 14, 4, ink)
    for row in range(2):
        for column in range(3):
            painter.fillRect(3 + 4 * column, 8 + 3 * row, 2, 2, ink)
    painter.end()
    return QIcon(pixmap)


class DateEdit(QLineEdit):
    """A date typed as free text (`2026-03-31`, `20260331`, `31 mars 2026`) with a calendar button at its end
    (also Alt+Nedåtpil or F4). A date picked in the calendar is written as ISO and counts as typed: textEdited and
    editingFinished are emitted, as when the date is typed and the field is left."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.calendar: QCalendarWidget | None = None
        self.calendar_action = self.addAction(_calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setToolTip(self.tr("Välj datum i kalendern (Alt+Nedåtpil)"))
        self.calendar_action.triggered.connect(self.open_calendar)
        self.setPlaceholderText(DATE_PLACEHOLDER)

    def setPlaceholderText(self, text: str) -> None:  # Qt's name
        """The placeholder, and room for it (and for an ISO date) beside the calendar button."""
        super().setPlaceholderText(text)
        fit_placeholder(self, 22)  # and the button

    def open_calendar(self) -> None:
        if self.calendar is None:
            self.calendar = QCalendarWidget()
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setLocale(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
            self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
            self.calendar.setGridVisible(True)
            self.calendar.activated.connect(self._picked)
            self.calendar.clicked.connect(self._picked)
            self.destroyed.connect(self.calendar.deleteLater)
        try:
            typed = parse_date(self.text())
        except DateError:
            typed = None
        shown = QDate(typed.year, typed.month, typed.day) if typed else QDate.currentDate()
        self.calendar.setSelectedDate(shown)
        self.calendar.setCurrentPage(shown.year(), shown.month())
        self.calendar.adjustSize()
        where = self.mapToGlobal(self.rect().bottomLeft())
        screen = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        size = self.calendar.sizeHint()
        where.setX(max(screen.left(), min(where.x(), screen.right() - size.width())))
        if where.y() + size.height() > screen.bottom():
            where.setY(self.mapToGlobal(self.rect().topLeft()).y() - size.height())
        self.calendar.move(where)
        self.calendar.show()
        self.calendar.setFocus()

    def _picked(self, day: QDate) -> None:
        if self.calendar is None or not self.calendar.isVisible():
            return  # a double click: the click has picked the date already
        self.calendar.hide()
        text = day.toString("yyyy-MM-dd")
        self.setFocus()
        self.setText(text)
        self.textEdited.emit(text)
        self.editingFinished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt's name
        if event.key() == Qt.Key.Key_F4 or (event.key() == Qt.Key.Key_Down
                                            and event.modifiers() & Qt.KeyboardModifier.AltModifier):
            self.open_calendar()
            return
        super().keyPressEvent(event)


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

