"""An own application on its funder's form (ESF 2014–2020, ESF+) as plain blocks, for Spara som Word: the
printed form's groups and questions as Word headings, the answers as paragraphs and lists, the chosen option of
every choice visible (☒/☐), the structured parts (stödsökande, medfinansiärer, risks …) and the budgets
(Kostnader, Budgetspecifikation, Budgetöversikt) as real tables, each appendix after a page break.

    funder_form_document(app, template, result, forbund, logo) -> Document    # written by docx_writer

The same template, values and budget rows as the PDF (funder_form_pdf, funder_parts, funder_budget); the Word
file is for the förbundschef to go on writing in, so the page furniture is the förbund's (name, logo, Sid x (y)),
not the funder's.
"""
from __future__ import annotations

from ..domain.application import Application
from ..domain.esf import EsfResult
from ..domain.form_parts import Part
from ..domain.form_values import fill, item_value, items_of, selected_options
from ..domain.forms import FormTemplate, Section
from .blocks import Block, Bullets, Document, Heading, PageBreak, Para, Table
from .funder_budget import cost_tree_rows, specification_rows
from .funder_parts import TICKED, UNTICKED, Value, value_of
from .pdf_form import text_blocks

LEVELS = {"title": 1, "group": 1, "subgroup": 2, "question": 3}
GRID_HEADER = ("Uppgift", "Svar")
SPEC_HEADER = ("Budgetspecifikation", "", "", "", "", "", "Summa")  # each section's own columns follow as rows


def _fixed(items: tuple[str, ...]) -> list[Block]:
    """Template text: "## " a sub-heading (bold lead), "- " bullets, anything else a paragraph."""
    out: list[Block] = []
    bullets: list[str] = []
    for item in items:
        if item.startswith("- "):
            bullets.append(item[2:].strip())
            continue
        if bullets:
            out.append(Bullets(tuple(bullets)))
            bullets = []
        out.append(Para(item[3:].strip(), "lead") if item.startswith("## ") else Para(item))
    if bullets:
        out.append(Bullets(tuple(bullets)))
    return out


def _answer(text: str) -> list[Block]:
    out: list[Block] = []
    bullets: list[str] = []
    for kind, _marker, body in text_blocks(text):
        if kind == "bullet":
            bullets.append(body)
            continue
        if bullets:
            out.append(Bullets(tuple(bullets)))
            bullets = []
        out.append(Para(body))
    if bullets:
        out.append(Bullets(tuple(bullets)))
    return out


def _choices(section: Section, app: Application) -> list[Block]:
    chosen = selected_options(app, section.id, section.binds)
    if section.choice_style == "text":
        return [Para(", ".join(chosen))] if chosen else []
    return [Para("\n".join(f"{TICKED if o in chosen else UNTICKED} {o}" for o in section.options))]


def _grid(rows: tuple[tuple[str, ...], ...], value: Value, header: tuple[str, ...] = ()) -> Table:
    """Label | value [| label | value] rows as the form lays them out; a short row is filled with empty cells."""
    n = max([len(r) for r in rows] + [len(header), 2])
    head = header + ("",) * (n - len(header)) if header else (GRID_HEADER * n)[:n]
    body = tuple(tuple(fill(cell, value) for cell in row) + ("",) * (n - len(row)) for row in rows)
    return Table(head, body)


def _values_of(item: object) -> Value:
    return lambda name: item_value(item, name)


def _part(part: Part, app: Application, value: Value) -> list[Block]:
    if part.type == "grid":
        return [_grid(part.rows, value, part.header)]
    if part.type == "lines":
        return [Para(fill(line, value)) for line in part.lines]
    items = items_of(app, part)
    if part.type == "repeat":
        out: list[Block] = []
        for item in items:
            item_values = _values_of(item)
            if part.layout == "grid":
                out.append(_grid(part.rows, item_values))
            else:
                out.append(Para("\n".join(fill(line, item_values) for line in part.lines)))
        return out
    if part.type == "table":
        if not items and part.omit_empty:
            return []
        rows = tuple(tuple(fill(field, _values_of(item)) for _, field in part.columns) for item in items)
        return [Table(tuple(h for h, _ in part.columns), rows)]
    return []


def _budget(section: Section, app: Application, template: FormTemplate, result: EsfResult | None) -> list[Block]:
    part = section.part
    assert part is not None
    if part.type == "cost_tree":
        rows = cost_tree_rows(template, result, app)
        return [Table(("Kostnader och finansiering", "Belopp"),
                      tuple((("    " * max(0, depth - 1)) + label, amount) for label, amount, depth in rows),
                      money=frozenset({1}), bold_rows=frozenset(i for i, r in enumerate(rows) if r[2] < 2),
                      widths=(3, 1))]
    spec = specification_rows(template, result, app)
    if not spec:
        return []
    return [Table(SPEC_HEADER, tuple(cells for cells, _ in spec),
                  bold_rows=frozenset(i for i, (_, bold) in enumerate(spec) if bold),
                  counts=frozenset({3, 4, 5, 6}))]


def _section(section: Section, app: Application, template: FormTemplate, result: EsfResult | None,
             value: Value) -> list[Block]:
    out: list[Block] = []
    if section.heading:
        out.append(Heading(section.heading, LEVELS.get(section.style, 3)))
    out += _fixed(section.paragraphs)
    if section.answer in ("choice", "checkboxes"):
        out += _choices(section, app)
    elif section.answer in ("text", "line"):
        out += _answer(app.text(section.id))
    if section.part is not None:
        if section.part.type in ("cost_tree", "specification"):
            out += _budget(section, app, template, result)
        else:
            out += _part(section.part, app, value)
    out += _fixed(section.after)
    return out


def funder_form_document(app: Application, template: FormTemplate, result: EsfResult | None, forbund: str,
                         logo: bytes | None = None) -> Document:
    """The application's every group, question, answer, part and budget, in the template's order."""
    value = value_of(app, result.figures if result is not None else None)
    dnr = f"Dnr {app.funder_dnr}" if app.funder_dnr.strip() else ""
    doc = Document(app.name.strip() or template.title, forbund, logo=logo,
                   subtitle=" · ".join(x for x in (template.name, template.funder, dnr) if x),
                   header_right=" ".join(x for x in (template.funder, dnr) if x))
    for section in template.sections:
        body = _section(section, app, template, result, value)
        if section.document_part is not None or section.new_page:
            if not [b for b in body if not isinstance(b, Heading)]:
                continue  # an appendix with nothing to show is left out, as in the PDF
            doc.add(PageBreak())
            if section.document_part is not None and section.document_part.name:
                doc.add(Heading(section.document_part.name, 1))
        doc.add(*body)
    return doc
