"""Undo as data: every undoable use case makes its change on a real file and returns a Change whose undo
brings back the file as it was and whose redo makes the change again, as often as the user goes back and
forth — bound to ids and saved values, not to the objects the caller passed in (they may change after)."""
from __future__ import annotations

import copy
import dataclasses
from datetime import date

import pytest

from finsamdesk.domain.budget import BudgetYear
from finsamdesk.domain.insatser import Insats, Invoice
from finsamdesk.domain.meetings import Meeting
from finsamdesk.domain.money import kr
from finsamdesk.domain.participants import CountPeriod, Participant
from finsamdesk.services import (
    budget,
    budget_changes,
    insats_changes,
    insatser,
    meeting_changes,
    meetings,
    participant_changes,
    participants,
)
from finsamdesk.services.changes import Change
from finsamdesk.services.errors import ServiceError, ValidationError
from tests.fixtures.participant_files import new_register

YEAR = 2026


def back_and_forth(db, change: Change, read, before) -> None:
    """Undo, redo and undo again: the file is as before, as after, as before (redo leaves it as after)."""
    assert isinstance(change, Change) and change.text
    after = read()
    assert after != before, "the change was made"
    for _ in range(2):
        change.undo(db)
        assert read() == before
        change.redo(db)
        assert read() == after


@pytest.fixture
def insats_id(db):
    return insatser.save(db, Insats("Steget vidare", period_start=date(YEAR, 1, 1),
                                    period_end=date(YEAR, 12, 31))).id


# ---------------------------------------------------------------- budget
def test_a_budget_edit_of_a_new_year_is_undone_to_no_budget(db):
    b = BudgetYear(YEAR, cells={("medlemsbidrag", "budget"): kr(1_000_000)})
    change = budget_changes.edit_year(db, b)
    assert change.text == f"Ändra budget {YEAR}"
    b.cells.clear()  # the caller's object changes after: the change keeps what was saved
    back_and_forth(db, change, lambda: budget.years(db) and budget.load_year(db, YEAR).cells, [])


def test_a_budget_edit_of_a_saved_year_is_undone_to_the_saved_figures(db):
    budget.save_year(db, BudgetYear(YEAR, cells={("medlemsbidrag", "budget"): kr(1_000_000)}))
    before = budget.load_year(db, YEAR)
    edited = copy.deepcopy(before)
    edited.cells[("medlemsbidrag", "budget")] = kr(1_200_000)
    change = budget_changes.edit_year(db, edited)
    back_and_forth(db, change, lambda: budget.load_year(db, YEAR), before)


def test_a_rejected_budget_edit_changes_nothing_and_makes_no_change(db):
    with pytest.raises(ValidationError):
        budget_changes.edit_year(db, BudgetYear(YEAR, cells={("medlemsbidrag", "budget"): -1}))
    assert budget.years(db) == []


def test_copying_a_budget_into_the_next_year_and_deleting_a_year(db):
    budget.save_year(db, BudgetYear(YEAR, cells={("medlemsbidrag", "budget"): kr(1_000_000)}))
    copied = budget_changes.copy_to_next_year(db, YEAR)
    assert copied.text == f"Kopiera budget till {YEAR + 1}"
    back_and_forth(db, copied, lambda: budget.years(db), [YEAR])
    with pytest.raises(ServiceError):
        budget_changes.copy_to_next_year(db, YEAR)  # the next year has one now
    saved = budget.load_year(db, YEAR)
    deleted = budget_changes.delete_year(db, YEAR)
    assert deleted.text == f"Ta bort budget {YEAR}"
    back_and_forth(db, deleted, lambda: YEAR in budget.years(db) and budget.load_year(db, YEAR), saved)


# ---------------------------------------------------------------- insatser
def test_an_insats_edit_and_archiving(db, insats_id):
    before = insatser.load(db, insats_id)
    edited = insatser.load(db, insats_id)
    edited.name, edited.owner = "Steget vidare 2.0", "Exempelby kommun"
    change = insats_changes.edit(db, edited)
    edited.name = "ändrad efteråt"
    back_and_forth(db, change, lambda: insatser.load(db, insats_id), before)
    archived = insats_changes.toggle_archived(db, insats_id)
    assert archived.text == "Arkivera"
    back_and_forth(db, archived, lambda: insatser.load(db, insats_id).archived, False)


def test_granted_and_prognos_of_a_year(db, insats_id):
    granted = {"Personal": kr(300_000), "Lokaler": kr(50_000)}
    change = insats_changes.set_granted(db, insats_id, YEAR, granted)
    granted["Personal"] = 0
    back_and_forth(db, change, lambda: insatser.economy(db, insats_id, YEAR).granted, {})
    again = insats_changes.set_granted(db, insats_id, YEAR, {"Personal": kr(10)})
    back_and_forth(db, again, lambda: insatser.economy(db, insats_id, YEAR).granted,
                   {"Personal": kr(300_000), "Lokaler": kr(50_000)})
    prognos = insats_changes.set_prognos(db, insats_id, YEAR, kr(345_000))
    back_and_forth(db, prognos, lambda: insatser.economy(db, insats_id, YEAR).prognos, None)


def test_an_invoice_booked_removed_and_both_undone_keeps_its_id(db, insats_id):
    def booked():
        return [(i.id, i.reference, i.amount) for i in insatser.invoices(db, insats_id)]

    invoice = Invoice(insats_id, date(YEAR, 2, 28), kr(12_000), "Personal", reference="F-4711")
    change, warnings = insats_changes.book_invoice(db, invoice)
    assert warnings == [] and change.text == "Bokför faktura"
    back_and_forth(db, change, booked, [])
    was_booked = booked()
    removed = insats_changes.delete_invoice(db, invoice.id)
    assert removed.text == "Ta bort faktura"
    back_and_forth(db, removed, booked, was_booked)
    # The user's sequence: book, remove, undo the removal, undo the booking — nothing is left, no error.
    removed.undo(db)
    assert booked() == [(invoice.id, "F-4711", kr(12_000))], "put back under its own id"
    change.undo(db)
    assert booked() == []


def test_a_report_marked_received(db, insats_id):
    report = next(r for r in insatser.reports(db, insats_id) if r.received_on is None)
    change = insats_changes.mark_received(db, report.id, date(YEAR, 5, 2))
    back_and_forth(db, change, lambda: next(r.received_on for r in insatser.reports(db, insats_id)
                                            if r.id == report.id), None)


# ---------------------------------------------------------------- participants
@pytest.fixture
def register(tmp_path):
    db, key, insats_id = new_register(tmp_path)
    yield db, key, insats_id
    db.close()


def _person(insats_id: int) -> Participant:
    return Participant(insats_id, start=date(YEAR, 2, 1), personnummer="19811218-9876", name="Kim Exempelsson",
                       consent_date=date(YEAR, 2, 1), consent_how="Skriftligt")


def test_a_participant_saved_edited_and_removed(register):
    db, key, insats_id = register

    def stored():
        return participants.snapshot(db, [r[participants.Row.ID] for r in participants.Register(db).rows])

    p = _person(insats_id)
    new = participant_changes.save(db, p, key)
    assert new.text == "Ny deltagare"
    back_and_forth(db, new, stored, [])
    before = stored()
    edited = participants.load(db, p.id, key)
    edited.end = date(YEAR, 6, 30)
    change = participant_changes.save(db, edited, key)
    assert change.text == "Ändra deltagare"
    back_and_forth(db, change, stored, before)
    after_edit = stored()
    removed = participant_changes.delete(db, p.id)
    assert removed.text == "Ta bort deltagare"
    removed.undo(db)
    assert stored() == after_edit and participants.load(db, p.id, key).name == "Kim Exempelsson"
    removed.redo(db)
    assert stored() == []


def test_an_import_is_undone_as_one_step_and_the_mode_of_an_insats(register):
    db, key, insats_id = register
    ids = [participants.save(db, dataclasses.replace(_person(insats_id), personnummer=pnr, name=f"Person {n}"),
                             key).id for n, pnr in enumerate(("19811218-9876", "19900101-0017"))]
    before = participants.snapshot(db, ids)
    change = participant_changes.imported(db, ids)
    assert change.text == "Importera 2 deltagare"
    change.undo(db)
    assert participants.snapshot(db, ids) == []
    change.redo(db)
    assert participants.snapshot(db, ids) == before
    other = insatser.save(db, Insats("Räknas i antal")).id
    mode = participant_changes.set_mode(db, other, "individ")
    back_and_forth(db, mode, lambda: participants.mode_of(db, other), "antal")
    with pytest.raises(ServiceError):
        participant_changes.set_mode(db, insats_id, "antal")  # it has records


def test_count_periods_saved_edited_and_removed(db, insats_id):
    def periods():
        return participants.count_periods(db, insats_id)

    c = CountPeriod(insats_id, date(YEAR, 1, 1), date(YEAR, 4, 30), new_women=3, new_men=2, ongoing_women=3,
                    ongoing_men=2)
    new = participant_changes.save_count_period(db, c)
    assert new.text == "Ny period"
    back_and_forth(db, new, periods, [])
    before = periods()
    edited = copy.deepcopy(before[0])
    edited.new_women = edited.ongoing_women = 5
    change = participant_changes.save_count_period(db, edited)
    assert change.text == "Ändra period"
    back_and_forth(db, change, periods, before)
    after = periods()
    removed = participant_changes.delete_count_period(db, c.id)
    assert removed.text == "Ta bort period"
    back_and_forth(db, removed, periods, after)


# ---------------------------------------------------------------- meetings
def test_a_meeting_planned_edited_and_removed(db):
    m, planned = meeting_changes.plan(db, "beredning", date(YEAR, 9, 3), "13.00", "Förbundets kontor")
    assert planned.text == "Nytt möte" and m.id is not None
    back_and_forth(db, planned, lambda: [r.id for r in meetings.list_rows(db)], [])
    before = meetings.load(db, m.id)
    edited = meetings.load(db, m.id)
    edited.place, edited.chair = "Stadshuset", "Eva Ordförande"
    change = meeting_changes.edit(db, edited)
    assert change.text == "Ändra mötet"
    back_and_forth(db, change, lambda: meetings.load(db, m.id), before)
    after = meetings.load(db, m.id)
    removed = meeting_changes.delete(db, m.id)
    assert removed.text == "Ta bort möte"
    removed.undo(db)
    assert meetings.load(db, m.id) == after, "put back under its own id, with its agenda"
    removed.redo(db)
    assert meetings.list_rows(db) == []


def test_a_rejected_meeting_edit_changes_nothing(db):
    m, _ = meeting_changes.plan(db, "styrelse", date(YEAR, 10, 1))
    before = meetings.load(db, m.id)
    bad = meetings.load(db, m.id)
    bad.time = "kl. ett"
    with pytest.raises(ValidationError):
        meeting_changes.edit(db, bad)
    assert meetings.load(db, m.id) == before
    assert isinstance(before, Meeting)
