"""The förbund's categories for försörjning vid start and utfall vid avslut: add, rename, make inactive, remove
(only when unused), reorder."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.participants import CATEGORY_KINDS, Category
from ...services import participants as service
from ...services.errors import ServiceError
from ..dialogs import confirm
from ..widgets import MessageLabel

if TYPE_CHECKING:
    import sqlite_utils


class CategoriesDialog(QDialog):
    """Public: lists (kind → QListWidget), message, add(kind, label), rename(kind, label), toggle(kind),
    remove(kind), move_category(kind, step). Every change is saved at once."""

    def __init__(self, db: sqlite_utils.Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Kategorier för deltagare"))
        self.resize(460, 420)
        self.tabs = QTabWidget()
        self.lists: dict[str, QListWidget] = {}
        for kind, title in CATEGORY_KINDS.items():
            page = QWidget()
            self.lists[kind] = QListWidget()
            buttons = QVBoxLayout()
            for text, slot in (("Lägg till…", lambda _=False, k=kind: self.add(k)),
                               ("Byt namn…", lambda _=False, k=kind: self.rename(k)),
                               ("Aktiv / inaktiv", lambda _=False, k=kind: self.toggle(k)),
                               ("Upp", lambda _=False, k=kind: self.move_category(k, -1)),
                               ("Ned", lambda _=False, k=kind: self.move_category(k, 1)),
                               ("Ta bort…", lambda _=False, k=kind: self.remove(k))):
                button = QPushButton(self.tr(text))
                button.clicked.connect(slot)
                buttons.addWidget(button)
            buttons.addStretch(1)
            row = QHBoxLayout(page)
            row.addWidget(self.lists[kind], 1)
            row.addLayout(buttons)
            self.tabs.addTab(page, self.tr(title))
        self.message = MessageLabel()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self._fill()

    def _fill(self, keep: int | None = None) -> None:
        for kind, widget in self.lists.items():
            widget.clear()
            for c in service.categories(self.db, kind):
                entry = QListWidgetItem(c.label + ("" if c.active else self.tr(" (inaktiv)")))
                entry.setData(Qt.ItemDataRole.UserRole, c)
                if not c.active:
                    entry.setForeground(Qt.GlobalColor.gray)
                widget.addItem(entry)
                if c.id == keep:
                    widget.setCurrentItem(entry)

    def _selected(self, kind: str) -> Category | None:
        entry = self.lists[kind].currentItem()
        chosen: Category | None = entry.data(Qt.ItemDataRole.UserRole) if entry is not None else None
        return chosen

    def _save(self, c: Category) -> None:
        try:
            service.save_category(self.db, c)
        except ServiceError as exc:
            self.message.show_error(str(exc))
            return
        self.message.clear_message()
        self._fill(keep=c.id)

    def add(self, kind: str, label: str | None = None) -> None:
        if label is None:
            label, ok = QInputDialog.getText(self, self.tr("Ny kategori"), self.tr("Namn:"))
            if not ok:
                return
        self._save(Category(kind, label))

    def rename(self, kind: str, label: str | None = None) -> None:
        c = self._selected(kind)
        if c is None:
            return
        if label is None:
            label, ok = QInputDialog.getText(self, self.tr("Byt namn"), self.tr("Namn:"), text=c.label)
            if not ok:
                return
        c.label = label
        self._save(c)

    def toggle(self, kind: str) -> None:
        c = self._selected(kind)
        if c is not None:
            c.active = not c.active
            self._save(c)

    def move_category(self, kind: str, step: int) -> None:
        """The selected category `step` places up (-1) or down (1) in its list."""
        items = service.categories(self.db, kind)
        c = self._selected(kind)
        index = next((i for i, o in enumerate(items) if c is not None and o.id == c.id), None)
        if c is None or index is None or not 0 <= index + step < len(items):
            return
        items[index], items[index + step] = items[index + step], items[index]
        service.reorder_categories(self.db, kind, [o.id for o in items if o.id is not None])
        self._fill(keep=c.id)

    def remove(self, kind: str) -> None:
        c = self._selected(kind)
        if c is None or c.id is None or not confirm(self, self.tr("Ta bort kategori"),
                                                     self.tr("Ta bort ”%s”?") % c.label):
            return
        try:
            service.delete_category(self.db, c.id)
        except ServiceError as exc:
            self.message.show_error(str(exc))
            return
        self._fill()
