"""Text typed in a table cell that cannot be read (an amount as "trettiotusen"): it stays in its cell, red, with the
reason as its tooltip, until it is corrected or undone — the next autosave or refill does not erase it.

The cells are keyed by what they mean (category and year, a budget line), not by their row, so they survive the table
being filled again. The owner refills the table as before and calls `repaint()` after; it calls `clear(key)` when the
cell gets a readable value (or the mark is undone) and `message()` gives every reason, one line each.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

REFUSED_BG = QColor("#fde7e7")
REFUSED_FG = QColor("#b3261e")

K = TypeVar("K", bound=Hashable)


class RefusedCells(Generic[K]):
    def __init__(self, table: QTableWidget, locate: Callable[[K], QTableWidgetItem | None]):
        """`locate(key)` is the cell a key is shown in now, None when the table has no such cell."""
        self._table, self._locate = table, locate
        self._kept: dict[K, tuple[str, str]] = {}  # key → (typed text, why it cannot be read)

    def mark(self, key: K, typed: str, why: str) -> bool:
        """Keep `typed` in the key's cell, marked with `why`; False when the table has no such cell."""
        if not self._paint(key, typed, why):
            return False
        self._kept[key] = (typed, why)
        return True

    def clear(self, key: K) -> bool:
        """Forget the key's mark (the caller shows the stored value); True when there was one."""
        if self._kept.pop(key, None) is None:
            return False
        cell = self._locate(key)
        if cell is not None:
            with QSignalBlocker(self._table):  # a changed colour is a changed item to Qt: not an edit
                cell.setBackground(QBrush())
                cell.setForeground(QBrush())
                cell.setToolTip("")
        return True

    def get(self, key: K) -> tuple[str, str] | None:
        return self._kept.get(key)

    def reset(self) -> None:
        """Forget every mark (another record is shown)."""
        self._kept.clear()

    def repaint(self) -> None:
        """After the table was filled again: the kept text back in its cells; a key no longer shown is dropped."""
        for key, (typed, why) in list(self._kept.items()):
            if not self._paint(key, typed, why):
                del self._kept[key]

    def message(self) -> str:
        return "\n".join(why for _typed, why in self._kept.values())

    def __bool__(self) -> bool:
        return bool(self._kept)

    def _paint(self, key: K, text: str, why: str) -> bool:
        cell = self._locate(key)
        if cell is None:
            return False
        with QSignalBlocker(self._table):
            cell.setText(text)
            cell.setBackground(REFUSED_BG)
            cell.setForeground(REFUSED_FG)
            cell.setToolTip(why)
        self._table.viewport().update()
        return True
