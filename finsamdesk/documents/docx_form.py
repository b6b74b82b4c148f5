"""An ansökan (or the blank form) as a Word file, from its template – the form people fill in Word.

The same template drives this and documents/pdf_form.py, and the reader
(documents/docx_text.py + domain/form_reading.py) reads both back: headings as their own
paragraphs, answers as paragraphs and list items, tables as Word tables, the förbund, Dnr and
the form's header lines in the page header, `Sid x(y)` in the footer.

    render_application_docx(app, template, forbund_name) -> bytes   # app=None: a blank form
"""
from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ..domain.application import OWN, SOUGHT, Application, Phase
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
from .pdf_form import BLANK_DNR, BLANK_YEAR, PRINTED_BULLET, answer_of, text_blocks

HELP_FILL = "F2F4F7"
HEADER_FILL = "E6E9EE"


def _shade(cell: Any, fill: str) -> None:
    pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    pr.append(shd)


def _field(paragraph: Any, instruction: str) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def _bullet(doc: Any, marker: str, text: str) -> Any:
    p = doc.add_paragraph(f"{PRINTED_BULLET.get(marker, '–')}\t{text}")
    p.paragraph_format.left_indent = Cm(0.6)
    p.paragraph_format.first_line_indent = Cm(-0.45)
    p.paragraph_format.tab_stops.add_tab_stop(Cm(0.6))
    p.paragraph_format.space_after = Pt(2)
    return p


def _answer(doc: Any, text: str) -> None:
    for kind, marker, body in text_blocks(text):
        if kind == "bullet":
            _bullet(doc, marker, body)
        else:
            p = doc.add_paragraph()
            for i, line in enumerate(body.split("\n")):
                if i:
                    p.add_run().add_break(WD_BREAK.LINE)
                p.add_run(line)


def _fixed(doc: Any, items: Iterable[str]) -> None:
    for item in items:
        if item.startswith("## "):
            doc.add_paragraph().add_run(item[3:].strip()).bold = True
        elif item.startswith("- "):
            _bullet(doc, "-", item[2:].strip())
        else:
            doc.add_paragraph(item)


def _table(doc: Any, rows: list[list[str]], *, header: bool = True, right_from: int | None = None,
           bold_last: bool = False) -> Any:
    table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.text = value
            para = cell.paragraphs[0]
            for run in para.runs:
                run.font.size = Pt(9)
                run.bold = (header and r == 0) or (bold_last and r == len(rows) - 1)
            if right_from is not None and c >= right_from:
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if header and r == 0:
                _shade(cell, HEADER_FILL)
    doc.add_paragraph()
    return table


def _budget(doc: Any, t: BudgetTable, app: Application | None) -> None:
    years: list[int | None] = list(app.budget.years) if app and app.budget.years else [None] * max(1, t.min_years)
    columns = ([(OWN, None)] if t.own_column else []) + [(SOUGHT, y) for y in years]

    def label(col: str, year: int | None) -> str:
        if col == OWN:
            return t.own_column or ""
        return t.year_label.format(year=year) if year is not None else t.year_label.replace("{year}", BLANK_YEAR)

    def amount(ore: int | None) -> str:
        return format_amount(ore, t.unit, with_unit=not t.unit_row, sep=" ")

    rows = [[t.header_label] + [label(c, y) for c, y in columns]]
    if t.unit_row:
        rows.append([""] + [t.unit for _ in columns])
    for category in t.categories:
        rows.append([category] + [amount(app.budget.get(category, c, y)) if app else "" for c, y in columns])
    rows.append([t.total_label] + [amount(app.budget.column_total(c, y)) if app else "" for c, y in columns])
    _table(doc, rows, right_from=1, bold_last=True)


def _contacts(doc: Any, t: ContactsTable, app: Application | None) -> None:
    people = app.contacts_for(t.role) if app else []
    n = len(t.columns)
    rows = [list(t.columns)]
    rows += [[c.name, c.organisation, c.phone, c.email][:n] for c in people]
    rows += [[""] * n for _ in range(max(t.min_rows, 3) if app is None else max(0, t.min_rows - len(people)))]
    _table(doc, rows)


def _timeplan(doc: Any, t: TimeplanTable, app: Application | None) -> None:
    if t.style == "start_end":
        for label, value in ((t.start_label, app.period_start if app else None),
                             (t.end_label, app.period_end if app else None)):
            doc.add_paragraph(f"{label} {format_date(value, t.date_style) if value else '________________'}")
        return
    phases = app.phases if app and app.phases else [Phase(name) for name in t.phases]
    rows = [[t.period_label, format_range(app.period_start, app.period_end, t.date_style) if app else ""]]
    rows += [[p.name, format_range(p.start, p.end, t.date_style) if app else ""] for p in phases]
    _table(doc, rows, header=False)


def _place_date(app: Application | None) -> str:
    if app is None:
        return ""
    return f"{app.place} {format_date(app.signed_on, 'iso')}".strip()


def _section(doc: Any, section: Section, app: Application | None) -> None:
    answer = answer_of(section, app) if app is not None and section.answer != "none" else ""
    inline_done = False
    if section.heading:
        p = doc.add_paragraph(style="Heading 2")
        p.add_run(section.heading)
        if section.inline and answer.strip():
            p.add_run(" " + " ".join(answer.split())).bold = False
            inline_done = True
    _fixed(doc, section.paragraphs)
    if app is None and section.help:
        box = doc.add_table(rows=1, cols=1)
        box.style = "Table Grid"
        box.cell(0, 0).text = section.help
        _shade(box.cell(0, 0), HELP_FILL)
        for run in box.cell(0, 0).paragraphs[0].runs:
            run.italic = True
    if section.answer != "none" and not inline_done:
        if app is None:
            doc.add_paragraph("")
        else:
            _answer(doc, answer)
    t = section.table
    if isinstance(t, BudgetTable):
        _budget(doc, t, app)
    elif isinstance(t, ContactsTable):
        _contacts(doc, t, app)
    elif isinstance(t, TimeplanTable):
        _timeplan(doc, t, app)
    elif isinstance(t, PlaceDateTable):
        doc.add_paragraph(_place_date(app) or "________________________")
        doc.add_paragraph(t.signature or "")
    elif isinstance(t, SignatureTable):
        for label in t.lines:
            value = _place_date(app) if label.strip().lower().startswith("ort och datum") else ""
            doc.add_paragraph(value or "________________________________")
            doc.add_paragraph(label).runs[0].font.size = Pt(8)
    _fixed(doc, section.after)


def _page_furniture(doc: Any, template: FormTemplate, forbund: str, dnr: str) -> None:
    section = doc.sections[0]
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2)
    section.different_first_page_header_footer = bool(template.header)
    headers = [section.header] + ([section.first_page_header] if template.header else [])
    for i, header in enumerate(headers):
        p = header.paragraphs[0]
        p.text = f"{forbund}\t\t{dnr}"
        for extra in template.header if i == 1 else ():
            header.add_paragraph(extra).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for footer in [section.footer] + ([section.first_page_footer] if template.header else []):
        p = footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        p.add_run("Sid ")
        _field(p, "PAGE")
        p.add_run("(")
        _field(p, "NUMPAGES")
        p.add_run(")")


def render_application_docx(app: Application | None, template: FormTemplate, forbund_name: str) -> bytes:
    """The ansökan on `template` as .docx bytes; `app=None` gives the blank form to fill in."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    for name in ("Heading 2", "Title"):
        doc.styles[name].font.color.rgb = RGBColor(0, 0, 0)
    dnr = f"Dnr: {app.diarienummer}" if app is not None and app.diarienummer.strip() else BLANK_DNR
    _page_furniture(doc, template, forbund_name or "", dnr)
    doc.core_properties.title = (app.name.strip() if app is not None else "") or template.title
    doc.core_properties.author = forbund_name or ""
    doc.core_properties.language = "sv-SE"
    doc.add_paragraph(template.title, style="Title")
    for line in template.subtitle:
        doc.add_paragraph(line)
    for section in template.sections:
        if section.new_page:
            doc.add_page_break()  # type: ignore[no-untyped-call]
        _section(doc, section, app)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
