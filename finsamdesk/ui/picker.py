"""Picking one of many: a list with a search box above it. Typing narrows the list (any part of the text, case
and å ä ö as written), the arrow keys move in it while the cursor stays in the box, Enter or a double-click picks.

`SearchList` is the widget (used inside a dialog of its own, e.g. "Insats från beviljad ansökan"); `pick` asks
in a dialog and returns the index of the chosen name; `PickDialog` is that dialog, with room for more fields.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.text import matches
from .dialogs import ok_cancel

_MOVES = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -10, Qt.Key.Key_PageDown: 10}


class SearchList(QWidget):
    """Public: search (the box), list, set_names(names, current), chosen() (index into names, or None), shown()
    (the names the search leaves, in order); signals picked (Enter or double-click on a name), changed."""

    picked = Signal()
    changed = Signal()

    def __init__(self, names: Sequence[str] = (), current: int = 0, parent: QWidget | None = None,
                 placeholder: str = "") -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(placeholder or self.tr("Skriv för att söka"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.empty = QLabel(self.tr("Inget matchar sökningen."))
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.search.returnPressed.connect(self._enter)
        self.list.itemDoubleClicked.connect(lambda _item: self.picked.emit())
        self.list.currentRowChanged.connect(lambda _row: self.changed.emit())
        self.set_names(names, current)
        self.setFocusProxy(self.search)

    def set_names(self, names: Sequence[str], current: int = 0) -> None:
        self.list.clear()
        for index, name in enumerate(names):
            entry = QListWidgetItem(name)
            entry.setData(Qt.ItemDataRole.UserRole, index)
            self.list.addItem(entry)
        if 0 <= current < len(names):
            self.list.setCurrentRow(current)
        self._filter(self.search.text())

    def chosen(self) -> int | None:
        entry = self.list.currentItem()
        if entry is None or entry.isHidden() or not entry.isSelected():
            return None
        return int(entry.data(Qt.ItemDataRole.UserRole))

    def shown(self) -> list[str]:
        return [self.list.item(r).text() for r in range(self.list.count()) if not self.list.item(r).isHidden()]

    def _filter(self, text: str) -> None:
        first = None
        for row in range(self.list.count()):
            entry = self.list.item(row)
            entry.setHidden(not matches(text, entry.text()))
            if first is None and not entry.isHidden():
                first = row
        current = self.list.currentItem()
        if current is None or current.isHidden():
            if first is None:
                self.list.setCurrentRow(-1)
            else:
                self.list.setCurrentRow(first)
        self.empty.setVisible(first is None and self.list.count() > 0)
        self.changed.emit()

    def _enter(self) -> None:
        if self.chosen() is not None:
            self.picked.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            step = _MOVES.get(Qt.Key(event.key()))
            if step is not None:
                self._move(step)
                return True
        return False

    def _move(self, step: int) -> None:
        """Up/Down (PageUp/PageDown by ten) among the names the search leaves, the cursor staying in the box."""
        rows = [r for r in range(self.list.count()) if not self.list.item(r).isHidden()]
        if not rows:
            return
        here = rows.index(self.list.currentRow()) if self.list.currentRow() in rows else -1
        self.list.setCurrentRow(rows[max(0, min(len(rows) - 1, here + step))])


class PickDialog(QDialog):
    """Public: choices (SearchList), form (a layout under it for more fields), ok (the OK button), chosen()."""

    def __init__(self, parent: QWidget | None, title: str, label: str, names: Sequence[str], current: int = 0,
                 ok_text: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.choices = SearchList(names, current)
        self.form = QVBoxLayout()
        buttons = ok_cancel(self, self._accept, ok_text)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        if label:
            caption = QLabel(label)
            caption.setWordWrap(True)
            layout.addWidget(caption)
        layout.addWidget(self.choices, 1)
        layout.addLayout(self.form)
        layout.addWidget(buttons)
        self.choices.picked.connect(self._accept)
        self.choices.changed.connect(lambda: self.ok.setEnabled(self.choices.chosen() is not None))
        self.ok.setEnabled(self.choices.chosen() is not None)
        self.resize(480, 420)
        self.choices.search.setFocus()

    def _accept(self) -> None:
        if self.choices.chosen() is not None:
            self.accept()

    def chosen(self) -> int | None:
        return self.choices.chosen() if self.result() == QDialog.DialogCode.Accepted else None


def pick(parent: QWidget | None, title: str, label: str, names: Sequence[str], current: int = 0,
         ok_text: str | None = None) -> int | None:
    """Ask for one of `names`; its index, or None when cancelled (or there is nothing to pick)."""
    if not names:
        return None
    dialog = PickDialog(parent, title, label, names, current, ok_text)
    dialog.exec()
    return dialog.chosen()
