"""An insats changed as undoable steps: its details, archived or not, granted and prognos of a year, invoices
booked, corrected and removed, a report received."""
from __future__ import annotations

import copy
from datetime import date
from typing import TYPE_CHECKING

from ..domain.insatser import Insats, Invoice
from ..store import insatser as store
from . import insatser
from .changes import Apply, Change

if TYPE_CHECKING:
    import sqlite_utils


def edit(db: sqlite_utils.Database, insats: Insats) -> Change:
    """Save the details of a saved insats (checked first: ValidationError changes nothing)."""
    assert insats.id is not None, "a new insats is made with insatser.save"
    before = insatser.load(db, insats.id)
    insatser.save(db, insats)
    after = copy.deepcopy(insats)
    return Change("Ändra insatsen", lambda db: _save(db, after), lambda db: _save(db, before))


def _save(db: sqlite_utils.Database, insats: Insats) -> None:
    insatser.save(db, copy.deepcopy(insats))


def toggle_archived(db: sqlite_utils.Database, insats_id: int) -> Change:
    """Archive the insats, or take it back from the archive."""
    archived = insatser.load(db, insats_id).archived
    insatser.set_archived(db, insats_id, not archived)
    return Change("Arkivera", lambda db: insatser.set_archived(db, insats_id, not archived),
                  lambda db: insatser.set_archived(db, insats_id, archived))


def set_granted(db: sqlite_utils.Database, insats_id: int, year: int, by_category: dict[str, int]) -> Change:
    before = dict(insatser.economy(db, insats_id, year).granted)
    after = dict(by_category)
    insatser.set_granted(db, insats_id, year, after)
    return Change("Ändra beviljat", lambda db: insatser.set_granted(db, insats_id, year, dict(after)),
                  lambda db: insatser.set_granted(db, insats_id, year, dict(before)))


def set_prognos(db: sqlite_utils.Database, insats_id: int, year: int, prognos: int | None) -> Change:
    before = insatser.economy(db, insats_id, year).prognos
    insatser.set_prognos(db, insats_id, year, prognos)
    return Change("Ändra prognos", lambda db: insatser.set_prognos(db, insats_id, year, prognos),
                  lambda db: insatser.set_prognos(db, insats_id, year, before))


def _book(invoice: Invoice) -> Apply:
    """Book the invoice again under its own id (undo keeps the ids later steps refer to)."""
    return lambda db: insatser.save_invoice(db, copy.deepcopy(invoice))


def _remove(invoice_id: int) -> Apply:
    return lambda db: insatser.delete_invoice(db, invoice_id)


def book_invoice(db: sqlite_utils.Database, invoice: Invoice) -> tuple[Change, list[str]]:
    """Book a new invoice (checked first); returns the change and the warnings (e.g. a date outside the period)."""
    warnings = insatser.save_invoice(db, invoice)
    assert invoice.id is not None
    return Change("Bokför faktura", _book(copy.deepcopy(invoice)), _remove(invoice.id)), warnings


def edit_invoice(db: sqlite_utils.Database, invoice: Invoice) -> tuple[Change, list[str]]:
    """Correct a booked invoice (checked first: ValidationError changes nothing); undo puts the booked one back."""
    assert invoice.id is not None, "a new invoice is booked with book_invoice"
    before = store.get_invoice(db, invoice.id)
    warnings = insatser.save_invoice(db, invoice)
    return Change("Ändra faktura", _book(copy.deepcopy(invoice)), _book(before)), warnings


def delete_invoice(db: sqlite_utils.Database, invoice_id: int) -> Change:
    removed = insatser.delete_invoice(db, invoice_id)
    return Change("Ta bort faktura", _remove(invoice_id), _book(removed))


def mark_received(db: sqlite_utils.Database, report_id: int, received_on: date | None) -> Change:
    before = store.get_report(db, report_id).received_on
    insatser.mark_received(db, report_id, received_on)
    return Change("Rapport mottagen", lambda db: insatser.mark_received(db, report_id, received_on),
                  lambda db: insatser.mark_received(db, report_id, before))
