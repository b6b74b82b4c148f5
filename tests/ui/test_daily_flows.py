"""Issue 14: the daily flows a förbundschef and a samordnare use, driven through the widgets."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from finsamdesk.services import applications
from finsamdesk.ui.main_window import MainWindow
from finsamdesk.ui.pages import PAGES, ROW


@pytest.fixture
def window(qtbot, seeded, tmp_path):
    w = MainWindow(seeded[0], tmp_path / "förbund.sqlite")
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


@pytest.fixture
def default_form(monkeypatch):
    monkeypatch.setattr(QInputDialog, "getItem", lambda parent, title, label, names, index, editable:
                        (names[index], True))


@pytest.mark.parametrize("start", [spec.id for spec in PAGES])
def test_ctrl_n_from_any_page_opens_the_new_application_with_the_cursor_in_its_name(window, qtbot, default_form,
                                                                                     start):
    window.show_page(start)
    before = {r.id for r in applications.list_rows(window.db)}
    qtbot.keyClick(window.stack.currentWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    new = {r.id for r in applications.list_rows(window.db)} - before
    assert len(new) == 1
    assert window.nav.currentRow() == ROW["applications"] and window.stack.currentWidget() is window.applications
    editor = window.applications.editor
    assert editor.current_id == new.pop() and editor.tabs.isVisible()
    focused = QApplication.focusWidget()
    assert focused is not None and focused.objectName() == "answer_namn"
    qtbot.keyClicks(focused, "Nya steg")
    assert editor.save_now()
    assert applications.load(window.db, editor.current_id).name == "Nya steg"
