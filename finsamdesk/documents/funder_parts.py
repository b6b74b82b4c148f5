"""The structured parts of an outside funder's form as reportlab flowables, laid out as the form has them:
label/value grids, `Label: value` lines, repeated organisation blocks, tables with a repeating header
(Risk | Åtgärd; Typ av stöd | Finansiär | Summa), and choices with the chosen answer ticked (☒) or written.

Every text comes from the template or the application; the layout depends only on the part's type.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from ..domain.application import Application
from ..domain.figures import Figures
from ..domain.form_parts import Part
from ..domain.form_values import app_value, item_value, items_of, selected_options, split_placeholders
from ..domain.forms import Section
from .pdf_common import CONTENT_WIDTH, FONT, FONT_BOLD, GRID, HEADER_FILL, esc, styles

TICKED, UNTICKED = "☒", "☐"
Value = Callable[[str], str]


def _cell_style(bold: bool = False, right: bool = False, size: float = 9) -> ParagraphStyle:
    base = styles().cell_bold if bold else styles().cell
    return ParagraphStyle(f"fp_{bold}_{right}_{size}", parent=base, fontSize=size, leading=size + 2.5,
                          alignment=TA_RIGHT if right else base.alignment)


def _markup(text: str, value: Value) -> str:
    """A template line: its leading label in bold (`Organisationsnamn:`), the rest as it reads."""
    out = []
    for i, (is_value, piece) in enumerate(split_placeholders(text)):
        if is_value:
            out.append(esc(value(piece)))
        elif i == 0 and len(split_placeholders(text)) > 1:
            out.append(f'<font name="{FONT_BOLD}">{esc(piece)}</font>')
        else:
            out.append(esc(piece))
    return "".join(out)


def _plain(text: str, value: Value) -> str:
    return "".join(value(piece) if is_value else piece for is_value, piece in split_placeholders(text))


def _is_value_cell(text: str) -> bool:
    return any(is_value for is_value, _ in split_placeholders(text))


def grid_flowable(rows: tuple[tuple[str, ...], ...], value: Value, header: tuple[str, ...] = (),
                  align_right: bool = False) -> Flowable:
    """Label | value [| label | value] rows; a short row's last value spans the rest of the table."""
    ncols = max([len(r) for r in rows] + [len(header), 2])
    label_w = 0.27 if ncols >= 4 else 0.55
    if ncols >= 4:
        widths = [CONTENT_WIDTH * w for w in (0.27, 0.33, 0.17, 0.23)][:ncols]
    else:
        widths = [CONTENT_WIDTH * label_w, CONTENT_WIDTH * (1 - label_w)]
    data: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = []
    if header:
        data.append([Paragraph(esc(h), _cell_style(True, align_right and i == len(header) - 1))
                     for i, h in enumerate(header)] + [""] * (ncols - len(header)))
        commands += [("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)]
    for row in rows:
        r = len(data)
        cells = []
        for text in row:
            is_value = _is_value_cell(text)
            cells.append(Paragraph(esc(_plain(text, value)), _cell_style(not is_value, align_right and is_value)))
        data.append(cells + [""] * (ncols - len(cells)))
        if len(row) < ncols:
            commands.append(("SPAN", (len(row) - 1, r), (ncols - 1, r)))
    table = Table(data, colWidths=widths, hAlign="LEFT", repeatRows=1 if header else 0)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, GRID), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3), *commands]))
    return table


def lines_flowables(lines: tuple[str, ...], value: Value) -> list[Flowable]:
    return [Paragraph(_markup(line, value), styles().body) for line in lines]


def repeat_flowables(part: Part, items: list[Any]) -> list[Flowable]:
    """One flowable per row (a grid table, or the lines as one paragraph), so a block is not torn apart and a
    heading's keepWithNext takes the first block along (a KeepTogether inside another always breaks the page)."""
    out: list[Flowable] = []
    block = ParagraphStyle("repeat_block", parent=styles().body, spaceAfter=7)
    for item in items:
        value = _item_values(item)
        if part.layout == "grid":
            out += [grid_flowable(part.rows, value), Spacer(1, 6)]
        else:
            out.append(Paragraph("<br/>".join(_markup(line, value) for line in part.lines), block))
    return out


def table_flowable(part: Part, items: list[Any]) -> Flowable | None:
    """Header row repeated on every page; an empty table prints `min_rows` empty rows (or nothing)."""
    if not items and (part.omit_empty or not part.min_rows):
        return None if part.omit_empty else _header_only(part)
    head = [Paragraph(esc(h), _cell_style(True)) for h, _ in part.columns]
    rows: list[list[Any]] = [head]
    for item in items:
        value = _item_values(item)
        rows.append([Paragraph(esc(_plain(b, value)).replace("\n", "<br/>"), _cell_style()) for _, b in part.columns])
    rows += [[""] * len(part.columns) for _ in range(0 if items else part.min_rows)]
    widths = _table_widths(part)
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT",
                  rowHeights=None if items else [None] + [16] * part.min_rows)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, GRID), ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4)]))
    return table


def _header_only(part: Part) -> Flowable:
    table = Table([[Paragraph(esc(h), _cell_style(True)) for h, _ in part.columns]], colWidths=_table_widths(part),
                  hAlign="LEFT")
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, 0), 0.4, GRID)]))
    return table


def _table_widths(part: Part) -> list[float]:
    n = len(part.columns)
    if n == 2:
        return [CONTENT_WIDTH * 0.38, CONTENT_WIDTH * 0.62]
    if n == 3 and part.columns[-1][1] == "{amount}":
        return [CONTENT_WIDTH * 0.4, CONTENT_WIDTH * 0.4, CONTENT_WIDTH * 0.2]
    return [CONTENT_WIDTH / n] * n


def choice_flowables(section: Section, app: Application | None) -> list[Flowable]:
    """Every option with ☒ for the chosen and ☐ for the others, in `columns` per row; or (choice_style text)
    only the chosen option, as the ESF+ form prints its Ja/Nej answers."""
    chosen = selected_options(app, section.id, section.binds) if app is not None else []
    if section.choice_style == "text":
        return [Paragraph(esc(", ".join(chosen)), styles().body)] if chosen else []
    n = max(1, section.columns)
    cells = [Paragraph(f"{TICKED if o in chosen else UNTICKED} {esc(o)}", _cell_style()) for o in section.options]
    rows = [cells[i:i + n] + [""] * (n - len(cells[i:i + n])) for i in range(0, len(cells), n)]
    table = Table(rows, colWidths=[CONTENT_WIDTH / n] * n, hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return [table, Spacer(1, 4)]


def part_flowables(part: Part, app: Application | None, value: Value) -> list[Flowable]:
    """A grid, lines, repeat or table part (budget parts are printed by funder_budget)."""
    if part.type == "grid":
        return [grid_flowable(part.rows, value, part.header, part.align_right), Spacer(1, 6)]
    if part.type == "lines":
        return lines_flowables(part.lines, value) + [Spacer(1, 2)]
    items = items_of(app, part) if app is not None else []
    if part.type == "repeat":
        return repeat_flowables(part, items)
    if part.type == "table":
        table = table_flowable(part, items)
        return [table, Spacer(1, 6)] if table is not None else []
    return []


def _item_values(item: Any) -> Value:
    return lambda name: item_value(item, name)


def value_of(app: Application | None, figures: Figures | None) -> Value:
    if app is None:
        return lambda name: ""
    return lambda name: app_value(app, name, figures)
