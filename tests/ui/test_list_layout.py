"""Issue 14, item 8: the lists get the height and the name column the room; the details pane yields.

Measured on the example file at the three screens a förbund uses (laptop 1366×768, projectors 1280×720 and
1920×1080), with a row selected so the details pane is full.
"""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QTableView

SIZES = [(1366, 768), (1280, 720), (1920, 1080)]


def fully_visible_rows(view: QTableView) -> int:
    viewport = view.viewport().rect()
    model = view.model()
    count = 0
    for row in range(model.rowCount()):
        rect = view.visualRect(model.index(row, 0))
        if rect.isValid() and rect.top() >= 0 and rect.bottom() <= viewport.bottom():
            count += 1
    return count


def settle(qtbot) -> None:
    for _ in range(5):
        QApplication.processEvents()
    qtbot.wait(10)


def text_width(view: QTableView, text: str) -> int:
    return view.fontMetrics().horizontalAdvance(text) + 8  # the cell's margins


@pytest.mark.parametrize("size", SIZES)
def test_the_insatser_list_shows_every_insats_and_their_names(example_window, qtbot, size):
    """Before: 2 of 6 insatser at 1366×768 and 1280×720 (the details form held the height), Namn 72 px at
    1280×720 ("Gemens…") while Typ kept 130 px."""
    w = example_window(size=size)
    page = w.show_page("insatser")
    page.table.selectRow(0)
    settle(qtbot)
    assert page.tabs.isEnabled(), "an insats is shown in the details"
    assert page.model.rowCount() == 6
    assert fully_visible_rows(page.table) == 6
    name = page.table.columnWidth(0)
    assert name >= text_width(page.table, "Gemensam kartläggning Norrmossa")
    assert name > max(page.table.columnWidth(c) for c in range(1, page.model.columnCount()))
    assert page.table.horizontalScrollBar().maximum() == 0, "no sideways scrolling"


@pytest.mark.parametrize("size", SIZES)
def test_the_applications_list_gets_the_height_and_the_name_the_room(example_window, qtbot, size):
    """Before: 7 of 12 rows at 1366×768 and 5 at 1280×720."""
    w = example_window(size=size)
    page = w.show_page("applications")
    page.table.selectRow(0)
    settle(qtbot)
    assert page.editor is not None and page.editor.current_id is not None
    assert fully_visible_rows(page.table) >= min(10, page.model.rowCount())
    names = [page.model.rows[r].name for r in range(page.model.rowCount())]
    assert page.table.columnWidth(1) >= text_width(page.table, "Arbetsträning i Region Exempels kök")
    assert page.table.columnWidth(1) >= min(text_width(page.table, n) for n in names)
    assert page.table.horizontalScrollBar().maximum() == 0


def test_a_column_sized_by_hand_keeps_its_width_and_the_name_takes_the_rest(example_window, qtbot):
    w = example_window(size=(1366, 768))
    page = w.show_page("insatser")
    settle(qtbot)
    page.table.horizontalHeader().resizeSection(2, 200)  # as a drag of the header's edge does
    w.resize(1920, 1080)
    settle(qtbot)
    assert page.table.columnWidth(2) == 200
    used = sum(page.table.columnWidth(c) for c in range(page.model.columnCount()))
    assert used == page.table.viewport().width()


@pytest.mark.parametrize("size", SIZES)
def test_the_budget_shows_every_post_whole_and_the_key_with_a_thousands_space(example_window, qtbot, size):
    """Before at 1280×720: the Post column was 75 px ("Medlems…", two rows "Eget kapital …"), rows wrapped to two
    lines, and the split's key read 31250."""
    w = example_window(size=size)
    page = w.show_page("budget")
    settle(qtbot)
    sheet = page.view.sheet_table
    bold = sheet.font()
    bold.setBold(True)
    from PySide6.QtGui import QFontMetrics

    for row in range(sheet.rowCount()):
        label = sheet.item(row, 0)
        metrics = QFontMetrics(bold if label.font().bold() else sheet.font())
        assert metrics.horizontalAdvance(label.text()) + 8 <= sheet.columnWidth(0), label.text()
    split = page.view.split_table
    keys = [split.item(r, 1).text() for r in range(split.rowCount())]
    assert "31\u202f250" in keys, keys


def test_a_key_typed_with_a_space_is_read_as_a_number(example_window, qtbot):
    w = example_window(size=(1366, 768))
    page = w.show_page("budget")
    split = page.view.split_table
    row = next(r for r in range(split.rowCount()) if split.item(r, 0).text() == "Exempelby kommun")
    split.item(row, 1).setText("32 000")
    settle(qtbot)
    row = next(r for r in range(split.rowCount()) if split.item(r, 0).text() == "Exempelby kommun")
    assert split.item(row, 1).text() == "32\u202f000"
    assert not page.view.message.text()


def test_a_splitter_remembered_from_before_does_not_bring_the_short_list_back(example_window, qtbot):
    """The window remembers each page's splitter; the state saved with the old layout held the list at 150 px."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QSplitter, QWidget

    from finsamdesk.ui.settings import settings

    old = QSplitter(Qt.Orientation.Vertical)
    old.addWidget(QWidget())
    old.addWidget(QWidget())
    old.resize(800, 710)
    old.setSizes([150, 560])
    settings().setValue("splitter/insatser", old.saveState())
    w = example_window(size=(1366, 768))
    page = w.show_page("insatser")
    settle(qtbot)
    assert fully_visible_rows(page.table) == 6
    w.close()
    assert settings().value("splitter/insatser") is None, "the old layout is forgotten"
    assert settings().value("splitter/insatser-v2") is not None
