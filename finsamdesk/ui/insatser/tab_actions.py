"""What the Ekonomi, Fakturor and Rapporter tabs ask for — granted and prognos of a year, an invoice booked or
removed, a report received, added, changed, removed or made again by the rule — carried out through the services
for the insats the Insatser page shows, each change on the page's undo stack."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication

from ...domain.insatser import Invoice, Report
from ...domain.money import format_kr
from ...services import insats_changes as changes
from ...services import insatser as service
from ...services.errors import ValidationError
from ..dialogs import confirm
from .dialogs import ReportDialog

if TYPE_CHECKING:
    import sqlite_utils
    from PySide6.QtWidgets import QWidget

    from ...services.changes import Change
    from .economy import EconomyTab
    from .invoices import InvoicesTab
    from .reports import ReportsTab


def tr(text: str) -> str:
    return QCoreApplication.translate("InsatsTabActions", text)


class InsatsHost(Protocol):
    """What the actions use of the Insatser page."""

    today: date
    economy: EconomyTab
    invoices: InvoicesTab
    reports: ReportsTab

    @property
    def database(self) -> sqlite_utils.Database: ...

    @property
    def selected(self) -> int: ...  # the insats in the tabs

    @property
    def chosen_year(self) -> int: ...

    def push(self, change: Change) -> None: ...

    def refresh(self, message: str = "") -> None: ...


class InsatsTabActions:
    def __init__(self, page: InsatsHost, parent: QWidget):
        """Connects to the page's tabs; `parent` is where the questions and dialogs open."""
        self.page, self.parent = page, parent
        page.economy.granted_edited.connect(self.granted_edited)
        page.economy.prognos_edited.connect(self.prognos_edited)
        page.invoices.book.connect(self.book)
        page.invoices.delete.connect(self.delete_invoice)
        page.reports.mark_received.connect(self.mark_received)
        page.reports.add.connect(self.add_report)
        page.reports.edit.connect(self.edit_report)
        page.reports.remove.connect(self.remove_report)
        page.reports.regenerate.connect(self.regenerate)

    # ------------------------------------------------------------------ money
    def granted_edited(self, by_category: dict[str, int]) -> None:
        page = self.page
        try:
            page.push(changes.set_granted(page.database, page.selected, page.chosen_year, by_category))
        except ValidationError as exc:
            page.economy.message.show_error(str(exc))
            return
        page.refresh()

    def prognos_edited(self, prognos: int | None) -> None:
        page = self.page
        page.push(changes.set_prognos(page.database, page.selected, page.chosen_year, prognos))
        page.refresh()

    def book(self, invoice: Invoice) -> None:
        """A new invoice booked, or a booked one (its id set) corrected."""
        page = self.page
        corrected = invoice.id is not None
        try:
            change, warnings = (changes.edit_invoice if corrected else changes.book_invoice)(page.database, invoice)
        except ValidationError as exc:
            page.invoices.show_errors(exc.fields)
            return
        page.push(change)
        page.invoices.clear_form()
        page.refresh()
        text = (tr("Ändrad: %s %s (Ctrl+Z ångrar).") if corrected else tr("Bokförd: %s %s.")) % (
            invoice.date.isoformat(), format_kr(invoice.amount))
        if warnings:
            page.invoices.message.show_warning(text + " " + " ".join(warnings))
        else:
            page.invoices.message.show_info(text)

    def delete_invoice(self, invoice_id: int) -> None:
        if not confirm(self.parent, tr("Ta bort faktura"), tr("Ta bort den markerade fakturan?")):
            return
        page = self.page
        page.push(changes.delete_invoice(page.database, invoice_id))
        page.refresh()
        page.invoices.message.show_info(tr("Fakturan är borttagen (Ctrl+Z ångrar)."))

    # ------------------------------------------------------------------ reports
    def mark_received(self, report_id: int, when: date | None) -> None:
        self.page.push(changes.mark_received(self.page.database, report_id, when))
        self.page.refresh()

    def add_report(self) -> None:
        self.edit_report(Report(self.page.selected, "annan", "", self.page.today))

    def edit_report(self, report: Report) -> None:
        dialog = ReportDialog(report, self.parent)
        if not dialog.exec() or dialog.result_report is None:
            return
        try:
            service.save_report(self.page.database, dialog.result_report)
        except ValidationError as exc:
            self.page.reports.message.show_error(str(exc))
            return
        self.page.refresh()

    def remove_report(self, report_id: int) -> None:
        if confirm(self.parent, tr("Ta bort rapport"), tr("Ta bort den markerade rapporten?")):
            service.delete_report(self.page.database, report_id)
            self.page.refresh()

    def regenerate(self) -> None:
        service.regenerate_reports(self.page.database, self.page.selected)
        self.page.refresh(tr("Rapporterna är skapade enligt regeln; mottagna och ändrade behölls."))
