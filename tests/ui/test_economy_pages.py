"""Översikt, Insatser and Budget as a user meets them: figures, links, bookings with errors, undo."""
from datetime import date

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from finsamdesk.domain.money import format_kr, kr
from finsamdesk.services import applications, budget, insatser
from finsamdesk.ui.insatser.dialogs import FromApplicationDialog
from finsamdesk.ui.pages import ROW


@pytest.fixture
def window(example_window):
    return example_window()


def list_texts(widget):
    return [widget.item(i).text() for i in range(widget.count())]


def test_the_window_opens_on_the_overview_and_its_lines_lead_to_their_items(window):
    assert window.nav.currentRow() == ROW["overview"] and window.stack.currentWidget() is window.overview
    o = window.overview
    year = date.today().year
    granted = sum(r.granted for r in insatser.list_rows(window.db, year))
    assert o.tiles["granted"].value.text() == format_kr(granted)
    assert len(list_texts(o.waiting)) == 5 and any("väntar på styrelsens beslut" in t for t in list_texts(o.waiting))
    assert any("egen ansökan – väntar på finansiärens beslut" in t for t in list_texts(o.waiting))
    o.waiting.itemActivated.emit(o.waiting.item(0))
    assert window.stack.currentWidget() is window.applications
    assert window.applications.editor.current_id is not None
    window.nav.setCurrentRow(ROW["overview"])
    late = next(i for i in range(o.reports.count()) if "Försenad" in o.reports.item(i).text())
    o.reports.itemActivated.emit(o.reports.item(late))
    page = window.insatser
    assert window.stack.currentWidget() is page and page.tabs.tabText(page.tabs.currentIndex()) == "Rapporter"
    assert page.reports.model.rowCount() and "försenade" in page.reports.message.text()


def first_insats(window):
    """The Insatser page with its first insats selected, the insats's id and how many invoices it has."""
    window.nav.setCurrentRow(ROW["insatser"])
    page = window.insatser
    page.table.selectRow(0)
    return page, page.current_id, len(insatser.invoices(window.db, page.current_id))


def test_booking_an_invoice_checks_it_shows_it_and_undo_takes_it_back(window):
    page, insats_id, count = first_insats(window)
    form = page.invoices.fields
    form["date"].setText(f"{date.today().year}-02-30")
    form["amount"].setText("12 tusen")
    page.invoices.book_button.click()
    assert "inget giltigt datum" in page.invoices.messages["date"].text()
    assert "inget belopp" in page.invoices.messages["amount"].text()
    assert len(insatser.invoices(window.db, insats_id)) == count
    form["date"].setText(f"{date.today().year}-02-28")
    form["amount"].setText("12 000")
    form["reference"].setText("F-4711")
    page.invoices.book_button.click()
    assert len(insatser.invoices(window.db, insats_id)) == count + 1
    assert "Bokförd" in page.invoices.message.text() and form["amount"].text() == ""
    window.undo_group.undo()
    assert len(insatser.invoices(window.db, insats_id)) == count
    window.undo_group.redo()
    assert [i.reference for i in insatser.invoices(window.db, insats_id)].count("F-4711") == 1


def test_undoing_a_removed_invoice_and_then_its_booking_leaves_none(window, monkeypatch):
    page, insats_id, count = first_insats(window)
    form = page.invoices.fields
    for reference in ("F-4712", "F-4713"):
        form["date"].setText(f"{date.today().year}-02-28")
        form["amount"].setText("12 000")
        form["reference"].setText(reference)
        page.invoices.book_button.click()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    model = page.invoices.model
    page.invoices.table.selectRow(next(r for r in range(model.rowCount()) if model.row_at(r).reference == "F-4712"))
    page.invoices.delete_button.click()
    assert len(insatser.invoices(window.db, insats_id)) == count + 1

    def references():
        return sorted(i.reference for i in insatser.invoices(window.db, insats_id) if i.reference.startswith("F-47"))

    window.undo_group.undo()  # the removal
    assert references() == ["F-4712", "F-4713"]
    window.undo_group.undo()  # the second booking
    assert references() == ["F-4712"]
    window.undo_group.undo()  # the first booking: the invoice put back is the one it takes back
    assert references() == [] and len(insatser.invoices(window.db, insats_id)) == count


def test_details_with_a_bad_period_are_not_saved_and_a_good_name_is(window):
    window.nav.setCurrentRow(ROW["insatser"])
    page = window.insatser
    page.table.selectRow(0)
    before = insatser.load(window.db, page.current_id)
    page.details.fields["period_end"].setText("31 juni")
    page.details.save_button.click()
    assert page.details.messages["period"].text() and insatser.load(window.db, page.current_id) == before
    page.details.fields["period_end"].setText(before.period_end.isoformat())
    page.details.fields["name"].setText("Nytt namn på insatsen")
    page.table.selectRow(1)  # switching saves what was typed
    assert insatser.load(window.db, before.id).name == "Nytt namn på insatsen"


def test_an_insats_with_invoices_is_not_deleted(window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.nav.setCurrentRow(ROW["insatser"])
    page = window.insatser
    row = next(i for i, r in enumerate(page.model.rows) if r.spent)
    page.table.selectRow(row)
    page.delete_button.click()
    assert "Arkivera" in page.message.text() and insatser.load(window.db, page.current_id)


def test_an_insats_from_a_granted_application(window, monkeypatch):
    db = window.db
    app_id = applications.create(db, "neutral", "Ny beviljad insats").id
    app = applications.load(db, app_id)
    app.budget.years = [date.today().year]
    app.budget.set("Personal", "sought", date.today().year, kr(100_000))
    app.period_start, app.period_end = date(date.today().year, 1, 1), date(date.today().year, 12, 31)
    applications.save(db, app)
    db.execute("UPDATE application SET status = 'styrelse' WHERE id = ?", [app_id])  # skip the form's checks
    applications.change_status(db, app_id, "beviljad", date.today(), granted={date.today().year: kr(100_000)})
    monkeypatch.setattr(FromApplicationDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    window.applications.reload()
    window.applications.select_application(app_id)
    window.application_commands.insats_from_application()
    page = window.insatser
    assert insatser.load(db, page.current_id).application_ids == [app_id]
    assert page.economy.table.item(page.economy.table.rowCount() - 1, 1).text() == format_kr(kr(100_000))


def test_budget_edits_are_saved_checked_and_undone(window):
    window.nav.setCurrentRow(ROW["budget"])
    page = window.budget
    year = page.chosen_year
    table = page.view.sheet_table
    row = page.view._row_keys.index("styrelse")
    table.item(row, 1).setText("tvåhundra")
    assert "inget belopp" in page.view.message.text()
    assert budget.load_year(window.db, year).get("styrelse", "budget") == kr(180_000)
    table.item(row, 1).setText("200 000")
    assert budget.load_year(window.db, year).get("styrelse", "budget") == kr(200_000)
    total_row = page.view._row_keys.index("sum_kostnader")
    costs = budget.sheet(window.db, year).row("sum_kostnader").values[0]
    assert page.view.sheet_table.item(total_row, 1).text() == format_kr(costs)
    window.undo_group.undo()
    assert budget.load_year(window.db, year).get("styrelse", "budget") == kr(180_000)
    split_total = page.view.split_table.item(page.view.split_table.rowCount() - 1, 3).text()
    assert split_total == format_kr(budget.load_year(window.db, year).get("medlemsbidrag", "budget"))


def test_budget_copied_into_the_next_year_and_seen_over_several_years(window):
    window.nav.setCurrentRow(ROW["budget"])
    page = window.budget
    year = page.chosen_year
    page.copy_button.click()
    assert page.chosen_year == year + 1 and year + 1 in budget.years(window.db)
    assert "kopierad" in page.message.text()
    assert [s.year for s in page.summary.rows] == sorted(budget.years(window.db))
    page.reload(year)
    page.copy_button.click()
    assert "finns redan" in page.message.text()


def test_the_tertial_report_day_is_a_forbund_setting_used_when_reports_are_made_again(window):
    from finsamdesk.ui.registers.forbund_dialog import ForbundDialog

    dialog = ForbundDialog(window.db, window)
    assert dialog.tertial_days.value() == 30
    dialog.tertial_days.setValue(14)
    dialog.accept()
    assert insatser.tertial_days(window.db) == 14
    window.nav.setCurrentRow(ROW["insatser"])
    page = window.insatser
    page.table.selectRow(next(i for i, r in enumerate(page.model.rows) if r.name.startswith("Samverkansdagar")))
    page.reports.buttons["regenerate"].click()
    t3 = next(r for r in insatser.reports(window.db, page.current_id) if r.title.startswith("Tertialrapport T3"))
    assert t3.received_on is None and t3.due == date(t3.due.year, 1, 14)
