"""The three ESF seed applications printed on their forms: every heading, question, label and answer of the seed
is on the printed pages (read back with pypdf), the chosen answers are visible, and the budgets print the
computed figures — the right ones where the seed is wrong."""
from __future__ import annotations

import io
import re

import pypdf
import pytest

from finsamdesk.domain import esf
from finsamdesk.domain.form_values import fill
from finsamdesk.services.printing import render_application_bytes
from finsamdesk.services.templates import get_template
from tests.fixtures.esf import SEEDS, expected, load

PAGE_NUMBER = re.compile(r"^(Sid )?\d+ ?\(\d+\)$")
# What the seeds print and a correct print of the same application does not:
NOT_PRINTED = {
    # Connecto's "Ekonomi - Budget: Kostnader 6 652 956 kr" is the support, not the cost (DOMAIN §4.3 item 2)
    "connecto": {"6 652 956 kr"},
    # MIA Vidare was printed by an earlier Projektrummet whose question lacked the accent; the template is the
    # later form's (IRIS): "Beskriv bakgrund till projektidén."
    "mia_vidare": {"Beskriv bakgrund till projektiden."},
    "iris": set(),
}


def norm(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("☐", " ").replace("☒", " ")
    return " ".join(text.split())


class Printed:
    def __init__(self, name: str):
        self.app = load(name)
        self.template = get_template(self.app.template_id)
        self.result = esf.compute(self.app, self.template)
        self.data = render_application_bytes(self.app, self.template)
        self.reader = pypdf.PdfReader(io.BytesIO(self.data))
        self.pages = [page.extract_text() for page in self.reader.pages]
        furniture = self._furniture()
        body_lines = [line for text in self.pages for line in text.split("\n")
                      if line.strip() not in furniture and not PAGE_NUMBER.match(line.strip())]
        self.body = norm(" ".join(body_lines))  # a paragraph split by a page break reads as one
        self.text = norm(" ".join(self.pages))

    def _furniture(self) -> set[str]:
        from finsamdesk.documents.funder_form_pdf import page_specs
        from finsamdesk.domain.form_values import app_value

        lines = set()
        for spec in page_specs(self.template).values():
            for line in (*spec.header_left, *spec.header_right, *spec.first_page, *spec.footer):
                lines.add(fill(line, lambda n: app_value(self.app, n, self.result.figures)).strip())
        return lines

    def missing(self, name: str) -> list[str]:
        return [line for line in expected(name) if norm(line) not in self.body and norm(line) not in self.text
                and not PAGE_NUMBER.match(line) and line not in NOT_PRINTED[name]]


@pytest.fixture(scope="module", params=SEEDS)
def printed(request):
    return request.param, Printed(request.param)


def test_every_line_of_the_seed_is_on_the_printed_form(printed):
    name, pdf = printed
    assert pdf.missing(name) == []


def test_what_the_seed_has_wrong_is_printed_right(printed):
    name, pdf = printed
    for line in NOT_PRINTED[name]:
        assert norm(line) not in pdf.body
    if name == "connecto":
        assert "Kostnader 12 320 268 kr Budgeterad medfinansiering från projektet 46 %" in pdf.body
        assert "Kostnad per deltagare: 12 320 kr" in pdf.body


def test_chosen_answers_are_visible(printed):
    name, pdf = printed
    raw = " ".join(" ".join(p.split()) for p in pdf.pages)
    if name == "connecto":
        assert "Om Ja, vänligen specificera nedan? Nej" in pdf.body
        return
    assert "☒ Nej, Vi är en myndighet" in raw and "☐ Ja" in raw
    assert "☒ Vi är en upphandlande myndighet och följer LOU ☐ Annat" in raw
    assert ("☒ Sydsverige" if name == "iris" else "☒ Stockholm") in raw
    assert "☒ 15-24 ☒ 25-54 ☒ 55-64" in raw


def test_page_furniture_as_on_the_originals(printed):
    name, pdf = printed
    first, last = pdf.pages[0], pdf.pages[-1]
    n = len(pdf.pages)
    if name == "connecto":
        assert "Medfinansieras av" in first and "Europeiska unionen" in first and "Datum:" in first
        assert "2022-10-03" in first and "22-012-S04" in first
        spec_pages = [p for p in pdf.pages if "Bilaga:" in p and "Budgetspecifikation" in p]
        main = n - len(spec_pages)
        assert f"1 ({main})" in first
        assert f"1 ({len(spec_pages)})" in spec_pages[0] and "Diarienummer:" in spec_pages[0]
    else:
        assert "EUROPEISKA UNIONEN" in first and "Vi förändrar arbetsmarknaden" in first
        assert f"Sid 1({n})" in first and f"Sid {n}({n})" in last
        footer = "Europeiska socialfonden stöder projekt som motverkar utanförskap och främjar kompetensutveckling"
        assert all(footer in " ".join(p.split()) for p in pdf.pages)
        assert "Vi förändrar arbetsmarknaden" not in pdf.pages[1]
    if name == "mia_vidare":
        assert "2019/00505" in first


def test_the_2014_budget_prints_as_the_funder_computes_it(printed):
    name, pdf = printed
    if name == "connecto":
        for figure in ("Personal 10 585 268 kr", "Externa tjänster 935 000 kr",
                       "Utrustning och materiel och deltagarlokalerna 800 000 kr", "Kostnader socialfond 12 320 268 kr",
                       "Offentlig medfinansiering 5 667 312 kr", "Projektägare - andel av kostnader 809 616 kr",
                       "Samverkanspart - andel av kostnader 4 857 696 kr",
                       "Projektledare leder, planerar och samordnar aktiviteter. 6 100 21 2 900 737 kr"):
            assert figure in pdf.body, figure
        return
    total = "25 069 099 kr" if name == "iris" else "166 872 603 kr"
    assert f"Summa total finansiering {total} ESF-stöd 47,00 % Budgeterad medfinansiering från projektet 53,00 %" \
        in pdf.body


def test_the_blank_forms_print():
    for template_id in ("esf-2014-2020", "esf-plus-2021-2027"):
        data = render_application_bytes(None, template_id)
        text = norm(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages))
        assert "Beskriv" in text and "☐" not in text or "Ja" in text
