import pytest

from finsamdesk.domain.registers import Organisation
from finsamdesk.services import applications, demo, demo_participants, files, registers
from finsamdesk.ui.main_window import MainWindow
from tests.fixtures.seed_applications import pas, spranget


@pytest.fixture
def seeded(db):
    sp = spranget()
    sp.diarienummer = "2021-001"
    applications.save(db, sp)
    ps = pas()
    ps.diarienummer = "2019-012"
    applications.save(db, ps)
    registers.save_organisation(db, Organisation("Klippans kommun", "212000-1108", "kommun", True))
    return db, sp.id, ps.id


@pytest.fixture
def db_path(tmp_path):
    """A real file made the way the window makes one, with a few applications; closed again."""
    path = tmp_path / "exempel förbund.sqlite"
    db = files.new_file(path, "Samordningsförbundet Filtest")
    for name in ("Åbergs insats", "Zeta-projektet", "Alfa"):
        applications.create(db, "neutral", name)
    db.conn.close()
    return path


@pytest.fixture
def example_window(qtbot, tmp_path):
    """Makes the main window over a new file with the example data, shown at `size`."""
    def make(today=None, size=(1300, 850)) -> MainWindow:
        path = tmp_path / "exempel.sqlite"
        db = files.new_file(path, "x")
        demo.create_example(db, today)
        w = MainWindow(db, path)
        qtbot.addWidget(w)
        w.resize(*size)
        w.show()
        return w
    return make


@pytest.fixture
def esf_editor(qtbot, db):
    """An application editor at 1366 × 700 over the file, with the seeds' own ESF applications imported by name
    ("iris", "connecto"); returns (editor, {name: application id})."""
    def make(*names: str):
        from finsamdesk.services import exchange
        from finsamdesk.ui.applications.editor import ApplicationEditor
        from tests.fixtures.esf import json_text

        ids = {name: exchange.import_application_json(db, json_text(name)).id for name in names}
        editor = ApplicationEditor()
        qtbot.addWidget(editor)
        editor.set_database(db)
        editor.resize(1366, 700)
        editor.show()
        return editor, ids
    return make


@pytest.fixture
def asked(monkeypatch):
    """Answers the passphrase dialog with `asked.answer`; counts how often it was shown."""
    class Answer:
        answer = demo_participants.EXAMPLE_PASSPHRASE
        count = 0

    def exec_(dialog):
        Answer.count += 1
        for field in dialog.fields.values():
            field.setText(Answer.answer)
        dialog._accept()
        Answer.message = dialog.message.text()
        return dialog.result()

    from finsamdesk.ui.participants import dialogs

    monkeypatch.setattr(dialogs.PassphraseDialog, "exec", exec_)
    return Answer
