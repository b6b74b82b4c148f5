"""Möten as PDF: the kallelse (who is called, the agenda), the protokoll (who was there, every § with its
recommendation or decision, amounts, jäv, and the justering), and the beslutsunderlag (a cover with the
contents, then every ansökan on its own form, joined into one PDF with bookmarks)."""
from __future__ import annotations

import io
from datetime import date
from typing import Any

import pypdf
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..domain.meetings import (
    BODIES,
    KINDS,
    OUTCOMES_WITH_AMOUNTS,
    ROLES,
    AgendaItem,
    Attendee,
    Meeting,
    jav_sentence,
    outcome_choices,
)
from ..domain.money import format_kr
from .pdf_common import (
    CONTENT_WIDTH,
    FONT,
    FONT_ITALIC,
    FRAME_PADDING,
    GRID,
    HEADER_FILL,
    TableCommands,
    TableRows,
    build_pdf,
    esc,
    styles,
)

NBSP = "\u00a0"
OUTCOME_LEAD = {"styrelse": "Beslut", "beredning": "Rekommendation"}  # otherwise "Anteckning"
AMOUNT_LABEL = {"styrelse": "Beviljat", "beredning": "Föreslaget"}  # otherwise "Belopp"
PAGE_COLUMN = 18 * mm
PARAGRAPH_COLUMN = 18 * mm


class MeetingPdfError(ValueError):
    """A document to join cannot be read; the message is Swedish."""


# ---------------------------------------------------------------- shared pieces
def _para_no(meeting: Meeting, index: int) -> str:
    return f"§{NBSP}{meeting.paragraph(index)}"  # never broken between § and the number


def _markup(text: str) -> str:
    """Plain, multi-line text → Paragraph markup with the line breaks kept."""
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip("\n").split("\n")
    return "<br/>".join(esc(line) for line in lines)


def _meeting_line(meeting: Meeting) -> str:
    return f"{KINDS.get(meeting.kind, meeting.kind)} – sammanträde {meeting.date.isoformat()}"


def _when_where(meeting: Meeting) -> list[Paragraph]:
    s = styles()
    when = meeting.date.isoformat() + (f" kl. {meeting.time.strip()}" if meeting.time.strip() else "")
    out = [Paragraph(f"<b>Tid:</b> {esc(when)}", s.body)]
    if meeting.place.strip():
        out.append(Paragraph(f"<b>Plats:</b> {esc(meeting.place.strip())}", s.body))
    return out


def _style(name: str, parent: ParagraphStyle, **kw: Any) -> ParagraphStyle:
    return ParagraphStyle(name, parent=parent, **kw)


def _free_heading(text: str) -> list[Flowable]:
    """A heading before a table that may be long: a CondPageBreak keeps them together instead of
    keepWithNext, which would push a long table and its heading to the next page."""
    heading = _style("heading_free", styles().heading, keepWithNext=False)
    return [CondPageBreak(40 * mm), Paragraph(esc(text), heading)]


def _table(rows: TableRows, widths: list[float], *, header: bool = True, right_from: int | None = None) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, splitInRow=1)
    # FONT: plain-string cells too, or reportlab's Helvetica is used
    style: TableCommands = [
        ("FONT", (0, 0), (-1, -1), FONT, 9),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5), ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL))
    if right_from is not None:
        style.append(("ALIGN", (right_from, 0), (-1, -1), "RIGHT"))
    table.setStyle(TableStyle(style))
    return table


def _people_table(people: list[Attendee]) -> Table:
    s = styles()
    rows = [[Paragraph(h, s.cell_bold) for h in ("Namn", "Organisation", "Roll")]]
    rows += [[Paragraph(esc(a.name), s.cell), Paragraph(esc(a.organisation), s.cell),
              Paragraph(esc(ROLES.get(a.role, a.role)), s.cell)] for a in people]
    return _table(rows, [60 * mm, CONTENT_WIDTH - 100 * mm, 40 * mm])


def _subject(subjects: dict[int, str] | None, index: int) -> str:
    return ((subjects or {}).get(index) or "").strip()


# ---------------------------------------------------------------- kallelse
def kallelse_pdf(meeting: Meeting, forbund_name: str, today: date, subjects: dict[int, str] | None = None) -> bytes:
    """The notice: time and place, everyone called (present or not), the agenda with § numbers."""
    s = styles()
    body = BODIES.get(meeting.kind, "")
    what = f"{body.lower()}s sammanträde" if meeting.kind in ("styrelse", "beredning") else "sammanträdet"
    story: list[Flowable] = [Paragraph("Kallelse", s.title), Paragraph(esc(_meeting_line(meeting)), s.subtitle),
                   Paragraph(esc(f"Härmed kallas du till {what}."), s.body), *_when_where(meeting)]

    story.append(Paragraph("Kallade", s.heading))
    if meeting.attendees:
        story.append(_people_table(meeting.attendees))
    else:
        story.append(Paragraph("Inga kallade har förts in.", s.body))

    story += _free_heading("Dagordning")
    if not meeting.items:
        story.append(Paragraph("Dagordningen är tom.", s.body))
    else:
        text_style = _style("item_text", s.cell, fontSize=8.5, leading=11, spaceBefore=1)
        subject_style = _style("item_subject", s.small, spaceBefore=1)
        title_style = _style("item_title", s.cell_bold, fontSize=9.5, leading=12)
        rows: TableRows = [[Paragraph("§", s.cell_bold), Paragraph("Ärende", s.cell_bold)]]
        for i, item in enumerate(meeting.items):
            cell = [Paragraph(esc(item.title), title_style)]
            if _subject(subjects, i):
                cell.append(Paragraph(esc(_subject(subjects, i)), subject_style))
            if item.text.strip():
                cell.append(Paragraph(_markup(item.text), text_style))
            rows.append([Paragraph(_para_no(meeting, i), title_style), cell])
        story.append(_table(rows, [PARAGRAPH_COLUMN, CONTENT_WIDTH - PARAGRAPH_COLUMN]))
    return build_pdf(story, title="Kallelse", author=forbund_name, right=f"Utskrivet {today.isoformat()}")


# ---------------------------------------------------------------- protokoll
def protokoll_pdf(meeting: Meeting, forbund_name: str, subjects: dict[int, str] | None = None) -> bytes:
    """The minutes: present and absent, every § with its text, outcome, amounts and jäv, then the justering."""
    s = styles()
    story: list[Flowable] = [Paragraph("Protokoll", s.title), Paragraph(esc(_meeting_line(meeting)), s.subtitle),
                   *_when_where(meeting)]
    if meeting.items:
        first, last = meeting.paragraph(0), meeting.paragraph(len(meeting.items) - 1)
        span = f"§{NBSP}{first}" if first == last else f"§§{NBSP}{first}–{last}"
        story.append(Paragraph(f"<b>Paragrafer:</b> {span}", s.body))

    story += _free_heading("Närvarande")
    if meeting.present:
        story.append(_people_table(meeting.present))
    else:
        story.append(Paragraph("Ingen närvaro har förts in.", s.body))
    if meeting.absent:
        story += [Spacer(1, 6), Paragraph(f"<b>Frånvarande:</b> {esc(', '.join(a.name for a in meeting.absent))}",
                                          s.body)]

    last_item: list[Flowable] = []
    for i, item in enumerate(meeting.items):
        last_item = _item_flowables(meeting, i, item, _subject(subjects, i))
        if i < len(meeting.items) - 1:
            story += last_item
    story.append(KeepTogether([*last_item, *_justering(meeting)]))  # never a page with the signatures alone
    return build_pdf(story, title="Protokoll", author=forbund_name, right=meeting.title)


def _item_flowables(meeting: Meeting, index: int, item: AgendaItem, subject: str) -> list[Flowable]:
    s = styles()
    heading = _style("item_heading", s.heading, spaceBefore=12)
    subject_style = _style("item_subject_kwn", s.small, spaceAfter=4, keepWithNext=True)
    out: list[Flowable] = [Paragraph(f"{_para_no(meeting, index)} {esc(item.title)}", heading)]
    if subject:
        out.append(Paragraph(esc(subject), subject_style))
    if item.text.strip():
        out.append(Paragraph(_markup(item.text), s.body))
    amounts = sorted((y, a) for y, a in item.granted.items() if a)
    if item.outcome not in OUTCOMES_WITH_AMOUNTS:  # amounts proposed on the agenda are no decision
        amounts = []
    outcome_text = item.outcome_text.strip() or _outcome_label(meeting.kind, item.outcome)
    if outcome_text:
        lead = OUTCOME_LEAD.get(meeting.kind, "Anteckning")
        outcome_style = _style("outcome", s.body, keepWithNext=bool(amounts))  # the decision stays with its sums
        out.append(Paragraph(f"<b>{lead}:</b> {_markup(outcome_text)}", outcome_style))
    if amounts:
        out.append(_amounts_table(meeting.kind, amounts))
    if item.jav:
        jav_style = _style("jav", s.body, fontName=FONT_ITALIC, spaceBefore=2)
        out.append(Paragraph(esc(jav_sentence(item.jav)), jav_style))
    return out


def _outcome_label(kind: str, outcome: str) -> str:
    """When no sentence was written: the choice itself ("Beviljas", "Tillstyrks delvis")."""
    return outcome_choices(kind).get(outcome, "") if outcome else ""


def _amounts_table(kind: str, amounts: list[tuple[int, int]]) -> Table:
    s = styles()
    right = _style("cell_right", s.cell, alignment=2)
    right_bold = _style("cell_bold_right", s.cell_bold, alignment=2)
    rows = [[Paragraph("År", s.cell_bold), Paragraph(AMOUNT_LABEL.get(kind, "Belopp"), right_bold)]]
    rows += [[Paragraph(str(year), s.cell), Paragraph(esc(format_kr(ore)), right)] for year, ore in amounts]
    if len(amounts) > 1:
        rows.append([Paragraph("Summa", s.cell_bold),
                     Paragraph(esc(format_kr(sum(a for _, a in amounts))), right_bold)])
    table = _table(rows, [22 * mm, 38 * mm])
    table.hAlign = "LEFT"
    table.spaceBefore, table.spaceAfter = 2, 6
    return table


def _adjuster_names(text: str) -> list[str]:
    """"Anna A och Bo B" or "Anna A, Bo B" → one signature each; "" → one empty line to sign."""
    unified = (text or "").replace(" och ", ",").replace("&", ",").replace("\n", ",")
    return [n.strip() for n in unified.split(",") if n.strip()] or [""]


def _justering(meeting: Meeting) -> list[Flowable]:
    """Signature blocks two by two: a line to sign on, the role under it, the name under that."""
    s = styles()
    role_style = _style("sign_role", s.small, fontSize=8.5, leading=11)
    name_style = _style("sign_name", s.cell, fontSize=9.5, leading=12)
    blocks: list[tuple[str, str] | None] = [
        ("Ordförande", meeting.chair), *(("Justerare", n) for n in _adjuster_names(meeting.adjusters)),
        ("Sekreterare", meeting.secretary)]
    if len(blocks) % 2:
        blocks.append(None)
    gap = 14 * mm
    col = (CONTENT_WIDTH - 2 * FRAME_PADDING - gap) / 2  # no cell padding: the lines start where the text does
    rows: TableRows = []
    heights: list[float | None] = []
    style: TableCommands = [("FONT", (0, 0), (-1, -1), FONT, 9), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                            ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    for k in range(0, len(blocks), 2):
        left, right = blocks[k], blocks[k + 1]
        top = len(rows)
        rows += [["", "", ""],
                 [_sign_cell(left, 0, role_style), "", _sign_cell(right, 0, role_style)],
                 [_sign_cell(left, 1, name_style), "", _sign_cell(right, 1, name_style)]]
        heights += [16 * mm, None, 9 * mm]
        style += [("LINEBELOW", (c, top), (c, top), 0.6, "black") for c, b in ((0, left), (2, right)) if b]
    table = Table(rows, colWidths=[col, gap, col], rowHeights=heights)
    table.setStyle(TableStyle(style))
    return [Paragraph("Justering", _style("justering", s.heading, spaceBefore=18)),
            Paragraph("Ort och datum: " + "_" * 40, _style("place_date", s.body, spaceBefore=6)), table]


def _sign_cell(block: tuple[str, str] | None, part: int, style: ParagraphStyle) -> Paragraph | str:
    return Paragraph(esc(block[part] or ""), style) if block else ""


# ---------------------------------------------------------------- beslutsunderlag
def beslutsunderlag_pdf(meeting: Meeting, forbund_name: str, documents: list[tuple[int, str, bytes]],
                        today: date) -> bytes:
    """A cover with the contents (§, title, page), then each document in order, with one bookmark each.
    `documents` are (agenda index, bookmark title, the PDF of that ansökan on its form)."""
    readers = []
    for index, title, data in documents:
        try:
            readers.append(pypdf.PdfReader(io.BytesIO(data)))
        except Exception as exc:  # pypdf raises several kinds for a broken file
            where = f"§ {meeting.paragraph(index)} ({title})"
            raise MeetingPdfError(f"Underlaget till {where} är ingen läsbar PDF.") from exc
    counts = [len(r.pages) for r in readers]

    cover_pages, cover = 1, b""
    for _ in range(3):  # the page numbers do not change the layout, so this settles on the second pass
        starts, page = [], cover_pages + 1
        for n in counts:
            starts.append(page)
            page += n
        cover = _cover(meeting, forbund_name, documents, starts, today)
        actual = len(pypdf.PdfReader(io.BytesIO(cover)).pages)
        if actual == cover_pages:
            break
        cover_pages = actual

    writer = pypdf.PdfWriter()
    writer.append(pypdf.PdfReader(io.BytesIO(cover)), import_outline=False)
    writer.add_outline_item(title="Innehåll", page_number=0)
    for (index, title, _), reader in zip(documents, readers, strict=True):
        start = len(writer.pages)
        writer.append(reader, import_outline=False)
        writer.add_outline_item(title=f"§ {meeting.paragraph(index)} {title}", page_number=start)
    writer.add_metadata({"/Title": f"Beslutsunderlag {meeting.title}", "/Author": forbund_name,
                         "/Creator": "finsamdesk"})
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _cover(meeting: Meeting, forbund_name: str, documents: list[tuple[int, str, bytes]], starts: list[int],
           today: date) -> bytes:
    s = styles()
    story: list[Flowable] = [Paragraph("Beslutsunderlag", s.title), Paragraph(esc(_meeting_line(meeting)), s.subtitle),
                   *_when_where(meeting)]
    if not documents:
        story.append(Paragraph("Inga ansökningar på dagordningen.", s.body))
    else:
        story.append(Paragraph("Ansökningarna följer i dagordningens ordning, var och en på sin blankett.", s.body))
        right_bold = _style("cell_bold_right", s.cell_bold, alignment=2)
        right = _style("cell_right", s.cell, alignment=2)
        rows = [[Paragraph("§", s.cell_bold), Paragraph("Ärende", s.cell_bold), Paragraph("Sida", right_bold)]]
        rows += [[Paragraph(_para_no(meeting, index), s.cell), Paragraph(esc(title), s.cell),
                  Paragraph(str(start), right)] for (index, title, _), start in zip(documents, starts, strict=True)]
        story += _free_heading("Innehåll")
        story.append(_table(rows, [PARAGRAPH_COLUMN, CONTENT_WIDTH - PARAGRAPH_COLUMN - PAGE_COLUMN, PAGE_COLUMN]))
    return build_pdf(story, title="Beslutsunderlag", author=forbund_name, right=f"Utskrivet {today.isoformat()}")
