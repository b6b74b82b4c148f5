"""The editor as a user drives it: typing, budget cells, dates, undo, the workflow."""
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from finsamdesk.domain.application import OWN, SOUGHT
from finsamdesk.services import applications
from finsamdesk.ui.applications.editor import ApplicationEditor
from finsamdesk.ui.applications.workflow_dialog import WorkflowDialog


@pytest.fixture
def editor(qtbot, seeded):
    db, sp_id, ps_id = seeded
    e = ApplicationEditor()
    qtbot.addWidget(e)
    e.set_database(db)
    e.resize(1200, 800)
    e.show()
    return e, db, sp_id, ps_id


def set_cell(grid, row: int, col: int, text: str) -> None:
    grid.item(row, col).setText(text)


def test_typed_text_is_saved_when_another_application_is_opened(editor, qtbot):
    e, db, sp_id, ps_id = editor
    e.open_application(sp_id)
    field = e.findChild(QPlainTextEdit, "answer_forsakring")
    field.setPlainText("Deltagarna är försäkrade via kommunen.")
    e.open_application(ps_id)
    assert applications.load(db, sp_id).sections["forsakring"] == "Deltagarna är försäkrade via kommunen."


def test_typing_autosaves_and_closing_the_editor_saves(editor, qtbot):
    e, db, sp_id, _ = editor
    e.open_application(sp_id)
    name = e.findChild(QLineEdit, "answer_namn")
    qtbot.keyClicks(name, " (reviderad)")
    qtbot.waitUntil(lambda: applications.load(db, sp_id).name.endswith("(reviderad)"), timeout=3000)
    qtbot.keyClicks(name, "!")
    e.hide()
    assert applications.load(db, sp_id).name.endswith("(reviderad)!")


def test_budget_cells_take_amounts_as_people_type_them_and_totals_follow(editor):
    e, db, sp_id, _ = editor
    e.open_application(sp_id)
    grid = e.budget_grid
    assert grid.horizontalHeaderItem(0).text() == "Egen finansiering (om sådan finns)"
    assert grid.horizontalHeaderItem(2).text() == "Sökta medel 2022"
    total_row = grid.rowCount() - 1
    assert grid.item(total_row, 2).text() == "1\u202f180 tkr"
    set_cell(grid, 0, 1, "250 000 kr")  # Personal, Sökta medel 2021, typed in kr on a tkr form
    assert e.app.budget.get("Personal", SOUGHT, 2021) == 250_000_00
    assert grid.item(total_row, 1).text() == "250 tkr"
    assert grid.item(0, 3).text() == "1\u202f380 tkr"  # row total for Personal
    set_cell(grid, 1, 0, "1130")  # Extern lokal, own column, plain number = tkr
    assert e.app.budget.get("Extern lokal", OWN, None) == 1_130_000_00
    assert e.save_now()
    assert applications.load(db, sp_id).budget.get("Personal", SOUGHT, 2021) == 250_000_00


@pytest.mark.parametrize("typed,message", [("abc", "inget belopp"), ("-5", "negativt")])
def test_bad_budget_input_is_refused_with_a_message_and_changes_nothing(editor, typed, message):
    e, db, sp_id, _ = editor
    e.open_application(sp_id)
    before = dict(e.app.budget.cells)
    set_cell(e.budget_grid, 0, 2, typed)
    assert e.app.budget.cells == before
    assert e.budget_grid.item(0, 2).text() == typed  # kept, marked, until corrected or undone
    label = e.field_messages["budget"]
    assert message in label.text() and "Personal, Sökta medel 2022" in label.text()


def test_pas_2020_total_is_635000(editor):
    e, _, _, ps_id = editor
    e.open_application(ps_id)
    grid = e.budget_grid
    assert grid.horizontalHeaderItem(0).text() == "År 2020"
    assert grid.item(grid.rowCount() - 1, 0).text() == "635\u202f000 kr"
    assert "37\u202f917 kr" in e.per_participant.text()


def test_undo_and_redo_of_text_and_budget(editor, qtbot):
    e, db, sp_id, _ = editor
    e.open_application(sp_id)
    field = e.findChild(QPlainTextEdit, "answer_forsakring")
    original = field.toPlainText()
    field.setPlainText("Ny text")
    set_cell(e.budget_grid, 0, 2, "2000")
    assert e.app.budget.get("Personal", SOUGHT, 2022) == 2_000_000_00
    e.undo_stack.undo()
    assert e.app.budget.get("Personal", SOUGHT, 2022) == 1_130_000_00
    assert e.budget_grid.item(0, 2).text() == "1\u202f130 tkr"
    e.undo_stack.undo()
    assert field.toPlainText() == original and e.app.sections["forsakring"] == original
    e.undo_stack.redo()
    assert field.toPlainText() == "Ny text"
    e.undo_stack.redo()
    assert e.budget_grid.item(0, 2).text() == "2\u202f000 tkr"


def test_ctrl_z_in_a_text_field_uses_the_editor_undo(editor, qtbot):
    e, _, sp_id, _ = editor
    e.open_application(sp_id)
    name = e.findChild(QLineEdit, "answer_namn")
    name.setFocus()
    qtbot.keyClicks(name, "X")
    assert e.app.name.endswith("X")
    from PySide6.QtGui import QAction, QKeySequence
    undo = QAction(e)
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    undo.triggered.connect(e.undo_stack.undo)
    e.addAction(undo)
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not e.app.name.endswith("X") and not name.text().endswith("X")


def test_period_dates_as_typed_and_bad_dates_refused(editor):
    e, db, _, ps_id = editor
    e.open_application(ps_id)
    start = e.findChild(QLineEdit, "date_period_start")
    start.setText("1 juli 2020")
    start.editingFinished.emit()
    assert e.app.period_start == date(2020, 7, 1) and start.text() == "2020-07-01"
    start.setText("31 feb 2022")
    start.editingFinished.emit()
    assert e.app.period_start == date(2020, 7, 1)
    assert "giltigt datum" in e.field_messages["period"].text()


def test_tidplan_gap_is_shown(editor):
    e, _, sp_id, _ = editor
    e.open_application(sp_id)
    assert "2022-10-31 ingår i ingen fas" in e.timeplan_warnings.text()


def test_workflow_refuses_incomplete_and_records_a_decision(editor, qtbot, monkeypatch):
    e, db, sp_id, _ = editor
    blank = applications.create(db, "nnv-skane-2020", "Tom ansökan")
    dialog = WorkflowDialog(db, applications.load(db, blank.id))
    qtbot.addWidget(dialog)
    dialog.accept()
    assert "inte komplett" in dialog.message.text() and "BAKGRUND/SYFTE" in dialog.message.text()
    assert applications.load(db, blank.id).status == "utkast"

    for status in ("inkommen", "beredning", "styrelse"):
        d = WorkflowDialog(db, applications.load(db, sp_id), "Eva Chef", today=date(2021, 3, 1))
        d.step.setCurrentIndex(d.step.findData(status))
        d.accept()
        assert not d.message.text(), d.message.text()
    d = WorkflowDialog(db, applications.load(db, sp_id), "Styrelsen", today=date(2021, 3, 24))
    d.step.setCurrentIndex(d.step.findData("beviljad"))
    assert d.granted_box.isVisibleTo(d)
    d.granted[2022].setText("1 000 000")
    d.accept()
    assert "Delvis" in d.message.text()
    d.step.setCurrentIndex(d.step.findData("delvis_beviljad"))
    d.accept()
    app = applications.load(db, sp_id)
    assert app.status == "delvis_beviljad" and app.granted_by_year == {2022: 1_000_000_00}
    e.open_application(sp_id)
    assert e.history.rowCount() == 4 and e.history.item(3, 1).text() == "Delvis beviljad"
    assert "1\u202f000\u202f000 kr" in e.history.item(3, 4).text()


def test_duplicate_diarienummer_is_shown_next_to_the_field(editor, qtbot):
    e, db, sp_id, _ = editor
    e.open_application(sp_id)
    qtbot.keyClicks(e.dnr, "x")
    e.dnr.setText("2019-012")
    e.edit(("diarienummer",), "2019-012")
    assert not e.save_now()
    assert "används redan" in e.dnr_message.text()
    assert applications.load(db, sp_id).diarienummer == "2021-001"
    assert not e.open_application(None), "an unsavable application is not left silently"


def test_a_typed_contact_can_be_saved_to_the_register_and_picked_elsewhere(editor, monkeypatch):
    from finsamdesk.services import registers
    from finsamdesk.ui.applications import row_tables
    from finsamdesk.ui.applications.row_tables import ContactsTableWidget

    e, db, sp_id, ps_id = editor
    e.open_application(sp_id)
    table = next(t for t in e.findChildren(ContactsTableWidget) if t.role == "ovriga")
    table.table.setCurrentCell(0, 0)
    table.save_button.click()
    [person] = registers.contacts(db)
    assert person.name == "Peter Lindow" and person.email == "peter.lindow@perstorp.se"
    assert e.app.contacts_for("ovriga")[0].contact_id == person.id
    e.open_application(ps_id)
    monkeypatch.setattr(row_tables, "pick_from_list", lambda *a: 0)
    from finsamdesk.ui.applications import editor_tabs
    monkeypatch.setattr(editor_tabs, "pick_from_list", lambda *a: 0)
    forankring = next(t for t in e.findChildren(ContactsTableWidget) if t.role == "forankring")
    forankring.pick_button.click()
    picked = e.app.contacts_for("forankring")[-1]
    assert (picked.name, picked.contact_id) == ("Peter Lindow", person.id)
