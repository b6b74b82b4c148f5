"""Issue 14: the daily flows a förbundschef and a samordnare use, driven through the widgets."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

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


# ---------------------------------------------------------------- 2, 3: a new participant
@pytest.fixture
def register(example_window, asked, answers, qtbot):
    """The example's Deltagare page, unlocked, its Register tab in view."""
    w = example_window()
    w.nav.setCurrentRow(ROW["participants"])
    qtbot.waitUntil(lambda: w.participants.key is not None)
    return w.participants.register


@pytest.fixture
def answers(monkeypatch):
    """QMessageBox.question answered from `answers.queue` (Yes when empty); the questions asked are kept."""
    class Answers:
        queue: list = []
        asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):
        Answers.asked.append(text)
        return Answers.queue.pop(0) if Answers.queue else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return Answers


def _insats_counting(tab, mode: str) -> tuple[int, str]:
    from finsamdesk.services import participants

    chosen = [(c.id, c.name) for c in participants.insatser(tab.db) if participants.mode_of(tab.db, c.id) == mode]
    return chosen[-1]  # the last by name: never the one a fallback to "the first" would give


def test_ny_deltagare_with_the_register_filtered_to_an_insats_is_for_that_insats(register, qtbot):
    insats_id, name = _insats_counting(register, "individ")
    register.insats.setCurrentIndex(register.insats.findData(insats_id))
    qtbot.mouseClick(register.new_button, Qt.MouseButton.LeftButton)
    assert register.form.fields["insats_id"].currentData() == insats_id
    assert register.form.fields["insats_id"].currentText() == name


def test_ny_deltagare_for_an_insats_that_only_counts_asks_to_switch_it(register, answers, qtbot):
    from finsamdesk.services import participants

    insats_id, name = _insats_counting(register, "antal")
    register.insats.setCurrentIndex(register.insats.findData(insats_id))
    answers.queue = [QMessageBox.StandardButton.No]
    qtbot.mouseClick(register.new_button, Qt.MouseButton.LeftButton)
    assert len(answers.asked) == 1 and name in answers.asked[0] and "antal" in answers.asked[0].lower()
    assert not register.form.isEnabled(), "no form for another insats"
    assert name in register.message.text() and participants.mode_of(register.db, insats_id) == "antal"

    qtbot.mouseClick(register.new_button, Qt.MouseButton.LeftButton)  # Yes: the insats keeps a register now
    assert participants.mode_of(register.db, insats_id) == "individ"
    assert register.mode.currentData() == "individ"
    assert register.form.isEnabled() and register.form.fields["insats_id"].currentData() == insats_id
    register.page.undo_stack.undo()
    assert participants.mode_of(register.db, insats_id) == "antal"


def _personnummer() -> str:
    from finsamdesk.domain.identifiers import luhn_check_digit

    return "19850315-123" + luhn_check_digit("850315123")


def test_a_new_participant_takes_personnummer_and_name_as_typed_at_once(register, qtbot):
    from finsamdesk.services import participants

    insats_id, _ = _insats_counting(register, "individ")
    register.insats.setCurrentIndex(register.insats.findData(insats_id))
    qtbot.mouseClick(register.new_button, Qt.MouseButton.LeftButton)
    f = register.form.fields
    qtbot.keyClicks(f["personnummer"], _personnummer())
    qtbot.keyClicks(f["name"], "Test Testsson")
    assert f["personnummer"].text() == _personnummer() and f["name"].text() == "Test Testsson"
    qtbot.keyClicks(f["consent_date"], "2026-01-05")
    qtbot.keyClicks(f["consent_how"], "Skriftligt")
    qtbot.mouseClick(register.form.save_button, Qt.MouseButton.LeftButton)
    saved = participants.load(register.db, register.current_id, register.page.key)
    assert (saved.personnummer.replace("-", ""), saved.name) == (_personnummer().replace("-", ""), "Test Testsson")


def test_typing_in_a_masked_field_says_it_is_masked_and_changes_nothing(register, qtbot):
    from finsamdesk.services import participants

    register.table.selectRow(0)
    form, f = register.form, register.form.fields
    before = participants.load(register.db, register.current_id, register.page.key)
    assert "dold" in f["name"].toolTip().lower()
    qtbot.keyClicks(f["name"], "X")
    assert f["name"].text() == "••••••••"
    assert "Visa" in form.messages["name"].text() and form.messages["name"].isVisible()
    qtbot.mouseClick(form.reveal_button, Qt.MouseButton.LeftButton)
    assert f["name"].text() == before.name and not form.messages["name"].isVisible()


def test_a_new_participant_while_the_register_is_locked_says_why_the_identifiers_wait(register, qtbot):
    register.page.lock()
    insats_id, _ = _insats_counting(register, "individ")
    register.insats.setCurrentIndex(register.insats.findData(insats_id))
    qtbot.mouseClick(register.new_button, Qt.MouseButton.LeftButton)
    f, form = register.form.fields, register.form
    assert "låst" in f["personnummer"].placeholderText().lower()
    qtbot.keyClicks(f["personnummer"], "1")
    assert f["personnummer"].text() == "" and "Visa" in form.messages["personnummer"].text()
