"""The window's pages by their ids: every page offers what the window asks of it, layouts saved under the old
Swedish keys are kept, and the menus' commands keep the file's lock."""
from __future__ import annotations

import importlib

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QSplitter

from finsamdesk import paths
from finsamdesk.services import files
from finsamdesk.ui.main_window import MainWindow
from finsamdesk.ui.pages import PAGES, ROW, Page

PAGE_MEMBERS = ("search", "splitter", "undo_stack", "changed", "set_database", "shown", "leave", "save_if_dirty")


def test_the_protocol_names_what_the_window_asks():
    assert {m for m in dir(Page) if not m.startswith("_")} == set(PAGE_MEMBERS)


@pytest.mark.parametrize("spec", PAGES, ids=[s.id for s in PAGES])
def test_every_page_offers_what_the_window_asks(qtbot, spec):
    assert spec.id.isascii() and spec.id.isidentifier()
    page = getattr(importlib.import_module(f"finsamdesk.ui.{spec.module}"), spec.cls)()
    qtbot.addWidget(page)
    missing = [m for m in PAGE_MEMBERS if not hasattr(page, m)]
    assert not missing, f"{spec.cls} lacks {missing}"
    assert page.save_if_dirty() is True, "a page with nothing typed has nothing to save"
    if spec.opens_items:
        assert hasattr(page, "open_application") and hasattr(page, "open_insats")


def _settings() -> QSettings:
    return QSettings(str(paths.settings_file()), QSettings.Format.IniFormat)


def test_a_layout_saved_under_the_swedish_label_is_kept_and_moves_to_the_id(qtbot, db_path):
    old = QSplitter(Qt.Orientation.Horizontal)
    qtbot.addWidget(old)
    for _ in range(2):
        old.addWidget(QSplitter())
    old.resize(900, 400)
    old.setSizes([250, 650])
    store = _settings()
    store.setValue("splitter/Organisationer", old.saveState())
    store.sync()
    window = MainWindow(files.open_file(db_path, create=False), db_path)
    qtbot.addWidget(window)
    window.resize(1300, 850)
    window.show()
    window.nav.setCurrentRow(ROW["organisations"])
    sizes = window.organisations.splitter.sizes()
    assert sizes[0] < sizes[1], f"the saved layout (narrow list) is restored: {sizes}"
    window.close()
    store = _settings()
    assert store.value("splitter/organisations") is not None
    assert store.value("splitter/Organisationer") is None, "the old key is read once"


def test_the_forbunds_settings_keep_the_file_locked(qtbot, db_path, monkeypatch):
    from finsamdesk.ui.registers.forbund_dialog import ForbundDialog

    db, lock = files.open_for_writing(db_path)
    window = MainWindow(db, db_path, lock)
    qtbot.addWidget(window)
    monkeypatch.setattr(ForbundDialog, "exec", lambda dialog: 1)
    window.file_commands.edit_forbund()
    assert window.lock is lock
    assert (db_path.parent / f"{db_path.name}.lock").exists(), "another window cannot open the file for writing"
    window.close()


def test_new_application_and_the_blank_form_offer_the_forms_for_received_applications(qtbot, db_path,
                                                                                      monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from finsamdesk.services.templates import list_templates

    offered = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda parent, title, label, names, *a: (offered.append(names),
                                                                                          ("", False))[1])
    window = MainWindow(files.open_file(db_path, create=False), db_path)
    qtbot.addWidget(window)
    window.application_commands.new_application()
    window.application_commands.print_blank()
    received = [t.name for t in list_templates() if not t.outgoing]
    assert offered == [received, received]
    assert len(received) < len(list_templates()), "the ESF forms exist, and are not offered here"
