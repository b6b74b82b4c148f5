"""Print an own application on an outside funder's form (ESF 2014–2020, ESF+), from its template.

    render_funder_form(app, template, result) -> bytes      # app None: the blank form

Groups, questions and instruction blocks in the template's order and wording; the structured parts in
their layout (funder_parts, funder_budget); the page header and footer as the original's (funder_page),
with the appendix numbered on its own. Answers reuse the local forms' text blocks (bullets, paragraphs).
"""
from __future__ import annotations

from io import BytesIO

from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from ..domain.application import Application
from ..domain.esf import EsfResult
from ..domain.form_parts import PageSpec
from ..domain.form_values import fill
from ..domain.forms import FormTemplate, Section
from .funder_budget import cost_tree_flowable, specification_flowable
from .funder_page import PartStart, content_margins, furnished_canvas
from .funder_parts import choice_flowables, part_flowables, value_of
from .pdf_common import (
    CONTENT_WIDTH,
    FONT_BOLD,
    FRAME_PADDING,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    PAGE_SIZE,
    esc,
    register_fonts,
    styles,
)
from .pdf_form import answer_flowables, fixed_flowables, text_blocks

MAIN = ""
PORTRAIT, LANDSCAPE = "portrait", "landscape"
LANDSCAPE_WIDTH = landscape(PAGE_SIZE)[0] - MARGIN_LEFT - MARGIN_RIGHT


def _heading_style(style: str) -> ParagraphStyle:
    st = styles()
    sizes = {"title": (16, 20, 4, 10), "group": (13, 17, 12, 5), "subgroup": (11, 14.5, 8, 4),
             "question": (10, 13.5, 8, 3)}
    size, leading, before, after = sizes.get(style, sizes["question"])
    return ParagraphStyle(f"funder_{style}", parent=st.heading, fontName=FONT_BOLD, fontSize=size, leading=leading,
                          spaceBefore=before, spaceAfter=after, keepWithNext=True)


def _answer(section: Section, app: Application) -> list[Flowable]:
    """The answer; an inline question (Projekt mål, Upphandling) carries its first paragraph on its line."""
    text = app.text(section.id)
    if not section.inline:
        return answer_flowables(text)
    blocks = text_blocks(text)
    head = f"{esc(section.heading)} "
    first = ""
    if blocks and blocks[0][0] == "p":
        first = esc(blocks[0][2]).replace("\n", "<br/>")
        text = "\n\n".join(b[2] if b[0] == "p" else f"- {b[2]}" for b in blocks[1:])
    para = Paragraph(f'<font name="{FONT_BOLD}">{head}</font>{first}', styles().body)
    return [para, *answer_flowables(text)]


def section_flowables(section: Section, app: Application | None, template: FormTemplate,
                      result: EsfResult | None, width: float = CONTENT_WIDTH) -> list[Flowable]:
    value = value_of(app, result.figures if result is not None else None)
    out: list[Flowable] = []
    inline = section.inline and app is not None and section.answer == "text"
    if section.heading and not inline:
        out.append(Paragraph(esc(section.heading), _heading_style(section.style or "question")))
    out += fixed_flowables(section.paragraphs)
    if section.answer in ("choice", "checkboxes"):
        out += choice_flowables(section, app)
    elif section.answer in ("text", "line") and app is not None:
        out += _answer(section, app)
    elif section.answer in ("text", "line"):
        out.append(Spacer(1, 40))
    if section.part is not None:
        if section.part.type == "cost_tree":
            out.append(cost_tree_flowable(template, result, app))
        elif section.part.type == "specification":
            out.append(specification_flowable(template, result, app, width))
        else:
            out += part_flowables(section.part, app, value)
    out += fixed_flowables(section.after)
    return out


def build_story(app: Application | None, template: FormTemplate, result: EsfResult | None) -> list[Flowable]:
    story: list[Flowable] = [PartStart(MAIN), Paragraph(esc(template.title), _heading_style("title"))]
    wide = False
    for section in template.sections:
        part = section.document_part
        if part is not None:
            wide = part.landscape
        body = section_flowables(section, app, template, result, LANDSCAPE_WIDTH if wide else CONTENT_WIDTH)
        if part is not None or section.new_page:
            if not [f for f in body if not isinstance(f, Spacer)] or _empty_appendix(section, app):
                continue  # an appendix with nothing to show is not printed
            if part is not None:
                story.append(NextPageTemplate(LANDSCAPE if part.landscape else PORTRAIT))
            story.append(PageBreak())
            if part is not None:
                story.append(PartStart(part.name))
        story += body
    return story


def _empty_appendix(section: Section, app: Application | None) -> bool:
    part = section.part
    if app is None or part is None or not part.omit_empty:
        return False
    from ..domain.form_values import items_of

    return not items_of(app, part)


def _page_template(name: str, size: tuple[float, float], top: float, bottom: float) -> PageTemplate:
    left = MARGIN_LEFT - FRAME_PADDING
    width = size[0] - left - (MARGIN_RIGHT - FRAME_PADDING)
    frame = Frame(left, bottom, width, size[1] - top - bottom, id=name)
    return PageTemplate(id=name, frames=[frame], pagesize=size)


def page_specs(template: FormTemplate) -> dict[str, PageSpec]:
    specs = {MAIN: template.page or PageSpec()}
    for s in template.sections:
        if s.document_part is not None:
            specs[s.document_part.name] = s.document_part
    return specs


def render_funder_form(app: Application | None, template: FormTemplate, result: EsfResult | None) -> bytes:
    """The application printed on its funder's form as PDF bytes (app None: the blank form)."""
    register_fonts()
    specs = page_specs(template)
    top, bottom = content_margins(specs)
    buffer = BytesIO()
    title = (app.name if app is not None else "") or template.title
    doc = BaseDocTemplate(buffer, pagesize=PAGE_SIZE, title=title, subject=template.title, creator="finsamdesk",
                          author=app.esf.applicant.name if app is not None and app.esf else "", lang="sv-SE")
    doc.addPageTemplates([_page_template(PORTRAIT, PAGE_SIZE, top, bottom),
                          _page_template(LANDSCAPE, landscape(PAGE_SIZE), top, bottom)])
    value = value_of(app, result.figures if result is not None else None)
    doc.build(build_story(app, template, result), canvasmaker=furnished_canvas(specs, lambda line: fill(line, value)))
    return buffer.getvalue()
