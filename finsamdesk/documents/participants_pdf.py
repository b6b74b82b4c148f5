"""Deltagare as PDF: the year's participant statistics, and a registerutdrag (everything held about a person)."""
from __future__ import annotations

from datetime import date

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..domain.identifiers import format_personnummer
from ..domain.money import format_kr
from ..domain.participant_statistics import BESIDE, SUM, CountTable, InsatsLine, Statistics, months, percent
from ..domain.participants import GENDERS, ExtractItem, GenderSplit
from .pdf_common import (
    CONTENT_WIDTH,
    FONT,
    FONT_BOLD,
    FONT_ITALIC,
    GRID,
    HEADER_FILL,
    TableCommands,
    TableRows,
    build_pdf,
    esc,
    styles,
)

DASH = "–"
MODE_SHORT = {"antal": "Antal", "individ": "Register"}
PERSONAL_DATA = "Innehåller personuppgifter"


def _build(story: list[Flowable], title: str, forbund_name: str, today: date, footer_left: str = "") -> bytes:
    return build_pdf(story, title=title, author=forbund_name, right=f"Utskrivet {today.isoformat()}",
                     footer_left=footer_left)


def _table(rows: TableRows, widths: list[float], *, numbers_from: int = 1, header: bool = True,
           size: float = 9, padding: float = 6) -> Table:
    """A plain table: first row the header (repeated on each page), columns from `numbers_from` right-aligned.
    Without a header (label | value) cells align at the top."""
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, splitInRow=1)
    style: TableCommands = [
        ("FONT", (0, 0), (-1, -1), FONT, size),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE" if header else "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
    ]
    if numbers_from < len(widths):
        style.append(("ALIGN", (numbers_from, 0), (-1, -1), "RIGHT"))
    if header:
        style += [("FONT", (0, 0), (-1, 0), FONT_BOLD, size), ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)]
    table.setStyle(TableStyle(style))
    return table


def _or_dash(text: object) -> str:
    return DASH if text is None or str(text).strip() == "" else str(text)


def _split_cells(split: GenderSplit) -> list[str]:
    return [str(split.women), str(split.men), str(split.total)]


AGE_NOTE = "Ålder = startår − födelseår. 16–29 ingår i de andra grupperna och visas vid sidan av dem."
OUTCOME_NOTE = "Andelen är av alla som avslutades, också de som bara räknas som antal."


def _count_table(table: CountTable, share: bool) -> Table:
    """The parts, the total in bold, then the "varav" rows in italics (they are no part of the sum)."""
    number = 22 * mm
    columns = 4 if share else 3
    rows: TableRows = [[table.label, "Kvinnor", "Män", "Totalt", *(["Andel"] if share else [])]]
    kinds = []
    for label, split, kind in table.lines():
        rows.append([label, *_split_cells(split), *([percent(table.share(split))] if share else [])])
        kinds.append(kind)
    out = _table(rows, [CONTENT_WIDTH - columns * number, *[number] * columns])
    style: TableCommands = []
    for r, kind in enumerate(kinds, start=1):
        if kind == SUM:
            style += [("FONT", (0, r), (-1, r), FONT_BOLD, 9), ("LINEABOVE", (0, r), (-1, r), 0.6, GRID)]
        elif kind == BESIDE:
            style.append(("FONT", (0, r), (-1, r), FONT_ITALIC, 9))
    out.setStyle(TableStyle(style))
    return out


# ---------------------------------------------------------------- statistics
def statistics_pdf(stats: Statistics, lines: list[InsatsLine], forbund_name: str, today: date) -> bytes:
    s = styles()
    title = f"Deltagarstatistik {stats.year}" if stats.year is not None else "Deltagarstatistik, hela tiden"
    story: list[Flowable] = [Paragraph(esc(title), s.title), Paragraph(esc(stats.scope), s.subtitle)]

    for table, share, note in ((stats.participant_table, False, ""), (stats.ages, False, AGE_NOTE),
                               (stats.outcomes, True, OUTCOME_NOTE)):
        story.append(Paragraph(esc(table.heading), s.heading))
        story.append(_count_table(table, share))
        if note:
            story += [Spacer(1, 3), Paragraph(esc(note), s.small)]

    women, men, everyone = (_or_dash(months(d)) for d in stats.average_days)
    story += [Paragraph("Tid i insatsen", s.heading),
              Paragraph(esc(f"Genomsnittlig tid för avslutade: kvinnor {women}, män {men}, alla {everyone}"), s.body)]

    story += [Paragraph("Kostnad", s.heading),
              Paragraph(esc(f"Utfall (fakturerat): {_or_dash(format_kr(stats.utfall))}"), s.body),
              Paragraph(esc(f"Kostnad per deltagare: {_or_dash(format_kr(stats.cost_per_participant))}"), s.body)]

    if lines:
        story += [CondPageBreak(45 * mm), Paragraph("Per insats", _free_heading()), _per_insats_table(lines, stats)]
    return _build(story, "Deltagarstatistik", forbund_name, today)


def _free_heading() -> ParagraphStyle:
    """A heading before a table that may be long: keepWithNext would move heading and whole table to the
    next page (leaving this one empty), so a CondPageBreak in front keeps them together instead."""
    return ParagraphStyle("heading_free", parent=styles().heading, keepWithNext=False)


def _per_insats_table(lines: list[InsatsLine], stats: Statistics) -> Table:
    """Eight columns: a smaller font and tighter padding leave the insats name room to wrap. The last row is Summa,
    the förbund's figures: the rows above add up to it."""
    s = styles()
    cell = ParagraphStyle("cell_small", parent=s.cell, fontSize=8, leading=10)
    bold = ParagraphStyle("cell_small_bold", parent=s.cell_bold, fontSize=8, leading=10)
    right = ParagraphStyle("cell_small_bold_right", parent=bold, alignment=TA_RIGHT)
    heads = ["Kvinnor", "Män", "Totalt", "Nya", "Avslutade", "Kostnad per deltagare"]
    rows: TableRows = [[Paragraph("Insats", bold), Paragraph("Redovisning", bold),
                         *(Paragraph(h, right) for h in heads)]]
    for name, mode, st in [*((Paragraph(esc(line.name), cell), MODE_SHORT.get(line.mode, line.mode), line.stats)
                             for line in lines), (Paragraph("Summa", bold), "", stats)]:
        rows.append([name, mode, *_split_cells(st.participants), str(st.new.total), str(st.ended.total),
                     _or_dash(format_kr(st.cost_per_participant))])
    widths = [w * mm for w in (23.5, 16, 10.5, 13, 10, 19.5, 25.5)]
    table = _table(rows, [CONTENT_WIDTH - sum(widths), *widths], numbers_from=2, size=8, padding=4)
    last = len(rows) - 1
    table.setStyle(TableStyle([("FONT", (0, last), (-1, last), FONT_BOLD, 8),
                               ("LINEABOVE", (0, last), (-1, last), 0.6, GRID)]))
    return table


# ---------------------------------------------------------------- registerutdrag
def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""


def register_extract_pdf(items: list[ExtractItem], forbund_name: str, today: date) -> bytes:
    s = styles()
    story: list[Flowable] = [
        Paragraph("Registerutdrag", s.title),
        Paragraph(esc(f"Utdrag ur deltagarregistret hos {forbund_name} {today.isoformat()}. Utdraget innehåller "
                      "personuppgifter; lämna det bara till den det gäller."), s.body),
        Paragraph("Person", s.heading),
    ]
    name = next((i.participant.name for i in items if i.participant.name.strip()), "")
    pnr = next((i.participant.personnummer for i in items if i.participant.personnummer.strip()), "")
    if name or pnr:
        story.append(Paragraph(esc(f"Namn: {_or_dash(name)}"), s.body))
        story.append(Paragraph(esc(f"Personnummer: {_or_dash(format_personnummer(pnr))}"), s.body))
    else:
        story.append(Paragraph("Namn och personnummer finns inte i registret (gallrade eller aldrig sparade).", s.body))
    if not items:
        story.append(Paragraph("Registret har inga uppgifter om personen.", s.body))
    for item in items:
        story += [CondPageBreak(90 * mm),  # room for a whole record with a short note
                  Paragraph(esc(f"{item.insats_name} – deltagar-id {item.participant.code}"), _free_heading()),
                  _record_table(item)]
    return _build(story, "Registerutdrag", forbund_name, today, footer_left=PERSONAL_DATA)


def _record_table(item: ExtractItem) -> Table:
    s = styles()
    p = item.participant
    consent = ""
    if p.consent_date:
        consent = p.consent_date.isoformat() + (f" ({p.consent_how})" if p.consent_how.strip() else "")
    fields = [
        ("Deltagar-id", p.code), ("Insats", item.insats_name), ("Personnummer", format_personnummer(p.personnummer)),
        ("Namn", p.name), ("Kön", GENDERS.get(p.gender, p.gender)), ("Födelseår", p.birth_year or ""),
        ("Startdatum", _iso(p.start)), ("Slutdatum", _iso(p.end)), ("Försörjning vid start", item.support),
        ("Utfall vid avslut", item.outcome), ("Samtycke", consent),
    ]
    rows = [[Paragraph(esc(label), s.cell_bold), Paragraph(esc(_or_dash(value)), s.cell)] for label, value in fields]
    note = p.note.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    note_markup = "<br/>".join(esc(line) for line in note.split("\n")) if note.strip() else DASH
    rows.append([Paragraph("Anteckning", s.cell_bold), Paragraph(note_markup, s.cell)])
    if p.gallrad_on:
        rows.append([Paragraph("Gallrat", s.cell_bold),
                     Paragraph(esc(f"Gallrat {p.gallrad_on.isoformat()}: {_or_dash(p.gallrat)}"), s.cell)])
    return _table(rows, [48 * mm, CONTENT_WIDTH - 48 * mm], numbers_from=2, header=False)
