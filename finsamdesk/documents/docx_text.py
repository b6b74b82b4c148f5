"""A .docx as neutral blocks: the body's paragraphs and tables in order (python-docx).

Page headers and footers live in their own parts of a .docx and are never read. A table row
that is one merged cell across the table (a form's question row) is read as paragraphs; other
rows become a Grid where a merged cell repeats its text in each column it spans. Word's own
list paragraphs (numbering) are bullets; tracked deletions are not text.
"""
from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from docx import Document
from docx.oxml.ns import qn

from ..domain.form_blocks import Block, Extracted, Grid, Para, clean

Element = Any  # an lxml element of the document's XML (python-docx ships no types for it)
_T, _TAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_NBH, _SOFT, _SYM = qn("w:noBreakHyphen"), qn("w:softHyphen"), qn("w:sym")
_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_SDT, _SDT_CONTENT = qn("w:sdt"), qn("w:sdtContent")


def _paragraph_text(p: Element) -> str:
    """Text of a <w:p> in document order: runs, hyperlinks, fields' results, content controls."""
    parts: list[str] = []
    for el in p.iter(_T, _TAB, _BR, _CR, _NBH, _SOFT, _SYM):
        tag = el.tag
        if tag == _T:
            parts.append(el.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag in (_BR, _CR):
            parts.append("\n")
        elif tag == _NBH:
            parts.append("-")
    return "".join(parts)


def _is_list_item(p: Element) -> bool:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        return False
    if ppr.find(qn("w:numPr")) is not None:
        return True
    style = ppr.find(qn("w:pStyle"))
    return style is not None and "list" in (style.get(qn("w:val")) or "").lower()


def _is_strong(p: Element) -> bool:
    """A heading or title style, or every run with text in bold."""
    ppr = p.find(qn("w:pPr"))
    style = ppr.find(qn("w:pStyle")) if ppr is not None else None
    name = (style.get(qn("w:val")) or "").lower() if style is not None else ""
    if name.startswith(("heading", "rubrik", "title")):
        return True
    runs = [r for r in p.iter(qn("w:r")) if "".join(t.text or "" for t in r.iter(_T)).strip()]
    if not runs:
        return False
    for r in runs:
        rpr = r.find(qn("w:rPr"))
        b = rpr.find(qn("w:b")) if rpr is not None else None
        if b is None or b.get(qn("w:val")) in ("0", "false"):
            return False
    return True


def _paras(p: Element, page: int) -> list[Para]:
    """One <w:p>; a manual line break inside it (Shift+Enter) starts a new paragraph only when the
    next line is a typed bullet, otherwise the lines are one paragraph."""
    text = _paragraph_text(p)
    bullet = "-" if _is_list_item(p) else ""
    strong = _is_strong(p)
    out: list[Para] = []
    buffer: list[str] = []
    for line in text.split("\n"):
        item = Para.of(line, page)
        if item is not None and item.bullet and not bullet:
            if buffer:
                para = Para.of(" ".join(buffer), page)
                out += [para] if para else []
                buffer = []
            out.append(item)
        else:
            buffer.append(line)
    para = Para.of(" ".join(buffer), page, bullet, strong)
    if para is not None:
        out.append(para)
    return out


def _cells(tr: Element) -> list[tuple[Element, int, bool]]:
    """(cell, columns spanned, continues a vertical merge) for each <w:tc> of a row."""
    out = []
    for tc in tr.iter(_TC):
        if tc.getparent() is not tr and tc.getparent().tag != _SDT_CONTENT:
            continue  # a cell of a table nested in this row's cells
        pr = tc.find(qn("w:tcPr"))
        span, continued = 1, False
        if pr is not None:
            gs = pr.find(qn("w:gridSpan"))
            if gs is not None and (gs.get(qn("w:val")) or "1").isdigit():
                span = max(1, int(gs.get(qn("w:val"))))
            vm = pr.find(qn("w:vMerge"))
            continued = vm is not None and vm.get(qn("w:val")) in (None, "continue")
        out.append((tc, span, continued))
    return out


def _cell_paras(tc: Element, page: int) -> list[Para]:
    out: list[Para] = []
    for p in tc.iter(_P):
        out += _paras(p, page)
    return out


def _table_blocks(tbl: Element, page: int) -> list[Block]:
    blocks: list[Block] = []
    rows: list[tuple[str, ...]] = []
    for tr in tbl.iter(_TR):
        if tr.getparent() is not tbl:
            continue
        cells = _cells(tr)
        if len(cells) == 1 and cells[0][1] > 1 or len(cells) == 1 and _grid_width(tbl) <= 1:
            if rows:
                blocks.append(Grid(tuple(rows), page))
                rows = []
            blocks += _cell_paras(cells[0][0], page)
            continue
        row: list[str] = []
        for tc, span, continued in cells:
            text = "" if continued else clean(" ".join(p.text for p in _cell_paras(tc, page)))
            row += [text] * span
        rows.append(tuple(row))
    if rows:
        blocks.append(Grid(tuple(rows), page))
    return blocks


def _grid_width(tbl: Element) -> int:
    grid = tbl.find(qn("w:tblGrid"))
    return len(grid.findall(qn("w:gridCol"))) if grid is not None else 0


def _body_elements(body: Element) -> Iterator[Element]:
    for el in body:
        if el.tag == _SDT:
            content = el.find(_SDT_CONTENT)
            if content is not None:
                yield from _body_elements(content)
        else:
            yield el


def read_docx(data: bytes) -> Extracted:
    """Raises whatever python-docx raises for a broken file; documents/form_files.py words it."""
    doc = Document(io.BytesIO(data))
    blocks: list[Block] = []
    for el in _body_elements(doc.element.body):
        if el.tag == _P:
            blocks += _paras(el, 1)
        elif el.tag == _TBL:
            blocks += _table_blocks(el, 1)
    return Extracted(blocks, "docx", pages=1)
