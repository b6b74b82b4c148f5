"""Reading received forms: the seed forms as Word and PDF files back into the hand-entered ansökningar.

The files are built by the tests (tests/fixtures/seed_forms.py, seed_pdfs.py) from the seed text in
each form's layout, written to disk under awkward names, read by the service, and compared with
tests/fixtures/seed_applications.py field by field: every section word for word, every contact,
every budget cell in its column.
"""
from __future__ import annotations

from datetime import date

import pytest

from finsamdesk.services import applications, form_reader
from finsamdesk.services.errors import ServiceError
from tests.fixtures import seed_forms, seed_pdfs
from tests.fixtures.form_compare import assert_same_form
from tests.fixtures.seed_applications import BS_TEMPLATE, NNV_TEMPLATE, pas, spranget

SEED_FILES = {
    "Språnget ansökan #1 100%?.docx": (seed_forms.spranget_docx, spranget, NNV_TEMPLATE),
    "Språnget ansökan.pdf": (seed_pdfs.spranget_pdf, spranget, NNV_TEMPLATE),
    "PAS – Staffanstorp åäö.docx": (seed_forms.pas_docx, pas, BS_TEMPLATE),
    "PAS #2 (kopia) 50%.pdf": (seed_pdfs.pas_pdf, pas, BS_TEMPLATE),
}


@pytest.fixture(scope="module")
def seed_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inkorg med mellanslag")
    paths = {}
    for name, (build, _expected, _template) in SEED_FILES.items():
        paths[name] = folder / name
        paths[name].write_bytes(build())
    return paths


@pytest.mark.parametrize("name", list(SEED_FILES))
def test_seed_form_reads_back_as_the_hand_entered_application(seed_files, name):
    _build, expected, template_id = SEED_FILES[name]
    proposal = form_reader.read_file(seed_files[name])
    assert proposal.reading.template.id == template_id
    assert proposal.candidates[0][1] == template_id
    assert_same_form(proposal.app, expected())
    assert proposal.reading.unplaced == []
    assert proposal.file_name == name


@pytest.mark.parametrize("name", [n for n in SEED_FILES if n.startswith("PAS")])
def test_pas_typed_total_that_differs_from_its_rows_is_flagged(seed_files, name):
    findings = form_reader.read_file(seed_files[name]).reading.findings
    budget = [f for f in findings if f.where == "budget"]
    assert len(budget) == 1
    assert budget[0].severity == "error"
    assert budget[0].text == "735 000"
    assert "735 000 kr i filen" in budget[0].message.replace("\u202f", " ")
    assert "635 000 kr" in budget[0].message.replace("\u202f", " ")


@pytest.mark.parametrize("name", [n for n in SEED_FILES if n.startswith("Språnget")])
def test_spranget_time_plan_gap_is_the_one_thing_flagged(seed_files, name):
    findings = [f for f in form_reader.read_file(seed_files[name]).reading.findings]
    assert [(f.where, f.severity) for f in findings] == [("phases", "warning")]
    assert "2022-10-31" in findings[0].message


def test_save_is_one_new_utkast_with_the_file_in_its_history(seed_files, db):
    name = "PAS #2 (kopia) 50%.pdf"
    proposal = form_reader.read_file(seed_files[name])
    corrected = proposal.app
    corrected.planned_participants = 55  # the user corrects a field in the review
    saved = form_reader.save_proposal(db, proposal, corrected, today=date(2026, 12, 2))
    loaded = applications.load(db, saved.id)
    assert loaded.status == "utkast" and loaded.diarienummer == "2026-001"
    assert loaded.planned_participants == 55
    [event] = loaded.history
    assert event.note.startswith(f"Inläst från {name} (filen ändrad ")
    expected = pas()
    expected.planned_participants = 55
    assert_same_form(loaded, expected)


def test_text_that_fits_nowhere_is_kept_in_the_note_and_reported(tmp_path, db):
    from docx import Document

    doc = Document()
    t = "Medelsansökan till Samordningsförbundet Burlöv-Staffanstorp"
    for text in (t, "Ett brev till förbundet som inte hör till formuläret.",
                 "Namn på verksamheten/insatsen/projektet:", "Testinsatsen", "Tidsplan;",
                 "Startdatum: 1 juni 2020", "Slutdatum: 31 dec 2022",
                 "Syfte; ange syftet med projektet.", "Syftet är att pröva 212000-1133 och 212000-1132."):
        doc.add_paragraph(text)
    path = tmp_path / "brev ö.docx"
    doc.save(path)
    proposal = form_reader.read_file(path)
    assert proposal.app.name == "Testinsatsen"
    assert proposal.app.period_start == date(2020, 6, 1)
    unplaced = [f for f in proposal.reading.findings if f.severity == "unplaced"]
    assert [f.text for f in unplaced] == ["Ett brev till förbundet som inte hör till formuläret."]
    assert "Ett brev till förbundet" in proposal.history_note()
    orgnr = [f for f in proposal.reading.findings if f.where == "orgnr"]
    assert [f.text for f in orgnr] == ["212000-1133"]  # 212000-1132 (Lunds kommun) passes
    saved = form_reader.save_proposal(db, proposal)
    assert "Ett brev till förbundet som inte hör till formuläret." in applications.load(db, saved.id).history[0].note


def test_phase_outside_the_period_is_flagged(tmp_path):
    from docx import Document

    doc = Document()
    doc.add_paragraph("Ansökan om finansiering Samordningsförbundet NNV Skåne (2020)")
    doc.add_paragraph("INSATSENS NAMN")
    doc.add_paragraph("Prov")
    doc.add_paragraph("TIDPLAN FÖR NYA INSATSER")
    table = doc.add_table(rows=2, cols=2)
    for r, (a, b) in enumerate((("Start och sluttid för insatsen", "20220101-20221231"),
                                ("Genomförandefas", "20220301-20230331"))):
        table.cell(r, 0).text, table.cell(r, 1).text = a, b
    path = tmp_path / "tidplan.docx"
    doc.save(path)
    findings = form_reader.read_file(path).reading.findings
    assert any("Genomförandefas" in f.message and "utanför insatsens period" in f.message for f in findings)


def test_template_can_be_chosen_and_an_unknown_form_says_so(tmp_path):
    from docx import Document

    doc = Document()
    doc.add_paragraph("Inköpsorder 4711")
    doc.add_paragraph("Leverans fredag.")
    path = tmp_path / "order.docx"
    doc.save(path)
    with pytest.raises(ServiceError, match="liknar ingen av förbundets formulärmallar"):
        form_reader.read_file(path)
    proposal = form_reader.read_file(path, template_id=BS_TEMPLATE)
    assert proposal.reading.template.id == BS_TEMPLATE
    assert proposal.reading.unplaced  # everything is kept for the note


def test_only_forms_applicants_fill_in_are_read(tmp_path):
    path = tmp_path / "Språnget.docx"
    path.write_bytes(seed_forms.spranget_docx())
    proposal = form_reader.read_file(path)
    assert all(not tid.startswith("esf") for _score, tid, _name in proposal.candidates)
    with pytest.raises(ServiceError, match="förbundets egen ansökan"):
        form_reader.read_file(path, template_id="esf-2014-2020")


@pytest.mark.parametrize("name", list(SEED_FILES))
def test_the_read_ansokan_prints_as_the_original(seed_files, name):
    """Done when: the printed ansökan of a read form matches the printed hand-entered one, page for page."""
    import io

    import pypdf

    from finsamdesk.services.printing import render_application_bytes

    _build, expected, template_id = SEED_FILES[name]
    read = form_reader.read_file(seed_files[name]).app

    def pages(app) -> list[str]:
        data = render_application_bytes(app, template_id, "Samordningsförbundet")
        return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages]

    assert pages(read) == pages(expected())
