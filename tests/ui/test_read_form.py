"""Ansökan → Läs in ifylld blankett…: the review dialog and the window's command, driven as a user would."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox, QPlainTextEdit

from finsamdesk.services import applications, form_reader
from finsamdesk.ui.applications.read_form_dialog import ReadFormDialog
from finsamdesk.ui.main_window import MainWindow
from tests.fixtures import seed_forms, seed_pdfs
from tests.fixtures.form_compare import assert_same_form
from tests.fixtures.seed_applications import pas, spranget


@pytest.fixture
def pas_pdf(tmp_path) -> Path:
    path = tmp_path / "PAS #2 (kopia) 50%.pdf"
    path.write_bytes(seed_pdfs.pas_pdf())
    return path


@pytest.fixture
def spranget_docx(tmp_path) -> Path:
    path = tmp_path / "Språnget ansökan ?.docx"
    path.write_bytes(seed_forms.spranget_docx())
    return path


def dialog_for(qtbot, db, path) -> ReadFormDialog:
    dialog = ReadFormDialog(db, form_reader.read_file(path))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_review_shows_each_field_beside_its_source_and_the_wrong_total(qtbot, db, pas_pdf):
    dialog = dialog_for(qtbot, db, pas_pdf)
    texts = [dialog.findings.item(i).text().replace("\u202f", " ") for i in range(dialog.findings.count())]
    assert texts[0].startswith("Fel: Summa kostnader för År 2020 är 735 000 kr i filen, men raderna blir 635 000 kr")
    name_row = dialog.rows["name"]
    source = dialog.grid.itemAtPosition(name_row, 1).widget()
    assert isinstance(source, QPlainTextEdit) and source.isReadOnly()
    assert source.toPlainText() == "Projekt för aktivitet och självständighet (PAS)"
    assert dialog.grid.itemAtPosition(dialog.rows["budget"], 0).widget().text().startswith("⚠")
    dialog.findings.itemClicked.emit(dialog.findings.item(0))  # goes to the budget; no error
    assert dialog.budget.item(0, 1).text().replace("\u202f", " ") == "550 000 kr"
    assert dialog.budget.item(6, 1).text().replace("\u202f", " ") == "635 000 kr"  # the sum the app computes


def test_corrected_values_are_saved_with_the_file_in_the_history(qtbot, db, pas_pdf):
    dialog = dialog_for(qtbot, db, pas_pdf)
    dialog.participants.setText("55")
    dialog.budget.item(0, 1).setText("560 000")  # Personalkostnader 2020
    assert dialog.budget.item(6, 1).text().replace("\u202f", " ") == "645 000 kr"
    dialog._save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = applications.load(db, dialog.saved.id)
    expected = pas()
    expected.planned_participants = 55
    expected.budget.set("Personalkostnader", "sought", 2020, 560_000_00)
    assert_same_form(saved, expected)
    assert saved.history[0].note.startswith("Inläst från PAS #2 (kopia) 50%.pdf")


def test_a_value_that_cannot_be_read_is_named_and_nothing_is_saved(qtbot, db, spranget_docx):
    dialog = dialog_for(qtbot, db, spranget_docx)
    assert dialog.budget.item(6, 2).text() == ""  # Sökta medel 2021 is empty: its sum prints blank, as on the form
    assert dialog.budget.item(6, 3).text().replace("\u202f", " ") == "1 180 tkr"
    dialog.budget.item(0, 3).setText("tusen kronor")
    dialog.signed_on.setText("31 februari 2021")
    dialog._save()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.saved is None
    message = dialog.message.text()
    assert "Inget sparades" in message and "Budget, Personal" in message and "31 februari 2021" in message
    assert applications.list_rows(db) == []


def test_choosing_another_template_reads_the_file_again(qtbot, db, spranget_docx):
    dialog = dialog_for(qtbot, db, spranget_docx)
    assert dialog.name.text().startswith("Språnget")
    dialog.template_box.setCurrentIndex(dialog.template_box.findData("burlov-staffanstorp-v5"))
    assert dialog.proposal.reading.template.id == "burlov-staffanstorp-v5"
    assert dialog.name.text() == ""
    assert "Ej placerad text från" in dialog.note.toPlainText()


@pytest.mark.parametrize("size", [(1366, 768), (1280, 720), (1920, 1080)])
def test_dialog_fits_the_screen_sizes(qtbot, db, pas_pdf, size):
    dialog = dialog_for(qtbot, db, pas_pdf)
    dialog.resize(int(size[0] * 0.92), int(size[1] * 0.9) - 40)
    qtbot.wait(10)
    assert dialog.findings.isVisible() and dialog.scroll.isVisible()
    assert dialog.scroll.height() > 250  # the fields, not only the findings, are on screen
    assert all(isinstance(dialog.grid.itemAtPosition(r, 2).widget(), (QLineEdit, QPlainTextEdit))
               for r in (dialog.rows["name"], dialog.rows["section:bakgrund"]))


def test_window_command_reads_saves_and_selects_the_new_application(qtbot, db, tmp_path, spranget_docx,
                                                                       monkeypatch):
    window = MainWindow(db, tmp_path / "förbund.sqlite")
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(ReadFormDialog, "exec", lambda self: (self._save(), self.result())[1])
    app_id = window.application_commands.read_form(str(spranget_docx))
    assert app_id is not None
    assert window.applications.editor.current_id == app_id
    assert_same_form(applications.load(db, app_id), spranget())


def test_window_command_says_why_a_file_cannot_be_read(qtbot, db, tmp_path, monkeypatch):
    window = MainWindow(db, tmp_path / "förbund.sqlite")
    qtbot.addWidget(window)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    scanned = tmp_path / "skannad.pdf"
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(scanned))
    c.rect(40, 40, 300, 300, fill=1)
    c.save()
    assert window.application_commands.read_form(str(scanned)) is None
    assert "inskannad" in shown[0]


def test_unknown_form_asks_which_template(qtbot, db, tmp_path, monkeypatch):
    from docx import Document

    doc = Document()
    doc.add_paragraph("Ett brev")
    path = tmp_path / "brev.docx"
    doc.save(path)
    window = MainWindow(db, tmp_path / "förbund.sqlite")
    qtbot.addWidget(window)
    asked = []
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getItem",
                        lambda parent, title, label, names, *a: (asked.append(label), (names[0], False))[1])
    assert window.application_commands.read_form(str(path)) is None
    assert "liknar ingen av förbundets formulärmallar" in asked[0]


def test_save_as_word_writes_a_docx_that_reads_back(qtbot, db, tmp_path, monkeypatch):
    window = MainWindow(db, tmp_path / "förbund.sqlite")
    qtbot.addWidget(window)
    window.show()
    app = pas()
    app.diarienummer = "2019-012"
    applications.save(db, app)
    window.applications.reload(keep=app.id)
    window.applications.select_application(app.id)
    target = tmp_path / "ut ö #1.docx"
    monkeypatch.setattr("finsamdesk.ui.file_out.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    window.application_commands.save_word()
    assert_same_form(form_reader.read_file(target).app, pas())
