"""Arkiv → Säkerhetskopior: what each backup holds, take one now, how many to keep, restore one."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
)

from ..services import backups
from ..services.errors import ServiceError, ValidationError
from .dialogs import confirm
from .widgets import MessageLabel, item


class BackupsDialog(QDialog):
    """Public: table, keep, message, backups (the listed BackupInfo), take_now(), restore_selected() -> bool;
    `restored` is the backup the window should reopen after (the dialog has done the restore when set)."""

    def __init__(self, window, parent=None):
        super().__init__(parent or window)
        self.window_ = window
        self.restored = None
        self.setWindowTitle(self.tr("Säkerhetskopior"))
        self.resize(860, 440)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in ("Gjord", "Slag", "Storlek", "Innehåll")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.keep = QSpinBox()
        self.keep.setRange(1, 200)
        self.keep.setValue(backups.keep_count(window.db))
        self.keep.valueChanged.connect(self._keep_changed)
        self.now_button = QPushButton(self.tr("Ta en säkerhetskopia nu"))
        self.restore_button = QPushButton(self.tr("Återställ den markerade…"))
        self.now_button.clicked.connect(self.take_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.message = MessageLabel()
        intro = QLabel(self.tr("Säkerhetskopior tas när filen öppnas och en gång om dagen medan den är öppen, i "
                               "mappen %s bredvid filen. Personuppgifter är krypterade i dem som i filen.")
                       % backups.folder(window.path))
        intro.setWordWrap(True)
        keep_row = QHBoxLayout()
        keep_row.addWidget(QLabel(self.tr("Behåll de senaste")))
        keep_row.addWidget(self.keep)
        keep_row.addWidget(QLabel(self.tr("automatiska säkerhetskopiorna")))
        keep_row.addStretch(1)
        keep_row.addWidget(self.now_button)
        keep_row.addWidget(self.restore_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(keep_row)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self._fill()
        self.now_button.setEnabled(not window.read_only)
        self.restore_button.setEnabled(not window.read_only)

    def _fill(self) -> None:
        self.backups = backups.list_backups(self.window_.path)
        self.table.setRowCount(len(self.backups))
        for row, b in enumerate(self.backups):
            kind = self.tr("automatisk") if b.automatic else (
                self.tr("före återställning") if "aterstallning" in b.path.name else self.tr("före uppdatering"))
            for col, text in enumerate((f"{b.made:%Y-%m-%d %H.%M}", kind, f"{b.size / 1_000_000:.1f} MB", b.summary)):
                self.table.setItem(row, col, item(text, editable=False, align_right=col == 2))
        self.table.resizeColumnsToContents()
        if self.backups:
            self.table.selectRow(0)

    def _keep_changed(self, value: int) -> None:
        try:
            backups.set_keep_count(self.window_.db, value)
        except ValidationError as exc:
            self.message.show_error(str(exc))

    def take_now(self) -> None:
        try:
            made = backups.backup_now(self.window_.db, self.window_.path)
        except ServiceError as exc:
            self.message.show_error(str(exc))
            return
        self._fill()
        self.message.show_info(self.tr("Säkerhetskopian är sparad: %s") % made.name)

    def restore_selected(self) -> bool:
        row = self.table.currentRow()
        if not 0 <= row < len(self.backups):
            return False
        chosen = self.backups[row]
        if not confirm(self, self.tr("Återställ"), self.tr(
                "Ersätt filen med säkerhetskopian från %s (%s)? Filen som den är nu sparas först som en egen "
                "säkerhetskopia.") % (f"{chosen.made:%Y-%m-%d %H.%M}", chosen.summary)):
            return False
        try:
            self.window_.restore_backup(chosen.path)
        except ServiceError as exc:
            self.message.show_error(str(exc))
            return False
        self.restored = chosen
        self.accept()
        return True
