"""A tile of the start page: a figure with its title and a line of detail; clicking it (or Enter/space when it
has the focus) opens the page the figure comes from."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QSizePolicy, QVBoxLayout, QWidget

from ..widgets import ERROR_STYLE


class Tile(QFrame):
    """Public: title, value, detail (labels), bar (QProgressBar, hidden unless set_share is called);
    signal activated."""

    activated = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(150)
        self.title = QLabel(title)
        self.title.setWordWrap(True)
        self.value = QLabel()
        self.value.setStyleSheet("font-size: 17pt; font-weight: 600;")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.bar.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.bar)
        layout.addWidget(self.detail)
        layout.addStretch(1)

    def set_figure(self, value: str, detail: str = "", *, alarm: bool = False) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.detail.setStyleSheet(ERROR_STYLE if alarm else "")
        self.detail.setVisible(bool(detail))
        self.setAccessibleName(f"{self.title.text()}: {value}")

    def set_share(self, part: int | None, whole: int | None) -> None:
        """A bar for part of whole (hidden when there is no whole); full and red when part exceeds whole."""
        if not whole or part is None:
            self.bar.hide()
            return
        self.bar.setRange(0, 1000)
        self.bar.setValue(max(0, min(1000, round(1000 * part / whole))))
        self.bar.setStyleSheet("QProgressBar::chunk { background: #b3261e; }" if part > whole else "")
        self.bar.show()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # Qt's name
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.activated.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
            return
        super().keyPressEvent(event)
