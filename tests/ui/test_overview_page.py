"""Översikt answers "where do we stand": a year to choose, its figures the same as on Budget and Insatser, next
year's commitments, beviljat against the ram för insatser, coming meetings, tiles and lines that open what they
show, and a page that fits a laptop and fills a projector."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea

from finsamdesk.domain.money import format_kr
from finsamdesk.services import budget, insatser, meetings
from finsamdesk.ui.pages import ROW


@pytest.fixture
def window(example_window):
    return example_window(size=(1366, 768))


def budget_cell(window, year: int, label: str, column: int = 1) -> str:
    """A figure as the Budget page shows it for the year (column 1 budget, 2 prognos, 3 utfall)."""
    window.nav.setCurrentRow(ROW["budget"])
    window.budget.show_year(year)
    table = window.budget.view.sheet_table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == label)
    return table.item(row, column).text()


def insatser_granted(window, year: int) -> str:
    """Σ beviljat of the year over the insatser the Insatser page lists for it."""
    window.nav.setCurrentRow(ROW["insatser"])
    return format_kr(sum(r.granted for r in insatser.list_rows(window.db, year)))


def overview_at(window, year: int):
    window.nav.setCurrentRow(ROW["overview"])
    page = window.overview
    page.year.setCurrentIndex(page.year.findData(year))
    return page


@pytest.mark.parametrize("offset", [0, -1])
def test_each_figure_is_the_one_budget_and_insatser_show_for_the_chosen_year(window, offset):
    year = date.today().year + offset
    page = overview_at(window, year)
    assert page.chosen_year == year and str(year) in page.tiles["spent"].detail.text()
    tiles = {key: tile.value.text() for key, tile in page.tiles.items()}
    granted_detail = page.tiles["granted"].detail.text()
    next_detail = page.tiles["next_year"].detail.text()
    assert page.tiles["next_year"].title.text() == f"Åtaganden {year + 1}"

    assert tiles["budget"] == budget_cell(window, year, "Summa kostnader")
    assert tiles["granted"] == budget_cell(window, year, "Insatser (beviljat)") == insatser_granted(window, year)
    assert tiles["spent"] == budget_cell(window, year, "Insatser (beviljat)", 3)
    assert tiles["equity"] == budget_cell(window, year, "Eget kapital vid årets slut", 2)
    frame = window.budget.view.settings["insats_frame"].text()
    assert frame and (f"ramen för insatser {frame}" in granted_detail
                      or f"över ramen för insatser ({frame})" in granted_detail)
    if "över ramen" in granted_detail:  # the Budget page warns with the same amount
        over = granted_detail.split(": ")[-1].split(" över")[0]
        assert f"är {over} över ramen" in window.budget.view.warnings.text()
    else:
        assert f"ej fördelat {budget_cell(window, year, 'Ej fördelade medel för insatser')}" in granted_detail
    assert tiles["next_year"] == budget_cell(window, year + 1, "Insatser (beviljat)") == insatser_granted(
        window, year + 1)
    count = sum(1 for r in insatser.list_rows(window.db, year + 1) if r.granted)
    assert f"{count} insats" in next_detail and ("1 insatser" not in next_detail)


def test_beviljat_over_the_frame_is_said_in_red_with_a_full_bar(window):
    year = date.today().year
    b = budget.load_year(window.db, year)
    b.insats_frame = 100_000_00
    budget.save_year(window.db, b)
    page = overview_at(window, year)
    page.reload()
    tile = page.tiles["granted"]
    assert f"över ramen för insatser ({format_kr(100_000_00)})" in tile.detail.text()
    assert tile.bar.isVisible() and tile.bar.value() == tile.bar.maximum()


def test_tiles_and_lines_open_what_they_show(window, qtbot):
    today = date.today()
    m = meetings.new_meeting(window.db, "beredning", today + timedelta(days=6), "09.00", "Kansliet")
    meetings.save(window.db, m)
    page = overview_at(window, today.year - 1)
    qtbot.mouseClick(page.tiles["budget"], Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.budget and window.budget.chosen_year == today.year - 1

    page = overview_at(window, today.year)
    qtbot.mouseClick(page.tiles["next_year"], Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.insatser and window.insatser.chosen_year == today.year + 1

    page = overview_at(window, today.year)
    page.tiles["granted"].setFocus()
    qtbot.keyClick(page.tiles["granted"], Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.insatser and window.insatser.chosen_year == today.year

    page = overview_at(window, today.year)
    texts = [page.meetings.item(i).text() for i in range(page.meetings.count())]
    row = next(i for i, t in enumerate(texts) if t.startswith((today + timedelta(days=6)).isoformat()))
    assert "Beredningsgrupp, Kansliet" in texts[row] and "ansök" in texts[row]
    page.meetings.itemActivated.emit(page.meetings.item(row))
    assert window.stack.currentWidget() is window.meetings
    assert window.meetings.current is not None and window.meetings.current.id == m.id


def _scrollbars(widget):
    return [s for s in widget.findChildren(QAbstractScrollArea) if s.isVisible()]


@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)])
def test_no_sideways_scrolling_on_a_laptop(window, qtbot, size):
    window.resize(*size)
    page = overview_at(window, date.today().year)
    qtbot.waitUntil(lambda: page.width() < size[0])
    for area in [page.scroll, *_scrollbars(page)]:
        assert not area.horizontalScrollBar().isVisible()
        content = area.widget() if area is page.scroll else None
        if content is not None:
            assert content.minimumSizeHint().width() <= area.viewport().width()
    for name in ("waiting", "reports", "meetings"):
        lines = getattr(page, name)
        assert all(lines.visualItemRect(lines.item(i)).right() <= lines.viewport().width()
                   for i in range(lines.count())), name


def test_the_page_uses_a_projector_screen(window, qtbot):
    window.resize(1920, 1080)
    page = overview_at(window, date.today().year)
    qtbot.waitUntil(lambda: len({tile.geometry().top() for tile in page.tiles.values()}) == 1)  # one row of tiles
    assert page.chart.height() >= 300
    assert not page.scroll.verticalScrollBar().isVisible()
    bottom = page.waiting.mapTo(page, page.waiting.rect().bottomLeft()).y()
    assert bottom >= page.height() - 40, "the lists reach the bottom of the window"


def test_the_first_page_reads_the_file_once(example_window, monkeypatch):
    """Start-up: the window builds Översikt, gives it the file and shows it; the figures are read once, not once
    for the file and again for the showing."""
    from finsamdesk.services import overview

    computed = []
    real = overview.overview
    monkeypatch.setattr(overview, "overview", lambda *a, **k: computed.append(1) or real(*a, **k))
    window = example_window()
    assert window.stack.currentWidget() is window.overview and len(computed) == 1
    window.nav.setCurrentRow(ROW["budget"])
    window.nav.setCurrentRow(ROW["overview"])  # shown again: read again (something may have changed elsewhere)
    assert len(computed) == 2 and window.overview.chosen_year == date.today().year
