"""Budget: the förbund's budget of a year (with undo for every edit), copy into the next year, several years,
and the year as Excel or PDF for the styrelse."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.money import format_kr
from ...services import budget as service
from ...services import budget_changes as changes
from ...services.errors import ServiceError, ValidationError
from ..dialogs import confirm
from ..rows_model import Column, RowsModel
from ..undo import push
from ..widgets import MessageLabel, list_view, refill
from .year_view import YearView

if TYPE_CHECKING:
    import sqlite_utils
    from PySide6.QtCore import QModelIndex

    from ...domain.budget import BudgetYear

SUMMARY_COLUMNS = (
    Column("År", lambda s: str(s.year), key=lambda s: s.year),
    Column("Intäkter (prognos)", lambda s: format_kr(s.income), key=lambda s: s.income, right=True),
    Column("Kostnader (prognos)", lambda s: format_kr(s.costs), key=lambda s: s.costs, right=True),
    Column("Resultat", lambda s: format_kr(s.result), key=lambda s: s.result, right=True),
    Column("Eget kapital vid årets slut", lambda s: format_kr(s.closing_equity), key=lambda s: s.closing_equity,
           right=True),
    Column("Beviljat insatser", lambda s: format_kr(s.granted), key=lambda s: s.granted, right=True),
    Column("Fakturerat", lambda s: format_kr(s.spent), key=lambda s: s.spent, right=True),
    Column("Varningar", lambda s: str(s.warnings) if s.warnings else "", key=lambda s: s.warnings, right=True),
)


class BudgetPage(QWidget):
    """Public: set_database(db), reload(), show_year(year), year (combo), view (YearView), summary (model), tabs,
    undo_stack, export(fmt, path), copy_button, message; signal changed. No search box: `search` is None."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.db: sqlite_utils.Database | None = None
        self.today = today or date.today()
        self.search = None
        self.splitter = None
        self.undo_stack = QUndoStack(self)
        self.year = QComboBox()
        self.copy_button = QPushButton(self.tr("Kopiera till nästa år"))
        self.excel_button = QPushButton(self.tr("Exportera till Excel…"))
        self.pdf_button = QPushButton(self.tr("Spara som PDF…"))
        self.delete_button = QPushButton(self.tr("Ta bort året…"))
        self.message = MessageLabel()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("År:")))
        for widget in (self.year, self.copy_button, self.excel_button, self.pdf_button, self.delete_button):
            bar.addWidget(widget)
        bar.addWidget(self.message, 1)
        bar.addStretch(1)
        self.view = YearView()
        self.summary = RowsModel(SUMMARY_COLUMNS, self)
        self.summary_table = list_view(self.summary, (70, 150, 150, 130, 190, 150, 130, 90))
        self.summary_table.doubleClicked.connect(self._open_summary_row)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.view, self.tr("Budget"))
        self.tabs.addTab(self.summary_table, self.tr("Flera år"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        self.year.currentIndexChanged.connect(lambda: self._show())
        self.view.edited.connect(self._edited)
        self.copy_button.clicked.connect(self.copy_to_next_year)
        self.excel_button.clicked.connect(lambda: self.export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.delete_button.clicked.connect(self.delete_year)

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
        self.undo_stack.clear()
        self.reload(self.today.year)

    def reload(self, year: int | None = None) -> None:
        if self.db is None:
            return
        year = year or self.chosen_year
        saved = service.years(self.database)
        choices = sorted({*saved, self.today.year, self.today.year + 1, year})
        refill(self.year, ((str(y) if y in saved else self.tr("%d (ny)") % y, y) for y in choices), year)
        self.summary.set_rows(service.several_years(self.database))
        self._show()

    def shown(self) -> None:
        self.reload()

    def leave(self) -> None:
        pass

    def save_if_dirty(self) -> bool:
        """Every edit is saved as it is made; False while a typed amount that cannot be read is kept in the page."""
        if self.view.refused():
            self.view.show_refused()
            return False
        return True

    def show_year(self, year: int) -> None:
        self.reload(year)

    def _show(self) -> None:
        year = self.chosen_year
        self.tabs.setTabText(0, self.tr("Budget %d") % year)
        self.view.show_year(service.load_year(self.database, year), service.sheet(self.database, year),
                            service.contributions(self.database, year))

    def _edited(self, b: BudgetYear) -> None:
        try:
            change = changes.edit_year(self.database, b)
        except ValidationError as exc:
            self.view.message.show_error(str(exc))
            self._show()
            return
        year = b.year
        push(self.undo_stack, change, self.database, lambda: self.reload(year))
        self.reload(year)
        if self.view.refused():
            self.message.show_warning(self.tr("Sparat, utom det som är rött."))
        else:
            self.message.show_info(self.tr("Sparat."))
        self.changed.emit()

    def copy_to_next_year(self) -> None:
        year = self.chosen_year
        try:
            change = changes.copy_to_next_year(self.database, year)
        except ServiceError as exc:
            self.message.show_error(str(exc))
            return
        push(self.undo_stack, change, self.database, lambda: self.reload(year + 1), lambda: self.reload(year))
        self.reload(year + 1)
        self.message.show_info(self.tr("Budgeten är kopierad till %d; prognos och utfall är tomma.") % (year + 1))

    def delete_year(self) -> None:
        year = self.chosen_year
        if year not in service.years(self.database):
            self.message.show_error(self.tr("Året %d har ingen sparad budget.") % year)
            return
        if not confirm(self, self.tr("Ta bort budget"), self.tr("Ta bort budgeten för %d?") % year):
            return
        push(self.undo_stack, changes.delete_year(self.database, year), self.database, lambda: self.reload(year))
        self.reload(year)
        self.message.show_info(self.tr("Budgeten för %d är borttagen (Ctrl+Z ångrar).") % year)

    def export(self, fmt: str, path: str | None = None) -> None:
        """The year as .xlsx (sums as formulas) or .pdf; asks where unless `path` is given; PDFs are opened."""
        from ...services import economy_files
        from ..file_out import save_document

        year = self.chosen_year
        make = economy_files.budget_xlsx if fmt == "xlsx" else economy_files.budget_pdf
        save_document(self, self.message, self.tr("Spara budgeten"), Path.home() / f"budget-{year}.{fmt}",
                      lambda: make(self.database, year), path)

    def _open_summary_row(self, index: QModelIndex) -> None:
        row = self.summary.row_at(index.row())
        if row is not None:
            self.tabs.setCurrentIndex(0)
            self.reload(row.year)

