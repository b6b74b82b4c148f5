"""The application's row tables (tidplan, contacts): text that cannot be read stays in its cell, red with the reason,
through the next autosave, counts as unsaved until it is corrected or undone (issue 14, item 4)."""
from finsamdesk.services import applications
from finsamdesk.ui.applications.row_tables import PhasesTableWidget
from finsamdesk.ui.refused_cells import REFUSED_FG

from .test_refused_amounts import editor, type_in_cell  # noqa: F401  (editor is a fixture)
from .test_refused_rates import show


def test_a_refused_phase_date_stays_in_its_cell_until_corrected(editor, qtbot):  # noqa: F811
    e, db, sp_id = editor
    phases = e.findChild(PhasesTableWidget)
    show(phases)
    while phases.table.rowCount() < 2:
        phases.add_button.click()
    table = phases.table
    type_in_cell(qtbot, table, 0, 1, "trettiotusen")
    type_in_cell(qtbot, table, 1, 0, "Uppstart")  # another cell: saved by the autosave a second later
    qtbot.waitUntil(lambda: applications.load(db, sp_id).phases[1].name == "Uppstart", timeout=3000)
    assert table.item(0, 1).text() == "trettiotusen" and table.item(0, 1).foreground().color() == REFUSED_FG
    assert "trettiotusen" in table.item(0, 1).toolTip()
    assert "Rad 1, Från" in phases.message.text() and phases.message.isVisible()
    assert not e.save_now()  # counts as unsaved
    type_in_cell(qtbot, table, 0, 1, "2026-03-01")
    assert e.save_now()
    assert applications.load(db, sp_id).phases[0].start.isoformat() == "2026-03-01"
    assert table.item(0, 1).foreground().color() != REFUSED_FG and not phases.message.isVisible()


def test_a_refused_phase_date_goes_when_undone(editor, qtbot):  # noqa: F811
    e, _db, _sp_id = editor
    phases = e.findChild(PhasesTableWidget)
    show(phases)
    if not phases.table.rowCount():
        phases.add_button.click()
    shown = phases.table.item(0, 1).text()
    type_in_cell(qtbot, phases.table, 0, 1, "trettiotusen")
    e.undo_stack.undo()
    assert phases.table.item(0, 1).text() == shown and not phases.message.isVisible() and e.save_now()
