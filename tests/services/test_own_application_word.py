"""Spara som Word for the förbund's own (ESF) applications: the form's groups and questions as Word headings, the
answers, the chosen options, the structured parts and the computed budgets as real tables (issue 13)."""
from __future__ import annotations

import io

import docx
import pytest

from finsamdesk.services import exchange, printing, report_data
from finsamdesk.store.connection import open_database
from tests.fixtures.esf import json_text
from tests.reports.readback import docx_headings, docx_tables, space


@pytest.fixture
def db(tmp_path):
    made = open_database(tmp_path / "egna ansökningar #1.sqlite")
    yield made
    made.close()


def _word(db, tmp_path, name):
    app = exchange.import_application_json(db, json_text(name))
    out = printing.save_application_word(db, app.id, tmp_path / f"{name} å.docx")
    return app, out.read_bytes()


def _cells(data: bytes) -> list[list[str]]:
    return [row for table in docx_tables(data) for row in table]


def test_an_esf_plus_application_in_word_has_its_questions_answers_parts_and_specification(db, tmp_path):
    app, data = _word(db, tmp_path, "connecto")
    headings = docx_headings(data)
    assert headings[0] == ("Title", app.name)
    assert ("Heading 2", "Uppgifter om stödsökanden") in headings
    assert any(style == "Heading 1" and text == "Bilaga: Budgetspecifikation" for style, text in headings)
    text = space(" ".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs))
    assert space(app.text("problem").split("\n")[0]) in text, "the answers are there"
    # the structured parts: the applicant's lines as the form has them, the samverkansaktörer as grids
    assert f"Organisationsnummer: {app.esf.applicant.orgnr}" in text
    cells = _cells(data)
    assert ["Organisationsnamn:", app.esf.actors[0].name] in [row[:2] for row in cells]
    # the Budgetspecifikation computed as the funder does (issue 13's figures)
    amounts = {row[0]: row[-1] for row in cells if len(row) == 7}
    assert amounts["Kostnader socialfond"] == "12 320 268 kr"
    assert amounts["Personal"] == "10 585 268 kr"
    assert amounts["Externa tjänster"] == "935 000 kr"
    assert next(v for k, v in amounts.items() if k.startswith("Utrustning och materiel")) == "800 000 kr"
    assert amounts["Offentlig medfinansiering"] == "5 667 312 kr"
    assert any(row[1] == "Projektledare" and row[-1] == "2 900 737 kr" for row in cells if len(row) == 7)


def test_an_esf_2014_2020_application_in_word_shows_the_chosen_options_and_the_cost_tree(db, tmp_path):
    _app, data = _word(db, tmp_path, "iris")
    paragraphs = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert any("☒ Sydsverige" in p and "☐ Stockholm" in p for p in paragraphs), "the chosen region is visible"
    cells = _cells(data)
    tree = [row for row in cells if len(row) == 2 and row[0].startswith("Kostnader socialfonden")]
    assert tree and all(row[1].endswith("kr") for row in tree)
    assert any("25 069 099" in cell for row in cells for cell in row), "Summa kostnader in the overview"
    assert any("11 782 527" in cell for row in cells for cell in row), "ESF-stöd in the overview"


def test_the_own_application_in_word_carries_the_forbunds_logo(db, tmp_path):
    from PySide6.QtGui import QColor, QImage

    image = QImage(60, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a6f97"))
    image.save(str(tmp_path / "logga.png"), "PNG")
    report_data.set_logo(db, (tmp_path / "logga.png").read_bytes())
    _app, data = _word(db, tmp_path, "connecto")
    header = docx.Document(io.BytesIO(data)).sections[0].header._element
    assert header.findall(".//{http://schemas.openxmlformats.org/drawingml/2006/picture}pic")
