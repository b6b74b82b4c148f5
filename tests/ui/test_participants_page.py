"""The Deltagare page as a coordinator meets it: the passphrase, masked identifiers, typing to filter, errors next
to the fields, undo, the idle lock, an import on a worker thread (which lets go of the key when the register
locks), counts, statistics, gallring."""
from __future__ import annotations

import gc
import threading
from datetime import date

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QMessageBox

from finsamdesk.domain.text import sort_key
from finsamdesk.services import participants
from finsamdesk.ui.pages import ROW
from finsamdesk.ui.participants import dialogs
from finsamdesk.ui.participants.register_model import MASK_PNR
from tests.fixtures.participant_files import import_file, invented_rows


@pytest.fixture
def window(example_window, asked, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return example_window()


def open_page(window):
    """Go to Deltagare; the passphrase is asked once the page is on screen."""
    from PySide6.QtWidgets import QApplication

    window.nav.setCurrentRow(ROW["participants"])
    QApplication.processEvents()
    return window.participants


def test_the_page_asks_for_the_passphrase_once_and_identifiers_stay_masked_until_visa(window, asked, qtbot):
    page = open_page(window)
    assert asked.count == 1 and page.key is not None and page.lock_state.text() == "Upplåst"
    tab = page.register
    assert tab.model.rowCount() == len(participants.Register(window.db))
    assert tab.model.index(0, 8).data() == MASK_PNR
    tab.table.selectRow(0)
    pnr = tab.form.fields["personnummer"]
    assert pnr.text() == "••••••••" and pnr.isReadOnly(), "dots, not the number behind a password echo"
    tab.form.reveal_button.click()
    assert len(pnr.text()) == 13 and pnr.text()[8] == "-"
    assert tab.form.fields["name"].text() and not pnr.isReadOnly()
    window.nav.setCurrentRow(ROW["budget"])
    open_page(window)
    assert asked.count == 1, "asked once per file, not at every visit"
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert page.key is None and page.lock_state.text() == "Personuppgifterna är låsta"
    assert tab.form.fields["name"].text() == "••••••••" and "låst" in tab.form.lock_note.text()
    tab.form.reveal_button.click()  # Visa while locked asks for the passphrase first
    assert asked.count == 2 and page.key is not None and tab.form.fields["name"].text() != "••••••••"


def test_a_wrong_passphrase_keeps_the_register_locked_and_the_rest_of_the_app_works(window, asked):
    asked.answer = "inte rätt lösenfras"
    page = open_page(window)
    assert page.key is None and asked.message == "Fel lösenfras."
    assert page.register.model.rowCount() > 0 and page.lock_button.text() == "Lås upp…"
    page.register.table.selectRow(0)
    assert page.register.form.fields["personnummer"].isReadOnly()
    window.nav.setCurrentRow(ROW["insatser"])
    assert window.insatser.model.rowCount() > 0


def test_typing_filters_by_id_name_and_whole_personnummer(window, qtbot):
    page = open_page(window)
    tab = page.register
    register = participants.Register(window.db)
    row = participants.Row
    some_id, code = register.rows[5][row.ID], register.rows[5][row.CODE]
    p = participants.load(window.db, some_id, page.key)

    def shown():
        return [r[row.ID] for r in tab.model.rows]

    qtbot.keyClicks(tab.search, code)
    assert shown() == [some_id] and tab.count.text().startswith("1 av ")
    tab.search.setText(p.name.split()[1].upper())
    assert some_id in shown()
    tab.search.setText(f"{p.personnummer[2:8]}-{p.personnummer[8:]}")
    assert shown() == [some_id]
    page.lock()
    tab.search.setText(p.name)
    assert tab.model.rows == [], "locked, names are not searched"
    tab.search.clear()
    tab.gender.setCurrentIndex(tab.gender.findData("man"))
    assert tab.model.rows and all(tab.model.index(r, 2).data() == "Man" for r in range(tab.model.rowCount()))


def test_an_edit_with_errors_shows_them_by_the_fields_and_saves_nothing_then_undo(window, qtbot):
    page = open_page(window)
    tab = page.register
    tab.state.setCurrentIndex(tab.state.findData("pagaende"))  # no outcome yet: the end date may be emptied
    tab.table.selectRow(0)
    participant_id = tab.current_id
    before = participants.load(window.db, participant_id, page.key)
    f = tab.form.fields
    f["end"].setText(before.start.replace(year=before.start.year - 1).isoformat())
    f["consent_date"].setText("31 februari 2026")
    tab.form.save_button.click()
    assert "inget giltigt datum" in tab.form.messages["consent_date"].text()
    assert participants.load(window.db, participant_id, page.key).end == before.end
    f["consent_date"].setText(before.consent_date.isoformat())
    tab.form.save_button.click()
    assert tab.form.messages["end"].text() == "Slutdatum är före startdatum."
    f["end"].setText("")
    f["birth_year"].setText(str(before.birth_year - 1))
    tab.form.save_button.click()
    assert tab.form.messages["birth_year"].text() == "Födelseåret stämmer inte med personnumret."
    f["birth_year"].setText(str(before.birth_year))
    tab.form.reveal_button.click()
    f["note"].setPlainText("Ny anteckning")
    tab.form.save_button.click()
    after = participants.load(window.db, participant_id, page.key)
    assert after.note == "Ny anteckning" and tab.form.messages["birth_year"].text() == ""
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert participants.load(window.db, participant_id, page.key).note == before.note


def test_new_participant_and_delete_ask_and_can_be_undone(window, monkeypatch):
    page = open_page(window)
    tab = page.register
    tab.insats.setCurrentIndex(tab.insats.findText("Hälsolots Lillåker"))
    count = tab.model.rowCount()
    tab.new_participant()
    f = tab.form.fields
    f["gender"].setCurrentIndex(f["gender"].findData("kvinna"))
    f["birth_year"].setText("1999")
    f["start"].setText("20261115")
    tab.form.save_button.click()
    assert tab.model.rowCount() == count + 1 and tab.form.message.text() == "Sparat."
    new_id = tab.current_id
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    tab.delete_current()
    assert tab.model.rowCount() == count + 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.delete_current()
    assert tab.model.rowCount() == count
    page.undo_stack.undo()
    assert tab.model.rowCount() == count + 1 and tab.model.row_of(new_id) >= 0


def test_the_register_locks_itself_after_the_idle_time(window, qtbot):
    page = open_page(window)
    assert page.key is not None
    page.idle.seconds = 0.3
    page.idle._timer.setInterval(50)
    qtbot.waitUntil(lambda: page.key is None, timeout=3000)
    assert "låstes efter" in page.message.text() and not page.idle.active


def test_an_import_file_that_cannot_be_read_is_told_in_swedish(window, tmp_path):
    page = open_page(window)
    tab = page.register
    tab.insats.setCurrentIndex(tab.insats.findText("Gemensam kartläggning Norrmossa"))
    before = tab.model.rowCount()
    tab.import_file(str(tmp_path / "försvunnen fil #1.xlsx"))
    assert tab.message.text() == "försvunnen fil #1.xlsx kan inte läsas: finns inte."
    assert tab.model.rowCount() == before


def test_import_on_a_worker_thread_names_the_bad_rows_then_imports_and_undo_removes(window, tmp_path, qtbot,
                                                                                    monkeypatch):
    page = open_page(window)
    tab = page.register
    tab.insats.setCurrentIndex(tab.insats.findText("Gemensam kartläggning Norrmossa"))
    insats_id = tab.chosen_insats
    rows = invented_rows(300)
    rows[9][1] = "19811318-0000"
    shown = []
    monkeypatch.setattr(dialogs.ImportErrorsDialog, "exec", lambda d: shown.append(d.text.toPlainText()))
    path = tmp_path / "deltagare.xlsx"
    path.write_bytes(import_file(window.db, insats_id, rows))
    before = tab.model.rowCount()
    tab.import_file(str(path))
    qtbot.waitUntil(lambda: not tab.background.running, timeout=20_000)
    assert shown == ["Rad 11: Personnummer: personnumret innehåller inget giltigt födelsedatum."]
    assert tab.message.text() == "Ingenting importerades: 1 rad är felaktig." and tab.model.rowCount() == before
    rows[9] = invented_rows(300)[9]
    path.write_bytes(import_file(window.db, insats_id, rows))
    tab.import_file(str(path))
    qtbot.waitUntil(lambda: not tab.background.running, timeout=20_000)
    assert tab.model.rowCount() == before + 300 and "300 deltagare importerades" in tab.message.text()
    page.undo_stack.undo()
    assert tab.model.rowCount() == before


def test_export_leaves_identifiers_out_unless_asked(window, tmp_path):
    page = open_page(window)
    tab = page.register
    plain, full = tmp_path / "utan.xlsx", tmp_path / "med.xlsx"
    tab.export(str(plain), with_identifiers=False)
    tab.export(str(full), with_identifiers=True)
    assert "(innehåller personuppgifter)" in tab.message.text()
    sheet = load_workbook(plain)["Deltagare"]
    assert sheet.max_row == tab.model.rowCount() + 3 and "Personnummer" not in [c.value for c in sheet[3]]
    assert load_workbook(full)["Deltagare"]["A1"].value.startswith("INNEHÅLLER PERSONUPPGIFTER")


def test_counts_tab_saves_a_period_and_warns_when_it_does_not_add_up(window):
    page = open_page(window)
    page.tabs.setCurrentIndex(1)
    counts = page.counts
    assert counts.insats.currentText() == "Stegvis arbetsträning (avslutad)" and counts.model.rowCount() == 3
    assert counts.fields["start"].text().endswith("-01-01")  # the next tertial is proposed
    counts.fields["new_women"].setValue(3)
    counts.fields["ongoing_women"].setValue(3)
    counts.save_period()
    assert counts.model.rowCount() == 4 and "borde vara" in counts.warnings.text()
    page.undo_stack.undo()
    assert counts.model.rowCount() == 3


def _column(table, c: int) -> list[str]:
    return [table.item(r, c).text() for r in range(table.rowCount())]


def _adds_up_on_screen(table, total_row_label: str) -> tuple[int, int, int]:
    """Kvinnor, Män, Totalt of the row `total_row_label` (bold), after checking that the rows above it add up to
    it (and the rows after it are "varav" rows, in italics)."""
    labels = _column(table, 0)
    at = labels.index(total_row_label)
    assert table.item(at, 0).font().bold() and all(table.item(r, 0).font().italic() for r in range(at + 1, len(labels)))
    assert all(label.startswith("varav ") for label in labels[at + 1:])
    numbers = [[int(table.item(r, c).text()) for c in (1, 2, 3)] for r in range(table.rowCount())]
    assert [sum(row[c] for row in numbers[:at]) for c in range(3)] == numbers[at], labels
    assert all(w + m == t for w, m, t in numbers)
    return tuple(numbers[at])


@pytest.mark.parametrize("year", [date.today().year, 0])  # the year, and Hela tiden
def test_statistics_on_screen_add_up_and_export(window, tmp_path, year):
    page = open_page(window)
    page.tabs.setCurrentIndex(2)
    stats = page.statistics
    stats.year.setCurrentIndex(stats.year.findData(year))
    expected = stats.stats
    everyone = (expected.participants.women, expected.participants.men, expected.participants.total)
    assert everyone[2] > 0
    assert _adds_up_on_screen(stats.participants, "Totalt") == everyone
    assert _adds_up_on_screen(stats.ages, "Totalt") == everyone
    assert _column(stats.ages, 0)[:4] == ["15–24", "25–54", "55–64", "Övriga åldrar"]
    assert _column(stats.ages, 0)[-1] == "varav 16–29"
    assert _adds_up_on_screen(stats.outcomes, "Avslutade") == (expected.ended.women, expected.ended.men,
                                                               expected.ended.total)
    per_insats = [[int(stats.per_insats.item(r, c).text()) for c in (2, 3, 4, 5, 6)]
                  for r in range(stats.per_insats.rowCount())]
    assert stats.per_insats.rowCount() >= 3 and _column(stats.per_insats, 0)[-1] == "Summa"
    assert [sum(row[c] for row in per_insats[:-1]) for c in range(5)] == per_insats[-1] == [
        *everyone, expected.new.total, expected.ended.total]
    out = tmp_path / "statistik.xlsx"
    stats.export("xlsx", str(out))
    values = {r[0].value: [c.value for c in r[1:4]] for r in load_workbook(out)["Statistik"].iter_rows()
              if r[0].value}
    assert values["I register"][:2] == [expected.participants.women - expected.from_counts.women,
                                        expected.participants.men - expected.from_counts.men]


def test_gallring_from_the_page_and_the_register_model_passes_the_model_tester(window, qtbot):
    page = open_page(window)
    QAbstractItemModelTester(page.register.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    page.register.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    model = page.register.model
    names = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert names == sorted(names, key=sort_key) and names[0].startswith("Gemensam")
    later = date(date.today().year + 5, 1, 1)
    count = page.gallring(today=later, confirmed=True)
    assert count > 0 and f"{count} deltagare gallrades." == page.message.text()
    gallrade = [r for r in range(model.rowCount()) if model.index(r, 10).data() == "gallrad"]
    assert len(gallrade) == count and all(model.index(r, 8).data() == "" for r in gallrade)


def test_categories_can_be_added_renamed_made_inactive_moved_and_removed_when_unused(window, monkeypatch):
    from finsamdesk.ui.participants.categories_dialog import CategoriesDialog

    dialog = CategoriesDialog(window.db)
    outcomes = dialog.lists["utfall"]
    dialog.add("utfall", "Eget företag")
    assert outcomes.currentItem().text() == "Eget företag"
    dialog.add("utfall", "arbete")
    assert dialog.message.text() == "”arbete” finns redan."
    dialog.rename("utfall", "Start av eget företag")
    dialog.toggle("utfall")
    assert outcomes.currentItem().text() == "Start av eget företag (inaktiv)"
    dialog.move_category("utfall", -1)
    labels = [c.label for c in participants.categories(window.db, "utfall")]
    assert labels[-2:] == ["Start av eget företag", "Avbrott"]
    dialog.remove("utfall")
    assert "Start av eget företag" not in [c.label for c in participants.categories(window.db, "utfall")]
    used = next(i for i in range(outcomes.count()) if outcomes.item(i).text() == "Arbete")
    outcomes.setCurrentRow(used)
    dialog.remove("utfall")
    assert "används av" in dialog.message.text()


def test_register_settings_are_saved_and_set_the_idle_lock(window, monkeypatch):
    page = open_page(window)

    def exec_(dialog):
        dialog.lock_minutes.setValue(3)
        dialog.gallring_years.setValue(5)
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(dialogs.RegisterSettingsDialog, "exec", exec_)
    page.edit_settings()
    assert participants.register_settings(window.db) == participants.RegisterSettings(3, 5)
    assert page.idle.seconds == 180


# ---------------------------------------------------------------- the key lives only while unlocked
def _holders(held: list) -> list:
    """What still refers to the key in `held` (the one-element list the test keeps it in)."""
    gc.collect()
    return [r for r in gc.get_referrers(held[0]) if r is not held]


def _import(window, tmp_path, rows: int):
    page = open_page(window)
    tab = page.register
    tab.insats.setCurrentIndex(tab.insats.findText("Gemensam kartläggning Norrmossa"))
    path = tmp_path / "deltagare.xlsx"
    path.write_bytes(import_file(window.db, tab.chosen_insats, invented_rows(rows)))
    return page, tab, path


def test_a_finished_import_keeps_no_reference_to_the_key_once_the_register_is_locked(window, tmp_path, qtbot):
    page, tab, path = _import(window, tmp_path, 20)
    held = [page.key]
    tab.import_file(str(path))
    qtbot.waitUntil(lambda: not tab.background.running, timeout=20_000)
    assert "20 deltagare importerades" in tab.message.text()
    page.lock()
    assert page.key is None
    assert not _holders(held)


def test_locking_during_an_import_stops_it_and_drops_the_key(window, tmp_path, qtbot):
    page, tab, path = _import(window, tmp_path, 3000)
    before = len(participants.Register(window.db))
    held = [page.key]
    reached, locked = threading.Event(), threading.Event()

    def hold(done: int, total: int) -> None:  # on the job's thread: it waits, mid-import, until the lock
        if done < total and not reached.is_set():
            reached.set()
            locked.wait(20)

    tab.import_file(str(path))
    tab.background.job.progressed.connect(hold, Qt.ConnectionType.DirectConnection)
    qtbot.waitUntil(reached.is_set, timeout=20_000)  # the job is importing: the key is in use
    page.lock()
    locked.set()
    qtbot.waitUntil(lambda: not tab.background.running, timeout=20_000)
    assert "avbröts" in tab.message.text() and len(participants.Register(window.db)) == before
    assert not _holders(held)
