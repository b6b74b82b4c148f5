"""A PDF with a text layer as neutral blocks: paragraphs and tables in reading order.

Tables are found from their ruling lines (a cell is the space between its row's rules); a row
that is one cell across the table is read as paragraphs. Lines become paragraphs by their
spacing, font and indent; a bullet glyph at the start of a line starts a list item. Lines in
the top and bottom margin that repeat on the pages (the running header, `Sid 2(8)`) are left
out, and a paragraph that a page break cut in two is joined again.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

import pypdf

from ..domain.form_blocks import Block, Extracted, Grid, Para, bullet_marker, clean, is_bullet_glyph
from .pdf_layout import PageLayout, Rule, Run, page_layouts

SAME_LINE = 2.0
PARAGRAPH_GAP = 1.6  # × font size between baselines: more is a new paragraph
TOP_BAND, BOTTOM_BAND = 0.10, 0.08
_PAGE_NUMBER = re.compile(r"^(sid|sida|page)?\s*#+\s*(\(#+\)|/\s*#+|av\s+#+|of\s+#+)?$", re.I)
_SENTENCE_END = tuple(".!?:;\"”’)»")


@dataclass
class Line:
    runs: list[Run]

    @property
    def y(self) -> float:
        return self.runs[0].y

    @property
    def x(self) -> float:
        return self.runs[0].x

    @property
    def size(self) -> float:
        return max(r.size for r in self.runs) or 10.0

    @property
    def bold(self) -> bool:
        return all(r.bold for r in self.runs)

    @property
    def text(self) -> str:
        out = ""
        for r in self.runs:
            if out and not out[-1].isspace() and not r.text[:1].isspace():
                out += " "
            out += r.text
        return clean(out)

    def bullet(self) -> tuple[str, str] | None:
        """(marker, rest) when the line starts with a bullet glyph drawn apart from its text."""
        first = self.runs[0].text.strip()
        if len(self.runs) > 1 and is_bullet_glyph(first):
            return bullet_marker(first), clean(" ".join(r.text for r in self.runs[1:]))
        return None


def _lines(runs: list[Run]) -> list[Line]:
    lines: list[Line] = []
    for run in sorted(runs, key=lambda r: (-r.y, r.x)):
        if lines and abs(lines[-1].y - run.y) <= SAME_LINE:
            lines[-1].runs.append(run)
        else:
            lines.append(Line([run]))
    for line in lines:
        line.runs.sort(key=lambda r: r.x)
    return lines


def _paragraphs(lines: list[Line], page: int) -> list[Para]:
    """Lines of one flow (a page's text, or one cell) grouped into paragraphs and list items."""
    out: list[Para] = []
    words: list[str] = []
    marker = ""
    previous: Line | None = None
    item_x = 0.0

    def flush() -> None:
        nonlocal words, marker
        if words:
            para = Para.of(" ".join(words), page, marker, strong=previous is not None and previous.bold)
            if para is not None:
                out.append(para)
        words, marker = [], ""

    for line in lines:
        bullet = line.bullet()
        new = previous is None or bullet is not None
        if previous is not None and not new:
            gap = previous.y - line.y
            new = (gap > PARAGRAPH_GAP * max(previous.size, line.size) or previous.bold != line.bold
                   or abs(previous.size - line.size) > 0.6 or (bool(marker) and line.x < item_x - 3))
        if new:
            flush()
        if bullet is not None:
            marker, text = bullet
            item_x = line.runs[1].x
        else:
            text = line.text
        words.append(text)
        previous = line
    flush()
    return out


@dataclass
class _Table:
    x0: float
    x1: float
    y0: float
    y1: float
    rows: list[tuple[float, float, list[float]]]  # (top, bottom, column edges)

    def contains(self, run: Run) -> bool:
        return self.x0 - 1 <= run.x <= self.x1 + 1 and self.y0 - 1 <= run.y <= self.y1 + 1


def _dedupe(values: list[float], tolerance: float = 1.5) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def _tables(rules: list[Rule]) -> list[_Table]:
    verticals = sorted((r for r in rules if not r.horizontal), key=lambda r: r.y0)
    groups: list[list[Rule]] = []
    for v in verticals:
        for g in groups:
            if any(v.y0 <= o.y1 + 1 and o.y0 <= v.y1 + 1 for o in g):
                g.append(v)
                break
        else:
            groups.append([v])
    tables = []
    for g in groups:
        xs = _dedupe([v.x0 for v in g])
        if len(xs) < 2:
            continue
        x0, x1, y0, y1 = xs[0], xs[-1], min(v.y0 for v in g), max(v.y1 for v in g)
        edges = _dedupe([y0, y1] + [h.y0 for h in rules if h.horizontal and y0 - 1 <= h.y0 <= y1 + 1
                                    and h.x0 < x1 - 1 and h.x1 > x0 + 1])
        rows = []
        for bottom, top in zip(edges, edges[1:], strict=False):
            mid = (top + bottom) / 2
            cols = _dedupe([v.x0 for v in g if v.y0 - 1 <= mid <= v.y1 + 1])
            if len(cols) >= 2:
                rows.append((top, bottom, cols))
        tables.append(_Table(x0, x1, y0, y1, sorted(rows, key=lambda r: -r[0])))
    return tables


Unit = list[Line] | tuple[str, ...]  # lines of the flow or of a one-cell row | a table row's cell texts


def _page_units(layout: PageLayout, runs: list[Run]) -> list[tuple[float, Unit]]:
    """(y, unit) in reading order: a unit is a list of Lines (flow or a one-cell row) or a row of cell texts."""
    tables = _tables(layout.rules)
    flow: list[Run] = []
    cells: dict[tuple[int, int, int], list[Run]] = {}
    for run in runs:
        for ti, t in enumerate(tables):
            if not t.contains(run):
                continue
            for ri, (top, bottom, cols) in enumerate(t.rows):
                if bottom - 0.5 <= run.y <= top + 0.5:
                    ci = max(0, min(len(cols) - 2, sum(1 for c in cols[1:-1] if run.x >= c - 1)))
                    cells.setdefault((ti, ri, ci), []).append(run)
                    break
            else:
                continue
            break
        else:
            flow.append(run)
    units: list[tuple[float, Unit]] = []
    flow_lines = _lines(flow)
    run_start = 0
    for i in range(1, len(flow_lines) + 1):  # split the flow where a table sits between lines
        if i == len(flow_lines) or any(flow_lines[i].y < t.y1 < flow_lines[i - 1].y for t in tables):
            if i > run_start:
                units.append((flow_lines[run_start].y, flow_lines[run_start:i]))
            run_start = i
    for ti, t in enumerate(tables):
        for ri, (top, _bottom, cols) in enumerate(t.rows):
            texts = [_lines(cells.get((ti, ri, ci), [])) for ci in range(len(cols) - 1)]
            if not any(texts):
                if len(cols) > 2:
                    units.append((top, ("", ) * (len(cols) - 1)))
                continue
            if len(cols) == 2:
                units.append((top, texts[0]))
            else:
                units.append((top, tuple(_cell_text(layout, lines, cols[ci], cols[ci + 1])
                                         for ci, lines in enumerate(texts))))
    return sorted(units, key=lambda u: -u[0])


def _cell_text(layout: PageLayout, lines: list[Line], left: float, right: float) -> str:
    """A cell's lines as one text. A word too long for its cell is broken at the edge (an e-mail
    address, a long compound in a narrow column); such a break is glued back without a space when
    the line reaches the edge, the two pieces together are wider than the cell, and the pieces
    look like one word: an address, or a lower-case letter on both sides of the break.
    A name or a capitalised word after a break keeps its space."""
    out = ""
    inner = right - left
    for i, line in enumerate(lines):
        text = line.text
        if i and out:
            prev = lines[i - 1]
            prev_right = layout.right_edge(prev.x, prev.y, right)
            this_right = layout.right_edge(line.x, line.y, right)
            per_char_prev = (prev_right - prev.x) / max(1, len(prev.text))
            per_char = (this_right - line.x) / max(1, len(text))
            tail, head = prev.text.rsplit(" ", 1)[-1], text.split(" ", 1)[0]
            at_edge = prev_right >= right - 6 - 2 * per_char_prev  # 6: a cell's usual inner padding
            too_wide = len(tail) * per_char_prev + len(head) * per_char > inner - 12
            one_word = "@" in tail + head or "www." in tail + head or (
                tail[-1:].isalpha() and tail[-1:].islower() and head[:1].islower())
            out += "" if at_edge and too_wide and one_word else " "
        out += text
    return clean(out)


def _furniture(layouts: list[PageLayout]) -> set[str]:
    """Texts (digits as #) of margin lines that repeat on pages, or are page numbers."""
    seen: dict[str, set[int]] = {}
    for layout in layouts:
        for line in _lines(layout.runs):
            if layout.height * BOTTOM_BAND < line.y < layout.height * (1 - TOP_BAND):
                continue
            key = re.sub(r"\d", "#", line.text)
            seen.setdefault(key, set()).add(layout.number)
    return {k for k, pages in seen.items() if len(pages) >= 2 and len(pages) >= len(layouts) / 2
            or _PAGE_NUMBER.match(k)}


@dataclass
class _Page:
    blocks: list[Block]
    layout: PageLayout
    first: Line | None = None  # the first line, when the page starts with a paragraph of the flow
    last: Line | None = None  # the last line, when the page ends with one
    rights: dict[int, float] = field(default_factory=dict)  # line start x → the longest line's right edge
    guessed: bool = False  # whether its first paragraph continues the previous page's is a guess


def _continues(previous: _Page, page: _Page, column_right: float) -> bool:
    """Did the page break cut the previous page's last paragraph? Yes when the next page's first
    word would not have fitted on the last line (so the line was wrapped, not ended)."""
    last, first = previous.last, page.first
    if last is None or first is None or first.bullet() is not None:
        return False
    if last.bold != first.bold or abs(last.size - first.size) > 0.6:
        return False
    text_x = last.runs[1].x if last.bullet() is not None else last.x
    if abs(first.x - text_x) > 2:
        return False  # a list item goes on at its text's indent, a paragraph at its own margin
    right = previous.layout.right_edge(last.x, last.y)
    first_right = page.layout.right_edge(first.x, first.y)
    if not right or not first_right or not column_right:
        return not last.text.endswith(_SENTENCE_END)
    word = first.text.split(" ", 1)[0]
    word_width = page.layout.prefix_width(first.x, first.y, len(word))
    if word_width is None:  # estimated from the word's share of its line; errs towards joining
        word_width = 1.3 * (first_right - first.x) * len(word) / max(1, len(first.text))
    if right + 0.25 * last.size + word_width <= column_right + 0.5:
        return False  # the word would have fitted: the paragraph ended
    if last.text.endswith((".", "!", "?", ":")) and word[:1].isupper():
        # A full last line ending a sentence, and a capital on the next page: a paragraph that ended
        # at the foot of the page and one cut between two sentences look alike. Joined (the more
        # common case), and marked as a guess for the review.
        page.guessed = True
    return True


def _joined(blocks: list[Block], previous: _Page | None, page: _Page, column_right: float) -> list[Block]:
    """Append one page's blocks, joining what the page break cut: a paragraph, or a table whose
    rows go on (its repeated header row dropped)."""
    page_blocks = page.blocks
    if blocks and page_blocks and previous is not None:
        last, first = blocks[-1], page_blocks[0]
        if isinstance(last, Para) and isinstance(first, Para) and _continues(previous, page, column_right):
            blocks[-1] = Para(f"{last.text} {first.text}", last.bullet, last.page, last.strong)
            page_blocks = page_blocks[1:]
        elif isinstance(last, Grid) and isinstance(first, Grid) and last.width == first.width:
            rows = first.rows[1:] if first.rows and last.rows and first.rows[0] == last.rows[0] else first.rows
            blocks[-1] = Grid(last.rows + rows, last.page)
            page_blocks = page_blocks[1:]
    return blocks + page_blocks


def _read_page(layout: PageLayout, furniture: set[str], removed: list[str]) -> _Page:
    runs = []
    for line in _lines(layout.runs):
        margin = not layout.height * BOTTOM_BAND < line.y < layout.height * (1 - TOP_BAND)
        if margin and re.sub(r"\d", "#", line.text) in furniture:
            if line.text not in removed:
                removed.append(line.text)
            continue
        runs += line.runs
    page = _Page([], layout)
    grid_rows: list[tuple[str, ...]] = []
    units = _page_units(layout, runs)
    for i, (_y, unit) in enumerate(units):
        if isinstance(unit, tuple):
            grid_rows.append(unit)
            continue
        if grid_rows:
            page.blocks.append(Grid(tuple(grid_rows), layout.number))
            grid_rows = []
        paras = _paragraphs(unit, layout.number)
        if i == 0 and paras and unit:
            page.first = unit[0]
        if i == len(units) - 1 and paras and unit:
            page.last = unit[-1]
        for line in unit:
            x = round(line.x)
            page.rights[x] = max(page.rights.get(x, 0.0), layout.right_edge(line.x, line.y))
        page.blocks += paras
    if grid_rows:
        page.blocks.append(Grid(tuple(grid_rows), layout.number))
    return page


def read_pdf(data: bytes) -> Extracted:
    """Raises pypdf's errors for a broken file; documents/form_files.py words them."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        raise PermissionError("encrypted")
    layouts = page_layouts(reader)
    furniture = _furniture(layouts)
    removed: list[str] = []
    blocks: list[Block] = []
    pages = [_read_page(layout, furniture, removed) for layout in layouts]
    previous: _Page | None = None
    for page in pages:
        if previous is not None and previous.last is not None:
            # The text column's right edge: the longest line starting where the cut line starts, on any page.
            x = round(previous.last.x)
            column_right = max((p.rights.get(k, 0.0) for p in pages for k in (x - 1, x, x + 1)), default=0.0)
        else:
            column_right = 0.0
        blocks = _joined(blocks, previous, page, column_right)
        previous = page
    guesses = [f"sid {p.layout.number - 1}–{p.layout.number}" for p in pages if p.guessed]
    return Extracted(blocks, "pdf", pages=len(layouts), removed=removed, guessed_joins=guesses)

