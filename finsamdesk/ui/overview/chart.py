"""The year's invoicing month by month against an even pace through the granted amount (QPainter; no QtCharts,
which is not in PySide6-Essentials)."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from ...domain.money import group_thousands

MONTHS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
BAR = QColor("#3b6ea5")
PACE = QColor("#b3261e")


def _axis_text(ore: int) -> str:
    kr = ore / 100
    if kr >= 1_000_000:
        return f"{kr / 1_000_000:.1f}".replace(".", ",") + " mkr"
    return group_thousands(round(kr / 1000)) + " tkr"


def nice_step(top: int, steps: int = 4) -> int:
    """A round step (1, 2, 2.5 or 5 × 10^n öre) so that `steps` of them reach at least `top`."""
    raw = max(top, 1) / steps
    magnitude = 10 ** (len(str(int(raw))) - 1)
    for factor in (1, 2, 2.5, 5, 10):
        if factor * magnitude >= raw:
            return int(factor * magnitude)
    return int(10 * magnitude)


class SpendingChart(QWidget):
    """Bars: invoiced so far, cumulative per month. Dashed line: the granted amount spread evenly over the year."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cumulative: list[int] = [0] * 12
        self.granted = 0
        self.upto_month = 12
        self.title = self.tr("Fakturerat hittills i år")
        self.setMinimumHeight(220)
        self.setAccessibleName(self.tr("Fakturerat per månad mot beviljat"))

    def set_data(self, by_month: list[int], granted: int, upto_month: int) -> None:
        running, self.cumulative = 0, []
        for amount in by_month:
            running += amount
            self.cumulative.append(running)
        self.granted, self.upto_month = granted, upto_month
        self.setToolTip(self.tr("Fakturerat hittills: %s kr av %s kr beviljat") % (
            group_thousands(running // 100), group_thousands(granted // 100)))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPointSizeF(max(8.0, font.pointSizeF() * 0.9))
        painter.setFont(font)
        left, bottom, top, right = 70, 24, 26, 12
        area = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        step_value = nice_step(max(self.granted, max(self.cumulative or [0]), 100_000_00))
        top_value = step_value * 4
        painter.setPen(QPen(QColor("#999999")))
        for step in range(5):
            y = area.bottom() - area.height() * step / 4
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.drawText(QRectF(0, y - 8, left - 6, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, _axis_text(step_value * step))
        slot = area.width() / 12
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BAR)
        for month, value in enumerate(self.cumulative[: self.upto_month]):
            height = area.height() * value / top_value
            painter.drawRect(QRectF(area.left() + month * slot + slot * 0.15, area.bottom() - height,
                                    slot * 0.7, height))
        painter.setPen(QPen(QColor("#333333")))
        for month, name in enumerate(MONTHS):
            painter.drawText(QRectF(area.left() + month * slot, area.bottom() + 4, slot, 18),
                             Qt.AlignmentFlag.AlignHCenter, name)
        if self.granted:
            pen = QPen(PACE, 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(area.left(), area.bottom()), QPointF(area.right(), area.top() + area.height()
                                                                          * (1 - self.granted / top_value)))
        painter.setPen(QPen(QColor("#333333")))
        painter.drawText(QRectF(left, 2, area.width(), 20), Qt.AlignmentFlag.AlignLeft,
                         self.title + self.tr(" (staplar) mot beviljat i jämn takt (streckad linje)"))
        painter.end()
