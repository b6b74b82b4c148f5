"""A date field: the date typed as free text, or picked in a calendar that opens from the button at its end."""
from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

from ..domain.dates import DateError, parse_date
from .widgets import DATE_PLACEHOLDER, fit_placeholder


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
