"""Issue 14, item 9: lists a manager scans. Ansökningar with a Beviljat column, status colours and a totals row
for what the filter shows; Insatser with totals; Möten with a year filter and search."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from finsamdesk.domain.money import format_amount, format_kr
from finsamdesk.domain.statuses import GRANTED
from finsamdesk.services import applications


def cells(model, column, role=Qt.ItemDataRole.DisplayRole):
    return [model.data(model.index(r, column), role) for r in range(model.rowCount())]


def header(model, column):
    return model.headerData(column, Qt.Orientation.Horizontal)


def test_the_applications_list_shows_what_was_granted_in_colour_and_sums_what_the_filter_shows(example_window,
                                                                                                qtbot):
    w = example_window(size=(1366, 768))
    page = w.show_page("applications")
    model = page.model
    assert [header(model, c) for c in (4, 5, 6)] == ["Sökt totalt", "Beviljat", "Status"]
    for r, row in enumerate(model.rows):
        granted = sum(applications.load(w.db, row.id).granted_by_year.values())
        assert cells(model, 5)[r] == (format_amount(granted) if row.status in GRANTED else ""), row.name
    assert any(cells(model, 5)), "the example has granted applications"

    colours = dict(zip((r.status for r in model.rows), cells(model, 6, Qt.ItemDataRole.ForegroundRole),
                       strict=True))
    assert colours["beviljad"].name() == colours["delvis_beviljad"].name() == "#2e7d32"
    assert colours["avslag"].name() == "#b3261e"
    assert len({c.name() for c in colours.values()}) >= 4, "granted, rejected, sent back, waiting differ"
    assert cells(model, 1, Qt.ItemDataRole.ForegroundRole) == [None] * model.rowCount(), "only the status cell"

    def shown_sums():
        rows = page.visible_rows
        return (format_amount(sum(r.sought_ore for r in rows)),
                format_amount(sum(r.granted_ore for r in rows if r.status in GRANTED)))

    assert page.totals.text(0) == f"Summa, {model.rowCount()} ansökningar"
    assert (page.totals.text(4), page.totals.text(5)) == shown_sums()
    qtbot.keyClicks(page.search, "Norrmossa")
    assert 0 < model.rowCount() < len(page._all)
    assert page.totals.text(0) == f"Summa, {model.rowCount()} ansökningar"
    assert (page.totals.text(4), page.totals.text(5)) == shown_sums()
    page.search.clear()
    page.status.setCurrentIndex(page.status.findData("beviljad"))
    assert {r.status for r in page.visible_rows} == {"beviljad"}
    assert (page.totals.text(4), page.totals.text(5)) == shown_sums()
    page.status.setCurrentIndex(0)

    page.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    granted = [r.granted_total for r in model.rows]
    counted = [g for g, r in zip(granted, model.rows, strict=True) if r.status in GRANTED]
    assert granted[:len(counted)] == sorted(counted, reverse=True), "largest grant first, the others after"
    assert all(page.totals.columnWidth(c) == page.table.columnWidth(c) for c in range(model.columnCount()))


def test_the_insatser_list_sums_the_years_money_of_what_it_shows(example_window, qtbot):
    w = example_window(size=(1366, 768))
    page = w.show_page("insatser")
    model = page.model

    def sums():
        rows = model.rows
        return [format_kr(sum(r.granted for r in rows)), format_kr(sum(r.spent for r in rows)),
                format_kr(sum(r.remaining for r in rows))]

    year = page.chosen_year
    assert [header(model, c) for c in (5, 6, 7)] == ["Beviljat", "Fakturerat", "Kvar"]
    assert page.totals.text(0) == f"Summa {year}, {model.rowCount()} insatser"
    assert [page.totals.text(c) for c in (5, 6, 7)] == sums()
    assert sums()[0] != format_kr(0)
    qtbot.keyClicks(page.search, "Exempelby")
    assert 0 < model.rowCount() < len(page._all)
    assert [page.totals.text(c) for c in (5, 6, 7)] == sums()
    page.year.setCurrentIndex(page.year.findData(year - 1))
    assert page.totals.text(0).startswith(f"Summa {year - 1}, ")
    assert [page.totals.text(c) for c in (5, 6, 7)] == sums()
    page.search.setText("Trappan")
    assert model.rowCount() == 1 and page.totals.text(0) == f"Summa {year - 1}, 1 insats"


def test_the_meetings_list_filters_by_year_and_finds_a_meeting_by_place_kind_or_agenda(example_window, qtbot):
    from datetime import date

    from finsamdesk.services import meetings

    w = example_window(size=(1366, 768))
    page = w.show_page("meetings")
    before = page.model.rowCount()
    page.new_meeting("styrelse", date(2024, 3, 12), "13.00", "Stadshuset, Lillåker")
    page.new_meeting("beredning", date(2025, 5, 6), "09.00", "Förbundets kansli")
    assert page.model.rowCount() == before + 2 and page.filter.count.text() == f"{before + 2} av {before + 2} möten"
    years = [page.filter.year.itemText(i) for i in range(page.filter.year.count())]
    assert years[0] == "Alla år" and years[1:] == [str(y) for y in meetings.years(page.filter.rows)]
    assert {"2024", "2025"} <= set(years)

    page.filter.year.setCurrentIndex(page.filter.year.findData(2025))
    assert [r.date for r in page.model.rows] == [date(2025, 5, 6)]
    assert page.filter.count.text() == f"1 av {before + 2} möten"
    page.filter.year.setCurrentIndex(0)
    w.activateWindow()
    w.focus_search()  # Ctrl+F
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search, timeout=2000)
    qtbot.keyClicks(page.search, "stadshuset")
    assert [r.place for r in page.model.rows] == ["Stadshuset, Lillåker"]
    page.search.setText("beredningsgrupp")
    assert {r.kind for r in page.model.rows} == {"beredning"} and page.model.rowCount() >= 2
    item = next(r for r in page.filter.rows if r.topics)
    title = item.topics.splitlines()[0]
    page.search.setText(title.upper())
    assert item.id in [r.id for r in page.model.rows], "a word of the agenda finds its meeting"
    page.search.setText("2024-03")
    assert [r.date for r in page.model.rows] == [date(2024, 3, 12)]
    page.model.sort(0, Qt.SortOrder.AscendingOrder)
    page.search.clear()
    assert [r.date for r in page.model.rows] == sorted(r.date for r in page.filter.rows), "the sort stays"

    page.filter.year.setCurrentIndex(page.filter.year.findData(2025))
    page.select_meeting(page.filter.rows[0].id if page.filter.rows[0].date.year != 2025 else page.filter.rows[1].id)
    assert page.filter.year.currentData() is None and page.current is not None, "a meeting asked for is shown"
