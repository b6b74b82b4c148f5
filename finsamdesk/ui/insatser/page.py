"""Insatser: the list (filter, sort, this year's money, next report) and the selected insats in tabs."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.insatser import STATUSES, Insats
from ...domain.money import format_kr
from ...domain.statuses import label
from ...domain.text import count as counted
from ...services import insats_changes as changes
from ...services import insatser as service
from ...services import registers
from ...services.changes import Change
from ...services.errors import ServiceError, ValidationError
from ..column_fit import ColumnFit
from ..dialogs import confirm
from ..empty_hint import EmptyHint
from ..rows_model import RowsModel
from ..totals_row import TotalsRow, with_totals
from ..undo import push
from ..widgets import MessageLabel, list_over_details, list_view, refill, scrolled, search_anywhere
from .details import InsatsDetails
from .dialogs import FromApplicationDialog
from .economy import EconomyTab
from .invoices import InvoicesTab
from .list_columns import LIST_COLUMNS, colour
from .reports import ReportsTab
from .tab_actions import InsatsTabActions

if TYPE_CHECKING:
    import sqlite_utils
    from PySide6.QtCore import QModelIndex

class InsatserPage(QWidget):
    """Public: set_database(db), reload(keep), select_insats(id, tab), current_id, search, year, model, table,
    tabs, details, economy, invoices, reports, undo_stack, splitter, export_economy(fmt, path);
    signal changed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.db: sqlite_utils.Database | None = None
        self.today = today or date.today()
        self.current_id: int | None = None
        self._all: list[Any] = []  # InsatsRow
        self.undo_stack = QUndoStack(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök namn eller insatsägare (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.addItem(self.tr("Alla statusar"), "")
        for key, text in STATUSES.items():
            self.status.addItem(text, key)
        self.year = QComboBox()
        self.archived = QCheckBox(self.tr("Visa arkiverade"))
        self.count = QLabel()
        self.new_button = QPushButton(self.tr("Ny insats"))
        self.from_application_button = QPushButton(self.tr("Från beviljad ansökan…"))
        self.archive_button = QPushButton(self.tr("Arkivera"))
        self.delete_button = QPushButton(self.tr("Ta bort…"))
        self.excel_button = QPushButton(self.tr("Exportera ekonomin till Excel…"))
        self.pdf_button = QPushButton(self.tr("Spara ekonomin som PDF…"))
        bar = QHBoxLayout()
        for widget in (self.search, self.status, self.year, self.archived, self.count):
            bar.addWidget(widget, 1 if widget is self.search else 0)
        actions = QHBoxLayout()
        for button in (self.new_button, self.from_application_button, self.archive_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.excel_button)
        actions.addWidget(self.pdf_button)
        self.model = RowsModel(LIST_COLUMNS, self, colour=colour)
        self.table = list_view(self.model)
        self.columns = ColumnFit(self.table, 0, caps={1: 220}, yield_first=(2, 1))
        self.totals = TotalsRow(self.table)
        self.details = InsatsDetails()
        search_anywhere(self.details.combos["owner"])
        self.economy = EconomyTab()
        self.invoices = InvoicesTab()
        self.reports = ReportsTab(today=self.today)
        self.message = MessageLabel()
        self.tabs = QTabWidget()
        for tab, title in ((scrolled(self.details), "Uppgifter"), (self.economy, "Ekonomi"),
                           (self.invoices, "Fakturor"), (self.reports, "Rapporter")):
            self.tabs.addTab(tab, self.tr(title))
        self.tabs.setEnabled(False)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(bar)
        top_layout.addLayout(with_totals(self.table, self.totals))
        top_layout.addLayout(actions)
        top_layout.addWidget(self.message)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(EmptyHint(self.tabs, lambda: self.tr(
            "Välj en insats i listan." if self.model.rowCount() else
            "Inga insatser att visa. Skapa en med Ny insats, eller med Från beviljad ansökan… när styrelsen har "
            "beviljat en ansökan.")))
        list_over_details(self.splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self.search.textChanged.connect(lambda: self.apply_filter())
        self.status.currentIndexChanged.connect(lambda: self.apply_filter())
        self.archived.toggled.connect(lambda: self.apply_filter())
        self.year.currentIndexChanged.connect(lambda: self.reload())
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.new_button.clicked.connect(self.new_insats)
        self.from_application_button.clicked.connect(lambda: self.from_application())
        self.archive_button.clicked.connect(self.toggle_archived)
        self.delete_button.clicked.connect(self.delete_insats)
        self.excel_button.clicked.connect(lambda: self.export_economy("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.export_economy("pdf"))
        self.details.save_requested.connect(self.save_details)
        self.tab_actions = InsatsTabActions(self, self)

    # ------------------------------------------------------------------ list
    @property
    def chosen_year(self) -> int:
        return self.year.currentData() or self.today.year

    @property
    def database(self) -> sqlite_utils.Database:
        """The open file (the page acts only once set_database has given it one)."""
        assert self.db is not None, "set_database first"
        return self.db

    def set_database(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.current_id = None
        self.undo_stack.clear()
        refill(self.year, ((str(y), y) for y in range(self.today.year + 2, self.today.year - 9, -1)), self.today.year)
        self.reload()

    def reload(self, keep: int | None = None) -> None:
        if self.db is None:
            return
        self._all = service.list_rows(self.database, self.chosen_year, self.today)
        self.apply_filter(keep=keep if keep is not None else self.current_id)
        if self.current_id is not None:
            self._show_current()

    def shown(self) -> None:
        self.reload()

    def leave(self) -> None:
        self.save_details_if_dirty()

    def save_if_dirty(self) -> bool:
        return self.save_details_if_dirty()

    def apply_filter(self, keep: int | None = None) -> None:
        keep = keep if keep is not None else self.current_id
        f = service.RowFilter(self.search.text(), self.status.currentData() or "", self.archived.isChecked())
        rows = service.filter_rows(self._all, f)
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows(rows)
        row = self.model.row_of(keep)
        if row >= 0:
            self.table.selectRow(row)
        self.table.selectionModel().blockSignals(False)
        self.count.setText(self.tr("%d av %s") % (len(rows), counted(len(self._all), self.tr("insats"),
                                                                        self.tr("insatser"))))
        label = self.tr("Summa %d, %s") % (self.chosen_year, counted(len(rows), self.tr("insats"), self.tr("insatser")))
        self.totals.show_totals(label, dict(zip((5, 6, 7), map(format_kr, service.totals(rows)), strict=True)))
        self._enable_exports()

    def _enable_exports(self) -> None:
        """The economy of one insats is exported: without one chosen the buttons are off and say why."""
        chosen = self.current_id is not None
        for button in (self.excel_button, self.pdf_button):
            button.setEnabled(chosen)
            button.setToolTip("" if chosen else self.tr("Välj en insats i listan först."))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        insats_id = self.model.row_id(current.row()) if current.isValid() else None
        if insats_id == self.current_id:
            return
        if not self.save_details_if_dirty():
            row = self.model.row_of(self.current_id)
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)
            return
        self.current_id = insats_id
        self._show_current()

    def select_insats(self, insats_id: int, tab: str = "") -> None:
        """Show one insats (e.g. from the Översikt): clear the filters, select it, open a tab by title."""
        self.search.clear()
        self.status.setCurrentIndex(0)
        self.archived.setChecked(True)
        self.current_id = insats_id
        self.apply_filter(keep=insats_id)
        self._show_current()
        for index in range(self.tabs.count()):
            if self.tabs.tabText(index) == tab:
                self.tabs.setCurrentIndex(index)

    @property
    def selected(self) -> int:
        """The insats shown in the tabs (the tabs act only while one is)."""
        assert self.current_id is not None, "no insats is selected"
        return self.current_id

    def _show_current(self) -> None:
        self.tabs.setEnabled(self.current_id is not None)
        self._enable_exports()
        if self.current_id is None:
            return
        try:
            insats = service.load(self.database, self.current_id)
        except ServiceError:
            self.current_id = None
            self.tabs.setEnabled(False)
            self._enable_exports()
            return
        from ...services import applications

        apps = [applications.load(self.database, a) for a in insats.application_ids]
        self.details.show_insats(insats, registers.organisations(self.database),
                                 [f"{a.diarienummer} {a.name} ({label(a.status).lower()})" for a in apps])
        self._show_money()
        self.reports.show_reports(service.reports(self.database, self.current_id))
        self.archive_button.setText(self.tr("Återställ från arkiv") if insats.archived else self.tr("Arkivera"))

    def _show_money(self) -> None:
        economy = service.economy(self.database, self.selected, self.chosen_year)
        self.tabs.setTabText(1, self.tr("Ekonomi %d") % self.chosen_year)
        self.economy.show_year(economy, (self.selected, self.chosen_year))
        categories = list(dict.fromkeys([*economy.categories, "Personal", "Lokaler", "Övrigt"]))
        self.invoices.show_invoices(self.selected, service.invoices(self.database, self.selected, self.chosen_year),
                                    categories, str(self.chosen_year))

    def refresh(self, message: str = "") -> None:
        self.reload(keep=self.current_id)
        if message:
            self.message.show_info(message)
        self.changed.emit()

    # ------------------------------------------------------------------ the insats
    def save_details_if_dirty(self) -> bool:
        """Save typed changes before another insats is shown; False if they cannot be saved."""
        if self.current_id is None or not self.details.is_dirty():
            return True
        return self.save_details()

    def save_details(self) -> bool:
        insats = self.details.read()
        if insats is None:
            return False
        try:
            self.push(changes.edit(self.database, insats))
        except ValidationError as exc:
            self.details.show_errors(exc.fields)
            return False
        self.details.message.show_info(self.tr("Sparat."))
        self.refresh()
        return True

    def new_insats(self) -> None:
        if not self.save_details_if_dirty():
            return
        insats = service.save(self.database, Insats(self.tr("Ny insats"), "struktur",
                                                    period_start=date(self.chosen_year, 1, 1),
                                                    period_end=date(self.chosen_year, 12, 31)))
        self.current_id = insats.id
        self.refresh(self.tr("Insatsen är skapad; fyll i uppgifterna."))
        self.tabs.setCurrentIndex(0)
        self.details.lines["name"].setFocus()
        self.details.lines["name"].selectAll()

    def from_application(self, application_id: int | None = None) -> None:
        from ...services import applications

        db = self.database
        granted = [applications.load(db, i) for i in service.granted_applications_without_insats(db)]
        dialog = FromApplicationDialog(granted, [r for r in self._all if not r.archived], self, application_id)
        if not dialog.exec():
            return
        app_id, target = dialog.choice()
        if app_id is None:
            return
        try:
            insats = service.from_application(self.database, app_id, target)
        except ServiceError as exc:
            self.message.show_error(str(exc))
            return
        self.current_id = insats.id
        self.refresh(self.tr("Insatsen ”%s” har ansökans beviljade belopp och rapporter.") % insats.name)

    def toggle_archived(self) -> None:
        if self.current_id is None:
            return
        was_archived = service.load(self.database, self.current_id).archived
        self.push(changes.toggle_archived(self.database, self.current_id))
        self.refresh(self.tr("Återställd.") if was_archived else self.tr("Arkiverad; visas med ”Visa arkiverade”."))

    def delete_insats(self) -> None:
        if self.current_id is None:
            return
        insats = service.load(self.database, self.current_id)
        question = self.tr("Ta bort insatsen ”%s” med dess rapporter?") % insats.name
        if not confirm(self, self.tr("Ta bort insats"), question):
            return
        try:
            service.delete(self.database, self.current_id)
        except ServiceError as exc:
            self.message.show_error(str(exc))
            return
        self.current_id = None
        self.undo_stack.clear()  # the deleted insats's commands can no longer be undone
        self.refresh(self.tr("Insatsen är borttagen."))

    def export_economy(self, fmt: str, path: str | None = None) -> None:
        """The selected insats's economy as .xlsx or .pdf; asks where unless `path` is given; PDFs are opened."""
        if self.current_id is None:
            self.message.show_error(self.tr("Välj en insats först."))
            return
        from pathlib import Path

        from ...services import economy_files
        from ..file_out import save_document

        insats_id = self.current_id
        name = service.load(self.database, insats_id).name[:40].replace("/", "-")
        make = economy_files.insats_xlsx if fmt == "xlsx" else economy_files.insats_pdf
        save_document(self, self.message, self.tr("Spara ekonomin"), Path.home() / f"{name} ekonomi.{fmt}",
                      lambda: make(self.database, insats_id), path)

    # ------------------------------------------------------------------ undo
    def push(self, change: Change) -> None:
        push(self.undo_stack, change, self.database, self.refresh)
