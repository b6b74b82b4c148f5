"""Issue 14, item 9: type-to-search in the pickers ("Hämta från registret", "Lägg till part", "Insats från beviljad
ansökan"): typing narrows the list, the arrow keys move in it, Enter picks."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from finsamdesk.services import registers
from finsamdesk.ui.picker import PickDialog, SearchList


def test_typing_narrows_the_list_the_arrows_move_and_enter_picks(qtbot):
    names = ["Region Skåne", "Åstorps kommun", "Arbetsförmedlingen", "Försäkringskassan", "Bjuvs kommun"]
    found = SearchList(names)
    qtbot.addWidget(found)
    picked = []
    found.picked.connect(lambda: picked.append(found.chosen()))
    qtbot.keyClicks(found.search, "KOMMUN")
    assert found.shown() == ["Åstorps kommun", "Bjuvs kommun"]
    assert found.chosen() == 1, "the first that is left is chosen"
    qtbot.keyClick(found.search, Qt.Key.Key_Down)
    assert found.chosen() == 4
    qtbot.keyClick(found.search, Qt.Key.Key_Down)
    assert found.chosen() == 4, "the last stays chosen"
    qtbot.keyClick(found.search, Qt.Key.Key_Up)
    qtbot.keyClick(found.search, Qt.Key.Key_Return)
    assert picked == [1]
    found.search.setText("åstorp")
    assert found.shown() == ["Åstorps kommun"]
    found.search.setText("xyz")
    assert found.shown() == [] and found.chosen() is None and not found.empty.isHidden()
    qtbot.keyClick(found.search, Qt.Key.Key_Return)
    assert picked == [1], "Enter on nothing picks nothing"


def driving(monkeypatch, typed: str, seen: list):
    """PickDialog.exec as a user: types `typed` in the search, notes what is left, presses Enter."""
    def exec_(dialog: PickDialog) -> int:
        dialog.show()
        dialog.choices.search.setText(typed)
        seen.append((dialog.windowTitle(), dialog.choices.shown()))
        dialog.choices.search.returnPressed.emit()
        return dialog.result()

    monkeypatch.setattr(PickDialog, "exec", exec_)


@pytest.fixture
def editor_on_a_received_application(example_window):
    w = example_window(size=(1366, 768))
    page = w.show_page("applications")
    row = next(r for r in page.model.rows if r.status == "inkommen")
    page.select_application(row.id)
    return w, page.editor


def test_lagg_till_part_finds_the_organisation_as_one_types(editor_on_a_received_application, monkeypatch):
    from finsamdesk.ui.applications.row_tables import ApplicantsTableWidget

    w, editor = editor_on_a_received_application
    table = editor.findChildren(ApplicantsTableWidget)[0]
    before = list(editor.application.applicants)
    seen: list = []
    driving(monkeypatch, "norrm", seen)
    table.add_button.click()
    norrmossa = [o.name for o in registers.organisations(w.db) if "norrmossa" in o.name.lower()]
    assert seen == [("Lägg till sökande part", norrmossa)]
    added = editor.application.applicants[len(before):]
    assert [a.name for a in added] == norrmossa[:1]
    assert added[0].organisation_id == next(o.id for o in registers.organisations(w.db) if o.name == norrmossa[0])


def test_hamta_fran_registret_finds_the_person_as_one_types(editor_on_a_received_application, monkeypatch):
    from finsamdesk.ui.applications.row_tables import ContactsTableWidget

    w, editor = editor_on_a_received_application
    person = registers.contacts(w.db)[-1]
    table = editor.findChildren(ContactsTableWidget)[0]
    seen: list = []
    driving(monkeypatch, person.name.split()[-1].upper(), seen)
    table.pick_button.click()
    assert len(seen) == 1 and all(person.name.split()[-1] in n for n in seen[0][1])
    picked = editor.application.contacts_for(table.role)[-1]
    assert (picked.name, picked.contact_id) == (person.name, person.id)


def test_insats_fran_beviljad_ansokan_is_found_by_diarienummer(qtbot):
    from finsamdesk.domain.application import Application, StatusEvent
    from finsamdesk.ui.insatser.dialogs import FromApplicationDialog

    def granted(n, name):
        app = Application("neutral", name=name, diarienummer=f"2026-{n:03d}", id=n, status="beviljad")
        app.history = [StatusEvent("beviljad", None, granted={2026: 100_000_00})]
        return app

    dialog = FromApplicationDialog([granted(1, "Trappan"), granted(7, "Hälsolots"), granted(12, "Vägen framåt")], [])
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.application.search, "007")
    assert dialog.application.shown() == ["2026-007 Hälsolots (beviljat 100\u202f000 kr)"]
    assert dialog.choice() == (7, None)
    qtbot.keyClick(dialog.application.search, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    dialog = FromApplicationDialog([granted(1, "Trappan"), granted(7, "Hälsolots")], [], preselect=7)
    qtbot.addWidget(dialog)
    assert dialog.choice() == (7, None), "the application asked about is chosen"
    empty = FromApplicationDialog([], [])
    qtbot.addWidget(empty)
    assert empty.choice() == (None, None) and empty.application.empty.text().startswith("Ingen beviljad")


def offered_for(qtbot, box, typed):
    box.lineEdit().clear()
    qtbot.keyClicks(box.lineEdit(), typed)
    completer = box.completer()
    assert completer.popup().isVisible()
    return [completer.completionModel().index(r, 0).data() for r in range(completer.completionCount())]


def test_insatsagare_and_a_contacts_organisation_offer_names_that_hold_what_is_typed(example_window, qtbot):
    """Before: only names that begin with what is typed ("MOSSA" offered nothing)."""
    w = example_window(size=(1366, 768))
    insatser = w.show_page("insatser")
    insatser.table.selectRow(0)
    assert offered_for(qtbot, insatser.details.combos["owner"], "MOSSA") == ["Norrmossa kommun"]
    contacts = w.show_page("contacts")
    contacts.start_new()
    assert offered_for(qtbot, contacts.organisation, "mossa") == ["Norrmossa kommun"]
