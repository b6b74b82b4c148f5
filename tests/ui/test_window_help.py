"""Visa → Större text / Mindre text / Normal textstorlek, Hjälp → Kortkommandon and Om finsamdesk, the Swedish
names of keys and buttons, and one name for every export, as a user meets them in the window."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMenu, QPushButton

from finsamdesk import __version__, paths
from finsamdesk.services import backups
from finsamdesk.ui import swedish
from finsamdesk.ui.main_window import MainWindow
from finsamdesk.ui.meetings.meeting_form import NewMeetingDialog
from finsamdesk.ui.pages import PAGES
from finsamdesk.ui.settings import settings


@pytest.fixture
def in_swedish(qapp):
    """The translations the program installs at start (app.main), taken away again after the test."""
    installed = swedish.install(qapp)
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


@pytest.fixture
def window(qtbot, seeded, tmp_path):
    w = MainWindow(seeded[0], tmp_path / "förbund.sqlite")
    qtbot.addWidget(w)
    w.show()
    yield w
    w.text_size.normal()  # the application's font is shared by the tests that follow


@pytest.fixture
def shown(monkeypatch):
    """The dialogs a command shows, instead of waiting for the user to close them."""
    dialogs: list[QDialog] = []

    def exec_(dialog):
        dialogs.append(dialog)
        return 0

    monkeypatch.setattr(QDialog, "exec", exec_)
    return dialogs


def _action(w: MainWindow, menu: str, text: str):
    for top in w.menuBar().actions():
        if top.text().replace("&", "") == menu:
            for action in top.menu().actions():
                if action.text().replace("&", "").removesuffix("…") == text:
                    return action
    raise AssertionError(f"{menu} → {text} is not in the menus")


def test_text_size_from_the_keyboard_for_the_whole_window_and_remembered(window, qtbot, seeded, tmp_path):
    normal = QApplication.font().pointSizeF()
    label = window.applications.findChild(QPushButton)
    before = label.font().pointSizeF()
    nav = window.nav.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() == normal + 2
    QApplication.processEvents()  # the widgets hear of the new font by an event
    assert label.font().pointSizeF() == before + 2 and window.nav.font().pointSizeF() > nav
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() == normal + 1
    assert "\ntext_size=1\n" in paths.settings_file().read_text(encoding="utf-8"), "an ASCII key in the INI"

    font = QApplication.font()
    font.setPointSizeF(normal)
    QApplication.setFont(font)  # as at a new start: the size comes from the settings
    again = MainWindow(seeded[0], tmp_path / "förbund.sqlite")
    qtbot.addWidget(again)
    assert again.text_size.step == 1 and QApplication.font().pointSizeF() == normal + 1
    _action(again, "Visa", "Normal textstorlek").trigger()
    assert QApplication.font().pointSizeF() == normal and settings().value("text_size") in (0, "0")
    for _ in range(30):
        again.text_size.smaller()
    assert QApplication.font().pointSizeF() >= normal - 2, "never too small to read"


def test_kortkommandon_lists_every_key_of_the_menus_as_swedish_shows_them(window, shown, in_swedish):
    _action(window, "Hjälp", "Kortkommandon").trigger()
    rows = {(shown[-1].table.item(r, 1).text(), shown[-1].table.item(r, 2).text())
            for r in range(shown[-1].table.rowCount())}
    assert ("Nästa steg", "Ctrl+Retur") in rows and ("Presentera mötet", "F5") in rows
    assert ("Större text", "Ctrl++ eller Ctrl+=") in rows and ("Normal textstorlek", "Ctrl+0") in rows
    assert ("Gör om", "Ctrl+Y eller Ctrl+Skift+Z") in rows
    assert len(rows) >= 2 + len(PAGES) + 10 and not [keys for _, keys in rows if "Return" in keys]
    keys = [k for _, both in rows for k in both.split(" eller ")]
    assert sorted({k for k in keys if keys.count(k) > 1}) == [], "a key that does two things does neither"
    ok = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert [b.text() for b in ok.buttons()] == ["OK", "Avbryt"]
    dialog = NewMeetingDialog(window)
    assert "OK" in [b.text() for b in dialog.findChildren(QPushButton)]


def test_om_finsamdesk_says_the_version_the_file_and_where_backups_and_the_log_are(window, shown, tmp_path):
    _action(window, "Hjälp", "Om finsamdesk").trigger()
    fields = {label: shown_label.text() for label, shown_label in shown[-1].fields.items()}
    assert fields["Version"] == __version__ and fields["Öppen fil"] == str(tmp_path / "förbund.sqlite")
    assert fields["Säkerhetskopior"] == str(backups.folder(tmp_path / "förbund.sqlite"))
    assert fields["Loggfil"].startswith(str(paths.log_dir(ensure=False)))
    assert fields["Inställningar"] == str(paths.settings_file(ensure=False))


EXPORT = {"Excel": r"(Exportera( \w+)* till|Importera från) Excel…", "PDF": r"Spara( \w+)* som PDF…?",
          "Word": r"Spara( \w+)* som Word…"}


def test_every_export_has_one_name_in_menus_and_buttons(window):
    texts = []

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            texts.append(action.text().replace("&", ""))
            if action.menu():
                walk(action.menu())

    walk(window.menuBar())
    for spec in PAGES:
        page = window.page(spec.id)
        texts += [b.text().replace("&", "") for b in page.findChildren(QPushButton)]
        for button in page.findChildren(QPushButton):
            if button.menu():
                walk(button.menu())
    odd = sorted({t for t in texts for word, pattern in EXPORT.items()
                  if re.search(rf"\b{word}\b", t) and not re.fullmatch(pattern, t)})
    assert odd == []
    assert "Spara protokollet som PDF…" in texts and "Exportera till Excel…" in texts


def test_empty_pages_say_what_to_do_first_instead_of_a_grey_form(qtbot, db, tmp_path, monkeypatch):
    from datetime import date

    from finsamdesk.ui.empty_hint import EmptyHint

    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.question", lambda *a, **k: 0)
    w = MainWindow(db, tmp_path / "tom.sqlite")
    qtbot.addWidget(w)
    w.show()
    said = {}
    for page_id in ("insatser", "meetings", "participants"):
        page = w.show_page(page_id)
        hint = page.findChild(EmptyHint)
        assert hint is not None and hint.currentWidget() is hint.label and hint.label.isVisible(), page_id
        said[page_id] = hint.label.text()
    assert "Skapa en med Ny insats" in said["insatser"]
    assert "Börja med Nytt möte…" in said["meetings"]
    assert "Skapa först insatsen under Insatser" in said["participants"]

    meetings_page = w.show_page("meetings")
    meetings_page.new_meeting("styrelse", date(2026, 12, 15), "13.00", "Kommunhuset")
    hint = meetings_page.findChild(EmptyHint)
    assert hint.currentWidget() is meetings_page.tabs and meetings_page.tabs.isVisible()


def test_deltagare_are_participants_and_meeting_attendees_are_motesdeltagare(window):
    from datetime import date

    page = window.show_page("meetings")
    page.new_meeting("styrelse", date(2026, 12, 15), "13.00", "Kommunhuset")
    texts = [b.text() for b in page.findChildren(QPushButton)] + [page.message.text()]
    texts += [page.tabs.tabText(i) for i in range(page.tabs.count())]
    texts += [page.form.attendees.horizontalHeaderItem(c).text() for c in range(page.form.attendees.columnCount())]
    assert [t for t in texts if re.search(r"(?<!mötes)deltagare", t, re.IGNORECASE)] == []
    assert "Ny mötesdeltagare" in texts and "Mötet och mötesdeltagare" in texts


def test_a_key_given_twice_is_set_once(qtbot):
    """Redo is given its standard key and Ctrl+Shift+Z; on a Linux desktop they are the same key, and Kortkommandon
    said "Ctrl+Skift+Z eller Ctrl+Skift+Z" (offscreen the standard key is Ctrl+Y: the window's test cannot see it)."""
    from PySide6.QtGui import QAction, QKeySequence

    from finsamdesk.ui.window_context import set_shortcut

    action = QAction("Gör om")
    set_shortcut(action, QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Shift+Z"), QKeySequence())
    assert [k.toString() for k in action.shortcuts()] == ["Ctrl+Shift+Z"]
