"""Print an ansökan (or a blank form) on a förbund's own form, from its template.

Everything that is printed comes from the FormTemplate's data: headings, fixed texts, helper
boxes (blank form only; the intro of NNV Skåne's form says the boxes may be removed in the
ansökan itself), and the tables. There is no per-förbund code here.

    render_application(app, template, forbund_name) -> bytes   # app=None: a blank form
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from io import BytesIO
from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
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

from ..domain.application import OWN, SOUGHT, Application, ContactRow, Phase
from ..domain.dates import format_date, format_range
from ..domain.forms import (
    BudgetTable,
    ContactsTable,
    FormTemplate,
    PlaceDateTable,
    Section,
    SignatureTable,
    TimeplanTable,
)
from ..domain.money import format_amount
from .pdf_common import (
    CONTENT_WIDTH,
    FONT,
    FONT_BOLD,
    FRAME_PADDING,
    GRID,
    HEADER_FILL,
    HELP_BORDER,
    HELP_FILL,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    PAGE_SIZE,
    TableRows,
    auto_col_widths,
    esc,
    numbered_canvas,
    page_footer,
    page_header,
    register_fonts,
    styles,
    top_margin,
)

NBSP = "\u00a0"
BLANK_DNR = "Dnr: ________"
BLANK_YEAR = "____"
_BULLET_RE = re.compile(r"^\s*([-–•*])\s+(.*)$")
PRINTED_BULLET = {"-": "–", "–": "–", "*": "–", "•": "•"}


# ---------------------------------------------------------------- text → flowables

def text_blocks(text: str) -> list[tuple[str, str, str]]:
    """An answer as (kind, marker, text) blocks: kind "p" (lines joined by newlines) or "bullet".

    A blank line ends a paragraph; a line starting with "- ", "• ", "– " or "* " is a bullet
    item; other line breaks inside a paragraph are kept.
    """
    blocks: list[tuple[str, str, str]] = []
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            blocks.append(("p", "", "\n".join(buffer)))
            buffer.clear()

    for line in str(text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line.strip():
            flush()
            continue
        m = _BULLET_RE.match(line)
        if m and m.group(2).strip():
            flush()
            blocks.append(("bullet", m.group(1), m.group(2).strip()))
        else:
            buffer.append(line.strip())
    flush()
    return blocks


def _markup(text: str) -> str:
    return "<br/>".join(esc(line) for line in text.split("\n"))


def answer_flowables(text: str) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = []
    blocks = text_blocks(text)
    for i, (kind, marker, body) in enumerate(blocks):
        if kind == "bullet":
            out.append(Paragraph(_markup(body), st.bullet, bulletText=PRINTED_BULLET.get(marker, "–")))
            if i + 1 < len(blocks) and blocks[i + 1][0] != "bullet":
                out.append(Spacer(1, 4))  # a list ends: a little air before the next paragraph
        else:
            out.append(Paragraph(_markup(body), st.body))
    return out


def fixed_flowables(items: Iterable[str]) -> list[Flowable]:
    """Template text: "- " bullet, "## " sub-heading, anything else a paragraph."""
    st = styles()
    out: list[Flowable] = []
    items = list(items)
    for i, item in enumerate(items):
        if item.startswith("## "):
            out.append(Paragraph(esc(item[3:].strip()), st.subheading))
        elif item.startswith("- "):
            out.append(Paragraph(_markup(item[2:].strip()), st.bullet, bulletText="–"))
            if i + 1 < len(items) and not items[i + 1].startswith("- "):
                out.append(Spacer(1, 4))
        else:
            out.append(Paragraph(_markup(item), st.body))
    return out


def _help_box(text: str) -> Flowable:
    st = styles()
    paras = [Paragraph(esc(line), st.help) for line in text.split("\n") if line.strip()]
    box = Table([[paras]], colWidths=[CONTENT_WIDTH])
    box.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("BACKGROUND", (0, 0), (-1, -1), HELP_FILL),
        ("BOX", (0, 0), (-1, -1), 0.6, HELP_BORDER),
        ("LEFTPADDING", (0, 0), (-1, -1), 7), ("RIGHTPADDING", (0, 0), (-1, -1), 7),
        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    return box


def _write_box(height: float) -> Flowable:
    """An empty box to write in (blank form)."""
    box = Table([[""]], colWidths=[CONTENT_WIDTH], rowHeights=[height])
    box.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("BOX", (0, 0), (-1, -1), 0.6, GRID)]))
    return box


def _signature_line(value: str, caption: str, width: float = 85 * mm) -> Flowable:
    st = styles()
    rows = [[Paragraph(esc(value), st.body) if value else ""]]
    heights = [26]
    if caption:
        rows.append([Paragraph(esc(caption), st.small)])
        heights.append(13)
    t = Table(rows, colWidths=[width], rowHeights=heights, hAlign="LEFT")
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("LINEBELOW", (0, 0), (0, 0), 0.7, GRID),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (0, 0), 2),
    ]))
    return t


# ---------------------------------------------------------------- tables

def _grid_style(extra: Iterable[tuple[Any, ...]] = (), header: bool = True) -> TableStyle:
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5), ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL), ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD)]
    return TableStyle(commands + list(extra))


def budget_flowables(t: BudgetTable, app: Application | None) -> list[Flowable]:
    st = styles()
    head_right = ParagraphStyle("head_right", parent=st.cell_bold, alignment=TA_RIGHT)
    years: list[int | None] = list(app.budget.years) if app and app.budget.years else [None] * max(1, t.min_years)
    columns: list[tuple[str, int | None]] = ([(OWN, None)] if t.own_column else []) + [(SOUGHT, y) for y in years]

    def label(col: str, year: int | None) -> str:
        if col == OWN:
            return t.own_column or ""
        return t.year_label.format(year=year) if year is not None else t.year_label.replace("{year}", BLANK_YEAR)

    def amount(ore: int | None) -> str:
        # Kr forms with a unit row print bare numbers ("550 000"); others print the unit in the cell.
        return format_amount(ore, t.unit, with_unit=not t.unit_row, sep=" ")

    rows: TableRows = [[Paragraph(esc(t.header_label), st.cell_bold)]
                        + [Paragraph(esc(label(c, y)), head_right) for c, y in columns]]
    if t.unit_row:
        rows.append([""] + [t.unit for _ in columns])
    first_category = len(rows)
    for category in t.categories:
        cells = [amount(app.budget.get(category, c, y)) if app else "" for c, y in columns]
        rows.append([Paragraph(esc(category), st.cell)] + cells)
    totals = [amount(app.budget.column_total(c, y)) if app else "" for c, y in columns]
    rows.append([Paragraph(esc(t.total_label), st.cell_bold)] + totals)

    n = len(columns)
    first_w = CONTENT_WIDTH * min(0.5, max(0.28, 1 - 0.2 * n))
    weights = [1.6 if c == OWN else 1.0 for c, _ in columns]  # the own-financing header is long
    widths = [first_w] + [(CONTENT_WIDTH - first_w) * w / sum(weights) for w in weights]
    extra = [
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("FONTNAME", (0, -1), (-1, -1), FONT_BOLD),
        ("LINEABOVE", (0, -1), (-1, -1), 1.1, GRID),
    ]
    if t.unit_row:
        extra += [("FONTSIZE", (0, 1), (-1, 1), 8), ("TOPPADDING", (0, 1), (-1, 1), 1),
                  ("BOTTOMPADDING", (0, 1), (-1, 1), 2)]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT",
                  rowHeights=None if app else [None] * first_category + [18] * (len(rows) - first_category))
    table.setStyle(_grid_style(extra))
    out: list[Flowable] = [table]
    if app and app.planned_participants:
        per = app.budget.cost_per_participant(app.planned_participants)
        text = format_amount(per, "kr", sep=NBSP).replace(" kr", f"{NBSP}kr")
        out += [Spacer(1, 4), Paragraph(f"Kostnad per planerad deltagare: {esc(text)}", st.body)]
    return out


_CONTACT_FIELDS = ("name", "organisation", "phone", "email")


def contacts_flowable(t: ContactsTable, app: Application | None) -> Flowable:
    """Namn | Organisation | Telefon | E-post, header row bold on a light background.

    Column widths come from every contact of the ansökan (so the form's contact tables line
    up) at the largest font size, 9 down to 8 pt, at which no e-mail address has to break.
    """
    st = styles()
    ncols = len(t.columns)
    people = app.contacts_for(t.role) if app else []

    def values(c: ContactRow) -> list[str]:
        v = [getattr(c, f) for f in _CONTACT_FIELDS]
        return [v[i] if i < len(v) else "" for i in range(ncols)]

    data = [values(c) for c in people]
    empty_rows = max(t.min_rows, 3) if app is None else max(0, t.min_rows - len(people))
    size = 9.0
    if app is None or not app.contacts:
        widths = [CONTENT_WIDTH / ncols] * ncols
    else:
        measure = [list(t.columns)] + [values(c) for c in app.contacts]
        for size in (9.0, 8.5, 8.0):
            widths, fits = auto_col_widths(measure, CONTENT_WIDTH, font_size=size)
            if fits:
                break
    cell = ParagraphStyle("contact_cell", parent=st.cell, fontSize=size, leading=size + 2.5)
    head = ParagraphStyle("contact_head", parent=st.cell_bold, fontSize=size, leading=size + 2.5)
    rows: TableRows = [[Paragraph(esc(h), head) for h in t.columns]]
    rows += [[Paragraph(esc(v), cell) for v in r] for r in data]
    rows += [[""] * ncols for _ in range(empty_rows)]
    heights = [None] * (len(rows) - empty_rows) + [18] * empty_rows
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT", rowHeights=heights)
    table.setStyle(_grid_style())
    return table


def timeplan_flowables(t: TimeplanTable, app: Application | None) -> list[Flowable]:
    st = styles()
    if t.style == "start_end":
        start = format_date(app.period_start, t.date_style) if app and app.period_start else "________________"
        end = format_date(app.period_end, t.date_style) if app and app.period_end else "________________"
        return [Paragraph(f"{esc(t.start_label)} {esc(start)}", st.body),
                Paragraph(f"{esc(t.end_label)} {esc(end)}", st.body)]
    phases = app.phases if app and app.phases else [Phase(name) for name in t.phases]
    rows = [[t.period_label, format_range(app.period_start, app.period_end, t.date_style) if app else ""]]
    rows += [[p.name, format_range(p.start, p.end, t.date_style) if app else ""] for p in phases]
    cells = [[Paragraph(esc(a), st.cell), b] for a, b in rows]
    table = Table(cells, colWidths=[CONTENT_WIDTH * 0.62, CONTENT_WIDTH * 0.38], hAlign="LEFT",
                  rowHeights=None if app else [18] * len(cells))
    table.setStyle(_grid_style(header=False))
    return [table]


def place_date_flowables(t: PlaceDateTable, app: Application | None) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = []
    if app is not None and (app.place or app.signed_on):
        out.append(Paragraph(esc(f"{app.place} {format_date(app.signed_on, 'iso')}".strip()), st.body))
    else:
        out.append(_signature_line("", ""))
    caption = t.signature if re.search(r"\w", t.signature or "") else ""
    out += [Spacer(1, 12), _signature_line("", caption)]
    return out


def signature_flowables(t: SignatureTable, app: Application | None) -> list[Flowable]:
    out: list[Flowable] = []
    for label in t.lines:
        value = ""
        if app is not None and label.strip().lower().startswith("ort och datum"):
            value = f"{app.place} {format_date(app.signed_on, 'iso')}".strip()
        out.append(_signature_line(value, label))
    return [KeepTogether(out)]


def table_flowables(section: Section, app: Application | None) -> list[Flowable]:
    t = section.table
    if isinstance(t, BudgetTable):
        return budget_flowables(t, app)
    if isinstance(t, ContactsTable):
        return [contacts_flowable(t, app)]
    if isinstance(t, TimeplanTable):
        return timeplan_flowables(t, app)
    if isinstance(t, PlaceDateTable):
        return place_date_flowables(t, app)
    if isinstance(t, SignatureTable):
        return signature_flowables(t, app)
    return []


# ---------------------------------------------------------------- the form

def answer_of(section: Section, app: Application) -> str:
    if section.binds == "name":
        return app.name
    if section.binds == "applicant_text":
        return app.applicant_display
    return app.text(section.id)


def section_flowables(section: Section, app: Application | None) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = []
    answer = answer_of(section, app) if app is not None and section.answer != "none" else ""
    inline_done = False
    if section.heading:
        if section.inline and answer.strip():
            text = f"{esc(section.heading)} <font name=\"{FONT}\">{esc(' '.join(answer.split()))}</font>"
            inline_done = True
        else:
            text = esc(section.heading)
        out.append(Paragraph(text, st.heading))
    out += fixed_flowables(section.paragraphs)
    if app is None and section.help:
        out += [_help_box(section.help), Spacer(1, 4)]
    if section.answer != "none" and not inline_done:
        if app is None:
            out += [_write_box(20 if section.answer == "line" else 80), Spacer(1, 4)]
        else:
            out += answer_flowables(answer)
    if section.table is not None:
        out += table_flowables(section, app)
        out.append(Spacer(1, 7))
    out += fixed_flowables(section.after)
    return out


def build_story(app: Application | None, template: FormTemplate) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [Paragraph(esc(template.title), st.title)]
    story += [Paragraph(esc(line), st.subtitle) for line in template.subtitle]
    for section in template.sections:
        if section.new_page:
            story.append(PageBreak())
        story += section_flowables(section, app)
    return story


def render_application(app: Application | None, template: FormTemplate, forbund_name: str) -> bytes:
    """The ansökan printed on `template` as PDF bytes; `app=None` prints the blank form."""
    register_fonts()
    buffer = BytesIO()
    dnr = f"Dnr: {app.diarienummer}" if app is not None and app.diarienummer.strip() else BLANK_DNR
    title = (app.name.strip() if app is not None else "") or template.title
    doc = SimpleDocTemplate(
        buffer, pagesize=PAGE_SIZE,
        leftMargin=MARGIN_LEFT - FRAME_PADDING, rightMargin=MARGIN_RIGHT - FRAME_PADDING,
        topMargin=top_margin(len(template.header)), bottomMargin=MARGIN_BOTTOM,
        title=title, author=forbund_name or "", subject=template.title, creator="finsamdesk",
        lang="sv-SE",
    )
    first, later = page_header(forbund_name or "", dnr, template.header)
    doc.build(build_story(app, template), onFirstPage=first, onLaterPages=later,
              canvasmaker=numbered_canvas(page_footer()))
    return buffer.getvalue()
