"""Hjälp's dialogs: Kortkommandon (read from the window's menus, so the list is always the keys that work) and Om
finsamdesk (the version, the open file, and where the backups, the log and the settings are kept)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMenuBar,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from .screen_fit import fit
from .widgets import item


def shortcuts(bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu, command, keys as Swedish shows them) for every command in the menus that has keys, in menu order."""
    out: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{path} → {_plain(action.text())}")
            elif not action.isSeparator() and action.shortcuts():
                keys = " eller ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
                out.append((path, _plain(action.text()), keys))

    for top in bar.actions():
        if isinstance(top.menu(), QMenu):
            walk(top.menu(), _plain(top.text()))
    return out


def _plain(text: str) -> str:
    """A menu text without its mnemonic (&) and its ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…")


class ShortcutsDialog(QDialog):
    """Public: table (Meny, Kommando, Kortkommando)."""

    def __init__(self, parent: QWidget, rows: list[tuple[str, str, str]]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kortkommandon"))
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Meny"), self.tr("Kommando"), self.tr("Kortkommando")])
        self.table.verticalHeader().hide()
        for row, values in enumerate(rows):
            for column, text in enumerate(values):
                self.table.setItem(row, column, item(text, editable=False))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        _closing(self, self.table)
        fit(self, 620, min(720, 90 + 30 * len(rows)))


class AboutDialog(QDialog):
    """Public: fields (label → the value shown)."""

    def __init__(self, parent: QWidget, facts: list[tuple[str, str]]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Om finsamdesk"))
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        heading = QLabel(self.tr("<b>finsamdesk</b> – samordningsförbundets skrivbord"))
        form.addRow(heading)
        for label, value in facts:
            shown = QLabel(value)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(True)
            self.fields[label] = shown
            form.addRow(label, shown)
        holder = QWidget()
        holder.setLayout(form)
        _closing(self, holder)
        self.setMinimumWidth(560)


def _closing(dialog: QDialog, content: QWidget) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(content, 1)
    layout.addWidget(buttons)


def about_facts(file: Path | None) -> list[tuple[str, str]]:
    """What Om finsamdesk says: the version, the open file, and the folders of its backups, the log and the
    settings."""
    from .. import __version__, paths
    from ..services import backups

    return [
        ("Version", __version__),
        ("Öppen fil", str(file) if file is not None else "Ingen fil är öppen."),
        ("Säkerhetskopior", str(backups.folder(file)) if file is not None else "–"),
        ("Loggfil", str(paths.log_dir(ensure=False) / "finsamdesk.log")),
        ("Inställningar", str(paths.settings_file(ensure=False))),
    ]
