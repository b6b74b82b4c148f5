"""Insatser: the economy is exported for one insats; with none chosen the export buttons are off and say why."""
from finsamdesk.ui.pages import ROW


def test_the_economy_exports_are_off_until_an_insats_is_chosen(example_window, qtbot):
    window = example_window()
    window.nav.setCurrentRow(ROW["insatser"])
    page = window.insatser
    page.set_database(window.db)  # as on opening a file: nothing chosen yet
    assert page.current_id is None
    for button in (page.excel_button, page.pdf_button):
        assert not button.isEnabled() and button.toolTip() == "Välj en insats i listan först."
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.current_id is not None)
    for button in (page.excel_button, page.pdf_button):
        assert button.isEnabled() and button.toolTip() == ""
