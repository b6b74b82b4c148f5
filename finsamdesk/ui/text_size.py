"""Visa → Större text / Mindre text / Normal textstorlek (Ctrl++, Ctrl+−, Ctrl+0): the whole window's text, a
point at a time, remembered between sessions."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication

from .settings import settings

KEY = "text_size"  # the INI's key (ASCII): points added to the normal size
SMALLEST, LARGEST = -2, 10
_normal: float | None = None  # the application's font size before any change (the desktop's choice)


def normal_size() -> float:
    global _normal
    if _normal is None:
        _normal = QApplication.font().pointSizeF()
    return _normal


def stored_step() -> int:
    try:
        step = int(str(settings().value(KEY, 0)))
    except ValueError:
        step = 0
    return max(SMALLEST, min(LARGEST, step))


class TextSize:
    """Public: step (points over the normal size), bigger(), smaller(), normal(), scale (size / normal size).
    `changed(scale)` is called after each change, and once at the start, for what has sizes of its own."""

    def __init__(self, changed: Callable[[float], None]):
        self.changed = changed
        self.step = stored_step()
        if self.step:
            self._apply()
        else:  # the desktop's own size: nothing to change, and no font to ask for before the window shows
            changed(1.0)

    @property
    def scale(self) -> float:
        return (normal_size() + self.step) / normal_size()

    def bigger(self) -> None:
        self._set(self.step + 1)

    def smaller(self) -> None:
        self._set(self.step - 1)

    def normal(self) -> None:
        self._set(0)

    def _set(self, step: int) -> None:
        self.step = max(SMALLEST, min(LARGEST, step))
        settings().setValue(KEY, self.step)
        self._apply()

    def _apply(self) -> None:
        font = QApplication.font()
        size = normal_size() + self.step
        if font.pointSizeF() != size:
            font.setPointSizeF(size)
            QApplication.setFont(font)
        self.changed(self.scale)
