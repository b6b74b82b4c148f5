"""Arkiv → Ta med en arbetskopia…: what goes on the copy (the whole file or chosen insatser, with or without the
participant register), whom it is for, where it is saved; and the copies already out."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.sync import CopyInfo
from ..dialogs import ok_cancel
from ..screen_fit import fit
from ..widgets import MessageLabel, item


class TakeCopyDialog(QDialog):
    """Public: label, whole, chosen (insats list), with_register, target; chosen_ids(), target_path()."""

    def __init__(self, parent: QWidget | None, main_path: Path, insatser: list[tuple[int, str]],
                 copies: list[CopyInfo]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ta med en arbetskopia"))
        self.main_path = main_path
        intro = QLabel(self.tr(
            "En arbetskopia är en egen fil att arbeta i på en annan dator, utan nätverk. Huvudfilen minns den, "
            "och när kopian kommer tillbaka (USB-minne, e-post eller en delad mapp) slår du ihop den med "
            "Arkiv → Slå ihop en arbetskopia… Nya diarienummer och deltagar-id i kopian är preliminära "
            "(2026-P001, P00001) och får sina riktiga nummer vid sammanslagningen."))
        intro.setWordWrap(True)
        self.label = QLineEdit()
        self.label.setPlaceholderText(self.tr("t.ex. Anna, samordnare"))
        self.whole = QRadioButton(self.tr("Hela filen"))
        self.some = QRadioButton(self.tr("Bara valda insatser (med deras ansökningar, fakturor och deltagare)"))
        self.whole.setChecked(True)
        self.chosen = QListWidget()
        for insats_id, name in insatser:
            entry = QListWidgetItem(name)
            entry.setData(Qt.ItemDataRole.UserRole, insats_id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.chosen.addItem(entry)
        self.chosen.setEnabled(False)
        self.chosen.setMaximumHeight(180)
        self.some.toggled.connect(self.chosen.setEnabled)
        self.with_register = QCheckBox(self.tr("Med deltagarregistret (personuppgifterna följer med krypterade och "
                                               "skyddas av samma lösenfras som huvudfilen)"))
        self.with_register.setChecked(True)
        self.target = QLineEdit()
        browse = QPushButton(self.tr("Välj…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.target, 1)
        where.addWidget(browse)
        self.label.textChanged.connect(self._suggest_name)
        self._suggest_name("")
        form = QFormLayout()
        form.addRow(self.tr("Kopian är för"), self.label)
        form.addRow(self.tr("Innehåll"), self.whole)
        form.addRow("", self.some)
        form.addRow("", self.chosen)
        form.addRow("", self.with_register)
        form.addRow(self.tr("Spara som"), where)
        self.message = MessageLabel()
        out = QTableWidget(len(copies), 4)
        out.setHorizontalHeaderLabels([self.tr("Ute hos"), self.tr("Tagen"), self.tr("Senast ihopslagen"),
                                       self.tr("Innehåll")])
        for r, c in enumerate(copies):
            for col, text in enumerate((c.label, c.made_at[:16].replace("T", " "),
                                        (c.merged_at or "–")[:16].replace("T", " "), c.scope_text)):
                out.setItem(r, col, item(text, editable=False))
                out.item(r, col).setToolTip(text)
        out.verticalHeader().setVisible(False)
        out.resizeColumnsToContents()
        out.horizontalHeader().setStretchLastSection(True)
        out.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        out.setMaximumHeight(140)
        self.copies_table = out
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Arbetskopior som är ute: %n", "", len(copies))))
        layout.addWidget(out)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self._check, self.tr("Spara arbetskopian")))
        fit(self, 760, 620)

    def _suggest_name(self, text: str) -> None:
        if self.target.isModified():
            return
        who = f" {text.strip()}" if text.strip() else ""
        name = f"{self.main_path.stem} – arbetskopia{who} {date.today().isoformat()}.sqlite"
        self.target.setText(str(self.main_path.with_name(name)))

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Spara arbetskopian som"), self.target.text(),
                                              self.tr("finsamdesk-filer (*.sqlite)"))
        if name:
            self.target.setText(name if name.lower().endswith(".sqlite") else name + ".sqlite")
            self.target.setModified(True)

    def chosen_ids(self) -> list[int] | None:
        if self.whole.isChecked():
            return None
        return [int(self.chosen.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.chosen.count())
                if self.chosen.item(i).checkState() == Qt.CheckState.Checked]

    def target_path(self) -> Path:
        return Path(self.target.text().strip())

    def _check(self) -> None:
        if self.chosen_ids() == []:
            self.message.show_error(self.tr("Välj minst en insats, eller hela filen."))
            return
        if not self.target.text().strip():
            self.message.show_error(self.tr("Välj var arbetskopian ska sparas."))
            return
        self.accept()
