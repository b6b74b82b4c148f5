"""Shared reportlab pieces for every printed PDF: fonts, styles, header, "Sid x(y)" footer.

Fonts are the bundled DejaVu Sans TTFs (resources/fonts), embedded as subsets, so å ä ö
print and can be searched on any machine. `rl_config.canvas_basefontname` is pointed at
DejaVu too; otherwise every canvas starts with an unembedded Helvetica.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas

from ..paths import fonts_dir

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

PageCallback = Callable[[rl_canvas.Canvas, Any], None]  # onFirstPage / onLaterPages: (canvas, document)
TableCommands = list[Any]  # TableStyle commands, e.g. ("GRID", (0, 0), (-1, -1), 0.5, colour)
TableRows = list[list[Any]]  # Table cells: text, a Paragraph or a list of flowables

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_BOLD_ITALIC = "DejaVuSans-BoldOblique"

PAGE_SIZE = A4
MARGIN_LEFT = 20 * mm
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 26 * mm  # room for the running header
MARGIN_BOTTOM = 20 * mm  # room for the footer
CONTENT_WIDTH = PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT
FRAME_PADDING = 6  # platypus Frame's default padding; doc margins are reduced by it so text lines up

GRID = colors.HexColor("#8a8a8a")
HEADER_FILL = colors.HexColor("#e6e9ee")
HELP_FILL = colors.HexColor("#f2f4f7")
HELP_BORDER = colors.HexColor("#c3c8d0")
MUTED = colors.HexColor("#555555")


class FontError(RuntimeError):
    """The bundled fonts are missing; the message is Swedish."""


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register DejaVu Sans (once per process) and make it the canvas default font."""
    folder = fonts_dir()
    files = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf",
             FONT_ITALIC: "DejaVuSans-Oblique.ttf", FONT_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf"}
    for name, filename in files.items():
        path = folder / filename
        if not path.is_file():
            raise FontError(f"Typsnittet {filename} saknas i {folder}; programmet är inte fullständigt installerat.")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC)
    rl_config.canvas_basefontname = FONT
    return FONT


def esc(text: str) -> str:
    """Plain text → Paragraph markup (escape <, >, &)."""
    return escape(str(text or ""))


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    bullet: ParagraphStyle
    help: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    small: ParagraphStyle


@lru_cache(maxsize=1)
def styles() -> Styles:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=13.5, alignment=TA_LEFT,
                          spaceAfter=5, splitLongWords=True)
    return Styles(
        title=ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=15, leading=19, spaceAfter=8),
        subtitle=ParagraphStyle("subtitle", parent=body, fontSize=10.5, leading=14, spaceAfter=6),
        heading=ParagraphStyle("heading", parent=body, fontName=FONT_BOLD, fontSize=10.5, leading=14,
                               spaceBefore=10, spaceAfter=4, keepWithNext=True),
        subheading=ParagraphStyle("subheading", parent=body, fontName=FONT_BOLD, fontSize=10, leading=13.5,
                                  spaceBefore=4, spaceAfter=3, keepWithNext=True),
        body=body,
        bullet=ParagraphStyle("bullet", parent=body, leftIndent=16, bulletIndent=5, spaceAfter=2,
                              bulletFontName=FONT),
        help=ParagraphStyle("help", parent=body, fontName=FONT_ITALIC, fontSize=9, leading=12, spaceAfter=2,
                            textColor=colors.HexColor("#333333")),
        cell=ParagraphStyle("cell", parent=body, fontSize=9, leading=11.5, spaceAfter=0),
        cell_bold=ParagraphStyle("cell_bold", parent=body, fontName=FONT_BOLD, fontSize=9, leading=11.5,
                                 spaceAfter=0),
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10, spaceAfter=0, textColor=MUTED),
    )


def text_width(text: str, font: str = FONT, size: float = 9) -> float:
    register_fonts()
    return pdfmetrics.stringWidth(text, font, size)


def auto_col_widths(rows: Sequence[Sequence[str]], total: float, *, font_size: float = 9,
                    padding: float = 12, bold_first_row: bool = True, keep_short: int = 14) -> tuple[list[float], bool]:
    """Column widths like an HTML table's auto layout; returns (widths, fits).

    Each column gets at least its longest unbreakable word (a cell of at most `keep_short`
    characters, e.g. a phone number, counts as one word); the rest of `total` is shared in
    proportion to how much more each column would need to print its longest cell on one line.
    `fits` is False when even the longest words do not fit (then they are scaled down).
    """
    ncols = max((len(r) for r in rows), default=0)
    min_w = [padding + 20.0] * ncols
    nat_w = [padding + 20.0] * ncols
    for i, row in enumerate(rows):
        font = FONT_BOLD if bold_first_row and i == 0 else FONT
        for j, cell in enumerate(row):
            cell = str(cell or "")
            words = [cell] if len(cell) <= keep_short else (cell.split() or [""])
            min_w[j] = max(min_w[j], padding + max(text_width(w, font, font_size) for w in words))
            nat_w[j] = max(nat_w[j], padding + text_width(cell, font, font_size))
    if sum(nat_w) <= total:
        scale = total / sum(nat_w)
        return [w * scale for w in nat_w], True
    if sum(min_w) >= total:
        scale = total / sum(min_w)
        return [w * scale for w in min_w], False
    extra = total - sum(min_w)
    want = [n - m for n, m in zip(nat_w, min_w, strict=True)]
    return [m + extra * w / sum(want) for m, w in zip(min_w, want, strict=True)], True


def numbered_canvas(footer: Callable[[rl_canvas.Canvas, int, int], None]) -> type[rl_canvas.Canvas]:
    """A Canvas class that knows the page count when it draws each footer ("Sid 2(11)").

    Pages are kept until save(), then replayed with `footer(canvas, page, total)` drawn on each.
    """

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            register_fonts()
            super().__init__(*args, **kwargs)
            self._saved_page_states: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved_page_states.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # reportlab's own page reset, not in its stubs

        def save(self) -> None:
            total = len(self._saved_page_states)
            for state in self._saved_page_states:
                self.__dict__.update(state)
                footer(self, self.getPageNumber(), total)
                super().showPage()
            super().save()

    return NumberedCanvas


def page_footer(fmt: str = "Sid {page}({total})", left: str = "") -> Callable[[rl_canvas.Canvas, int, int], None]:
    """Footer drawer: optional small text on the left, `Sid x(y)` on the right."""

    def draw(c: rl_canvas.Canvas, page: int, total: int) -> None:
        c.saveState()
        c.setFont(FONT, 8.5)
        c.setFillColor(MUTED)
        y = MARGIN_BOTTOM - 10 * mm
        if left:
            c.drawString(MARGIN_LEFT, y, left)
        c.drawRightString(PAGE_SIZE[0] - MARGIN_RIGHT, y, fmt.format(page=page, total=total))
        c.restoreState()

    return draw


def page_header(left: str, right: str, first_page_lines: Iterable[str] = ()) -> tuple[PageCallback, PageCallback]:
    """(onFirstPage, onLaterPages) callbacks: `left` and `right` on every page, a rule under them,
    and `first_page_lines` right-aligned under `right` on the first page only."""
    extra = [line for line in first_page_lines if line]

    def draw(c: rl_canvas.Canvas, doc: Any, lines: Sequence[str]) -> None:
        c.saveState()
        width, height = PAGE_SIZE
        y = height - 13 * mm
        c.setFont(FONT_BOLD, 9)
        c.drawString(MARGIN_LEFT, y, left)
        c.setFont(FONT, 9)
        c.drawRightString(width - MARGIN_RIGHT, y, right)
        for line in lines:
            y -= 11
            c.drawRightString(width - MARGIN_RIGHT, y, line)
        c.setStrokeColor(GRID)
        c.setLineWidth(0.5)
        rule_y = min(y, height - 13 * mm) - 5
        c.line(MARGIN_LEFT, rule_y, width - MARGIN_RIGHT, rule_y)
        c.restoreState()

    def first(c: rl_canvas.Canvas, doc: Any) -> None:
        draw(c, doc, extra)

    def later(c: rl_canvas.Canvas, doc: Any) -> None:
        draw(c, doc, ())

    return first, later


def top_margin(n_first_page_lines: int) -> float:
    """The top margin that leaves room for the header and its first-page lines (two fit as is)."""
    return MARGIN_TOP + max(0, n_first_page_lines - 2) * 11


def build_pdf(story: list[Flowable], *, title: str, author: str, right: str, footer_left: str = "") -> bytes:
    """A report on A4 (not a form): `author` (the förbund) left and `right` in the header, `Sid x(y)` and
    `footer_left` in the footer; embedded fonts, Swedish language metadata."""
    from io import BytesIO

    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    buffer = BytesIO()
    first, later = page_header(author, right)
    doc = SimpleDocTemplate(buffer, pagesize=PAGE_SIZE, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
                            topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=title, author=author,
                            creator="finsamdesk", lang="sv-SE")
    doc.build(story, onFirstPage=first, onLaterPages=later, canvasmaker=numbered_canvas(page_footer(left=footer_left)))
    return buffer.getvalue()
