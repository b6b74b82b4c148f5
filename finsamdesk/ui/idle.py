"""Locks something after a time without keyboard or mouse anywhere in the application."""
from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}


class IdleWatch(QObject):
    """`idle` fires once after `seconds` without input, counted from start(). Watches only while started
    (the event filter costs a little on every event)."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None, seconds: float = 600, check_ms: int = 5000):
        super().__init__(parent)
        self.seconds = seconds
        self._last = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(self._check)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self._last = time.monotonic()
        if not self._timer.isActive():
            _application().installEventFilter(self)
            self._timer.start()

    def stop(self) -> None:
        if self._timer.isActive():
            _application().removeEventFilter(self)
            self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self._last = time.monotonic()
        return False

    def _check(self) -> None:
        if time.monotonic() - self._last >= self.seconds:
            self.stop()
            self.idle.emit()


def _application() -> QCoreApplication:
    app = QApplication.instance()
    assert app is not None, "the window runs in a QApplication"
    return app
