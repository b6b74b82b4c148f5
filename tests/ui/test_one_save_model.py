"""One way to save on every page (issue 14, item 6): typing is saved a second after it stops, on leaving a page or
a record, and with Ctrl+S on whatever page is in view; the title carries "*" while something typed is not saved."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from finsamdesk.services import insatser, registers
from finsamdesk.ui.pages import ROW


def ctrl_s(qtbot, widget) -> None:
    widget.window().activateWindow()
    qtbot.waitUntil(widget.window().isActiveWindow, timeout=1000)
    qtbot.keyClick(widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_s_saves_the_insats_in_view_and_the_mark_follows(example_window, qtbot):
    w = example_window()
    w.nav.setCurrentRow(ROW["insatser"])
    page = w.insatser
    page.table.selectRow(0)
    name = page.details.lines["name"]
    assert not w.isWindowModified() and "[*]" in w.windowTitle()
    name.setFocus()
    name.end(False)
    qtbot.keyClicks(name, " II")
    assert w.isWindowModified()  # "*" in the title while typed and not saved
    ctrl_s(qtbot, name)
    assert insatser.load(w.db, page.current_id).name.endswith(" II")
    assert not w.isWindowModified() and "Sparat" in w.statusBar().currentMessage()


def test_a_form_that_cannot_be_saved_keeps_the_mark_and_says_why(example_window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    w = example_window()
    w.nav.setCurrentRow(ROW["insatser"])
    page = w.insatser
    page.table.selectRow(0)
    field = page.details.lines["period_start"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "2026-02-30")
    ctrl_s(qtbot, field)
    assert w.isWindowModified() and "kan inte sparas" in w.statusBar().currentMessage()
    w.nav.setCurrentRow(ROW["budget"])  # leaving the page tries again; the mark stays
    assert w.isWindowModified()
    assert not w.leave_file() or asked  # leaving the file asks before it drops what cannot be saved
    assert asked and "Insatsens uppgifter kan inte sparas" in asked[0]


def test_typing_in_the_register_is_saved_a_second_after_it_stops(example_window, qtbot):
    w = example_window()
    w.nav.setCurrentRow(ROW["organisations"])
    page = w.organisations
    page.table.selectRow(0)
    org_id = page.current.id
    phone = page.lines["phone"]
    phone.setFocus()
    phone.selectAll()
    qtbot.keyClicks(phone, "0435-123 45")
    assert w.isWindowModified()
    qtbot.waitUntil(lambda: next(o for o in registers.organisations(w.db) if o.id == org_id).phone == "0435-123 45",
                    timeout=4000)
    qtbot.waitUntil(lambda: not w.isWindowModified(), timeout=1000)


def test_choosing_another_record_or_page_saves_what_is_typed(example_window, qtbot):
    w = example_window()
    w.nav.setCurrentRow(ROW["contacts"])
    page = w.contacts
    page.table.selectRow(0)
    first = page.current.id
    title = page.lines["title"]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Samordnare")
    page.table.selectRow(1)
    assert next(c for c in registers.contacts(w.db) if c.id == first).title == "Samordnare"
    assert page.current.id != first and page.lines["title"].text() == page.current.title
    title = page.lines["title"]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Handledare")
    second = page.current.id
    w.nav.setCurrentRow(ROW["overview"])
    assert next(c for c in registers.contacts(w.db) if c.id == second).title == "Handledare"
    assert not w.isWindowModified()


def test_ctrl_s_still_saves_the_application_editor(example_window, qtbot):
    w = example_window()
    from finsamdesk.services import applications

    row = next(r for r in applications.list_rows(w.db) if r.status == "utkast")
    w.show_application(row.id)
    name = w.applications.editor.findChild(QLineEdit, "answer_namn")
    name.setFocus()
    name.end(False)
    qtbot.keyClicks(name, " X")
    assert w.isWindowModified()
    ctrl_s(qtbot, name)
    assert applications.load(w.db, row.id).name.endswith(" X") and not w.isWindowModified()
