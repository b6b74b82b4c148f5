"""Page furniture of an outside funder's form: the running header and footer as the original has them, with
page numbers counted per document part (the ESF+ application is `1 (36)`, its Bilaga: Budgetspecifikation
`1 (3)`).

A `PartStart` flowable at the top of a page says which part the page belongs to; the canvas keeps every page
until the end, then draws each page's header and footer knowing its number and its part's page count.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Flowable

from ..domain.form_parts import PageSpec
from .pdf_common import FONT, FONT_BOLD, FONT_ITALIC, GRID, MARGIN_LEFT, MARGIN_RIGHT, MUTED, register_fonts

PART = "_finsam_part"  # the canvas attribute naming the part a page belongs to
HEADER_TOP = 12 * mm
LINE = 10.5  # header line height (pt)
FOOTER_Y = 10 * mm


class PartStart(Flowable):
    """Zero-size marker: this page and the following belong to document part `name`."""

    def __init__(self, name: str):
        super().__init__()
        self.name = name
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        setattr(self.canv, PART, self.name)  # noqa: B010 - saved with the page's state until the canvas saves


def header_height(spec: PageSpec) -> float:
    """Room the header takes from the top of the page (the frame starts below it)."""
    lines = max(len(spec.header_left) + len(spec.first_page), len(spec.header_right), 1)
    return HEADER_TOP + lines * LINE + 8


def footer_height(spec: PageSpec) -> float:
    return FOOTER_Y + 8 + len(spec.footer) * LINE


def draw_furniture(c: rl_canvas.Canvas, spec: PageSpec, fill: Callable[[str], str], page: int, total: int,
                   first: bool) -> None:
    """Header left (bold first line, like a logo), header right (right-aligned), the first page's lines under the
    left block, a rule; the footer lines centred above the bottom edge with a rule over them."""
    width, height = getattr(c, "_pagesize")  # noqa: B009 - the page's own size (portrait or landscape)
    numbers = {"page": str(page), "total": str(total)}

    def text(line: str) -> str:
        for key, value in numbers.items():
            line = line.replace("{" + key + "}", value)
        return fill(line)

    c.saveState()
    y = height - HEADER_TOP
    for i, line in enumerate(spec.header_left):
        c.setFont(FONT_BOLD if i == 0 else FONT, 9.5 if i == 0 else 9)
        c.drawString(MARGIN_LEFT, y - i * LINE, text(line))
    left_end = y - len(spec.header_left) * LINE
    if first:
        c.setFont(FONT_ITALIC, 9)
        for i, line in enumerate(spec.first_page):
            c.drawString(MARGIN_LEFT, left_end - i * LINE, text(line))
        left_end -= len(spec.first_page) * LINE
    c.setFont(FONT, 9)
    for i, line in enumerate(spec.header_right):
        c.drawRightString(width - MARGIN_RIGHT, y - i * LINE, text(line))
    rule = min(left_end, y - len(spec.header_right) * LINE) + 4
    c.setStrokeColor(GRID)
    c.setLineWidth(0.5)
    c.line(MARGIN_LEFT, rule, width - MARGIN_RIGHT, rule)
    if spec.footer:
        c.setFont(FONT, 7.5)
        c.setFillColor(MUTED)
        top = FOOTER_Y + len(spec.footer) * LINE
        c.line(MARGIN_LEFT, top + 2, width - MARGIN_RIGHT, top + 2)
        for i, line in enumerate(spec.footer):
            c.drawCentredString(width / 2, top - (i + 1) * LINE + 3, text(line))
    c.restoreState()


def furnished_canvas(specs: dict[str, PageSpec], fill: Callable[[str], str]) -> type[rl_canvas.Canvas]:
    """A Canvas class that draws `specs[part]`'s header and footer on every page, numbered within its part."""

    class FurnishedCanvas(rl_canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            register_fonts()
            super().__init__(*args, **kwargs)
            setattr(self, PART, "")  # noqa: B010
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            getattr(self, "_startPage")()  # noqa: B009 - reportlab's own: a fresh page, nothing drawn yet

        def save(self) -> None:
            totals: dict[str, int] = {}
            for state in self._pages:
                totals[state[PART]] = totals.get(state[PART], 0) + 1
            seen: dict[str, int] = {}
            for state in self._pages:
                self.__dict__.update(state)
                part = state[PART]
                seen[part] = seen.get(part, 0) + 1
                draw_furniture(self, specs[part], fill, seen[part], totals[part], first=seen[part] == 1)
                super().showPage()
            super().save()

    return FurnishedCanvas


def content_margins(specs: dict[str, PageSpec]) -> tuple[float, float]:
    """(top, bottom) margins that leave room for the tallest header and footer of any part."""
    return (max(header_height(s) for s in specs.values()) + 2 * mm,
            max(footer_height(s) for s in specs.values()) + 2 * mm)
