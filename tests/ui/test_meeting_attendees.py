"""Mötesdeltagare on the Möten page: "Lägg till från kontaktregistret" offers only people not yet there, and a
person listed twice anyway neither blocks recording nor the projector (F5) with a message about another tab."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from finsamdesk.services import applications, meetings, registers
from finsamdesk.ui.pages import ROW
from finsamdesk.ui.picker import PickDialog

TODAY = date(2026, 12, 1)


@pytest.fixture
def window(example_window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    w = example_window(TODAY, (1366, 820))
    w.nav.setCurrentRow(ROW["meetings"])
    w.meetings.today = TODAY
    return w


@pytest.fixture
def offered(monkeypatch):
    """What "Lägg till från kontaktregistret" offers; the first is chosen."""
    shown: list[list[str]] = []

    def exec_(dialog):
        shown.append(dialog.choices.shown())
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(PickDialog, "exec", exec_)
    return shown


def _coming(window):
    page = window.meetings
    coming = next(r.id for r in meetings.list_rows(window.db) if r.date > TODAY)
    page.table.selectRow(page.model.row_of(coming))
    return page


def _type_row(page, qtbot, name: str) -> None:
    page.form.new_row.click()
    table = page.form.attendees
    row = table.rowCount() - 1
    editors = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert table.state() == table.State.EditingState and len(editors) == 1, "the new row is open for typing"
    editor = editors[0]
    qtbot.keyClicks(editor, name)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(row, 0).text() == name, timeout=2000)  # the delegate commits queued


def test_the_register_does_not_offer_who_is_already_there(window, offered):
    page = _coming(window)
    page.tabs.setCurrentWidget(page.form)
    listed = {a.name for a in page.current.attendees}
    contacts = registers.contacts(window.db)
    new = [c for c in contacts if c.name not in listed]
    assert len(new) >= 2 and len(new) < len(contacts), "the example's register has people on the meeting"
    rows = page.form.attendees.rowCount()
    page.form.from_register.click()
    first = offered[-1][0]
    assert len(offered[-1]) == len(new) and page.form.attendees.rowCount() == rows + 1
    page.form.from_register.click()
    assert first not in offered[-1] and len(offered[-1]) == len(new) - 1
    for _ in range(len(new) - 2):
        page.form.from_register.click()
    count = len(offered)
    page.form.from_register.click()
    assert len(offered) == count, "nobody left to offer: no empty list"
    assert page.form.messages["attendees"].text() == "Alla i kontaktregistret står redan bland mötesdeltagarna."
    assert page.save()
    names = [a.name for a in meetings.load(window.db, page.current.id).attendees]
    assert sorted(names) == sorted(listed | {c.name for c in contacts}) and len(names) == rows + len(new)


def test_a_person_typed_twice_neither_blocks_recording_nor_the_projector(window, qtbot):
    page = _coming(window)
    page.tabs.setCurrentWidget(page.form)
    chair = page.form.attendees.item(0, 0).text()
    rows = page.form.attendees.rowCount()
    _type_row(page, qtbot, chair.upper())
    page.tabs.setCurrentWidget(page.agenda)
    row = next(i for i, item in enumerate(page.current.items) if item.kind == "ansokan")
    page.agenda.items.setCurrentRow(row)
    combo = page.agenda.fields["outcome"]
    combo.setCurrentIndex(combo.findData("tillstyrk"))
    page.agenda.record_button.click()
    assert "✓ registrerad" in page.agenda.items.item(row).text(), page.message.text()
    assert page.tabs.currentWidget() is page.agenda
    assert page.message.text() == (f"Sparat. ”{chair.upper()}” stod två gånger bland mötesdeltagarna: "
                                   f"rad {rows + 1} togs bort, rad 1 är kvar.")
    stored = meetings.load(window.db, page.current.id)
    assert [a.name for a in stored.attendees].count(chair) == 1 and len(stored.attendees) == rows
    assert applications.load(window.db, stored.items[row].application_id).status == "styrelse"

    page.tabs.setCurrentWidget(page.form)
    _type_row(page, qtbot, chair)
    page.tabs.setCurrentWidget(page.agenda)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert page.presentation is not None and page.presentation.isVisible()
    page.presentation.close()
    assert page.form.attendees.rowCount() == rows


def test_a_row_without_a_name_is_shown_where_it_is(window, qtbot):
    page = _coming(window)
    page.tabs.setCurrentWidget(page.form)
    page.form.new_row.click()
    page.form.new_row.click()  # left empty: no attendee, no problem
    table = page.form.attendees
    table.item(table.rowCount() - 2, 1).setText("Exempelby kommun")  # an organisation but no name
    page.tabs.setCurrentWidget(page.agenda)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert page.presentation is None
    assert page.tabs.currentWidget() is page.form and table.currentRow() == table.rowCount() - 2
    assert page.message.text() == (f"Mötet sparades inte: Mötesdeltagaren på rad {table.rowCount() - 1} saknar "
                                   f"namn. Skriv ett namn på rad {table.rowCount() - 1} under fliken "
                                   "”Mötet och mötesdeltagare”.")
