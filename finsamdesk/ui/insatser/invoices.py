"""Fakturor: the invoices and rekvisitioner booked against an insats, and a form to book one more or correct a
booked one. The form stays still: every message has its room before it comes."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import DateError, parse_date, parse_range
from ...domain.insatser import INVOICE_KINDS, Invoice
from ...domain.money import AmountError, format_amount, format_kr, parse_amount
from ...domain.text import count
from ..date_edit import DateEdit
from ..rows_model import Column, RowsModel
from ..widgets import DATE_PLACEHOLDER, MessageLabel, fit_placeholder, list_view


def _period(inv: Invoice) -> str:
    if inv.period_start and inv.period_end:
        return f"{inv.period_start.isoformat()} – {inv.period_end.isoformat()}"
    return ""


COLUMNS = (
    Column("Datum", lambda i: i.date.isoformat(), key=lambda i: i.date),
    Column("Typ", lambda i: INVOICE_KINDS.get(i.kind, i.kind)),
    Column("Kategori", lambda i: i.category),
    Column("Avser period", _period, key=lambda i: i.period_start),
    Column("Belopp", lambda i: format_kr(i.amount), key=lambda i: i.amount, right=True),
    Column("Referens", lambda i: i.reference),
    Column("Notering", lambda i: i.note, tooltip=True),
)


class InvoicesTab(QWidget):
    """Public: show_invoices(list, categories), model, table, fields, messages, message, heading, book_button,
    edit_button, cancel_button, delete_button, total, editing (the invoice being corrected or None),
    start_edit(); signals book(Invoice: a new one, or a booked one corrected: its id is set) and delete(invoice id).
    The page saves through the service."""

    book = Signal(object)
    delete = Signal(object)  # an id: 63 bits (store/ids.py), more than a Qt int holds

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.insats_id: int | None = None
        self.editing: Invoice | None = None
        self.model = RowsModel(COLUMNS, self)
        self.table = list_view(self.model, (95, 90, 130, 180, 110, 110), stretch=6, sort_column=0, descending=True)
        self.table.doubleClicked.connect(lambda _index: self.start_edit())
        self.total = QLabel()
        self.kind, self.category = QComboBox(), QComboBox()
        self.fields: dict[str, QWidget] = {
            "date": DateEdit(), "kind": self.kind, "category": self.category, "period": QLineEdit(),
            "amount": QLineEdit(), "reference": QLineEdit(), "note": QLineEdit()}
        self.lines = {k: w for k, w in self.fields.items() if isinstance(w, QLineEdit)}
        for key, text in INVOICE_KINDS.items():
            self.kind.addItem(text, key)
        self.category.setEditable(True)
        period = f"{DATE_PLACEHOLDER} – {DATE_PLACEHOLDER}"
        self.lines["period"].setPlaceholderText(period)
        fit_placeholder(self.lines["period"])
        self.lines["amount"].setPlaceholderText("45 000")
        self.messages = {name: MessageLabel(reserve=2) for name in self.fields}
        labels = {"date": "Fakturadatum", "kind": "Typ", "category": "Kategori", "period": "Avser period",
                  "amount": "Belopp", "reference": "Fakturanummer/referens", "note": "Notering"}
        grid = QGridLayout()
        for column, name in enumerate(self.fields):
            grid.addWidget(QLabel(self.tr(labels[name])), 0, column)
            grid.addWidget(self.fields[name], 1, column)
            grid.addWidget(self.messages[name], 2, column)
        for line in self.lines.values():
            line.returnPressed.connect(self._book)
        for column, stretch in enumerate((0, 0, 1, 0, 0, 1, 2)):
            grid.setColumnStretch(column, stretch)
        self.book_button = QPushButton(self.tr("Bokför (Enter)"))
        self.book_button.clicked.connect(self._book)
        self.cancel_button = QPushButton(self.tr("Avbryt ändringen"))
        self.cancel_button.clicked.connect(self.cancel_edit)
        policy = self.cancel_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # its room stays: Bokför does not move when it comes
        self.cancel_button.setSizePolicy(policy)
        self.cancel_button.hide()
        self.edit_button = QPushButton(self.tr("Ändra markerad"))
        self.edit_button.clicked.connect(self.start_edit)
        self.delete_button = QPushButton(self.tr("Ta bort markerad…"))
        self.delete_button.clicked.connect(self._delete)
        self.message = MessageLabel(reserve=2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.total, 1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        self.heading = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.book_button)
        layout.addLayout(row)
        self._set_mode(None)

    def show_invoices(self, insats_id: int, invoices: list[Invoice], categories: list[str], year_label: str) -> None:
        self.insats_id = insats_id
        if self.insats_id != insats_id or (self.editing is not None and self.editing.id not in {
                i.id for i in invoices}):
            self._set_mode(None)  # another insats, or the invoice being corrected is gone (undo)
        self.insats_id = insats_id
        self.model.set_rows(invoices)
        self.total.setText(self.tr("%s %s, summa %s") % (
            count(len(invoices), self.tr("faktura"), self.tr("fakturor")), year_label,
            format_kr(sum(i.amount for i in invoices))))
        combo = self.category
        current = combo.currentText()
        combo.clear()
        combo.addItems(categories)
        if current in categories:
            combo.setCurrentText(current)

    def clear_form(self) -> None:
        for name in ("date", "period", "amount", "reference", "note"):
            self.lines[name].clear()
        for message in self.messages.values():
            message.clear_message()
        self._set_mode(None)
        self.lines["date"].setFocus()

    def start_edit(self) -> None:
        """The marked invoice into the form, to be corrected and saved (Ctrl+Z takes the correction back)."""
        index = self.table.currentIndex()
        invoice = self.model.row_at(index.row()) if index.isValid() else None
        if invoice is None:
            self.message.show_error(self.tr("Markera fakturan som ska ändras."))
            return
        for message in (self.message, *self.messages.values()):
            message.clear_message()
        f = self.lines
        f["date"].setText(invoice.date.isoformat())
        f["period"].setText(_period(invoice))
        f["amount"].setText(format_amount(invoice.amount, with_unit=False))
        f["reference"].setText(invoice.reference)
        f["note"].setText(invoice.note)
        for name in ("reference", "note", "period"):
            f[name].setCursorPosition(0)  # the beginning of a long reference shows, not its end
        self.kind.setCurrentIndex(max(0, self.kind.findData(invoice.kind)))
        self.category.setCurrentText(invoice.category)
        self._set_mode(invoice)
        f["amount"].setFocus()

    def cancel_edit(self) -> None:
        self.clear_form()
        self.message.clear_message()

    def _set_mode(self, invoice: Invoice | None) -> None:
        self.editing = invoice
        if invoice is None:
            self.heading.setText(self.tr("<b>Bokför en faktura eller rekvisition</b>"))
            self.book_button.setText(self.tr("Bokför (Enter)"))
        else:
            self.heading.setText(self.tr("<b>Ändra fakturan %s på %s</b>") % (
                invoice.date.isoformat(), format_kr(invoice.amount)))
            self.book_button.setText(self.tr("Spara ändringen (Enter)"))
        self.cancel_button.setVisible(invoice is not None)

    def read(self) -> Invoice | None:
        for message in (self.message, *self.messages.values()):  # a new try: the last outcome is gone
            message.clear_message()
        f, ok = self.lines, True
        when: date | None = None
        amount: int | None = None
        try:
            when = parse_date(f["date"].text())
            if when is None:
                self.messages["date"].show_error(self.tr("Datum behövs."))
                ok = False
        except DateError as exc:
            self.messages["date"].show_error(str(exc))
            ok = False
        start = end = None
        if f["period"].text().strip():
            try:
                start, end = parse_range(f["period"].text())
            except DateError as exc:
                self.messages["period"].show_error(str(exc))
                ok = False
        try:
            amount = parse_amount(f["amount"].text())
            if amount is None:
                self.messages["amount"].show_error(self.tr("Beloppet behövs."))
                ok = False
        except AmountError as exc:
            self.messages["amount"].show_error(str(exc))
            ok = False
        if not ok or self.insats_id is None or when is None or amount is None:
            return None
        return Invoice(self.insats_id, when, amount, self.category.currentText().strip(), start, end,
                       f["reference"].text().strip(), f["note"].text().strip(), self.kind.currentData(),
                       self.editing.id if self.editing is not None else None)

    def show_errors(self, fields: dict[str, str]) -> None:
        for name, text in fields.items():
            (self.messages.get(name) or self.message).show_error(text)

    def _book(self) -> None:
        invoice = self.read()
        if invoice is not None:
            self.book.emit(invoice)

    def _delete(self) -> None:
        index = self.table.currentIndex()
        invoice_id = self.model.row_id(index.row()) if index.isValid() else None
        if invoice_id is None:
            self.message.show_error(self.tr("Markera fakturan som ska tas bort."))
            return
        self.delete.emit(invoice_id)
