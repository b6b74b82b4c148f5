"""A decided ansökan in the editor, as a förbundschef meets it (issue 14, item 7): read-only, "Nästa steg…" off with
the reason, and a change only through "Ändra beslutad ansökan…", which enters who, when and why in the history."""
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from finsamdesk.services import applications
from finsamdesk.ui.applications.decided import ChangeDialog
from finsamdesk.ui.applications.workflow_dialog import WorkflowDialog


@pytest.fixture
def decided(example_window, monkeypatch):
    """The example's window with a beviljad ansökan open in the editor; WorkflowDialog must not open."""
    w = example_window()
    row = next(r for r in applications.list_rows(w.db) if r.status == "beviljad")
    w.show_application(row.id)
    monkeypatch.setattr(WorkflowDialog, "exec", lambda self: pytest.fail("a dead-end dialog opened"))
    return w, w.applications.editor, row.id


def answer_change(monkeypatch, who: str, why: str):
    def exec_(dialog):
        dialog.who_field.setText(who)
        dialog.why_field.setText(why)
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(ChangeDialog, "exec", exec_)


def test_a_decided_application_is_read_only_and_next_step_says_why_not(decided, qtbot):
    w, e, app_id = decided
    name = e.findChild(QLineEdit, "answer_namn")
    before = applications.load(w.db, app_id)
    assert name.isReadOnly() and e.dnr.isReadOnly()
    qtbot.keyClicks(name, " nytt namn")
    assert name.text() == before.name and e.app.name == before.name
    e.tabs.setCurrentIndex(next(i for i in range(e.tabs.count()) if e.tabs.tabText(i) == "Budget"))
    assert e.budget_grid.editTriggers() == e.budget_grid.EditTrigger.NoEditTriggers
    assert e.lock.isVisible() and "beviljad" in e.lock.text.text() and e.lock.button.isVisible()
    assert not e.next_button.isEnabled() and "inget steg kan följa" in e.next_button.toolTip()
    qtbot.keyClick(e.tabs, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Nästa steg… from the menu
    assert "inget steg kan följa" in e.message.text() and e.message.isVisible()
    assert e.save_now()
    assert applications.load(w.db, app_id) == before


def test_a_change_after_the_decision_is_asked_for_and_entered_in_the_history(decided, qtbot, monkeypatch):
    w, e, app_id = decided
    events = len(applications.load(w.db, app_id).history)
    answer_change(monkeypatch, "Eva Chef", "Namnbyte enligt styrelsens protokoll § 7")
    qtbot.mouseClick(e.lock.button, Qt.MouseButton.LeftButton)
    name = e.findChild(QLineEdit, "answer_namn")
    assert not name.isReadOnly() and not e.lock.button.isVisible() and "Namnbyte" in e.lock.text.text()
    name.setFocus()
    qtbot.keyClicks(name, " (nytt namn)")
    assert e.save_now()
    qtbot.keyClicks(name, "!")
    assert e.save_now()  # the autosaves of one change: one entry
    saved = applications.load(w.db, app_id)
    assert saved.name.endswith("(nytt namn)!") and saved.status == "beviljad"
    assert len(saved.history) == events + 1
    last = saved.history[-1]
    assert (last.who, last.date) == ("Eva Chef", date.today())
    assert last.note == "Ändrad efter beslut: Namnbyte enligt styrelsens protokoll § 7"
    assert e.history.rowCount() == events + 1 and "Namnbyte" in e.history.item(events, 2).text()
    assert e.history.item(events, 1).text() == "Ändrad"
    other = next(r for r in applications.list_rows(w.db) if r.id != app_id and r.status == "utkast")
    w.show_application(other.id)
    w.show_application(app_id)
    assert e.findChild(QLineEdit, "answer_namn").isReadOnly()  # locked again when opened again


def test_a_change_needs_a_reason(decided, qtbot, monkeypatch):
    w, e, app_id = decided
    answer_change(monkeypatch, "Eva Chef", "")
    qtbot.mouseClick(e.lock.button, Qt.MouseButton.LeftButton)
    assert e.findChild(QLineEdit, "answer_namn").isReadOnly() and e.lock.button.isVisible()
