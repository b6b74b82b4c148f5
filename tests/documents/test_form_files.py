"""Received form files as they really arrive: Word's tables and lists, PDFs with page furniture,
and files that cannot be read (each with a Swedish message, never a traceback)."""
from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document
from docx.oxml import OxmlElement
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from finsamdesk.documents import form_files
from finsamdesk.documents.form_files import FormFileError, read_form_bytes
from finsamdesk.domain.form_blocks import Grid, Para


def _docx(build) -> bytes:
    doc = Document()
    build(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_docx_merged_header_cells_single_cell_rows_and_vertical_merges():
    def build(doc):
        t = doc.add_table(rows=4, cols=4)
        t.cell(0, 0).merge(t.cell(0, 3)).text = "Fråga som spänner över hela bredden:"
        t.cell(1, 0).text = "Budget"
        t.cell(1, 2).merge(t.cell(1, 3)).text = "Sökta medel"
        t.cell(1, 1).merge(t.cell(2, 1)).text = "Egen finansiering (om sådan finns)"
        for c, v in ((2, "2021"), (3, "2022")):
            t.cell(2, c).text = v
        for c, v in enumerate(("Personal", "", "", "1\u00a0130\u00a0tkr")):
            t.cell(3, c).text = v

    blocks = read_form_bytes("t.docx", _docx(build)).blocks
    assert blocks[0] == Para("Fråga som spänner över hela bredden:")
    assert blocks[1] == Grid((("Budget", "Egen finansiering (om sådan finns)", "Sökta medel", "Sökta medel"),
                              ("", "", "2021", "2022"), ("Personal", "", "", "1 130 tkr")))


def test_docx_text_noise_lists_and_placeholders():
    def build(doc):
        p = doc.add_paragraph("Arbets\u00admarknads\u00a0förvaltningen, Marie")
        run = p.add_run()
        run._r.append(OxmlElement("w:noBreakHyphen"))
        p.add_run("Louise  och\tandra")
        doc.add_paragraph("Punkt ett", style="List Bullet")
        doc.add_paragraph("•\tPunkt två")
        doc.add_paragraph(".....")
        doc.add_paragraph("______")
        box = doc.add_table(rows=1, cols=1)  # a one-cell box to write in is read as paragraphs
        box.cell(0, 0).text = "Svar i rutan"
        deleted = doc.add_paragraph("Kvar")
        d = OxmlElement("w:del")
        r = OxmlElement("w:r")
        t = OxmlElement("w:delText")
        t.text = " struket"
        r.append(t)
        d.append(r)
        deleted._p.append(d)

    blocks = read_form_bytes("t.docx", _docx(build)).blocks
    assert blocks == [Para("Arbetsmarknads förvaltningen, Marie-Louise och andra"), Para("Punkt ett", "-"),
                      Para("Punkt två", "•"), Para("Svar i rutan"), Para("Kvar")]


def _pdf(pages: list[list[str]], header: str = "Förbundet – Ansökan") -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    for i, lines in enumerate(pages, start=1):
        c.setFont("Helvetica", 9)
        c.drawString(56, A4[1] - 40, header)
        c.drawRightString(A4[0] - 56, 30, f"Sida {i} av {len(pages)}")
        c.setFont("Helvetica", 10)
        y = A4[1] - 100
        for line in lines:
            if line:
                c.drawString(56, y, line)
            y -= 13.5 if line else 10
        c.showPage()
    c.save()
    return out.getvalue()


def test_pdf_page_furniture_removed_and_paragraph_over_page_break_joined():
    full = "Detta är en lång rad som fyller hela bredden av sidan och fortsätter på nästa sida utan att"
    data = _pdf([["Rubrik", "", "Första stycket slutar här.", "", full], ["sluta förrän här.", "", "Nytt stycke."]])
    extracted = read_form_bytes("t.pdf", data)
    assert [b.text for b in extracted.blocks] == ["Rubrik", "Första stycket slutar här.",
                                                  f"{full} sluta förrän här.", "Nytt stycke."]
    assert "Förbundet – Ansökan" in extracted.removed and "Sida 2 av 2" in extracted.removed


def test_scanned_pdf_without_text_says_so_in_swedish():
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    c.rect(50, 50, 400, 600, fill=1)  # a page that is only a picture
    c.showPage()
    c.save()
    with pytest.raises(FormFileError, match="ingen text – den ser ut att vara inskannad"):
        read_form_bytes("skannad.pdf", out.getvalue())


@pytest.mark.parametrize(("name", "data", "message"), [
    ("tom.docx", b"", "är tom"),
    ("trasig.pdf", b"%PDF-1.7\n" + b"\x00" * 200, "skadad och kan inte läsas som PDF"),
    ("trasig.docx", b"PK\x03\x04" + b"\x00" * 100, "skadad och kan inte öppnas som Word-fil"),
    ("gammal.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "äldre Word-fil"),
    ("bild.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "varken en Word-fil"),
])
def test_damaged_files_give_a_swedish_message(name, data, message):
    with pytest.raises(FormFileError, match=message):
        read_form_bytes(name, data)


def test_zip_that_is_not_word_and_oversized_files(monkeypatch):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("annat.txt", "hej")
    with pytest.raises(FormFileError, match="dokumentdelen saknas"):
        read_form_bytes("arkiv.docx", out.getvalue())
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<" + b" " * (form_files.MAX_UNPACKED_BYTES + 10))
    with pytest.raises(FormFileError, match="för stor uppackad"):
        read_form_bytes("bomb.docx", bomb.getvalue())
    monkeypatch.setattr(form_files, "MAX_FILE_BYTES", 1000)
    with pytest.raises(FormFileError, match="läses in upp till"):
        read_form_bytes("stor.pdf", b"%PDF-" + b"x" * 2000)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(FormFileError, match="finns inte"):
        form_files.read_form_file(tmp_path / "saknas #1.docx")
    with pytest.raises(FormFileError, match="är en mapp"):
        form_files.read_form_file(tmp_path)


def test_encrypted_pdf_is_refused_in_swedish():
    import pypdf

    writer = pypdf.PdfWriter()
    writer.append(pypdf.PdfReader(io.BytesIO(_pdf([["Text"]]))))
    writer.encrypt(user_password="hemligt", owner_password="ägare")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(FormFileError, match="lösenordsskyddad"):
        read_form_bytes("låst.pdf", out.getvalue())


def test_a_numbered_word_paragraph_is_a_list_item():
    def build(doc):
        p = doc.add_paragraph("Numrerad")
        num = OxmlElement("w:numPr")
        p._p.get_or_add_pPr().append(num)

    assert read_form_bytes("t.docx", _docx(build)).blocks == [Para("Numrerad", "-")]
