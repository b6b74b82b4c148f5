"""An empty page says what to do first: where a page shows the chosen item in a form or tabs, and nothing is chosen
(the form is disabled), a line that says what to do takes the form's place instead of a grey form."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget


class EmptyHint(QStackedWidget):
    """`content` while it is enabled; while it is disabled, `hint()` (asked each time, so it can say whether the
    list is empty or only nothing is chosen). Public: content, label."""

    def __init__(self, content: QWidget, hint: Callable[[], str], parent: QWidget | None = None):
        super().__init__(parent)
        self.content, self.hint = content, hint
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setContentsMargins(40, 20, 40, 20)
        self.label.setStyleSheet("color: #555;")
        self.addWidget(self.label)
        self.addWidget(content)
        content.installEventFilter(self)
        self.update_hint()

    def update_hint(self) -> None:
        if self.content.isEnabledTo(self):
            self.setCurrentWidget(self.content)
        else:
            self.label.setText(self.hint())
            self.setCurrentWidget(self.label)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.content and event.type() == QEvent.Type.EnabledChange:
            self.update_hint()
        return False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        self.update_hint()
        super().showEvent(event)
