"""Kallelse, protokoll and beslutsunderlag as a reader of the printed PDF sees them."""
from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pypdf
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from finsamdesk.documents.meeting_pdf import (
    MeetingPdfError,
    beslutsunderlag_pdf,
    kallelse_pdf,
    protokoll_pdf,
)
from finsamdesk.documents.pdf_common import register_fonts
from finsamdesk.domain.meetings import AgendaItem, Attendee, Meeting
from finsamdesk.domain.money import kr
from tests.documents.conftest import norm

FORBUND = "Samordningsförbundet Exempelby"
TODAY = date(2026, 11, 26)
GRANT = "Styrelsen beslutar att bevilja Språnget 1 180 000 kr för 2027."
SUBJECTS = {4: "Dnr 2026-003 · Exempelby kommun · sökt 1 180 000 kr",
            5: "Dnr 2026-007 · Region Exempel · sökt 400 000 kr"}


def styrelse_meeting() -> Meeting:
    return Meeting(
        kind="styrelse", date=date(2026, 12, 10), time="13.00", place="Kommunhuset, sal Ekorren",
        chair="Anna Ordförandesson", secretary="Sara Sekreterarsson", adjusters="Jan Justerarsson",
        first_paragraph=14,
        attendees=[
            Attendee("Anna Ordförandesson", "Exempelby kommun", "ordforande"),
            Attendee("Per Jävsson", "Region Exempel", "ledamot"),
            Attendee("Jan Justerarsson", "Försäkringskassan", "ledamot"),
            Attendee("Eva Frånvarosson", "Arbetsförmedlingen", "ersattare", present=False),
        ],
        items=[
            AgendaItem("fritt", "Mötets öppnande", outcome_text="Ordföranden öppnade mötet."),
            AgendaItem("fritt", "Val av justerare", outcome_text="Till justerare valdes Jan Justerarsson."),
            AgendaItem("fritt", "Godkännande av dagordningen"),
            AgendaItem("fritt", "Föregående protokoll",
                       text="Protokollet från 2026-10-15.\nLades till handlingarna."),
            AgendaItem("ansokan", "Ansökan: Språnget", text="Fortsättning av Språnget under 2027.",
                       outcome="beviljad", outcome_text=GRANT, granted={2027: kr(1_180_000)}, jav=["Per Jävsson"]),
            AgendaItem("ansokan", "Ansökan: Kaffekoppen", outcome="avslag",
                       outcome_text="Styrelsen beslutar att avslå Kaffekoppen.", granted={2027: kr(400_000)}),
            AgendaItem("fritt", "Mötets avslutande"),
        ],
    )


def beredning_meeting() -> Meeting:
    m = styrelse_meeting()
    items = [replace(i) for i in m.items]
    proposal = "Beredningsgruppen föreslår styrelsen att bevilja Språnget 1 180 000 kr för 2027."
    items[4] = replace(items[4], outcome="tillstyrk", outcome_text=proposal)
    items[5] = replace(items[5], outcome="avstyrk", outcome_text="")
    return replace(m, kind="beredning", items=items)


def text_of(data: bytes) -> str:
    return norm("\n".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(data)).pages))


def fonts_of(data: bytes) -> set[str]:
    names = set()
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        names |= {str(f.get_object()["/BaseFont"]) for f in fonts.get_object().values()}
    return names


def assert_dejavu_only(data: bytes) -> None:
    fonts = fonts_of(data)
    assert fonts and all("DejaVu" in f for f in fonts), fonts


def in_order(text: str, parts: list[str]) -> None:
    at = -1
    for part in parts:
        found = text.find(part, at + 1)
        assert found > at, f"{part!r} missing or out of order"
        at = found


# ---------------------------------------------------------------- kallelse
def test_kallelse_calls_everyone_and_lists_the_agenda():
    m = styrelse_meeting()
    data = kallelse_pdf(m, FORBUND, TODAY, SUBJECTS)
    text = text_of(data)
    assert pypdf.PdfReader(io.BytesIO(data)).metadata.title == "Kallelse"
    assert "Kallelse" in text and "Styrelse – sammanträde 2026-12-10" in text
    assert "Tid: 2026-12-10 kl. 13.00" in text
    assert "Plats: Kommunhuset, sal Ekorren" in text
    for a in m.attendees:  # the absent are called too
        assert a.name in text and a.organisation in text
    assert "Ersättare" in text and "Ordförande" in text
    in_order(text, ["Kallade", "Dagordning"] + [f"§ {14 + i} {item.title}" for i, item in enumerate(m.items)])
    assert "§ 20 Mötets avslutande" in text and "§ 21" not in text
    assert "Protokollet från 2026-10-15. Lades till handlingarna." in text
    in_order(text, ["§ 18 Ansökan: Språnget", SUBJECTS[4], "Fortsättning av Språnget under 2027."])
    assert SUBJECTS[5] in text
    assert GRANT not in text  # a kallelse has no decisions
    assert_dejavu_only(data)


def test_kallelse_without_time_or_place():
    m = replace(styrelse_meeting(), time="", place="")
    text = text_of(kallelse_pdf(m, FORBUND, TODAY))
    assert "Tid: 2026-12-10" in text and "kl." not in text
    assert "Plats:" not in text


# ---------------------------------------------------------------- protokoll
def test_protokoll_present_absent_and_paragraphs():
    m = styrelse_meeting()
    data = protokoll_pdf(m, FORBUND, SUBJECTS)
    text = text_of(data)
    assert pypdf.PdfReader(io.BytesIO(data)).metadata.title == "Protokoll"
    assert text.count("Eva Frånvarosson") == 1  # only among the absent
    present = text[text.index("Närvarande"):text.index("Frånvarande")]
    for a in m.present:
        assert a.name in present
    assert "Frånvarande: Eva Frånvarosson" in text
    assert "Paragrafer: §§ 14–20" in text
    in_order(text, [f"§ {14 + i} {item.title}" for i, item in enumerate(m.items)] + ["Justering"])
    assert_dejavu_only(data)


def test_protokoll_decisions_amounts_and_jav():
    text = text_of(protokoll_pdf(styrelse_meeting(), FORBUND, SUBJECTS))
    assert "Beslut: Ordföranden öppnade mötet." in text
    assert f"Beslut: {GRANT}" in text
    in_order(text, ["§ 18 Ansökan: Språnget", SUBJECTS[4], "Fortsättning av Språnget under 2027.",
                    f"Beslut: {GRANT}", "År Beviljat 2027 1 180 000 kr",
                    "Per Jävsson anmälde jäv och deltog inte i handläggningen av ärendet.", "§ 19"])
    kaffe = text[text.index("§ 19 Ansökan: Kaffekoppen"):text.index("§ 20")]
    assert "Beslut: Styrelsen beslutar att avslå Kaffekoppen." in kaffe
    assert "400 000 kr" not in kaffe.replace(SUBJECTS[5], "")  # a rejection grants nothing
    assert "jäv" not in kaffe
    no_outcome = text[text.index("§ 16 Godkännande av dagordningen"):text.index("§ 17")]
    assert "Beslut" not in no_outcome


def test_protokoll_justering_names_everyone_who_signs():
    text = text_of(protokoll_pdf(styrelse_meeting(), FORBUND))
    block = text[text.index("Justering"):]
    assert "Ort och datum:" in block
    # two blocks a row: the roles on one line, the names under them
    in_order(block, ["Ordförande Justerare", "Anna Ordförandesson Jan Justerarsson",
                     "Sekreterare", "Sara Sekreterarsson"])


@pytest.mark.parametrize("items", [5, 17])
def test_protokoll_justering_is_on_the_page_of_the_last_paragraph(items):
    """With 5 or 17 items the justering fitted on no page but its own: the signatures stood alone, without a
    § above them to show which protokoll they sign. It is kept with the last § (found with item counts 1–29)."""
    m = replace(styrelse_meeting(), items=[AgendaItem("fritt", f"Punkt nummer {i}",
                                                      "En text om punkten som tar en rad eller två. " * 3)
                                           for i in range(items)])
    pages = [norm(p.extract_text()) for p in pypdf.PdfReader(io.BytesIO(protokoll_pdf(m, FORBUND))).pages]
    signed = next(i for i, page in enumerate(pages) if "Justering Ort och datum" in page)
    assert f"§ {14 + items - 1} Punkt nummer {items - 1}" in pages[signed], f"page {signed + 1} of {len(pages)}"


def test_protokoll_two_adjusters_sign_separately():
    m = replace(styrelse_meeting(), adjusters="Jan Justerarsson och Per Jävsson")
    block = text_of(protokoll_pdf(m, FORBUND))
    block = block[block.index("Justering"):]
    in_order(block, ["Ordförande Justerare", "Anna Ordförandesson Jan Justerarsson",
                     "Justerare Sekreterare", "Per Jävsson Sara Sekreterarsson"])


def test_protokoll_beredning_says_rekommendation():
    data = protokoll_pdf(beredning_meeting(), FORBUND, SUBJECTS)
    text = text_of(data)
    assert "Beredningsgrupp – sammanträde 2026-12-10" in text
    assert ("Rekommendation: Beredningsgruppen föreslår styrelsen att bevilja Språnget 1 180 000 kr för 2027."
            in text)
    assert "År Föreslaget 2027 1 180 000 kr" in text
    assert "Rekommendation: Avstyrks (förslag: avslå)" in text  # no sentence written: the choice itself
    assert "Beslut:" not in text and "Beviljat" not in text
    assert_dejavu_only(data)


def test_protokoll_other_meeting_writes_anteckning():
    m = replace(styrelse_meeting(), kind="annat")
    assert "Anteckning: Ordföranden öppnade mötet." in text_of(protokoll_pdf(m, FORBUND))


# ---------------------------------------------------------------- beslutsunderlag
def application(marker: str, pages: int) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4, initialFontName="DejaVuSans")
    for n in range(1, pages + 1):
        c.setFont("DejaVuSans", 12)
        c.drawString(72, 760, f"{marker} blankett sida {n}")
        c.showPage()
    c.save()
    return buffer.getvalue()


def outline_pages(reader: pypdf.PdfReader) -> list[tuple[str, int]]:
    return [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]


def test_beslutsunderlag_joins_cover_and_applications_with_bookmarks():
    m = styrelse_meeting()
    docs = [(4, "Språnget", application("SPRANGET", 2)), (5, "Kaffekoppen", application("KAFFEKOPPEN", 3))]
    data = beslutsunderlag_pdf(m, FORBUND, docs, TODAY)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1 + 5
    assert reader.metadata.title == "Beslutsunderlag Styrelse 2026-12-10"
    assert outline_pages(reader) == [("Innehåll", 0), ("§ 18 Språnget", 1), ("§ 19 Kaffekoppen", 3)]
    pages = [norm(p.extract_text() or "") for p in reader.pages]
    assert "Beslutsunderlag" in pages[0] and "Styrelse – sammanträde 2026-12-10" in pages[0]
    assert "§ 18 Språnget 2" in pages[0] and "§ 19 Kaffekoppen 4" in pages[0]  # Sida, counted from 1
    assert "SPRANGET blankett sida 1" in pages[1] and "SPRANGET blankett sida 2" in pages[2]
    assert "KAFFEKOPPEN blankett sida 1" in pages[3] and "KAFFEKOPPEN blankett sida 3" in pages[5]
    assert_dejavu_only(data)


def test_beslutsunderlag_with_a_long_cover():
    m = replace(styrelse_meeting(), items=[AgendaItem("ansokan", f"Ansökan {n}") for n in range(60)])
    docs = [(n, f"Insats nummer {n} med ett ganska långt namn", application(f"DOC{n}", 3)) for n in range(60)]
    data = beslutsunderlag_pdf(m, FORBUND, docs, TODAY)
    reader = pypdf.PdfReader(io.BytesIO(data))
    cover = len(reader.pages) - 180
    assert cover >= 2  # the contents did not fit one page, so every start moved on
    outline = outline_pages(reader)
    assert outline[1] == ("§ 14 Insats nummer 0 med ett ganska långt namn", cover)
    assert outline[-1][1] == cover + 59 * 3
    assert "DOC59 blankett sida 1" in norm(reader.pages[cover + 59 * 3].extract_text())
    cover_text = norm("\n".join(reader.pages[i].extract_text() for i in range(cover)))
    assert "§ 14 Insats nummer 0 med ett ganska långt namn " + str(cover + 1) in cover_text
    assert re.search(rf"§ 73 Insats nummer 59 med ett ganska långt namn {cover + 59 * 3 + 1}\b", cover_text)


def test_beslutsunderlag_twelve_documents():
    m = replace(styrelse_meeting(), items=[AgendaItem("ansokan", f"Ansökan {n}") for n in range(12)])
    docs = [(n, f"Ansökan {n}", application(f"APP{n}", 3)) for n in range(12)]
    reader = pypdf.PdfReader(io.BytesIO(beslutsunderlag_pdf(m, FORBUND, docs, TODAY)))
    assert len(reader.pages) == 1 + 36
    outline = outline_pages(reader)
    assert len(outline) == 12 + 1
    assert outline[12] == ("§ 25 Ansökan 11", 1 + 33)


def test_beslutsunderlag_without_documents_is_the_cover():
    data = beslutsunderlag_pdf(styrelse_meeting(), FORBUND, [], TODAY)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    assert "Inga ansökningar på dagordningen." in text_of(data)


def test_beslutsunderlag_unreadable_document_is_named():
    with pytest.raises(MeetingPdfError, match="§ 18"):
        beslutsunderlag_pdf(styrelse_meeting(), FORBUND, [(4, "Språnget", b"inte en pdf")], TODAY)
