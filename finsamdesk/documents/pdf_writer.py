"""A Document as PDF (reportlab): the same blocks as the .docx, with a bookmark per heading (the reader's
outline), the förbund's logo and name in the header and "Sid x(y)" in the footer."""
from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from . import blocks as b
from .pdf_common import (
    CONTENT_WIDTH,
    FONT,
    FONT_BOLD,
    GRID,
    HEADER_FILL,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_SIZE,
    TableCommands,
    auto_col_widths,
    esc,
    numbered_canvas,
    page_footer,
    register_fonts,
    styles,
    text_width,
)

LOGO_HEIGHT = 12 * mm
SHORT_TABLE = 20  # rows


class _Outlined(SimpleDocTemplate):
    """Notes (title, level, page) of every heading paragraph as it is placed; the bookmarks are added after
    the build (the numbered canvas holds its pages back until the end, so reportlab's own would all point at
    the first page)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.marks: list[tuple[str, int, int]] = []

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _HeadingParagraph):
            self.marks.append((flowable.getPlainText(), flowable.outline_level, self.page - 1))


class _HeadingParagraph(Paragraph):
    """A heading: its outline level (0 = top) goes with it to the bookmarks."""

    def __init__(self, text: str, style: Any, outline_level: int) -> None:
        super().__init__(text, style)
        self.outline_level = outline_level


def _with_bookmarks(data: bytes, marks: list[tuple[str, int, int]]) -> bytes:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    parents: dict[int, Any] = {}  # level → the outline item under which the next level goes
    for title, level, page in marks:
        parent = parents.get(level - 1) if level else None
        parents[level] = writer.add_outline_item(title=title, page_number=page, parent=parent)
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _heading(text: str, level: int) -> Paragraph:
    s = styles()
    style = s.title if level == 0 else s.heading if level == 1 else s.subheading
    return _HeadingParagraph(esc(text), style, max(0, level - 1))


def _header(document: b.Document) -> Callable[[Any, Any], None]:
    logo = None
    if document.logo:
        try:
            logo = ImageReader(io.BytesIO(document.logo))
        except Exception:  # noqa: BLE001 - a logo reportlab cannot read is left out, the name stays
            logo = None

    def draw(c: Any, doc: Any) -> None:
        c.saveState()
        width, height = PAGE_SIZE
        y = height - 14 * mm
        x = MARGIN_LEFT
        if logo is not None:
            w, h = logo.getSize()
            drawn = LOGO_HEIGHT * w / h if h else LOGO_HEIGHT
            c.drawImage(logo, x, y - 3 * mm, width=drawn, height=LOGO_HEIGHT, mask="auto")
            x += drawn + 4 * mm
        c.setFont(FONT_BOLD, 9)
        c.drawString(x, y, document.forbund)
        c.setFont(FONT, 9)
        c.drawRightString(width - MARGIN_RIGHT, y, document.header_right)
        c.setStrokeColor(GRID)
        c.setLineWidth(0.5)
        c.line(MARGIN_LEFT, y - 5 * mm, width - MARGIN_RIGHT, y - 5 * mm)
        c.restoreState()

    return draw


def _cell_style(bold: bool, right: bool) -> ParagraphStyle:
    base = styles().cell_bold if bold else styles().cell
    return ParagraphStyle(f"report_cell_{bold}_{right}", parent=base, alignment=TA_RIGHT if right else base.alignment)


def _table(table: b.Table) -> Table:
    """Cells that fit their column are plain strings (a Paragraph per cell costs ~1 ms to lay out and draw; 200
    insatser make thousands); a text too long for its column wraps as a Paragraph — a heading over figures too
    (as a plain string it ran into the column beside it), while the figures themselves never wrap."""
    texts = [list(table.header)] + [[table.cell_text(i, v) for i, v in enumerate(row)] for row in table.rows]
    # 8 pt more than the cells' padding: bold rows are measured as regular, and a cell as wide as its text wraps
    widths, _ = auto_col_widths(texts, CONTENT_WIDTH, padding=20)
    bold_rows = {0} | {r + 1 for r in table.bold_rows}
    cells: list[list[str | Paragraph]] = []
    for r, row in enumerate(texts):
        font = FONT_BOLD if r in bold_rows else FONT
        cells.append([text if (table.numeric(i) and r > 0) or text_width(text, font, 9) <= widths[i] - 12
                      else Paragraph(esc(text), _cell_style(r in bold_rows, table.numeric(i)))
                      for i, text in enumerate(row)])
    t = Table(cells, colWidths=widths, repeatRows=1)
    style: TableCommands = [("FONT", (0, 0), (-1, -1), FONT, 9), ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
             ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    style += [("FONT", (0, r), (-1, r), FONT_BOLD, 9) for r in bold_rows]
    style += [("ALIGN", (i, 0), (i, -1), "RIGHT") for i in range(len(table.header)) if table.numeric(i)]
    t.setStyle(TableStyle(style))
    return t


def _flowables(document: b.Document) -> list[Flowable]:
    s = styles()
    muted = s.body.clone("muted", textColor="#555555", keepWithNext=True)  # an intro stays with its table
    placeholder = s.help
    story: list[Flowable] = []
    if not document.letter:
        story.append(_heading(document.title, 0))
        if document.subtitle:
            story.append(Paragraph(esc(document.subtitle), s.subtitle))
    for block in document.blocks:
        if isinstance(block, b.Heading):
            story.append(_heading(block.text, block.level))
        elif isinstance(block, b.Para):
            style = {"muted": muted, "placeholder": placeholder, "lead": s.cell_bold}.get(block.style, s.body)
            story += [Paragraph(esc(text).replace("\n", "<br/>"), style) for text in block.text.split("\n\n")]
        elif isinstance(block, b.Bullets):
            story += [Paragraph(esc(item), s.bullet, bulletText="•") for item in block.items]
        elif isinstance(block, b.Table):  # a short table is not split over two pages, nor from its headings
            flowable: Flowable = _table(block)
            if len(block.rows) <= SHORT_TABLE:
                lead: list[Flowable] = []
                while story and getattr(getattr(story[-1], "style", None), "keepWithNext", False):
                    lead.insert(0, story.pop())
                flowable = KeepTogether([*lead, flowable])
            story += [flowable, Spacer(1, 8)]
        elif isinstance(block, b.Signature):
            story.append(KeepTogether([Spacer(1, 18), *(Paragraph(esc(line), s.body) for line in block.lines)]))
        elif isinstance(block, b.PageBreak):
            story.append(PageBreak())
    return story


def pdf_bytes(document: b.Document) -> bytes:
    register_fonts()
    out = io.BytesIO()
    doc = _Outlined(out, pagesize=PAGE_SIZE, leftMargin=MARGIN_LEFT - 6, rightMargin=MARGIN_RIGHT - 6,
                    topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=document.title, author=document.forbund,
                    creator="finsamdesk", lang="sv-SE")
    header = _header(document)
    doc.build(_flowables(document), onFirstPage=header, onLaterPages=header,
              canvasmaker=numbered_canvas(page_footer()))
    return _with_bookmarks(out.getvalue(), doc.marks)
