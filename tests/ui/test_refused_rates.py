"""The ESF+ specification's hourly rates: a rate that cannot be read stays in its cell, red with the reason, through
the next autosave, and the application counts as unsaved until it is corrected or undone (issue 14, item 4)."""
import pytest
from PySide6.QtWidgets import QTableWidget, QTabWidget

from finsamdesk.services import applications
from finsamdesk.ui.refused_cells import REFUSED_FG

from .test_refused_amounts import type_in_cell


@pytest.fixture
def own(esf_editor, db):
    """An ESF+ application with a Budgetspecifikation (its call's rates per level), its Budget tab in view."""
    e, ids = esf_editor("connecto")
    e.open_application(ids["connecto"])
    return e, db, ids["connecto"]


def show(widget) -> None:
    """Every tab the widget lies in made current (the specification is a tab inside the Budget tab)."""
    for tabs in widget.window().findChildren(QTabWidget):
        for i in range(tabs.count()):
            if tabs.widget(i).isAncestorOf(widget):
                tabs.setCurrentIndex(i)
    assert widget.isVisible()


def test_a_refused_rate_stays_in_its_cell_until_corrected(own, qtbot):
    e, db, iris = own
    rates = e.findChild(QTableWidget, "rates")
    show(rates)
    assert rates.rowCount() >= 2
    level = int(rates.item(0, 0).text())
    stored = applications.load(db, iris).esf.call.rates[level]
    type_in_cell(qtbot, rates, 0, 1, "trettiotusen")
    other = int(rates.item(1, 0).text())
    type_in_cell(qtbot, rates, 1, 1, "777,00")  # another rate: saved by the autosave a second later
    qtbot.waitUntil(lambda: applications.load(db, iris).esf.call.rates[other] == 77_700, timeout=3000)
    message = e.field_messages["esf_rates"]
    assert rates.item(0, 1).text() == "trettiotusen" and rates.item(0, 1).foreground().color() == REFUSED_FG
    assert "trettiotusen" in rates.item(0, 1).toolTip()
    assert "trettiotusen" in message.text() and message.isVisible()
    assert applications.load(db, iris).esf.call.rates[level] == stored
    assert not e.save_now()  # counts as unsaved: Ctrl+S and leaving say so
    type_in_cell(qtbot, rates, 0, 1, "650,00")
    assert e.save_now()
    assert applications.load(db, iris).esf.call.rates[level] == 65_000
    assert rates.item(0, 1).foreground().color() != REFUSED_FG and not message.isVisible()


def test_a_refused_rate_goes_when_undone(own, qtbot):
    e, _db, _iris = own
    rates = e.findChild(QTableWidget, "rates")
    show(rates)
    shown = rates.item(0, 1).text()
    type_in_cell(qtbot, rates, 0, 1, "trettiotusen")
    e.undo_stack.undo()
    assert rates.item(0, 1).text() == shown and rates.item(0, 1).foreground().color() != REFUSED_FG
    assert not e.field_messages["esf_rates"].isVisible() and e.save_now()
