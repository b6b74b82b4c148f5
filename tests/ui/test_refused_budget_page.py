"""The förbund's Budget page: an amount that cannot be read stays where it was typed, red with the reason, through
the autosave and the refill after other edits, and the page counts as unsaved until it is corrected (issue 14, item 4
— the sheet's cells, the year's settings such as Ram för insatser, the Fördelningsnyckel column)."""
from PySide6.QtCore import Qt

from finsamdesk.services import budget
from finsamdesk.ui.autosave import AUTOSAVE_MS
from finsamdesk.ui.pages import ROW
from finsamdesk.ui.refused_cells import REFUSED_FG

from .test_refused_amounts import type_in_cell


def kr(n: int) -> int:
    return n * 100


def budget_page(example_window):
    window = example_window()
    window.nav.setCurrentRow(ROW["budget"])
    return window, window.budget


def wait_past_autosave(qtbot, window) -> None:
    qtbot.wait(AUTOSAVE_MS + 300)


def test_a_refused_sheet_amount_stays_in_its_cell_until_corrected(example_window, qtbot):
    window, page = budget_page(example_window)
    year, table, message = page.chosen_year, page.view.sheet_table, page.view.message
    row = page.view._row_keys.index("styrelse")
    other = page.view._row_keys.index("kansli") if "kansli" in page.view._row_keys else row + 1
    type_in_cell(qtbot, table, row, 1, "trettiotusen")
    type_in_cell(qtbot, table, other, 1, "12 345")  # another cell: saved, the sheet is filled again
    wait_past_autosave(qtbot, window)
    assert budget.load_year(window.db, year).get(page.view._row_keys[other], "budget") == kr(12_345)
    cell = table.item(row, 1)
    assert cell.text() == "trettiotusen" and cell.foreground().color() == REFUSED_FG
    assert "trettiotusen" in cell.toolTip() and "trettiotusen" in message.text() and message.isVisible()
    assert budget.load_year(window.db, year).get("styrelse", "budget") == kr(180_000)
    assert window.isWindowModified() and not page.save_if_dirty()  # "*" in the title: not saved
    type_in_cell(qtbot, table, row, 1, "30 000")
    assert budget.load_year(window.db, year).get("styrelse", "budget") == kr(30_000)
    assert table.item(row, 1).foreground().color() != REFUSED_FG and not message.isVisible()
    wait_past_autosave(qtbot, window)
    assert page.save_if_dirty() and not window.isWindowModified()


def test_a_refused_setting_stays_in_its_field_until_corrected(example_window, qtbot):
    window, page = budget_page(example_window)
    year, view = page.chosen_year, page.view
    frame, ceiling = view.settings["insats_frame"], view.settings["equity_ceiling"]
    frame.setFocus()
    frame.selectAll()
    qtbot.keyClicks(frame, "trettiotusen")
    ceiling.setFocus()  # leave the field
    ceiling.selectAll()
    qtbot.keyClicks(ceiling, "500 000")
    qtbot.keyClick(ceiling, Qt.Key.Key_Return)  # saved: the page is filled again
    wait_past_autosave(qtbot, window)
    assert budget.load_year(window.db, year).equity_ceiling == kr(500_000)
    assert frame.text() == "trettiotusen" and "trettiotusen" in frame.toolTip()
    assert "Ram för insatser" in view.message.text() and view.message.isVisible()
    assert window.isWindowModified() and not page.save_if_dirty()
    frame.setFocus()
    frame.selectAll()
    qtbot.keyClicks(frame, "30 000")
    qtbot.keyClick(frame, Qt.Key.Key_Return)
    assert budget.load_year(window.db, year).insats_frame == kr(30_000)
    assert not frame.toolTip() and not view.message.isVisible()
    wait_past_autosave(qtbot, window)
    assert not window.isWindowModified()


def test_a_refused_key_stays_in_the_fordelningsnyckel_column_until_corrected(example_window, qtbot):
    window, page = budget_page(example_window)
    year, view = page.chosen_year, page.view
    if not budget.load_year(window.db, year).kommuner:
        view.add_kommun.click()
    split = view.split_table
    name = split.item(2, 0).text()
    type_in_cell(qtbot, split, 2, 1, "trettiotusen")
    type_in_cell(qtbot, view.sheet_table, view._row_keys.index("styrelse"), 1, "190 000")  # saved, filled again
    wait_past_autosave(qtbot, window)
    assert split.item(2, 0).text() == name
    cell = split.item(2, 1)
    assert cell.text() == "trettiotusen" and cell.foreground().color() == REFUSED_FG and cell.toolTip()
    assert "fördelningsnyckeln" in view.message.text() and view.message.isVisible()
    assert window.isWindowModified() and not page.save_if_dirty()
    type_in_cell(qtbot, split, 2, 1, "4 321")
    assert budget.load_year(window.db, year).kommuner[0].weight == 4321
    assert split.item(2, 1).foreground().color() != REFUSED_FG and not view.message.isVisible()
