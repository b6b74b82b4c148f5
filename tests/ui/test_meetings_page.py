"""The Möten page as a förbundschef meets it: plan from what is waiting, record recommendations and decisions,
jäv, documents, the projector, and errors next to the fields with undo."""
from __future__ import annotations

from datetime import date

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from finsamdesk.services import applications, insatser, meetings
from finsamdesk.ui.pages import ROW
from finsamdesk.ui.picker import PickDialog

TODAY = date(2026, 12, 1)


@pytest.fixture
def window(example_window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", lambda *a: True)
    w = example_window(TODAY, (1366, 820))
    w.nav.setCurrentRow(ROW["meetings"])
    w.meetings.today = TODAY
    return w


def _application_rows(page) -> list[int]:
    return [i for i, item in enumerate(page.current.items) if item.kind == "ansokan"]


def _record(page, row: int, outcome: str) -> None:
    page.agenda.items.setCurrentRow(row)
    combo = page.agenda.fields["outcome"]
    combo.setCurrentIndex(combo.findData(outcome))
    page.agenda.record_button.click()


def test_plan_recommend_decide_and_the_ansokan_gets_its_money_and_insats(window, tmp_path, qtbot):
    page = window.meetings
    coming = next(r.id for r in meetings.list_rows(window.db) if r.date == date(2026, 12, 8))
    page.table.selectRow(page.model.row_of(coming))  # the example's coming beredningsgrupp meeting
    assert page.model.rowCount() == 3 and page.current.kind == "beredning"
    assert page.agenda.items.item(0).text().startswith("§ 3  Ansökan 2026-005")  # after the group's § 1–2
    assert page.form.attendees.rowCount() == 7, "the last beredningsgrupp's attendees"
    for row in _application_rows(page):
        _record(page, row, "tillstyrk")
        assert "✓ registrerad" in page.agenda.items.item(row).text()
    waiting = {page.current.items[r].application_id for r in _application_rows(page)}
    assert {applications.load(window.db, i).status for i in waiting} == {"styrelse"}

    page.new_meeting("styrelse", date(2026, 12, 15), "13.00", "Kommunhuset")
    rows = _application_rows(page)
    row = next(r for r in rows if page.current.items[r].application_id in waiting)
    page.agenda.items.setCurrentRow(row)
    jav = page.agenda.jav.item(5)
    jav.setCheckState(Qt.CheckState.Checked)
    jav_name = jav.text()
    first_year = page.agenda.granted.item(0, 1)
    first_year.setText("100 000")
    _record(page, row, "delvis_beviljad")
    item = meetings.load(window.db, page.current.id).items[row]
    app = applications.load(window.db, item.application_id)
    assert app.status == "delvis_beviljad" and min(app.granted_by_year.values()) == 100_000_00
    assert item.jav == [jav_name] and item.insats_id is not None
    assert app.id in insatser.load(window.db, item.insats_id).application_ids
    assert "Insatsen" in page.agenda.message.text()
    assert not page.agenda.record_button.isEnabled(), "a recorded decision is not recorded twice"

    kallelse, protokoll, underlag = tmp_path / "k.pdf", tmp_path / "p.pdf", tmp_path / "u.pdf"
    page.kallelse(str(kallelse))
    page.protokoll(str(protokoll))
    text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(protokoll).pages)
    assert f"{jav_name} anmälde jäv" in text and "Beslut: Styrelsen beslutar att delvis bevilja" in text
    assert "Kallelse" in pypdf.PdfReader(kallelse).pages[0].extract_text()
    page.beslutsunderlag(str(underlag))
    qtbot.waitUntil(lambda: not page.background.running, timeout=20_000)
    outline = [o.title for o in pypdf.PdfReader(underlag).outline]
    assert outline[0] == "Innehåll" and len(outline) == 1 + len(rows)


def test_the_projector_shows_each_item_and_esc_leaves(window, qtbot):
    page = window.meetings
    page.new_meeting("styrelse", date(2026, 12, 15), "13.00")
    page.present()
    shown = page.presentation
    qtbot.waitExposed(shown)
    assert shown.isFullScreen() or shown.windowState() & Qt.WindowState.WindowFullScreen
    qtbot.keyClick(shown, Qt.Key.Key_Right)
    qtbot.keyClick(shown, Qt.Key.Key_Right)
    assert shown.index == 2
    qtbot.keyClick(shown, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shown.isVisible(), timeout=2000)


def test_bad_time_is_shown_by_the_field_nothing_saved_and_undo_puts_back(window, qtbot):
    page = window.meetings
    styrelse = [r.id for r in sorted(meetings.list_rows(window.db), key=lambda r: r.date) if r.kind == "styrelse"]
    page.table.selectRow(page.model.row_of(styrelse[0]))  # the example's styrelse meeting
    stored = meetings.load(window.db, page.current.id)
    page.tabs.setCurrentWidget(page.form)
    page.form.fields["time"].setText("kl 13")
    page.save_button.click()
    assert page.form.messages["time"].text() == "Skriv tiden som 13.00 eller 13:00."
    assert meetings.load(window.db, stored.id).time == stored.time
    page.form.fields["time"].setText("14.30")
    page.save_button.click()
    assert meetings.load(window.db, stored.id).time == "14.30"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert meetings.load(window.db, stored.id).time == stored.time


def test_agenda_editing_attendees_from_the_register_and_delete_with_undo(window, monkeypatch):
    page = window.meetings
    page.new_meeting("annat", date(2026, 12, 20), "10.00", "Digitalt")
    assert all(i.kind != "ansokan" for i in page.current.items), "no body's ansökningar wait for another meeting"
    page.agenda.add_item()
    page.agenda.fields["title"].setText("Workshop om samverkan")
    page.agenda.add_item()
    page.agenda.fields["title"].setText("Fika")
    page.agenda.move_item(-1)
    monkeypatch.setattr(PickDialog, "exec", lambda dialog: (dialog.accept(), dialog.result())[1])  # the first
    page.form.from_register.click()
    from finsamdesk.services import registers

    first = registers.contacts(window.db)[0]
    assert page.form.attendees.item(page.form.attendees.rowCount() - 1, 0).text() == first.name
    assert page.save()
    titles = [i.title for i in meetings.load(window.db, page.current.id).items]
    assert titles[1:3] == ["Fika", "Workshop om samverkan"], "added after the selected item, then moved up"
    count = page.model.rowCount()
    page.delete_meeting()
    assert page.model.rowCount() == count - 1
    page.undo_stack.undo()
    QApplication.processEvents()
    assert page.model.rowCount() == count


def test_f5_presents_from_anywhere_in_the_window_and_needs_a_meeting(window, qtbot):
    page = window.meetings
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert page.presentation is None and page.message.text() == "Välj ett möte i listan först."
    page.table.selectRow(0)
    window.nav.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert page.presentation is not None and page.presentation.isVisible()
    page.presentation.close()
