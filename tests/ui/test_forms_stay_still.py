"""Forms that stay still: a message has its room before it comes, the last outcome goes when a new error comes,
counts read "1 faktura", ISO placeholders show whole, dates can be picked in a calendar, and a booked invoice
can be corrected — with undo."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCalendarWidget, QTableView, QToolButton

from finsamdesk.domain.insatser import Insats, Invoice
from finsamdesk.domain.money import format_kr
from finsamdesk.services import applications, insatser
from finsamdesk.ui.date_edit import DateEdit
from finsamdesk.ui.pages import ROW
from finsamdesk.ui.widgets import DATE_PLACEHOLDER

YEAR = date.today().year


@pytest.fixture
def window(example_window):
    return example_window(size=(1280, 720))


def invoices_tab(window, insats_id=None):
    window.nav.setCurrentRow(ROW["insatser"])
    page = window.insatser
    if insats_id is None:
        page.table.selectRow(0)
    else:
        page.select_insats(insats_id)
    page.tabs.setCurrentWidget(page.invoices)
    return page, page.invoices


def places(tab):
    """Where every button, field and the list stand in the tab."""
    widgets = [tab.table, tab.book_button, tab.delete_button, tab.edit_button, *tab.fields.values()]
    return [(w.mapTo(tab, w.rect().topLeft()), w.size()) for w in widgets]


def settled(tab, qtbot):
    """Where things stand once the layout has done its work."""
    last = None
    for _ in range(20):
        qtbot.wait(20)
        now = places(tab)
        if now == last:
            return now
        last = now
    return last


def test_buttons_and_columns_stay_put_and_the_green_message_goes_with_a_new_error(window, qtbot):
    _, tab = invoices_tab(window)
    before = settled(tab, qtbot)
    tab.lines["date"].setText(f"{YEAR}-02-30")
    tab.lines["amount"].setText("tolv tusen")
    tab.lines["reference"].setText("F-1")
    qtbot.mouseClick(tab.book_button, Qt.MouseButton.LeftButton)
    assert "inget giltigt datum" in tab.messages["date"].text() and tab.messages["amount"].text()
    assert settled(tab, qtbot) == before, "a message moved the form"

    tab.lines["date"].setText(f"{YEAR}-02-28")
    tab.lines["amount"].setText("12 000")
    qtbot.mouseClick(tab.book_button, Qt.MouseButton.LeftButton)
    assert "Bokförd" in tab.message.text()
    assert settled(tab, qtbot) == before

    tab.lines["date"].setText(f"{YEAR}-02-31")
    qtbot.keyClick(tab.lines["date"], Qt.Key.Key_Return)
    assert "inget giltigt datum" in tab.messages["date"].text()
    assert tab.message.text() == "", "the green Bokförd is gone when a new error comes"


def test_one_invoice_is_one_faktura(window):
    insats = insatser.save(window.db, Insats("Enfakturaprojektet", period_start=date(YEAR, 1, 1),
                                             period_end=date(YEAR, 12, 31)))
    insatser.save_invoice(window.db, Invoice(insats.id, date(YEAR, 3, 31), 45_000_00))
    window.insatser.reload()
    _, tab = invoices_tab(window, insats.id)
    assert tab.total.text().startswith(f"1 faktura {YEAR}, summa {format_kr(45_000_00)}")
    tab.lines["date"].setText(f"{YEAR}-04-30")
    tab.lines["amount"].setText("100")
    tab.book_button.click()
    assert tab.total.text().startswith("2 fakturor")


def test_iso_placeholders_show_whole_beside_the_calendar_button(window, qtbot):
    _, tab = invoices_tab(window)
    qtbot.waitUntil(lambda: tab.book_button.isVisible())
    date_field, period = tab.lines["date"], tab.lines["period"]
    assert isinstance(date_field, DateEdit) and date_field.placeholderText() == DATE_PLACEHOLDER
    button = date_field.findChild(QToolButton)
    room = button.mapTo(date_field, button.rect().topLeft()).x()
    assert date_field.fontMetrics().horizontalAdvance(DATE_PLACEHOLDER) + 8 <= room
    assert DATE_PLACEHOLDER in period.placeholderText()
    assert period.fontMetrics().horizontalAdvance(period.placeholderText()) + 8 <= period.width()


def test_a_date_is_picked_in_the_calendar_beside_the_text(window, qtbot):
    _, tab = invoices_tab(window)
    field = tab.lines["date"]
    field.setText(f"{YEAR}-03-30")
    edited = []
    field.textEdited.connect(edited.append)
    qtbot.mouseClick(field.findChild(QToolButton), Qt.MouseButton.LeftButton)
    calendar = field.calendar
    assert isinstance(calendar, QCalendarWidget) and calendar.isVisible()
    assert calendar.selectedDate().toString("yyyy-MM-dd") == f"{YEAR}-03-30"
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday
    view = calendar.findChild(QTableView)  # the month's days
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert not calendar.isVisible()
    assert field.text() == f"{YEAR}-03-31" and edited == [f"{YEAR}-03-31"], "a pick counts as typed"
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert calendar.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not calendar.isVisible() and field.text() == f"{YEAR}-03-31"


def test_a_booked_invoice_is_corrected_and_undo_takes_the_correction_back(window, qtbot):
    page, tab = invoices_tab(window)
    insats_id = page.current_id
    booked = insatser.invoices(window.db, insats_id, YEAR)
    row = 0
    first = tab.model.row_at(row)
    tab.table.selectRow(row)
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    assert tab.lines["date"].text() == first.date.isoformat() and tab.lines["reference"].text() == first.reference
    assert "Ändra fakturan" in tab.heading.text() and tab.cancel_button.isVisible()
    tab.lines["amount"].setText("31 000")
    tab.lines["note"].setText("rättad")
    qtbot.keyClick(tab.lines["amount"], Qt.Key.Key_Return)
    after = insatser.invoices(window.db, insats_id, YEAR)
    assert len(after) == len(booked), "corrected, not booked once more"
    corrected = next(i for i in after if i.id == first.id)
    assert (corrected.amount, corrected.note, corrected.reference) == (31_000_00, "rättad", first.reference)
    assert "Ändrad" in tab.message.text() and "Bokför" in tab.book_button.text()
    assert not tab.cancel_button.isVisible()
    window.undo_group.undo()
    assert next(i for i in insatser.invoices(window.db, insats_id, YEAR) if i.id == first.id).amount == first.amount
    window.undo_group.redo()
    assert next(i for i in insatser.invoices(window.db, insats_id, YEAR) if i.id == first.id).amount == 31_000_00


def test_a_correction_is_checked_and_can_be_abandoned(window, qtbot):
    page, tab = invoices_tab(window)
    first = tab.model.row_at(0)
    tab.table.selectRow(0)
    tab.edit_button.click()
    tab.lines["amount"].setText("")
    tab.book_button.click()
    assert tab.messages["amount"].text() and tab.editing is not None
    tab.cancel_button.click()
    assert tab.editing is None and tab.lines["date"].text() == "" and "Bokför" in tab.book_button.text()
    amounts = {i.id: i.amount for i in insatser.invoices(window.db, page.current_id, YEAR)}
    assert amounts[first.id] == first.amount


def test_every_typed_date_has_the_calendar(window, qtbot):
    """The date fields of Insatser, Möten, Deltagare, the application editor and the dialogs are DateEdits."""
    from finsamdesk.domain.insatser import Report
    from finsamdesk.ui.insatser.dialogs import ReportDialog
    from finsamdesk.ui.meetings.meeting_form import NewMeetingDialog

    fields = [window.insatser.details.lines[name] for name in ("period_start", "period_end")]
    fields.append(window.meetings.form.lines["date"])
    participants = window.participants
    fields += [participants.register.form.lines[name] for name in ("start", "end", "consent_date")]
    fields += [participants.counts.lines[name] for name in ("start", "end")]
    own = next(r for r in applications.list_rows(window.db) if r.direction == "outgoing")
    window.show_application(own.id)
    editor_dates = [w for w in window.applications.findChildren(DateEdit) if w.objectName().startswith("date_")]
    assert editor_dates, "the editor's date fields"
    report = ReportDialog(Report(1, "annan", "", date(YEAR, 4, 30)))
    meeting = NewMeetingDialog()
    for dialog in (report, meeting):
        qtbot.addWidget(dialog)
    fields += [report.due, report.received, meeting.date]
    assert all(isinstance(f, DateEdit) for f in fields), [type(f).__name__ for f in fields]
    assert [f.placeholderText() for f in fields if f.text() == "" and f is not report.received] == [
        DATE_PLACEHOLDER] * (len(fields) - 3), "an empty date field shows ÅÅÅÅ-MM-DD"
