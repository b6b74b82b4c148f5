"""The list model's sorting, the registers' forms, the status bar, remembered layout, and app start."""
import os
import subprocess
import sys
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from finsamdesk.domain.registers import Contact, Organisation
from finsamdesk.services import applications, files, registers
from finsamdesk.store.applications import ApplicationRow
from finsamdesk.ui.applications.table_model import ApplicationTableModel
from finsamdesk.ui.main_window import MainWindow
from finsamdesk.ui.pages import ROW
from finsamdesk.ui.settings import MAX_RECENT, recent_files, remember_file


def row(id_, name, start=None, next_step=None, sought=0):
    return ApplicationRow(id_, f"2024-{id_:03d}", name, "Sökande", start, None, sought, "utkast", next_step, "neutral")


def column(model, c):
    return [model.data(model.index(r, c)) for r in range(model.rowCount())]


def test_model_sorts_empty_cells_last_in_both_directions_and_formats_cells(qtmodeltester):
    model = ApplicationTableModel()
    model.set_rows([row(1, "Öberg", date(2023, 1, 1), date(2024, 2, 1), 113_000_000), row(2, "", None, None),
                    row(3, "Ängel", date(2022, 1, 1), date(2024, 3, 1), 5_000)])
    qtmodeltester.check(model)
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        for c in (1, 3, 7):
            model.sort(c, order)
            assert model.row_id(2) == 2, (c, order)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert column(model, 1) == ["Ängel", "Öberg", ""]
    assert column(model, 3)[0] == "2022-01-01 – ?"
    model.sort(4, Qt.SortOrder.DescendingOrder)
    assert column(model, 4)[0].replace("\u202f", " ").replace("\xa0", " ") == "1 130 000 kr"
    assert model.data(model.index(0, 4), Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole) == "Öberg"


@pytest.fixture
def window(qtbot, db_path):
    w = MainWindow(files.open_file(db_path, create=False), db_path)
    qtbot.addWidget(w)
    w.show()
    return w


def test_the_window_names_the_file_and_counts_what_it_holds(window, db_path):
    assert window.windowTitle() == "exempel förbund.sqlite[*] – finsamdesk"
    assert str(db_path) in window.path_label.text()
    assert window.counts_label.text() == "3 ansökningar · 0 organisationer · 0 kontaktpersoner"
    page = window.organisations
    page.start_new()
    page.fields["name"].setText("Bjuvs kommun")
    assert page.save_current()
    assert window.counts_label.text() == "3 ansökningar · 1 organisation · 0 kontaktpersoner"


def test_recent_files_keep_eight_and_grey_out_missing_files(window, tmp_path):
    for i in range(10):
        remember_file(tmp_path / f"fil{i}.sqlite")
    assert len(recent_files()) == MAX_RECENT and recent_files()[0] == str(tmp_path / "fil9.sqlite")
    window.file_commands.recent_menu.aboutToShow.emit()
    actions = window.file_commands.recent_menu.actions()
    assert [a.text() for a in actions] == recent_files()
    assert not any(a.isEnabled() for a in actions)  # none of them exists
    remember_file(window.path)
    window.file_commands.recent_menu.aboutToShow.emit()
    assert window.file_commands.recent_menu.actions()[0].isEnabled()


def test_the_splitters_are_remembered(qtbot, window, db_path):
    window.nav.setCurrentRow(ROW["organisations"])
    window.organisations.splitter.setSizes([300, 600])
    window.nav.setCurrentRow(ROW["applications"])
    total = sum(window.applications.splitter.sizes())
    window.applications.splitter.setSizes([total - 250, 250])  # the whole height: no share is stretched
    sizes = window.applications.splitter.sizes(), window.organisations.splitter.sizes()
    window.close()
    again = MainWindow(files.open_file(db_path, create=False), db_path)
    qtbot.addWidget(again)
    again.resize(window.size())  # the offscreen platform does not give back the saved geometry
    again.show()
    again.nav.setCurrentRow(ROW["organisations"])
    again.nav.setCurrentRow(ROW["applications"])
    assert (again.applications.splitter.sizes(), again.organisations.splitter.sizes()) == sizes
    assert sizes[0][1] == 250 and sizes[1] != [212, 424]


def test_contact_with_a_free_text_organisation_and_an_organisation_in_use_is_not_deleted(window, monkeypatch):
    org = registers.save_organisation(window.db, Organisation("Bjuvs kommun", kind="kommun"))  # noqa: F841
    org_id = next(o.id for o in registers.organisations(window.db) if o.name == "Bjuvs kommun")
    registers.save_contact(window.db, Contact("Eva Exempel", org_id))
    page = window.contacts
    page.reload()
    page.start_new()
    page.fields["name"].setText("Åsa Fritext")
    page.organisation.setEditText("Ideell förening Ö")
    assert page.save_current()
    saved = next(c for c in registers.contacts(window.db) if c.name == "Åsa Fritext")
    assert (saved.organisation_id, saved.organisation_text) == (None, "Ideell förening Ö")
    assert [page.table.item(r, 0).text() for r in range(page.table.rowCount())] == ["Eva Exempel", "Åsa Fritext"]

    orgs = window.organisations
    orgs.reload()
    orgs.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    orgs.delete_current()
    assert "används av 1" in orgs.message.text()
    assert [o.name for o in registers.organisations(window.db)] == ["Bjuvs kommun"]


def test_ctrl_f_focuses_the_filter_of_the_page_shown(window, qtbot):
    window.activateWindow()
    window.nav.setCurrentRow(ROW["contacts"])
    window.focus_search()
    assert window.stack.currentWidget() is window.contacts
    window.nav.setCurrentRow(ROW["applications"])
    window.applications.search.setText("alf")
    assert [r.name for r in window.applications.visible_rows] == ["Alfa"]
    assert applications.list_rows(window.db)  # the filter does not touch the file


def test_app_starts_with_example_data_and_quits_when_shown(tmp_path):
    env = dict(os.environ, FINSAMDESK_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "finsamdesk", "--demo", "--quit-when-shown"], check=False, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.split()
    assert lines[0] == "shown" and 0 < float(lines[1]) < 30


def test_the_first_window_fits_a_small_screen_and_a_remembered_one_comes_back(qtbot, tmp_path):
    """The first time (nothing remembered) the window is 1280 × 820 where the screen has room, else the screen's free
    area less the frame: on a 1366 × 768 laptop its status bar stood below the screen. (Offscreen the screen is
    800 × 800.) A size the user chose is remembered as before."""
    from finsamdesk.ui import screen_fit
    from finsamdesk.ui import settings as window_settings

    window = MainWindow(None, tmp_path / "f.sqlite")
    qtbot.addWidget(window)
    free = window.screen().availableGeometry()
    expected = (min(1280, free.width() - screen_fit.MARGIN[0]), min(820, free.height() - screen_fit.MARGIN[1]))
    assert (window.width(), window.height()) == expected and expected[0] < 1280
    window.resize(700, 500)
    window_settings.save_geometry(window)
    again = MainWindow(None, tmp_path / "f.sqlite")
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 500)


def test_a_window_or_dialog_larger_than_the_free_screen_is_made_to_fit(qtbot):
    """screen_fit.fit, for the main window's first size, the shortcuts list (up to 720 high) and the working-copy
    dialogs: never more than the screen's free area less the frame and a panel."""
    from PySide6.QtWidgets import QDialog

    from finsamdesk.ui import screen_fit

    dialog = QDialog()
    qtbot.addWidget(dialog)
    free = dialog.screen().availableGeometry()
    screen_fit.fit(dialog, 3000, 3000)
    assert (dialog.width(), dialog.height()) == (free.width() - 40, free.height() - 60)
    screen_fit.fit(dialog, 300, 200)
    assert (dialog.width(), dialog.height()) == (300, 200)
