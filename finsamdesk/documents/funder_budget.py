"""The budgets of the ESF forms as printed tables: the 2014–2020 Kostnader tree and the ESF+
Bilaga: Budgetspecifikation. Figures come computed (domain esf); labels come from the template."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from ..domain.application import Application
from ..domain.esf import EsfResult
from ..domain.esf_parts import COFINANCING, PERSONAL, FlatRate, SpecLine
from ..domain.figures import format_percent
from ..domain.form_parts import SpecRow
from ..domain.forms import FormTemplate
from ..domain.money import format_amount
from .pdf_common import CONTENT_WIDTH, GRID, HEADER_FILL, auto_col_widths, esc, styles

SIZE = 8
Lines = list[tuple[SpecLine, int | None]]


def _style(bold: bool = False, right: bool = False, indent: float = 0) -> ParagraphStyle:
    base = styles().cell_bold if bold else styles().cell
    return ParagraphStyle(f"fb_{bold}_{right}_{indent}", parent=base, fontSize=SIZE, leading=SIZE + 2,
                          alignment=TA_RIGHT if right else base.alignment, leftIndent=indent)


def kr(ore: int | None) -> str:
    """`12 320 268 kr` with no-break spaces: an amount never wraps in its cell."""
    return format_amount(ore or 0, "kr", sep="\u00a0").replace(" kr", "\u00a0kr")


# a row of the 2014–2020 Kostnader tree: label, amount (öre; None for a heading alone), depth (0 heading, 1 group
# with its total, 2 line)
TreeRow = tuple[str, int | None, int]


def cost_tree_rows(template: FormTemplate, result: EsfResult | None, app: Application | None) -> list[TreeRow]:
    """Groups with their total, lines under them, headings (Offentlig medfinansiering) alone; for the PDF and the
    Word file alike."""
    tree = template.cost_tree
    assert tree is not None  # parse_template: an esf-2014-2020 form has its cost tree
    cells = app.esf.cost_cells if app is not None and app.esf is not None else {}
    rows: list[TreeRow] = []
    for g in tree.groups:
        if g.heading:
            rows.append((g.heading, None, 0))
        total = result.tree.total(g.key) if result is not None and result.tree is not None else None
        rows.append((g.label, total or 0, 1))
        for line in g.lines:
            rows.append((line.label, (cells.get((g.key, line.label)) if app is not None else None) or 0, 2))
    return rows


def cost_tree_flowable(template: FormTemplate, result: EsfResult | None, app: Application | None) -> Flowable:
    """Groups with their total, lines indented under them, headings (Offentlig medfinansiering) alone."""
    rows: list[list[Any]] = []
    bold_rows: list[int] = []
    for label, amount, depth in cost_tree_rows(template, result, app):
        if depth < 2:
            bold_rows.append(len(rows))
        if depth == 0:
            rows.append([Paragraph(esc(label), _style(True)), ""])
        else:
            rows.append([Paragraph(esc(label), _style(depth == 1, indent=6 if depth == 1 else 18)),
                         Paragraph(esc(kr(amount)), _style(depth == 1, True))])
    table = Table(rows, colWidths=[CONTENT_WIDTH * 0.72, CONTENT_WIDTH * 0.28], hAlign="LEFT", repeatRows=0)
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                               *[("BACKGROUND", (0, r), (-1, r), HEADER_FILL) for r in bold_rows]]))
    return table


# the specification: seven columns as the personal lines have them; other rows span
WIDTHS = [38 * mm, 22 * mm, 45 * mm, 16 * mm, 18 * mm, 14 * mm, 0]
WIDTHS[-1] = CONTENT_WIDTH - sum(WIDTHS[:-1])


class _Rows:
    """The specification's rows as flowables, and as text (seven cells, bold or not) for the Word file."""

    def __init__(self) -> None:
        self.rows: list[list[Any]] = []
        self.commands: list[tuple[Any, ...]] = []
        self.text: list[tuple[tuple[str, ...], bool]] = []

    def label(self, text: str, amount: str, bold: bool = False, indent: float = 0) -> None:
        self.text.append(((text, "", "", "", "", "", amount), bold))
        r = len(self.rows)
        self.rows.append([Paragraph(esc(text), _style(bold, indent=indent)), "", "", "", "", "",
                          Paragraph(esc(amount), _style(bold, True))])
        self.commands.append(("SPAN", (0, r), (5, r)))

    def header(self, columns: tuple[str, ...]) -> None:
        padded = columns if len(columns) == 7 else (columns[0], *columns[1:-1], *[""] * (7 - len(columns)),
                                                    columns[-1]) if len(columns) > 1 else (*columns, *[""] * 6)
        self.text.append((tuple(padded), True))
        r = len(self.rows)
        if len(columns) == 7:
            self.rows.append([Paragraph(esc(c), _style(True, i >= 3)) for i, c in enumerate(columns)])
        elif len(columns) == 3:
            self.rows.append([Paragraph(esc(columns[0]), _style(True)), Paragraph(esc(columns[1]), _style(True)),
                              "", "", "", "", Paragraph(esc(columns[2]), _style(True, True))])
            self.commands.append(("SPAN", (1, r), (5, r)))
        else:
            self.rows.append([Paragraph(esc(columns[0]), _style(True)), "", "", "", "", "",
                              Paragraph(esc(columns[-1]), _style(True, True))])
            self.commands.append(("SPAN", (0, r), (5, r)))
        self.commands.append(("BACKGROUND", (0, r), (-1, r), HEADER_FILL))

    def line(self, cells: list[str], spans: tuple[int, int] | None = None) -> None:
        self.text.append((tuple(cells), False))
        r = len(self.rows)
        self.rows.append([Paragraph(esc(c), _style(right=i >= 3 and spans is None or i == 6))
                          for i, c in enumerate(cells)])
        if spans:
            self.commands.append(("SPAN", (spans[0], r), (spans[1], r)))


def specification_flowable(template: FormTemplate, result: EsfResult | None, app: Application | None,
                           width: float = CONTENT_WIDTH) -> Flowable:
    out, lines, figures = _specification(template, result, app)
    biggest = kr(max((figures.value(n) or 0 for n in figures.values), default=0)) if figures is not None else ""
    table = Table(out.rows, colWidths=_widths(template, lines, width, biggest), hAlign="LEFT")
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                               ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                               *out.commands]))
    return table


def specification_rows(template: FormTemplate, result: EsfResult | None,
                       app: Application | None) -> list[tuple[tuple[str, ...], bool]]:
    """The Budgetspecifikation as the PDF prints it, as rows of seven text cells (bold or not)."""
    return _specification(template, result, app)[0].text


def _specification(template: FormTemplate, result: EsfResult | None,
                   app: Application | None) -> tuple[_Rows, Lines, Any]:
    parts = app.esf if app is not None else None
    lines = list(zip(parts.spec_lines, result.line_amounts, strict=True)) \
        if parts is not None and result is not None else []
    figures = result.figures if result is not None else None
    out = _Rows()

    def fig(name: str) -> str:
        return kr(figures.value(name)) if figures is not None else ""

    for row in template.specification:
        if row.kind == "figure":
            out.label(row.label, fig(row.value), row.bold)
        elif row.kind == "lines":
            _section(out, row, [(line, a) for line, a in lines if line.section == row.section], fig)
        elif row.kind == "cofinancing":
            sector, kind, role = row.cofin.split(".")
            mine = [(line, a) for line, a in lines if line.section == COFINANCING and
                    (line.sector, line.cofin_kind, line.cofin_role) == (sector, kind, role)]
            if mine or not row.omit_empty:
                out.label(row.label, fig(f"cofin.{row.cofin}"), indent=8)
                if mine:
                    out.header(row.columns)
                    for line, amount in mine:
                        out.line([line.bearer, "", "", "", "", "", kr(amount)], (0, 5))
        elif row.kind == "flat_rates" and parts is not None:
            for i, rate in enumerate(parts.call.flat_rates):
                out.label(_flat_label(rate), fig(f"flat.{i}"))
    return out, lines, figures


def _widths(template: FormTemplate, lines: Lines, width: float, biggest: str) -> list[float]:
    """Column widths from the personal lines and their header (no word of them broken), else the default."""
    header = next((row.columns for row in template.specification if row.section == PERSONAL), ())
    measure = [list(header)] + [[line.bearer, line.function, line.description, _n(line.level), _n(line.grade),
                                 _n(line.months), kr(amount)] for line, amount in lines if line.section == PERSONAL]
    measure.append(["", "", "", "", "", "", biggest + "  "])  # the totals are bold
    if len(header) != 7:
        return [w * width / CONTENT_WIDTH for w in WIDTHS]
    widths, _fits = auto_col_widths(measure, width, font_size=SIZE, padding=8)
    return widths


def _flat_label(rate: FlatRate) -> str:
    base = "personalkostnaderna" if rate.base == "personal" else "de direkta kostnaderna"
    return f"{rate.label} ({format_percent(rate.percent_bp, 2 if rate.percent_bp % 100 else 0)} av {base})"


def _section(out: _Rows, row: SpecRow, lines: Lines, fig: Callable[[str], str]) -> None:
    out.label(row.label, fig(f"section.{row.section}"), row.bold)
    if not lines:
        return
    out.header(row.columns)
    for line, amount in lines:
        if row.section == PERSONAL:
            out.line([line.bearer, line.function, line.description, _n(line.level), _n(line.grade), _n(line.months),
                      kr(amount) if amount is not None else ""])
        else:
            out.line([line.bearer, line.description, "", "", "", "", kr(amount)], (1, 5))


def _n(value: int | None) -> str:
    return "" if value is None else str(value)
