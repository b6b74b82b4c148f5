"""The economy as PDF: the year's budget as in a verksamhetsplan, and an insats's economic summary."""
from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from ..domain.budget import COLUMN_LABELS, COLUMNS, Sheet
from ..domain.insatser import KINDS, STATUSES, Insats, Report, YearEconomy
from ..domain.money import format_kr
from .pdf_common import (
    CONTENT_WIDTH,
    FONT,
    FONT_BOLD,
    GRID,
    HEADER_FILL,
    TableCommands,
    build_pdf,
    esc,
    styles,
)


def _build(story: list[Flowable], title: str, forbund_name: str, right: str) -> bytes:
    return build_pdf(story, title=title, author=forbund_name, right=right)


def _money_table(rows: list[list[str]], bold_rows: set[int], widths: list[float]) -> Table:
    """First row is the header; amounts (every column but the first) right-aligned."""
    table = Table(rows, colWidths=widths, repeatRows=1)
    style: TableCommands = [
        ("FONT", (0, 0), (-1, -1), FONT, 9),
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, 9),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    style += [("FONT", (0, r), (-1, r), FONT_BOLD, 9) for r in bold_rows]
    table.setStyle(TableStyle(style))
    return table


def budget_pdf(sheet: Sheet, contributions: list[tuple[str, int, str]], forbund_name: str) -> bytes:
    s = styles()
    story: list[Flowable] = [Paragraph(esc(f"Budget {sheet.year}"), s.title), Paragraph(esc(forbund_name), s.subtitle)]
    rows = [["Post", *(COLUMN_LABELS[c] for c in COLUMNS)]]
    bold = set()
    for r in sheet.rows:
        if r.kind != "line":
            bold.add(len(rows))
        rows.append([r.label, *("" if r.kind == "heading" else format_kr(v) for v in r.values)])
    amount_width = 32 * 2.83465
    story.append(_money_table(rows, bold, [CONTENT_WIDTH - 3 * amount_width, *[amount_width] * 3]))
    story += [Spacer(1, 10), Paragraph("Medlemsbidrag", s.heading),
              Paragraph("Enligt lagen om finansiell samordning: staten genom Försäkringskassan 50 %, regionen 25 % "
                        "och kommunerna 25 % tillsammans, fördelat efter förbundets nyckel.", s.body)]
    split = [["Betalare", "Andel", "Medlemsbidrag"]]
    split += [[payer, share, format_kr(amount)] for payer, amount, share in contributions]
    split.append(["Summa", "100 %", format_kr(sum(a for _, a, _ in contributions))])
    story.append(_money_table(split, {len(split) - 1}, [CONTENT_WIDTH - 2 * amount_width, amount_width, amount_width]))
    if sheet.warnings:
        story += [Spacer(1, 10), Paragraph("Att observera", s.heading)]
        story += [Paragraph(esc(w), s.bullet, bulletText="•") for w in sheet.warnings]
    return _build(story, f"Budget {sheet.year}", forbund_name, f"Budget {sheet.year}")


def insats_pdf(insats: Insats, years: list[YearEconomy], reports: list[Report], forbund_name: str,
               today: date) -> bytes:
    s = styles()
    period = f"{insats.period_start or '?'} – {insats.period_end or '?'}"
    story: list[Flowable] = [
        Paragraph(esc(f"Ekonomisk sammanställning – {insats.name}"), s.title),
        Paragraph(esc(f"Insatsägare: {insats.owner or '–'}. Period: {period}. {KINDS.get(insats.kind, '')}, "
                      f"{STATUSES.get(insats.status, '').lower()}."), s.subtitle),
    ]
    amount_width = 30 * 2.83465
    for economy in years:
        story.append(Paragraph(str(economy.year), s.heading))
        rows = [["Kostnadskategori", "Beviljat", "Utfall", "Kvar"]]
        for category in economy.categories:
            rows.append([category or "(ingen kategori)", format_kr(economy.granted.get(category, 0)),
                         format_kr(economy.spent.get(category, 0)), format_kr(economy.remaining_in(category))])
        rows.append(["Summa", format_kr(economy.granted_total), format_kr(economy.spent_total),
                     format_kr(economy.remaining)])
        story.append(_money_table(rows, {len(rows) - 1}, [CONTENT_WIDTH - 3 * amount_width, *[amount_width] * 3]))
        if economy.prognos is not None:
            story.append(Paragraph(esc(f"Prognos för {economy.year}: {format_kr(economy.prognos)}."), s.body))
        story += [Paragraph(esc(w), s.bullet, bulletText="•") for w in economy.warnings()]
    if reports:
        story.append(Paragraph("Rapporter", s.heading))
        rows = [["Rapport", "Sista dag", "Mottagen"]]
        for r in reports:
            rows.append([r.title, r.due.isoformat(), r.received_on.isoformat() if r.received_on else
                         ("försenad" if r.overdue(today) else "")])
        story.append(_money_table(rows, set(), [CONTENT_WIDTH - 2 * amount_width, amount_width, amount_width]))
    return _build(story, f"Ekonomi {insats.name}", forbund_name, "Ekonomisk sammanställning")
