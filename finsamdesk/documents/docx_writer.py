"""A Document as .docx (python-docx): Word's built-in Title and Heading 1–3 styles (so the navigation pane
and LibreOffice's navigator list them), real tables with a repeating header row and right-aligned figures, the
förbund's logo and name in the header, and "Sid x (y)" from PAGE and NUMPAGES fields in the footer.
The language is Swedish (spelling, hyphenation)."""
from __future__ import annotations

import io
from typing import TYPE_CHECKING

from docx import Document as new_docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from .blocks import Bullets, Document, Heading, PageBreak, Para, Signature, Table

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.table import _Cell, _Row
    from docx.text.paragraph import Paragraph

MUTED = RGBColor(0x55, 0x55, 0x55)
MARGIN_CM, TEXT_WIDTH_CM = 2.2, 21.0 - 2 * 2.2  # A4


def _element(tag: str, text: str | None = None, **attributes: str) -> BaseOxmlElement:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(name.replace("_", ":", 1)), value)
    if text is not None:
        element.text = text
    return element


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice compute when the page is laid out."""
    run = paragraph.add_run()
    for element in (_element("w:fldChar", w_fldCharType="begin"),
                     _element("w:instrText", f" {instruction} ", xml_space="preserve"),
                     _element("w:fldChar", w_fldCharType="separate"), _element("w:t", "1"),
                     _element("w:fldChar", w_fldCharType="end")):
        run._r.append(element)


def _language(doc: DocxDocument) -> None:
    for style_name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3"):
        rpr = doc.styles[style_name].element.get_or_add_rPr()
        rpr.append(_element("w:lang", w_val="sv-SE"))


def _header_footer(doc: DocxDocument, document: Document) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(MARGIN_CM)
    header = section.header.paragraphs[0]
    if document.logo:
        try:
            header.add_run().add_picture(io.BytesIO(document.logo), height=Cm(1.4))
            header.add_run("  ")
        except Exception:  # noqa: BLE001 - a logo python-docx cannot read is left out, the text stays
            pass
    name = header.add_run(document.forbund)
    name.bold = True
    if document.header_right:  # on a right tab stop at the text's right edge
        header.paragraph_format.tab_stops.add_tab_stop(Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT)
        header.add_run("\t" + document.header_right)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run("Sid ")
    _field(footer, "PAGE")
    footer.add_run(" (")
    _field(footer, "NUMPAGES")
    footer.add_run(")")
    for run in footer.runs:
        run.font.size = Pt(8.5)
        run.font.color.rgb = MUTED


def _repeat_header(row: _Row) -> None:
    row._tr.get_or_add_trPr().append(_element("w:tblHeader", w_val="true"))


TABLE_STYLES = ("Tabelltext", "Tabelltext höger")


def _table_styles(doc: DocxDocument) -> None:
    """Paragraph styles for table cells (9,5 pt, no space after; one right-aligned for figures): a cell then
    needs one style reference instead of three direct formats."""
    for name in TABLE_STYLES:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.font.size = Pt(9.5)
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.space_before = Pt(0)
        if name.endswith("höger"):
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _cell(cell: _Cell, text: str, *, bold: bool, right: bool, style_ids: tuple[str, str]) -> None:
    """The cell's paragraph written as XML directly (python-docx's per-property setters cost ~1 ms a cell)."""
    paragraph = cell._tc.p_lst[0]
    ppr = _element("w:pPr")
    ppr.append(_element("w:pStyle", w_val=style_ids[1] if right else style_ids[0]))
    paragraph.append(ppr)
    run = _element("w:r")
    if bold:
        rpr = _element("w:rPr")
        rpr.append(_element("w:b"))
        run.append(rpr)
    run.append(_element("w:t", text, xml_space="preserve"))
    paragraph.append(run)


def _table(doc: DocxDocument, table: Table) -> None:
    n = len(table.header)
    t = doc.add_table(rows=len(table.rows) + 1, cols=n)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    _repeat_header(t.rows[0])
    cells = t._cells  # every cell, row by row, in one pass (row.cells and column.cells rescan the table)
    numeric = [table.numeric(i) for i in range(n)]
    ids = tuple(doc.styles[name].style_id for name in TABLE_STYLES)
    for i, text in enumerate(table.header):
        _cell(cells[i], text, bold=True, right=numeric[i], style_ids=ids)
    for r, row in enumerate(table.rows, start=1):
        bold = r - 1 in table.bold_rows
        for i, value in enumerate(row):
            _cell(cells[r * n + i], table.cell_text(i, value), bold=bold, right=numeric[i], style_ids=ids)
    if table.widths:  # the grid (what LibreOffice reads) and every cell (what Word reads)
        t.autofit = False
        whole = sum(table.widths)
        widths = [Cm(TEXT_WIDTH_CM * w / whole) for w in table.widths]
        for column, width in zip(t.columns, widths, strict=True):
            column.width = width
        for k, cell in enumerate(cells):
            cell.width = widths[k % n]
    doc.add_paragraph()


def docx_bytes(document: Document) -> bytes:
    doc = new_docx()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    _language(doc)
    _table_styles(doc)
    _header_footer(doc, document)
    props = doc.core_properties
    props.title, props.author, props.language, props.comments = (document.title, document.forbund, "sv-SE",
                                                                 "Skapad av finsamdesk")
    if not document.letter:
        doc.add_heading(document.title, level=0)
        if document.subtitle:
            doc.add_paragraph(document.subtitle)
    for block in document.blocks:
        if isinstance(block, Heading):
            doc.add_heading(block.text, level=min(3, max(1, block.level)))
        elif isinstance(block, Para):
            for text in block.text.split("\n\n"):
                p = doc.add_paragraph()
                run = p.add_run(text)
                if block.style in ("muted", "placeholder"):
                    run.font.color.rgb = MUTED
                    run.italic = block.style == "placeholder"
                if block.style == "lead":
                    run.bold = True
        elif isinstance(block, Bullets):
            for item in block.items:
                doc.add_paragraph(item, style="List Bullet")
        elif isinstance(block, Table):
            _table(doc, block)
        elif isinstance(block, Signature):
            doc.add_paragraph()
            for line in block.lines:
                doc.add_paragraph(line).paragraph_format.space_after = Pt(0)
        elif isinstance(block, PageBreak):
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
