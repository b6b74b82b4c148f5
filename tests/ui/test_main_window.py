"""The main window, the list and the registers as a user meets them."""
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox

from finsamdesk.domain.registers import Organisation
from finsamdesk.services import applications, files, registers
from finsamdesk.ui.applications.table_model import ApplicationTableModel
from finsamdesk.ui.main_window import MainWindow
from finsamdesk.ui.pages import ROW
from finsamdesk.ui.settings import recent_files
from tests.fixtures.closing import close_at_end


@pytest.fixture
def window(qtbot, seeded, tmp_path):
    db, sp_id, ps_id = seeded
    for name in ("Åbergs insats", "Zeta-projektet", "Ängelholmsmodellen", "Öppen ingång", "Alfa"):
        applications.create(db, "neutral", name)
    w = MainWindow(db, tmp_path / "förbund.sqlite")
    qtbot.addWidget(w)
    w.show()
    return w


def names(w) -> list[str]:
    m = w.applications.model
    return [m.data(m.index(r, 1)) for r in range(m.rowCount())]


def test_model_passes_the_qt_model_tester(qtmodeltester, seeded):
    db = seeded[0]
    model = ApplicationTableModel()
    model.set_rows(applications.list_rows(db))
    qtmodeltester.check(model)


def test_title_names_the_file_and_list_shows_every_application(window):
    assert window.windowTitle() == "förbund.sqlite[*] – finsamdesk" and not window.isWindowModified()
    assert len(names(window)) == 7
    assert window.applications.count.text() == "7 av 7 ansökningar"


def test_sorting_by_name_is_swedish(window):
    window.applications.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    ordered = [n for n in names(window) if n[0] in "AZÅÄÖ"]
    assert ordered == ["Alfa", "Zeta-projektet", "Åbergs insats", "Ängelholmsmodellen", "Öppen ingång"]


def test_filter_is_case_insensitive_for_swedish_letters_and_by_status_and_year(window, qtbot):
    page = window.applications
    qtbot.keyClicks(page.search, "ÅBERG")
    assert names(window) == ["Åbergs insats"]
    page.search.clear()
    page.status.setCurrentIndex(page.status.findData("utkast"))
    assert len(names(window)) == 7
    page.status.setCurrentIndex(page.status.findData("beviljad"))
    assert names(window) == [] and page.count.text() == "0 av 7 ansökningar"
    page.status.setCurrentIndex(0)
    page.year.setCurrentIndex(page.year.findData(2020))
    assert names(window) == ["Projekt för aktivitet och självständighet (PAS)"]


def test_selecting_a_row_opens_it_in_the_editor(window):
    page = window.applications
    row = page.model.row_of(page.model.row_id(0))
    page.table.selectRow(row)
    assert page.editor.current_id == page.model.row_id(row)


def test_save_copy_writes_a_file_that_opens(window, tmp_path, monkeypatch):
    target = tmp_path / "kopia.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.file_commands.save_copy()
    copy = close_at_end(files.open_file(target, create=False))
    assert len(applications.list_rows(copy)) == 7
    assert str(tmp_path / "förbund.sqlite") in recent_files()


def test_a_newer_file_is_refused_and_left_unchanged(window, tmp_path, monkeypatch):
    newer = tmp_path / "nyare.sqlite"
    files.open_file(newer).conn.close()
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = newer.read_bytes()
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    window.file_commands.open_path(newer)
    assert shown and "nyare version" in shown[0]
    assert newer.read_bytes() == before
    assert window.windowTitle().startswith("förbund.sqlite")


def test_bad_organisation_shows_messages_next_to_fields_and_saves_nothing(window):
    page = window.organisations
    window.nav.setCurrentRow(ROW["organisations"])
    count = len(registers.organisations(window.db))
    page.start_new()
    page.fields["name"].setText("Perstorps kommun")
    page.fields["orgnr"].setText("212000-1109")
    page.fields["cfar"].setText("123")
    assert not page.save_current()
    assert "kontrollsiffra" in page.messages["orgnr"].text()
    assert "åtta siffror" in page.messages["cfar"].text()
    assert len(registers.organisations(window.db)) == count


def test_cfar_check_digit_is_a_warning_and_the_organisation_is_saved(window):
    page = window.organisations
    page.start_new()
    page.fields["name"].setText("Samordningsförbundet Höganäs")
    page.fields["cfar"].setText("00000001")
    assert page.save_current()
    assert "kontrollsiffran" in page.messages["cfar"].text()
    assert any(o.name == "Samordningsförbundet Höganäs" for o in registers.organisations(window.db))


def test_delete_asks_first(window, monkeypatch):
    page = window.organisations
    registers.save_organisation(window.db, Organisation("Att ta bort", kind="annan"))
    page.reload()
    page.search.setText("Att ta bort")
    page.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    page.delete_current()
    assert any(o.name == "Att ta bort" for o in registers.organisations(window.db))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.delete_current()
    assert not any(o.name == "Att ta bort" for o in registers.organisations(window.db))


def test_delete_application_after_confirmation(window, monkeypatch):
    page = window.applications
    app_id = next(r.id for r in page.visible_rows if r.name == "Alfa")
    page.table.selectRow(page.model.row_of(app_id))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.application_commands.delete_application()
    assert "Alfa" not in names(window)
    assert len(applications.list_rows(window.db)) == 6


def test_closing_the_window_keeps_what_was_typed(window, qtbot):
    page = window.applications
    app_id = next(r.id for r in page.visible_rows if r.name == "Alfa")
    page.table.selectRow(page.model.row_of(app_id))
    page.editor.edit(("name",), "Alfa – med nytt namn", merge=True)
    window.close()  # saves what is typed, then closes the file
    assert window.db is None
    reopened = close_at_end(files.open_file(window.path, create=False))
    assert applications.load(reopened, app_id).name == "Alfa – med nytt namn"


def test_print_makes_a_pdf_and_opens_it_in_the_viewer(window, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    page = window.applications
    app_id = next(r.id for r in page.visible_rows if r.diarienummer == "2019-012")
    page.table.selectRow(page.model.row_of(app_id))
    window.application_commands.print_application()
    pdf = Path(opened[0].toLocalFile())
    assert pdf.name == "ansokan-2019-012.pdf" and pdf.read_bytes().startswith(b"%PDF")


def test_blank_form_for_applicants(window, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda *a, **k: ("Samordningsförbundet Burlöv-Staffanstorp (version 5)", True))
    window.application_commands.print_blank()
    assert Path(opened[0].toLocalFile()).name == "formular-burlov-staffanstorp-v5.pdf"


def test_export_list_to_excel_exports_what_is_shown(window, tmp_path, monkeypatch, qtbot):
    import openpyxl
    target = tmp_path / "lista.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.keyClicks(window.applications.search, "ÖPPEN")
    window.application_commands.export_list()
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0][0] == "Diarienummer" and [r[1] for r in rows[1:]] == ["Öppen ingång"]


def test_new_file_and_recent_files(window, tmp_path, monkeypatch):
    target = tmp_path / "nytt förbund.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *a, **k: ("Samordningsförbundet Nytt", True))
    window.file_commands.new_file()
    assert window.windowTitle() == "nytt förbund.sqlite[*] – finsamdesk"
    assert window.applications.model.rowCount() == 0
    assert recent_files()[:2] == [str(target), str(tmp_path / "förbund.sqlite")]
    window.file_commands.open_path(tmp_path / "förbund.sqlite")
    assert window.applications.model.rowCount() == 7


def test_new_application_on_the_forbunds_default_form(window, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getItem", lambda parent, title, label, names, index,
                        editable: (names[index], True))
    window.application_commands.new_application()
    editor = window.applications.editor
    assert editor.app.template_id == "nnv-skane-2020"
    from datetime import date
    assert editor.app.diarienummer == f"{date.today().year}-006"  # five made today by the fixture
    assert window.applications.model.rowCount() == 8
    assert editor.findChild(QLineEdit, "answer_namn").hasFocus() or not window.isActiveWindow()


def test_the_self_test_opens_an_example_prints_a_pdf_and_passes(capsys):
    from finsamdesk.app import main

    assert main(["--self-test"]) == 0
    out = capsys.readouterr().out
    assert "OK   ansökan utskriven" in out and "OK   arbetskopia och sammanslagning" in out
    assert out.strip().endswith("självtest klart")
