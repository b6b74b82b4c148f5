"""The printed ansökan, read back from the PDF with pypdf (not trusted from the code that wrote it).

Seeds: shared/seeds/003 (NNV Skåne, "Språnget") and 004 (Burlöv-Staffanstorp, "PAS").
"""
from __future__ import annotations

import re

import pytest
from pypdf.generic import IndirectObject

from finsamdesk.documents.pdf_form import render_application
from finsamdesk.domain.forms import ContactsTable
from finsamdesk.services import applications as app_service
from finsamdesk.services import printing, registers
from finsamdesk.services.templates import get_template
from finsamdesk.store.connection import open_database
from tests.documents.conftest import BS_NAME, NNV_NAME, Pdf, fragments, norm
from tests.fixtures.seed_applications import (
    AKTIVITETER,
    PAS_BAKGRUND,
    PAS_MAL,
    PAS_MALGRUPP,
    pas,
    spranget,
)

BASE14 = {"Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman",
          "Times-Bold", "Times-Italic", "Times-BoldItalic", "Courier", "Courier-Bold", "Courier-Oblique",
          "Courier-BoldOblique", "Symbol", "ZapfDingbats"}


def _fixed_texts(template) -> list[str]:
    out = []
    for s in template.sections:
        for item in (*s.paragraphs, *s.after):
            out.append(norm(re.sub(r"^(- |## )", "", item)))
    return out


def _resolve(obj):
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _fonts(pdf: Pdf) -> list[dict]:
    found = {}
    for page in pdf.reader.pages:
        resources = _resolve(page.get("/Resources")) or {}
        fonts = _resolve(resources.get("/Font")) or {}
        for ref in fonts.values():
            font = _resolve(ref)
            found[str(font.get("/BaseFont"))] = font
    return list(found.values())


# ---------------------------------------------------------------- Språnget on NNV Skåne's form

def test_spranget_has_every_heading_and_fixed_text(spranget_pdf, nnv_template):
    for s in nnv_template.sections:
        if s.heading:
            assert norm(s.heading) in spranget_pdf.text, s.heading
    for text in _fixed_texts(nnv_template):
        assert text in spranget_pdf.text, text[:60]
    assert norm(nnv_template.title) in spranget_pdf.page(0)


def test_spranget_prints_every_entered_text_in_full(spranget_pdf, spranget_app):
    assert len(AKTIVITETER) == 4194
    for section_id, text in spranget_app.sections.items():
        for fragment in fragments(text):
            assert fragment in spranget_pdf.body, (section_id, fragment[:60])
    assert norm(spranget_app.name) in spranget_pdf.text
    assert norm(spranget_app.applicant_text) in spranget_pdf.text


def test_spranget_keeps_paragraphs_and_bullets_apart(spranget_pdf):
    # The bullet items of BAKGRUND/SYFTE each start a line, with their bullet glyph.
    raw = "\n".join(spranget_pdf.pages)
    assert re.search(r"^\s*– ?Få fler individer att integreras", raw, re.MULTILINE)
    assert re.search(r"^\s*– ?att bygga på sitt CV$", raw, re.MULTILINE)


def test_spranget_contacts(spranget_pdf, spranget_app):
    for c in spranget_app.contacts:
        for value in (c.name, c.organisation, c.phone, c.email):
            assert norm(value) in spranget_pdf.text, value
    # The table's header row is the template's.
    assert "Namn Organisation Telefonnr E-post" in spranget_pdf.text


def test_spranget_budget_totals_are_computed_in_tkr(spranget_pdf):
    text = spranget_pdf.text
    assert "Budget Egen finansiering (om sådan finns) Sökta medel 2021 Sökta medel 2022" in text
    assert "Personal 1 130 tkr" in text
    assert "Egna lokaler 100 tkr" in text
    assert "Övriga kostnader 50 tkr 40 tkr" in text
    assert "TOTALT 500 tkr 1 180 tkr" in text


def test_spranget_timeplan_and_place_date(spranget_pdf):
    text = spranget_pdf.text
    assert "Start och sluttid för insatsen 20220101-20221231" in text
    assert "Processarbete, planerings- och utbildningsfas 20220101-20220227" in text
    assert "Genomförandefas 20220228-20221030" in text
    assert "Implementeringsfas 20221101-20221231" in text
    assert "Ort och datum Klippan 2021-01-05" in text


def test_spranget_header_footer_and_swedish_letters(spranget_pdf):
    n = spranget_pdf.page_count
    assert n >= 5
    for i in range(n):
        page = spranget_pdf.page(i)
        assert page.startswith(f"{NNV_NAME} Dnr: 2021-003"), page[:80]
        assert page.endswith(f"Sid {i + 1}({n})"), page[-40:]
    assert "Sid 1(" in spranget_pdf.page(0)
    for word in ("Försäkringskassan", "Språnget", "Örkelljunga", "Ängelholm", "UPPFÖLJNING OCH UTVÄRDERING"):
        assert word in spranget_pdf.text, word


def test_spranget_bilaga_starts_a_new_page(spranget_pdf):
    pages = [i for i in range(spranget_pdf.page_count)
             if "Samordningsförbundet kan finansiera följande:" in spranget_pdf.page(i)]
    assert len(pages) == 1
    page = spranget_pdf.page(pages[0])
    assert page.startswith(f"{NNV_NAME} Dnr: 2021-003 Bilaga Samordningsförbundet kan finansiera")
    # ...and nothing of the form proper shares that page.
    assert "Ort och datum" not in page


def test_metadata_title_and_language(spranget_pdf, spranget_app):
    assert spranget_pdf.reader.metadata.title == spranget_app.name
    assert spranget_pdf.reader.trailer["/Root"]["/Lang"] == "sv-SE"


@pytest.mark.parametrize("which", ["spranget_pdf", "pas_pdf"])
def test_fonts_are_embedded_dejavu(which, request):
    pdf = request.getfixturevalue(which)
    fonts = _fonts(pdf)
    assert fonts
    for font in fonts:
        name = str(font["/BaseFont"]).lstrip("/")
        assert name.split("+")[-1] not in BASE14, name
        assert "DejaVuSans" in name
        descriptor = _resolve(font["/FontDescriptor"])
        assert "/FontFile2" in descriptor, f"{name} is not embedded"


# ---------------------------------------------------------------- PAS on Burlöv-Staffanstorp's form

def test_pas_has_every_heading_and_fixed_text(pas_pdf, bs_template):
    for s in bs_template.sections:
        if s.heading:
            assert norm(s.heading) in pas_pdf.text, s.heading
    for text in _fixed_texts(bs_template):
        assert text in pas_pdf.text, text[:60]
    first = pas_pdf.page(0)
    assert first.startswith(f"{BS_NAME} Dnr: ________ Datum: 191210 Version nr: 5")
    assert "Version nr: 5" not in pas_pdf.page(1)


def test_pas_prints_entered_texts_in_full(pas_pdf):
    app = pas()
    for section_id, text in app.sections.items():
        for fragment in fragments(text):
            assert fragment in pas_pdf.body, (section_id, fragment[:60])
    # The long ones once more, whole: their paragraphs follow each other in order.
    for text in (PAS_BAKGRUND, PAS_MAL, PAS_MALGRUPP):
        def unbulleted(t: str) -> str:
            return re.sub(r" [–•] ", " ", t)

        assert unbulleted(" ".join(fragments(text))) in unbulleted(pas_pdf.body)


def test_pas_huvudman_is_on_the_heading_line(pas_pdf):
    assert ("Huvudman: vilken huvudman ska ansvara för insatsen samt kontaktperson: "
            "Staffanstorps kommun, Arbetsmarknadsförvaltningen") in pas_pdf.text


def test_pas_contacts(pas_pdf):
    app = pas()
    assert len(app.contacts_for("forankring")) == 6
    for c in app.contacts:
        for value in (c.name, c.organisation, c.phone, c.email):
            if value:
                assert norm(value) in pas_pdf.text, value
    assert "Kontaktpersoner Organisation Telefonnummer Mailadress" in pas_pdf.text


def test_pas_budget_total_is_computed_not_copied(pas_pdf):
    text = pas_pdf.text
    assert "Resurser År 2020 År 2021 År 2022 kr kr kr" in text
    assert "Personalkostnader 550 000 800 000 800 000" in text
    assert "Summa kostnader 635 000 820 000 820 000" in text
    assert "735 000" not in text  # the seed's wrong sum
    assert "Kostnad per planerad deltagare: 37 917 kr" in text


def test_pas_timeplan_and_signature(pas_pdf):
    assert "Tidsplan; Startdatum: 1 juni 2020 Slutdatum: 31 dec 2022" in pas_pdf.text
    n = pas_pdf.page_count
    assert pas_pdf.text.endswith(f"Underskrift Ort och datum Underskrift Namnförtydligande Sid {n}({n})")
    assert "Förankring; Hur har er idé förankrats" in pas_pdf.text  # å ä ö searchable


# ---------------------------------------------------------------- long and awkward answers

def _long_text(chars: int) -> str:
    parts, i = [], 0
    while sum(len(p) + 2 for p in parts) < chars:
        i += 1
        sentences = " ".join(f"Mening {i}.{j} om åtgärder för deltagare i Örkelljunga." for j in range(8))
        parts.append(f"- Punkt {i} med ökad samverkan" if i % 7 == 0 else sentences)
    return "\n\n".join(parts)


def test_a_20000_character_answer_flows_over_pages(spranget_app, nnv_template, spranget_pdf):
    app = spranget()
    app.sections["aktiviteter"] = _long_text(20_000)
    assert len(app.sections["aktiviteter"]) >= 20_000
    pdf = Pdf(render_application(app, nnv_template, NNV_NAME))
    assert pdf.page_count >= spranget_pdf.page_count + 3
    for fragment in fragments(app.sections["aktiviteter"]):
        assert fragment in pdf.body, fragment[:60]
    assert pdf.page(pdf.page_count - 1).endswith(f"Sid {pdf.page_count}({pdf.page_count})")


def test_one_20000_character_paragraph_flows_too(nnv_template):
    app = spranget()
    words = [f"ord{i}åäö" for i in range(2_500)]
    app.sections["bakgrund"] = " ".join(words)
    assert len(app.sections["bakgrund"]) > 20_000
    pdf = Pdf(render_application(app, nnv_template, NNV_NAME))
    assert " ".join(words) in pdf.body


def test_markup_characters_are_printed_as_typed(nnv_template):
    app = spranget()
    app.sections["mal"] = "Kostnad < 5 tkr & <b>inte fet</b> > noll\nrad två"
    app.name = "A & B <test>"
    pdf = Pdf(render_application(app, nnv_template, NNV_NAME))
    assert "Kostnad < 5 tkr & <b>inte fet</b> > noll rad två" in pdf.text
    assert "A & B <test>" in pdf.text
    assert pdf.reader.metadata.title == "A & B <test>"


def test_line_breaks_inside_a_paragraph_are_kept(nnv_template):
    app = spranget()
    app.sections["organisation"] = "Rad ett\nRad två\n\nNytt stycke"
    pdf = Pdf(render_application(app, nnv_template, NNV_NAME))
    raw = "\n".join(pdf.pages)
    assert re.search(r"^Rad ett\nRad två\nNytt stycke$", raw, re.MULTILINE)


# ---------------------------------------------------------------- blank forms

@pytest.mark.parametrize("template_id", ["nnv-skane-2020", "burlov-staffanstorp-v5", "neutral"])
def test_blank_form_has_headings_help_and_empty_tables(template_id):
    template = get_template(template_id)
    pdf = Pdf(render_application(None, template, "Samordningsförbundet Test"))
    assert pdf.page(0).startswith("Samordningsförbundet Test Dnr: ________")
    assert norm(template.title) in pdf.text
    for s in template.sections:
        if s.heading:
            assert norm(s.heading) in pdf.text, s.heading
        for line in s.help.split("\n"):
            if line.strip():
                assert norm(line) in pdf.text, line  # helper boxes are on the blank form
        if isinstance(s.table, ContactsTable):
            assert " ".join(s.table.columns) in pdf.text
    for text in _fixed_texts(template):
        assert text in pdf.text, text[:60]
    budget = template.budget
    if budget:
        blank_year = budget.year_label.replace("{year}", "____")
        assert pdf.text.count(blank_year) == max(1, budget.min_years)
        assert norm(budget.total_label) in pdf.text
        assert " tkr" not in pdf.text.split(norm(budget.header_label), 1)[1][:300]
    assert not re.search(r"\d{4}-\d{2}-\d{2}", pdf.text)  # nothing filled in
    n = pdf.page_count
    assert pdf.page(n - 1).endswith(f"Sid {n}({n})")
    assert pdf.reader.metadata.title == template.title


def test_blank_nnv_form_keeps_bilaga_on_its_own_page():
    pdf = Pdf(render_application(None, get_template("nnv-skane-2020"), NNV_NAME))
    last = pdf.page(pdf.page_count - 1)
    assert last.startswith(f"{NNV_NAME} Dnr: ________ Bilaga")
    assert "Språnget" not in pdf.text


# ---------------------------------------------------------------- through the service, with a real file

def test_print_application_from_a_real_file(tmp_path):
    db = open_database(tmp_path / "forbund.sqlite")
    forbund = registers.forbund(db)
    forbund.name = BS_NAME
    forbund.default_template = "burlov-staffanstorp-v5"
    registers.save_forbund(db, forbund)
    app = pas()
    app.diarienummer = "2020-007"
    app_service.save(db, app)
    assert app.id is not None

    out = printing.print_application(db, app.id, tmp_path / "PAS ansökan.pdf")
    assert out == tmp_path / "PAS ansökan.pdf"
    pdf = Pdf(out.read_bytes())
    assert pdf.page(0).startswith(f"{BS_NAME} Dnr: 2020-007 Datum: 191210")
    assert "Summa kostnader 635 000 820 000 820 000" in pdf.text
    assert "annette.christiansson@staffanstorp.se" in pdf.text
    assert norm(PAS_MALGRUPP.split("\n")[0]) in pdf.text

    # By diarienummer, on another form; the file is replaced, and no temporary file is left.
    printing.print_application(db, "2020-007", out, template_id="neutral")
    pdf = Pdf(out.read_bytes())
    assert "Ansökan om medel" in pdf.text and "Medelsansökan" not in pdf.text
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".pdf"] == ["PAS ansökan.pdf"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    db.close()


def test_print_application_without_forbund_name_uses_a_default(tmp_path):
    db = open_database(tmp_path / "f.sqlite")
    app = spranget()
    app.diarienummer = "2021-003"
    app_service.save(db, app)
    out = printing.print_application(db, app, tmp_path / "s.pdf")
    assert Pdf(out.read_bytes()).page(0).startswith("Samordningsförbundet Dnr: 2021-003")
    db.close()


def test_print_blank_writes_atomically(tmp_path):
    out = printing.print_blank("nnv-skane-2020", tmp_path / "blankett.pdf", NNV_NAME)
    pdf = Pdf(out.read_bytes())
    assert pdf.page(0).startswith(f"{NNV_NAME} Dnr: ________")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_print_to_a_missing_folder_is_a_clear_error(tmp_path):
    from finsamdesk.services.errors import ServiceError

    with pytest.raises(ServiceError, match="finns inte"):
        printing.print_blank("neutral", tmp_path / "saknas" / "blankett.pdf")
