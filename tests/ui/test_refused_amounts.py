"""An amount that cannot be read stays where it was typed, marked, until it is corrected or undone (issue 14, item 4):
the application's budget grid, an insats's beviljat per year, an own ESF application's budget."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from finsamdesk.domain.application import SOUGHT
from finsamdesk.services import applications
from finsamdesk.ui.applications.editor import ApplicationEditor
from finsamdesk.ui.refused_cells import REFUSED_FG


def type_in_cell(qtbot, table, row: int, column: int, text: str) -> None:
    """As a user: select the cell, start typing (the cell opens its editor), type, press Enter."""
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    field = next(f for f in table.viewport().findChildren(QLineEdit) if f.isVisible())  # the cell's editor
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)  # Qt commits it queued


@pytest.fixture
def editor(qtbot, seeded):
    db, sp_id, _ = seeded
    e = ApplicationEditor()
    qtbot.addWidget(e)
    e.set_database(db)
    e.resize(1200, 800)
    e.show()
    e.open_application(sp_id)
    e.tabs.setCurrentIndex(2)  # Budget
    return e, db, sp_id


def test_a_refused_budget_amount_stays_in_its_cell_through_the_next_autosave(editor, qtbot):
    e, db, sp_id = editor
    grid, message = e.budget_grid, e.field_messages["budget"]
    type_in_cell(qtbot, grid, 0, 2, "trettiotusen")
    assert grid.item(0, 2).text() == "trettiotusen"
    assert grid.item(0, 2).foreground().color() == REFUSED_FG
    assert "Personal, Sökta medel 2022" in message.text() and message.isVisible()
    assert "Personal, Sökta medel 2022" in grid.item(0, 2).toolTip()
    type_in_cell(qtbot, grid, 1, 2, "10")  # another cell: the autosave a second later
    qtbot.waitUntil(lambda: applications.load(db, sp_id).budget.get("Extern lokal", SOUGHT, 2022) == 10_000_00,
                    timeout=3000)
    assert grid.item(0, 2).text() == "trettiotusen"
    assert "Personal, Sökta medel 2022" in message.text() and message.isVisible()
    assert e.app.budget.get("Personal", SOUGHT, 2022) == 1_130_000_00
    assert not e.save_now()  # Ctrl+S / leaving says something typed is not saved
    assert e.message.isVisible()


def test_a_refused_amount_goes_when_corrected(editor, qtbot):
    e, db, sp_id = editor
    grid, message = e.budget_grid, e.field_messages["budget"]
    type_in_cell(qtbot, grid, 0, 2, "trettiotusen")
    type_in_cell(qtbot, grid, 0, 2, "30")
    assert grid.item(0, 2).text() == "30 tkr"
    assert grid.item(0, 2).foreground().color() != REFUSED_FG and grid.item(0, 2).toolTip() == ""
    assert not message.isVisible()
    assert e.save_now()
    assert applications.load(db, sp_id).budget.get("Personal", SOUGHT, 2022) == 30_000_00


def test_a_refused_amount_goes_when_undone(editor, qtbot):
    e, _, _ = editor
    grid, message = e.budget_grid, e.field_messages["budget"]
    type_in_cell(qtbot, grid, 0, 2, "trettiotusen")
    type_in_cell(qtbot, grid, 0, 2, "tjugo")
    e.undo_stack.undo()
    assert grid.item(0, 2).text() == "trettiotusen" and message.isVisible()
    e.undo_stack.undo()
    assert grid.item(0, 2).text() == "1\u202f130 tkr" and not message.isVisible() and not e.message.isVisible()
    assert e.save_now()
    e.undo_stack.redo()
    assert grid.item(0, 2).text() == "trettiotusen" and message.isVisible()


def test_a_refused_amount_survives_a_change_of_budget_years(editor, qtbot):
    e, _, _ = editor
    grid = e.budget_grid
    type_in_cell(qtbot, grid, 0, 2, "trettiotusen")
    e.edit(("budget_years",), sorted(e.app.budget.years + [2023]))
    assert grid.item(0, 2).text() == "trettiotusen"


# ---------------------------------------------------------------- an own ESF application's budget
@pytest.fixture
def own(esf_editor, db):
    e, ids = esf_editor("iris")
    e.open_application(ids["iris"])
    e.tabs.setCurrentIndex(next(i for i in range(e.tabs.count()) if e.tabs.tabText(i) == "Budget"))
    return e, db, ids["iris"]


def test_a_refused_amount_in_the_esf_cost_tree_stays_through_the_next_autosave(own, qtbot):
    from PySide6.QtWidgets import QTableWidget

    e, db, iris = own
    tree = e.findChild(QTableWidget, "cost_tree")
    rows = [r for r in range(tree.rowCount()) if tree.item(r, 1).flags() & Qt.ItemFlag.ItemIsEditable]
    bad, other = rows[0], rows[1]
    type_in_cell(qtbot, tree, bad, 1, "trettiotusen")
    assert tree.item(bad, 1).text() == "trettiotusen" and tree.item(bad, 1).foreground().color() == REFUSED_FG
    message = e.field_messages["esf_cost_tree"]
    assert "trettiotusen" in message.text() and message.isVisible()
    type_in_cell(qtbot, tree, other, 1, "30000")
    label = tree.item(other, 0).text().strip()
    qtbot.waitUntil(lambda: 30_000_00 in {v for (_g, line), v in applications.load(db, iris).esf.cost_cells.items()
                                          if line == label}, timeout=3000)
    assert tree.item(bad, 1).text() == "trettiotusen"
    assert "trettiotusen" in message.text() and message.isVisible()
    e.undo_stack.undo()  # the 30000
    e.undo_stack.undo()  # the refused text
    assert tree.item(bad, 1).text() != "trettiotusen" and not message.isVisible()


# ---------------------------------------------------------------- an insats's beviljat per year
def test_a_refused_beviljat_stays_in_its_cell_when_the_tab_is_refreshed(example_window, qtbot):
    from finsamdesk.services import insatser
    from finsamdesk.ui.pages import ROW

    window = example_window()
    window.nav.setCurrentRow(ROW["insatser"])
    page = window.insatser
    page.table.selectRow(0)
    page.tabs.setCurrentWidget(page.economy)
    table, message = page.economy.table, page.economy.message
    assert table.rowCount() >= 3  # two categories and the sum
    first = table.item(0, 0).text()
    type_in_cell(qtbot, table, 0, 1, "trettiotusen")
    assert table.item(0, 1).text() == "trettiotusen" and table.item(0, 1).foreground().color() == REFUSED_FG
    assert "trettiotusen" in message.text() and message.isVisible()
    second = table.item(1, 0).text()
    type_in_cell(qtbot, table, 1, 1, "45 000")  # saved: the tab is shown again from the file
    economy = insatser.economy(window.db, page.current_id, page.chosen_year)
    assert economy.granted[second] == 45_000_00 and first in economy.granted
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == first)
    assert table.item(row, 1).text() == "trettiotusen" and "trettiotusen" in message.text() and message.isVisible()
    type_in_cell(qtbot, table, row, 1, "30 000")
    assert insatser.economy(window.db, page.current_id, page.chosen_year).granted[first] == 30_000_00
    assert not message.isVisible() and table.item(row, 1).foreground().color() != REFUSED_FG
