"""The review's editable tables: contacts, budget and time plan, each filled from and read back into
an Application. A cell that cannot be read is named in a Swedish message; nothing is guessed."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget

from ...domain.application import OWN, SOUGHT, Application, Budget, ContactRow, Phase
from ...domain.dates import DateError, iso, parse_date
from ...domain.forms import BudgetTable, ContactsTable, TimeplanTable
from ...domain.money import AmountError, format_amount, parse_amount
from ..widgets import item


def tr(text: str) -> str:
    return QCoreApplication.translate("ReadFormFields", text)


def _text(table: QTableWidget, r: int, c: int) -> str:
    cell = table.item(r, c)
    return cell.text().strip() if cell else ""


def _fit_height(table: QTableWidget) -> None:
    table.resizeRowsToContents()
    height = table.horizontalHeader().height() + sum(table.rowHeight(r) for r in range(table.rowCount())) + 6
    table.setMinimumHeight(min(height, 420))
    table.setMaximumHeight(max(height, 60))


class ContactsEditor(QTableWidget):
    """One contacts table of the form (a role); an empty last row adds a contact."""

    def __init__(self, table: ContactsTable, contacts: list[ContactRow], parent=None):
        super().__init__(0, 4, parent)
        self.role = table.role
        self.setHorizontalHeaderLabels(list(table.columns)[:4] + [""] * (4 - len(table.columns[:4])))
        self.verticalHeader().hide()
        rows = [(c.name, c.organisation, c.phone, c.email) for c in contacts] + [("", "", "", "")]
        self.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, v in enumerate(values):
                self.setItem(r, c, item(v))
        self.resizeColumnsToContents()
        self.horizontalHeader().setStretchLastSection(True)
        _fit_height(self)

    def contacts(self) -> list[ContactRow]:
        out = []
        for r in range(self.rowCount()):
            values = [_text(self, r, c) for c in range(4)]
            if any(values):
                out.append(ContactRow(self.role, *values))
        return out


class BudgetEditor(QTableWidget):
    """Category | egen finansiering | one column per year, amounts as people type them, and a last
    row with the sums the app computes (to compare with the total typed in the file)."""

    def __init__(self, table: BudgetTable, budget: Budget, parent=None):
        self.table = table
        self.columns: list[tuple[str, int | None]] = ([(OWN, None)] if table.own_column else []) + [
            (SOUGHT, y) for y in budget.years]
        super().__init__(len(table.categories) + 1, len(self.columns) + 1, parent)
        self.setHorizontalHeaderLabels([table.header_label] + [
            table.own_column or "" if col == OWN else table.year_label.format(year=y) for col, y in self.columns])
        self.verticalHeader().hide()
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 260)
        for c in range(self.columnCount()):
            self.horizontalHeaderItem(c).setToolTip(self.horizontalHeaderItem(c).text())
        for r, category in enumerate(table.categories):
            self.setItem(r, 0, item(category, editable=False))
            for c, (col, year) in enumerate(self.columns, start=1):
                self.setItem(r, c, item(format_amount(budget.get(category, col, year), table.unit), align_right=True))
        self.setItem(len(table.categories), 0, item(tr("Summa (räknas ut)"), editable=False, bold=True))
        self._show_sums()
        self.itemChanged.connect(lambda _item: self._show_sums())
        _fit_height(self)

    def _show_sums(self) -> None:
        last = len(self.table.categories)
        self.blockSignals(True)
        for c in range(1, len(self.columns) + 1):
            texts = [_text(self, r, c) for r in range(last)]
            try:
                amounts = [parse_amount(t, self.table.unit) for t in texts if t]
                text = format_amount(sum(a or 0 for a in amounts), self.table.unit) if amounts else ""
            except AmountError:
                text = "–"  # a cell that is no amount: named when saving
            self.setItem(last, c, item(text, align_right=True, editable=False, bold=True))
        self.blockSignals(False)

    def read_into(self, app: Application) -> list[str]:
        """Write the cells into `app.budget`; returns Swedish messages for cells that are no amount."""
        errors = []
        budget = Budget(years=[y for col, y in self.columns if col == SOUGHT and y is not None])
        for r, category in enumerate(self.table.categories):
            for c, (col, year) in enumerate(self.columns, start=1):
                try:
                    budget.set(category, col, year, parse_amount(_text(self, r, c), self.table.unit))
                except AmountError as exc:
                    errors.append(tr("Budget, {0}: {1}").format(category, exc))
        app.budget = budget
        return errors


class PhasesEditor(QTableWidget):
    """Period first, then the phases: name | start | end (ISO dates)."""

    def __init__(self, table: TimeplanTable, app: Application, parent=None):
        rows = [(table.period_label if table.style == "ranges" else tr("Insatsens period"), app.period_start,
                 app.period_end)] + [(p.name, p.start, p.end) for p in app.phases]
        super().__init__(len(rows), 3, parent)
        self.setHorizontalHeaderLabels([tr("Period / fas"), tr("Start"), tr("Slut")])
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        for r, (name, start, end) in enumerate(rows):
            self.setItem(r, 0, item(name, editable=r > 0))
            self.setItem(r, 1, item(iso(start)))
            self.setItem(r, 2, item(iso(end)))
        _fit_height(self)

    def read_into(self, app: Application) -> list[str]:
        errors: list[str] = []

        def date_at(r: int, c: int):
            try:
                return parse_date(_text(self, r, c))
            except DateError as exc:
                errors.append(f"{_text(self, r, 0)}: {exc}")
                return None

        app.period_start, app.period_end = date_at(0, 1), date_at(0, 2)
        app.phases = [Phase(_text(self, r, 0), date_at(r, 1), date_at(r, 2)) for r in range(1, self.rowCount())
                      if _text(self, r, 0)]
        return errors
