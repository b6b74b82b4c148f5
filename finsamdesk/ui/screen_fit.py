"""A window's or dialog's size, or less on a small screen: 1366 × 768 and 1280 × 720 leave room for the title bar
and the panel. Imports only QWidget, so the main window can use it before it shows."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

MARGIN = (40, 60)  # width, height kept free: the frame, the title bar and a panel


def fit(widget: QWidget, width: int, height: int) -> None:
    """`width` × `height`, or the screen's free area less MARGIN where that is smaller."""
    screen = widget.screen().availableGeometry() if widget.screen() else None
    if screen is not None:
        width, height = min(width, screen.width() - MARGIN[0]), min(height, screen.height() - MARGIN[1])
    widget.resize(width, height)
