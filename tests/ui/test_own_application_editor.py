"""The editor of an own ESF application as a user drives it: typing an amount recomputes the funder's figures and
their warnings at once, choices tick, tables take rows, undo takes it all back, the decision spreads the funder's
sum, and the list filters by kind."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QRadioButton, QTableWidget

from finsamdesk.services import applications, exchange
from finsamdesk.ui.applications.list_page import ApplicationsPage
from finsamdesk.ui.applications.workflow_dialog import WorkflowDialog
from tests.fixtures.esf import json_text


@pytest.fixture
def own(esf_editor, db):
    e, ids = esf_editor("iris", "connecto")
    return e, db, ids["iris"], ids["connecto"]


def tab(e, name: str) -> None:
    index = next(i for i in range(e.tabs.count()) if e.tabs.tabText(i).startswith(name))
    e.tabs.setCurrentIndex(index)


def figure(e, name: str) -> str:
    return e.findChild(QLabel, f"figure_{name}").text()


def test_an_own_application_opens_on_its_funders_form(own):
    e, _db, iris, _ = own
    e.open_application(iris)
    names = [e.tabs.tabText(i) for i in range(e.tabs.count())]
    assert names[:5] == ["Formulär", "Projekt och sökande", "Aktörer", "Delprojekt och risker", "Budget"]
    assert names[5].startswith("Granskning (") and names[-1] == "Historik"
    assert figure(e, "esf_stod") == "11\u00a0782\u00a0527 kr".replace("\u00a0", " ")
    assert figure(e, "esf_stod_pct") == "47,00 %"
    assert "Komplett" in e.completeness.text() and "att granska" in e.completeness.text()


def test_typing_an_amount_recomputes_the_overview_and_warns_next_to_the_share(own, qtbot):
    e, db, iris, _ = own
    e.open_application(iris)
    tab(e, "Budget")
    tree = e.findChild(QTableWidget, "cost_tree")
    row = next(r for r in range(tree.rowCount()) if tree.item(r, 0).text().strip() == "Egeninsats")
    tree.item(row, 1).setText("12 000 000")
    assert figure(e, "avgar_kontant") == "12 000 000 kr"
    assert figure(e, "medfinansiering_pct") == "47,87 %"
    assert "lägre än utlysningens krav 53,00 %" in e.findChild(QLabel, "note_medfinansiering_pct").text()
    tree.item(row, 1).setText("tolv miljoner")
    assert e.app.esf.cost_cells[("off_agare", "Egeninsats")] == 12_000_000_00  # refused, nothing changed
    e.undo_stack.undo()  # the refused text
    assert tree.item(row, 1).text() == "12 000 000"
    e.undo_stack.undo()
    assert figure(e, "avgar_kontant") == "13 286 572 kr" and tree.item(row, 1).text() == "13 286 572"
    assert e.findChild(QLabel, "note_medfinansiering_pct").text() == ""
    qtbot.waitUntil(lambda: applications.load(db, iris).esf.cost_cells[("off_agare", "Egeninsats")]
                    == 13_286_572_00, timeout=3000)


def test_a_rate_of_the_call_changes_every_personal_line_of_its_level(own):
    e, _db, _iris, connecto = own
    e.open_application(connecto)
    tab(e, "Budget")
    rates = e.findChild(QTableWidget, "rates")
    level_5 = next(r for r in range(rates.rowCount()) if rates.item(r, 0).text() == "5")
    rates.item(level_5, 1).setText("720,00")
    assert e.app.esf.call.rates[5] == 72_000
    # the three level-5 lines (100 %, 50 %, 50 %) become 2 167 200 + 1 083 600 + 1 083 600 kr: 28 293 kr more
    assert figure(e, "kostnader") == "12 348 561 kr"
    e.undo_stack.undo()
    assert figure(e, "kostnader") == "12 320 268 kr"


def test_choices_tick_and_undo(own):
    e, _db, iris, _ = own
    e.open_application(iris)
    button = e.findChild(QRadioButton, "choice_statsstod_0")  # Ja
    button.click()
    assert e.app.sections["statsstod"] == "Ja"
    assert not e.findChild(QRadioButton, "choice_statsstod_2").isChecked()
    review = e.findChild(QListWidget, "review")
    assert any("Svaret är ”Ja”" in review.item(i).text() for i in range(review.count()))
    e.undo_stack.undo()
    assert e.app.sections["statsstod"] == "Nej, Vi är en myndighet"
    assert e.findChild(QRadioButton, "choice_statsstod_2").isChecked()


def test_project_fields_and_the_required_share(own):
    e, _db, _iris, connecto = own
    e.open_application(connecto)
    tab(e, "Projekt")
    share = e.findChild(QLineEdit, "required_share")
    share.setText("50")
    share.editingFinished.emit()
    assert e.app.esf.call.required_cofinancing_bp == 5000
    assert "lägre än utlysningens krav 50 %" in e.findChild(QLabel, "note_medfinansiering_pct").text()
    share.setText("femtio")
    share.editingFinished.emit()
    assert e.app.esf.call.required_cofinancing_bp == 5000
    name = e.findChild(QLineEdit, "esf_applicant_name")
    assert name.text() == "SAMORDNINGSFÖRBUNDET ÖSTRA SÖDERTÖRN"


def test_the_decision_spreads_the_funders_sum_over_the_years(own, qtbot):
    e, db, iris, _ = own
    applications.change_status(db, iris, "inskickad", date(2020, 3, 31))
    app = applications.load(db, iris)
    dialog = WorkflowDialog(db, app, "ESF-rådet", e, today=date(2020, 6, 10))
    qtbot.addWidget(dialog)
    steps = [dialog.step.itemData(i) for i in range(dialog.step.count())]
    assert steps == ["beviljad", "delvis_beviljad", "avslag", "atertagen"]
    dialog.step.setCurrentIndex(0)
    assert sorted(dialog.granted) == [2020, 2021, 2022, 2023]
    dialog.accept()
    assert applications.load(db, iris).status == "beviljad"
    assert sum(applications.load(db, iris).granted_by_year.values()) == 11_782_527_00


def test_the_list_filters_by_kind(qtbot, db):
    exchange.import_application_json(db, json_text("connecto"))
    applications.create(db, "neutral", "Lokal insats", date(2024, 1, 2))
    page = ApplicationsPage()
    qtbot.addWidget(page)
    page.set_database(db)
    kind = page.kind
    kind.setCurrentIndex(kind.findData("outgoing"))
    assert [r.name for r in page.visible_rows] == ["Connecto"]
    assert page.model.data(page.model.index(0, 2)) == "→ Svenska ESF-rådet (egen ansökan)"
    kind.setCurrentIndex(kind.findData("received"))
    assert [r.name for r in page.visible_rows] == ["Lokal insats"]


def test_a_granted_esf_project_shows_in_insatser_budget_and_oversikt(example_window):
    from finsamdesk.services import insatser

    w = example_window()
    year = date.today().year
    rows = insatser.list_rows(w.db, year)
    esf_row = next(r for r in rows if r.name == "Vägen framåt Exempelbygd")
    assert esf_row.granted > 0
    page = w.show_page("insatser")
    assert "Vägen framåt Exempelbygd" in [page.model.data(page.model.index(r, 0)) for r in range(page.model.rowCount())]
    budget = w.show_page("budget")
    table = budget.view.sheet_table
    labels = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert "Externa medel till egna projekt (ESF-stöd)" in labels
    w.show_page("overview")
    assert any("väntar på finansiärens beslut" in w.overview.waiting.item(i).text()
               for i in range(w.overview.waiting.count()))


def test_new_own_application_from_the_menu(example_window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    w = example_window()
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args: ("ESF+ 2021–2027: Ansökan om stöd", True))
    w.application_commands.new_own_application()
    editor = w.applications.editor
    assert editor.app.outgoing and editor.app.template_id == "esf-plus-2021-2027"
    assert editor.app.esf.call.rates[6] == 96_370
    assert w.stack.currentWidget() is w.applications


def test_the_project_name_is_the_first_field_of_a_new_own_application(example_window, monkeypatch, qtbot):
    from PySide6.QtWidgets import QInputDialog

    w = example_window()
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args: ("ESF 2014–2020: Ansökan (Projektrummet)", True))
    w.application_commands.new_own_application()
    editor = w.applications.editor
    field = editor.findChild(QLineEdit, "answer_name")
    assert field.hasFocus() or editor.focusWidget() is field
    qtbot.keyClicks(field, "Nya vagar")  # keyClicks takes ASCII only
    qtbot.waitUntil(lambda: applications.load(w.db, editor.current_id).name == "Nya vagar", timeout=3000)
    assert "Nya vagar" in [r.name for r in w.applications.visible_rows]


def test_spara_som_word_writes_the_own_application_with_its_parts_and_budget(example_window, monkeypatch, tmp_path):
    import io

    import docx
    from PySide6.QtWidgets import QFileDialog

    w = example_window()
    page = w.show_page("applications")
    own_row = next(r for r in page.visible_rows if r.name == "Vägen framåt Exempelbygd")
    page.table.selectRow(page.model.row_of(own_row.id))
    target = tmp_path / "egen ansökan.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    w.application_commands.save_word()
    assert "Sparad" in page.editor.message.text()
    d = docx.Document(io.BytesIO(target.read_bytes()))
    assert d.paragraphs[0].text == "Vägen framåt Exempelbygd" and d.paragraphs[0].style.name == "Title"
    assert any(p.style.name == "Heading 1" for p in d.paragraphs)
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    assert any(c.startswith("Kostnader socialfonden") for c in cells), "the cost tree as a table"
