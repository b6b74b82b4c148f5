"""Deltagarstatistik and registerutdrag as PDF, read back with pypdf as a user would read them."""
import io
from datetime import date

import pypdf
from pypdf.generic import IndirectObject

from finsamdesk.documents.participants_pdf import register_extract_pdf, statistics_pdf
from finsamdesk.domain.money import kr
from finsamdesk.domain.participant_statistics import Facts, InsatsLine, compute_statistics
from finsamdesk.domain.participants import CountPeriod, ExtractItem, Participant
from tests.documents.conftest import norm

TODAY = date(2026, 2, 3)
FORBUND = "Samordningsförbundet Testbygden"
OUTCOMES = ["Arbete", "Studier", "Annat"]
FACTS = [
    Facts(1, "kvinna", 1990, date(2025, 1, 10), date(2025, 5, 10), "Arbete"),  # 35 år
    Facts(1, "kvinna", 2003, date(2025, 2, 1), date(2025, 6, 1), "Arbete"),  # 22 år: 15–24 and 16–29
    Facts(1, "kvinna", 1965, date(2024, 9, 1), date(2025, 3, 1), "Studier"),  # 59 år, not new in 2025
    Facts(1, "man", 1980, date(2025, 3, 1), date(2025, 7, 1), "Annat"),  # 45 år
    Facts(1, "man", None, date(2025, 4, 1), date(2025, 8, 15), None),  # no age, no outcome
]
LONG_NAME = ("Arbetsträning och stöd till långtidssjukskrivna i samverkan mellan kommun, region och "
             "Arbetsförmedlingen")


class Pdf:
    def __init__(self, data: bytes):
        self.reader = pypdf.PdfReader(io.BytesIO(data))
        self.raw = [p.extract_text() or "" for p in self.reader.pages]
        self.pages = [norm(p) for p in self.raw]
        self.text = " ".join(self.pages)


def _stats(facts=FACTS, periods=(), year=2025, utfall=kr(61_700), scope="Hela förbundet"):
    return compute_statistics(scope, year, list(facts), list(periods), OUTCOMES, utfall)


def _resolve(obj):
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _assert_fonts_embedded_dejavu(pdf: Pdf) -> None:
    seen = 0
    for page in pdf.reader.pages:
        fonts = _resolve(_resolve(page.get("/Resources") or {}).get("/Font")) or {}
        for ref in fonts.values():
            font = _resolve(ref)
            seen += 1
            assert "DejaVu" in str(font["/BaseFont"]), font["/BaseFont"]
            assert "/FontFile2" in _resolve(font["/FontDescriptor"]), f"{font['/BaseFont']} is not embedded"
    assert seen


# ---------------------------------------------------------------- statistics
def test_statistics_shows_title_counts_ages_outcomes_time_and_cost():
    pdf = Pdf(statistics_pdf(_stats(), [], FORBUND, TODAY))
    text = pdf.text
    assert len(pdf.pages) == 1 and "Sid 1(1)" in text
    assert FORBUND in text and "Utskrivet 2026-02-03" in text
    assert "Deltagarstatistik 2025" in text and "Hela förbundet" in text
    assert "Kvinnor Män Totalt I register 3 2 5 Totalt 3 2 5" in text
    assert "varav nya 2 2 4" in text and "varav avslutade 3 2 5" in text
    assert "Endast antal" not in text  # no count periods
    assert "Åldersgrupp Kvinnor Män Totalt" in text
    assert ("15–24 1 0 1 25–54 1 1 2 55–64 1 0 1 Övriga åldrar 0 0 0 Ålder saknas 0 1 1 Totalt 3 2 5 "
            "varav 16–29 1 0 1") in text  # the parts add up to the total; 16–29 is beside it
    assert "16–29 ingår i de andra grupperna och visas vid sidan av dem" in text
    assert "Utfall Kvinnor Män Totalt Andel" in text
    assert "Arbete 2 0 2 40 % Studier 1 0 1 20 % Annat 0 1 1 20 % Utfall saknas 0 1 1 20 % Avslutade 3 2 5 100 %" \
        in text
    # women (120 + 120 + 181) / 3 days, men (122 + 136) / 2, all 679 / 5; a month is 365.25 / 12 days
    assert "Genomsnittlig tid för avslutade: kvinnor 4,6 mån, män 4,2 mån, alla 4,5 mån" in text
    assert "Utfall (fakturerat): 61 700 kr" in text
    assert "Kostnad per deltagare: 12 340 kr" in text
    assert "Per insats" not in text
    assert pdf.reader.metadata.title == "Deltagarstatistik"
    _assert_fonts_embedded_dejavu(pdf)


def test_statistics_with_counts_only_no_one_ended_and_no_cost():
    periods = [CountPeriod(2, date(2025, 1, 1), date(2025, 4, 30), new_women=2, new_men=1, ongoing_women=2,
                           ongoing_men=1)]
    facts = [Facts(1, "kvinna", 1990, date(2025, 1, 10), None, None)]
    pdf = Pdf(statistics_pdf(_stats(facts, periods, year=None, utfall=None), [], FORBUND, TODAY))
    text = pdf.text
    assert "Deltagarstatistik, hela tiden" in text
    assert "I register 1 0 1 Endast antal 2 1 3 Totalt 3 1 4" in text
    assert "Endast antal, ingen ålder 2 1 3 Totalt 3 1 4" in text  # the counted have no age: still a part
    assert "Avslutade 0 0 0" in text
    assert "kvinnor –, män –, alla –" in text
    assert "Utfall (fakturerat): –" in text and "Kostnad per deltagare: –" in text


def test_per_insats_table_wraps_long_names_and_repeats_its_header_on_every_page():
    lines = []
    for i in range(60):
        facts = [Facts(i, "kvinna", 1990, date(2025, 2, 1), None, None)] * (i % 3 + 1)
        stats = _stats(facts, utfall=kr(10_000) if i % 2 == 0 else None, scope=f"{LONG_NAME} {i}")
        lines.append(InsatsLine(i, f"{LONG_NAME} {i}", "individ" if i % 2 else "antal", stats))
    pdf = Pdf(statistics_pdf(_stats(), lines, FORBUND, TODAY))
    assert len(pdf.pages) >= 3
    head = "Insats Redovisning Kvinnor Män Totalt Nya Avslutade Kostnad per deltagare"
    for i, page in enumerate(pdf.pages):
        assert f"Sid {i + 1}({len(pdf.pages)})" in page
        assert FORBUND in page
        if i > 0:
            assert head in page, i
    assert f"{LONG_NAME} 0 Antal 1 0 1 1 0 10 000 kr" in pdf.text  # the name wrapped, read back whole
    assert f"{LONG_NAME} 1 Register 2 0 2 2 0 –" in pdf.text
    assert f"{LONG_NAME} 59" in pdf.text
    _assert_fonts_embedded_dejavu(pdf)


# ---------------------------------------------------------------- registerutdrag
def _person(**kw) -> Participant:
    base = dict(insats_id=1, code="K-0042", gender="kvinna", birth_year=1981, start=date(2025, 1, 13),
                consent_date=date(2025, 1, 13), consent_how="Skriftligt")
    return Participant(**{**base, **kw})


def test_extract_shows_person_each_record_note_lines_and_gallring():
    items = [
        ExtractItem(_person(personnummer="198112189876", name="Anna <Andersson> & co",
                            note="Första samtalet gick bra.\nNästa möte i mars."),
                    "Steget vidare", support="Sjukpenning"),
        ExtractItem(_person(code="S-0007", insats_id=2, start=date(2022, 3, 1), end=date(2022, 9, 30),
                            gallrad_on=date(2024, 10, 1), gallrat="personnummer, namn"),
                    "Språnget", support="Försörjningsstöd", outcome="Arbete"),
    ]
    pdf = Pdf(register_extract_pdf(items, FORBUND, TODAY))
    text = pdf.text
    assert "Registerutdrag" in text and "Sid 1(1)" in text and "Innehåller personuppgifter" in text
    assert f"Utdrag ur deltagarregistret hos {FORBUND} 2026-02-03." in text
    assert "Namn: Anna <Andersson> & co" in text and "Personnummer: 19811218-9876" in text
    assert "Steget vidare – deltagar-id K-0042" in text and "Språnget – deltagar-id S-0007" in text
    assert "Deltagar-id K-0042 Insats Steget vidare Personnummer 19811218-9876" in text
    assert "Kön Kvinna Födelseår 1981 Startdatum 2025-01-13 Slutdatum –" in text
    assert "Försörjning vid start Sjukpenning Utfall vid avslut –" in text
    assert "Samtycke 2025-01-13 (Skriftligt)" in text
    assert "Första samtalet gick bra.\nNästa möte i mars." in pdf.raw[0]  # two lines, as typed
    assert "Slutdatum 2022-09-30" in text and "Utfall vid avslut Arbete" in text
    assert "Gallrat 2024-10-01: personnummer, namn" in text
    assert pdf.reader.metadata.title == "Registerutdrag"
    _assert_fonts_embedded_dejavu(pdf)


def test_extract_without_identifiers_says_so_and_long_notes_run_over_pages():
    note = "\n".join(f"Rad {i} i anteckningen om hur det går i insatsen." for i in range(120))
    items = [ExtractItem(_person(note=note, consent_date=None, consent_how=""), "Steget vidare")]
    pdf = Pdf(register_extract_pdf(items, FORBUND, TODAY))
    assert "Namn och personnummer finns inte i registret (gallrade eller aldrig sparade)." in pdf.text
    assert "Personnummer – Namn –" in pdf.text and "Samtycke –" in pdf.text
    assert len(pdf.pages) >= 2
    for i, page in enumerate(pdf.pages):
        assert "Innehåller personuppgifter" in page and f"Sid {i + 1}({len(pdf.pages)})" in page
    assert "Rad 0 i anteckningen" in pdf.text and "Rad 119 i anteckningen" in pdf.text
