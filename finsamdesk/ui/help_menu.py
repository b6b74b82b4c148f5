"""Hjälp: Kortkommandon and Om finsamdesk (help_dialogs.py). The window builds this menu before it is shown, so the
dialogs, and Qt's enums they use, load when one is opened (benchmarks/startup.py)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QMenu, QMenuBar, QWidget


class HelpCommands:
    """Hjälp → Kortkommandon, Om finsamdesk. `dialog` is the last one shown (tests read it)."""

    def __init__(self, parent: QWidget, bar: Callable[[], QMenuBar], file: Callable[[], Path | None]):
        self.parent, self.bar, self.file = parent, bar, file
        self.dialog: QDialog | None = None

    def build_menu(self, menu: QMenu) -> None:
        for text, slot in ((self.parent.tr("&Kortkommandon"), self.show_shortcuts),
                           (self.parent.tr("&Om finsamdesk"), self.show_about)):
            action = QAction(text, self.parent)
            action.triggered.connect(lambda _checked=False, run=slot: run())
            menu.addAction(action)

    def show_shortcuts(self) -> None:
        from .help_dialogs import ShortcutsDialog, shortcuts

        self.dialog = ShortcutsDialog(self.parent, shortcuts(self.bar()))
        self.dialog.exec()

    def show_about(self) -> None:
        from .help_dialogs import AboutDialog, about_facts

        self.dialog = AboutDialog(self.parent, about_facts(self.file()))
        self.dialog.exec()
