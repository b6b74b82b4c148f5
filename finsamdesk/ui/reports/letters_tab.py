"""Brev och dossier: the beslutsbrev of every decided ansökan, påminnelser (a letter, or an e-mail draft opened in
the user's mail program for each contact) for reports that fall due, and the revisor's dossier of an insats."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.statuses import label
from ...services import dossier, insatser, letters, report_files
from ...services.errors import ServiceError
from ..widgets import MessageLabel
from .exports import save_with_dialog

if TYPE_CHECKING:
    from sqlite_utils import Database

DUE_DAYS = 30


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().hide()
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setSortingEnabled(True)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def _fill(table: QTableWidget, rows: list[tuple[int, list[str]]], order: Qt.SortOrder) -> None:
    table.setSortingEnabled(False)
    table.setRowCount(len(rows))
    for r, (key, cells) in enumerate(rows):
        for c, text in enumerate(cells):
            cell = QTableWidgetItem(text)
            cell.setData(256, key)  # Qt.UserRole: the id behind the row
            table.setItem(r, c, cell)
    table.setSortingEnabled(True)
    table.sortByColumn(0 if order == Qt.SortOrder.AscendingOrder else 3, order)
    if rows:
        table.selectRow(0)


class LettersTab(QWidget):
    """Public: set_database(db), reload(), decisions, reports (tables), insats (combo), decision_letter(suffix, path),
    reminder_letter(suffix, path), reminder_mails(), write_dossier(path), open_after, opened (URLs opened), message."""

    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.today = today or date.today()
        self.open_after = True
        self.opened: list[str] = []
        self.message = MessageLabel()
        self.decisions = _table([self.tr("Dnr"), self.tr("Ansökan"), self.tr("Beslut"), self.tr("Datum")])
        self.reports = _table([self.tr("Sista dag"), self.tr("Rapport"), self.tr("Insats"), self.tr("Läge")])
        self.insats = QComboBox()
        layout = QVBoxLayout(self)
        layout.addWidget(self._box(self.tr("Beslutsbrev till sökande"), self.decisions, [
            (self.tr("Spara som Word…"), lambda: self.decision_letter(".docx")),
            (self.tr("Spara som PDF…"), lambda: self.decision_letter(".pdf"))]), 1)
        layout.addWidget(self._box(self.tr("Rapporter som ska in inom %d dagar eller är försenade") % DUE_DAYS,
                                   self.reports, [
            (self.tr("E-post till kontakterna…"), self.reminder_mails),
            (self.tr("Spara som Word…"), lambda: self.reminder_letter(".docx")),
            (self.tr("Spara som PDF…"), lambda: self.reminder_letter(".pdf"))]), 1)
        box = QGroupBox(self.tr("Dossier för revisionen"))
        row = QHBoxLayout(box)
        row.addWidget(self.insats, 1)
        button = QPushButton(self.tr("Spara som PDF…"))
        button.clicked.connect(lambda: self.write_dossier())
        row.addWidget(button)
        layout.addWidget(box)
        layout.addWidget(self.message)

    def _box(self, title: str, table: QTableWidget, actions: list[tuple[str, Callable[[], object]]]) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.addWidget(table, 1)
        bar = QHBoxLayout()
        bar.addStretch(1)
        for text, slot in actions:
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=slot: s())
            bar.addWidget(button)
        layout.addLayout(bar)
        return box

    def set_database(self, db: Database) -> None:
        self.db = db
        self.reload()

    def reload(self) -> None:
        db = self.db
        if db is None:
            return
        _fill(self.decisions, [(app_id, [dnr, name, label(status), when.isoformat()])
                               for app_id, dnr, name, status, when in letters.decisions(db)],
              Qt.SortOrder.DescendingOrder)
        due = []
        for report_id in letters.due_report_ids(db, self.today + timedelta(days=DUE_DAYS)):
            r = letters.reminder(db, report_id, self.today)
            due.append((report_id, [r.report.due.isoformat(), r.report.title, r.insats,
                                    self.tr("försenad") if r.overdue else self.tr("snart")]))
        _fill(self.reports, due, Qt.SortOrder.AscendingOrder)
        self.insats.clear()
        for row in sorted(insatser.list_rows(db, self.today.year, self.today), key=lambda r: r.name):
            self.insats.addItem(row.name, row.id)

    @staticmethod
    def _selected(table: QTableWidget, column: int = 0) -> tuple[int, str] | None:
        """(the id behind the selected row, the text of its `column`), or None without a selection."""
        row = table.currentRow()
        key, text = table.item(row, 0), table.item(row, column)
        if row < 0 or key is None or text is None:
            return None
        return int(key.data(256)), text.text()

    def _save(self, title: str, suggested: str, write: Callable[[Database, Path], Path],
              path: str | Path | None = None) -> Path | None:
        db = self.db
        if db is None:
            return None
        return save_with_dialog(self, self.message, title, suggested, lambda p: write(db, p), path, self.open_after)

    def decision_letter(self, suffix: str, path: str | Path | None = None) -> Path | None:
        chosen = self._selected(self.decisions)
        if chosen is None:
            self.message.show_warning(self.tr("Välj en ansökan med beslut."))
            return None
        app_id, dnr = chosen
        return self._save(self.tr("Spara beslutsbrev"), f"Beslutsbrev {dnr}{suffix}",
                          lambda db, p: report_files.write_application_letter(db, app_id, p), path)

    def reminder_letter(self, suffix: str, path: str | Path | None = None) -> Path | None:
        chosen = self._selected(self.reports, 1)
        if chosen is None:
            self.message.show_warning(self.tr("Välj en rapport."))
            return None
        report_id, title = chosen
        return self._save(self.tr("Spara påminnelse"), f"Påminnelse {title}{suffix}",
                          lambda db, p: report_files.write_reminder(db, report_id, p), path)

    def reminder_mails(self) -> list[str]:
        """Opens an e-mail draft (mailto:) in the user's mail program for each contact with an address."""
        chosen = self._selected(self.reports)
        if chosen is None or self.db is None:
            self.message.show_warning(self.tr("Välj en rapport."))
            return []
        try:
            mails = letters.reminder_mails(letters.reminder(self.db, chosen[0], self.today))
        except ServiceError as exc:
            self.message.show_error(str(exc))
            return []
        if not mails:
            self.message.show_warning(self.tr("Ingen kontakt för insatsen har en e-postadress. Skriv ut en påminnelse "
                                              "i stället, eller lägg till adressen i kontaktregistret."))
            return []
        for _, url in mails:
            self.opened.append(url)
            if self.open_after:
                QDesktopServices.openUrl(QUrl(url, QUrl.ParsingMode.StrictMode))
        self.message.show_info(self.tr("E-postutkast öppnade för: %s") % ", ".join(w.name or w.email for w, _ in mails))
        return [url for _, url in mails]

    def write_dossier(self, path: str | Path | None = None) -> Path | None:
        insats_id = self.insats.currentData()
        if insats_id is None:
            self.message.show_warning(self.tr("Välj en insats."))
            return None
        return self._save(self.tr("Spara dossier"), f"Dossier {self.insats.currentText()}.pdf",
                          lambda db, p: dossier.write_dossier(db, int(insats_id), p), path)
