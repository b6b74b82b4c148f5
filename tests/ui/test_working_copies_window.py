"""Issue 17 done as a user does it: two working copies of the example file taken in the window, each edited in the
window (an ansökan, an invoice, a participant, a meeting), merged back through the window — the second with a
conflict decided by hand — and every edit is in the main file once."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from finsamdesk.services import applications, files, insatser, meetings, participants
from finsamdesk.services.demo_participants import EXAMPLE_PASSPHRASE
from finsamdesk.ui.main_window import MainWindow
from finsamdesk.ui.pages import ROW
from finsamdesk.ui.participants import dialogs
from finsamdesk.ui.sync.merge_dialog import MergeDialog
from finsamdesk.ui.sync.report_dialog import ReportDialog
from finsamdesk.ui.sync.take_dialog import TakeCopyDialog

APPLICATION = "2026-004"


@pytest.fixture(autouse=True)
def answers(monkeypatch):
    def passphrase(dialog):
        for field in dialog.fields.values():
            field.setText(EXAMPLE_PASSPHRASE)
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(dialogs.PassphraseDialog, "exec", passphrase)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)


def take(window, qtbot, label: str, target) -> None:
    window.copy_commands.take_copy()
    dialog = window.copy_commands.dialog
    assert isinstance(dialog, TakeCopyDialog)
    dialog.label.setText(label)
    dialog.target.setText(str(target))
    dialog.target.setModified(True)
    dialog._check()
    qtbot.waitUntil(target.exists, timeout=5000)


def edit_copy(qtbot, path, who: str, day: int) -> None:
    """In the window, on the copy: rename an ansökan, book an invoice, add a participant, plan a meeting."""
    w = MainWindow(files.open_file(path), path)
    qtbot.addWidget(w)
    w.show()
    assert "arbetskopia" in w.windowTitle()
    w.nav.setCurrentRow(ROW["applications"])
    page = w.applications
    app_id = applications.find(w.db, APPLICATION).id
    page.table.selectRow(page.model.row_of(app_id))
    name = page.editor.findChild(QLineEdit, "answer_namn")
    name.selectAll()
    qtbot.keyClicks(name, f"Trappan ({who})")
    assert page.save_if_dirty()
    w.nav.setCurrentRow(ROW["insatser"])
    economy = w.insatser
    economy.table.selectRow(0)
    form = economy.invoices.fields
    form["date"].setText(f"2026-11-{day:02d}")
    form["amount"].setText("1 000")
    form["reference"].setText(f"{who}-faktura")
    economy.invoices.book_button.click()
    w.nav.setCurrentRow(ROW["participants"])
    QApplication.processEvents()
    tab = w.participants.register
    tab.insats.setCurrentIndex(tab.insats.findText("Hälsolots Lillåker"))
    tab.new_participant()
    f = tab.form.fields
    f["gender"].setCurrentIndex(f["gender"].findData("kvinna"))
    f["birth_year"].setText("1990")
    f["start"].setText(f"2026-11-{day:02d}")
    tab.form.save_button.click()
    assert tab.form.message.text() == "Sparat."
    w.nav.setCurrentRow(ROW["meetings"])
    w.meetings.new_meeting("beredning", date(2026, 12, day), "09.00", f"{who}s rum")
    w.close()


def merge(window, qtbot, path, decide=None) -> None:
    commands = window.copy_commands
    commands.report = None
    commands.merge_copy(path)
    qtbot.waitUntil(lambda: isinstance(commands.dialog, MergeDialog), timeout=20000)
    dialog = commands.dialog
    if decide:
        decide(dialog)
    assert dialog.merge_button.isEnabled()
    dialog.merge_button.click()
    qtbot.waitUntil(lambda: isinstance(commands.dialog, ReportDialog), timeout=20000)
    commands.dialog.accept()


def test_two_copies_edited_in_the_window_merge_back_once_each_with_a_conflict_decided_by_hand(
        example_window, qtbot, tmp_path):
    window = example_window(date(2026, 12, 1))
    main_path = tmp_path / "exempel.sqlite"
    db = window.db
    before = (len(meetings.list_rows(db)), db.execute("SELECT count(*) FROM participant").fetchone()[0])
    take(window, qtbot, "Anna", tmp_path / "anna.sqlite")
    take(window, qtbot, "Bo", tmp_path / "bo.sqlite")
    window.close()
    edit_copy(qtbot, tmp_path / "anna.sqlite", "Anna", 2)
    edit_copy(qtbot, tmp_path / "bo.sqlite", "Bo", 3)

    main = MainWindow(files.open_file(main_path), main_path)
    qtbot.addWidget(main)
    main.show()
    merge(main, qtbot, tmp_path / "anna.sqlite")
    assert applications.find(main.db, APPLICATION).name == "Trappan (Anna)"

    def by_hand(dialog: MergeDialog) -> None:
        [conflict] = dialog.preview.conflicts
        assert conflict.table == "application" and not dialog.merge_button.isEnabled()
        assert (conflict.value("main", "name"), conflict.value("copy", "name")) == ("Trappan (Anna)", "Trappan (Bo)")
        row = conflict.differing.index("name")
        box = dialog.fields.cellWidget(row, 4)
        box.setCurrentIndex(box.findData("copy"))
        for other in range(len(conflict.differing)):
            if other != row:
                dialog.fields.cellWidget(other, 4).setCurrentIndex(1)

    merge(main, qtbot, tmp_path / "bo.sqlite", by_hand)
    db = main.db
    assert applications.find(db, APPLICATION).name == "Trappan (Bo)"
    references = [i.reference for r in insatser.list_rows(db, 2026) for i in insatser.invoices(db, r.id)]
    assert references.count("Anna-faktura") == 1 and references.count("Bo-faktura") == 1
    places = [m.place for m in meetings.list_rows(db)]
    assert places.count("Annas rum") == 1 and places.count("Bos rum") == 1 and len(places) == before[0] + 2
    codes = [r[0] for r in db.execute("SELECT code FROM participant")]
    assert len(codes) == before[1] + 2 and not [c for c in codes if c.startswith("P")]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert participants.load(db, max(r[0] for r in db.execute("SELECT id FROM participant"))).birth_year == 1990
