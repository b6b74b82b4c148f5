"""The årsredovisning and the delårsrapport as a document, in Nationella rådet's order: förvaltningsberättelse
(prose, the insatser with participants, outcomes and cost per participant, the meetings held, the economy),
driftredovisning, resultaträkning, balansräkning and noter."""
from __future__ import annotations

from ..domain.annual import SECTIONS, MoneyRow, YearReport
from ..domain.money import format_kr
from ..domain.participant_statistics import percent
from .blocks import Block, Bullets, Document, Heading, Para, Table

PLACEHOLDER = "(Texten är inte skriven ännu: {hint})"


def prose(texts: dict[str, str], kind: str, key: str) -> Para:
    """The text the user wrote for the section, or a placeholder saying what belongs there."""
    hint = next(h for k, _, h in SECTIONS[kind] if k == key)
    text = texts.get(key, "").strip()
    return Para(text) if text else Para(PLACEHOLDER.format(hint=hint.lower()), "placeholder")


def _insatser(report: YearReport) -> Table:
    rows = [(line.name, line.participants.women, line.participants.men, line.participants.total,
             line.stats.ended.total, line.spent, line.cost_per_participant) for line in report.insatser]
    total = report.total
    rows.append(("Hela förbundet", total.participants.women, total.participants.men, total.participants.total,
                 total.ended.total, sum(line.spent for line in report.insatser), total.cost_per_participant))
    return Table(("Insats", "Kvinnor", "Män", "Totalt", "Avslutade", "Utfall", "Kr/deltagare"),
                 tuple(rows), money=frozenset({5, 6}), counts=frozenset({1, 2, 3, 4}),
                 bold_rows=frozenset({len(rows) - 1}), widths=(4.2, 1.9, 1.3, 1.6, 2.2, 2.6, 2.6))


def _outcomes(report: YearReport) -> Table:
    ended = sum(split.total for _, split in report.outcomes)
    rows = tuple((label, split.women, split.men, split.total, percent(split.total / ended) if ended else "–")
                 for label, split in report.outcomes)
    return Table(("Utfall vid avslut", "Kvinnor", "Män", "Totalt", "Andel"), rows, counts=frozenset({1, 2, 3}),
                 widths=(5, 1.5, 1.5, 1.5, 1.5))


def _meetings(report: YearReport) -> Table:
    return Table(("Organ", "Antal möten", "Datum"),
                 tuple((m.body, len(m.dates), ", ".join(d.isoformat() for d in m.dates) or "–")
                       for m in report.meetings), counts=frozenset({1}), widths=(3, 2, 7))


def _economy(report: YearReport) -> list[Block]:
    eq = report.equity
    missing = "saknas (utfallet för intäkterna är inte ifyllt)"
    result = format_kr(eq["resultat"]) if eq["resultat"] is not None else missing
    opening = format_kr(eq["ingaende"]) if eq["ingaende"] is not None else "saknas"
    lines = [f"Resultat för perioden: {result}.", f"Eget kapital vid periodens början: {opening}."]
    if eq["utgaende"] is not None:
        lines.append(f"Eget kapital vid periodens slut: {format_kr(eq['utgaende'])}.")
    over = eq["over_tak"]
    if eq["tak"] is not None and over is not None:
        relation = "över" if over > 0 else "under"
        lines.append(f"Taket för eget kapital är {format_kr(eq['tak'])}; eget kapital är {format_kr(abs(over))} "
                     f"{relation} taket.")
    rows = tuple((label, budget, utfall, share) for label, budget, utfall, share in report.adherence)
    return [Heading("Ekonomi", 2), Bullets(tuple(lines)),
            Para("Budgetföljsamhet: hur stor del av varje posts budget som har använts.", "muted"),
            Table(("Post", "Budget", "Utfall", "Använt"), rows, money=frozenset({1, 2}), widths=(6, 2.5, 2.5, 1.5))]


def _money_rows(rows: list[MoneyRow], header: tuple[str, ...]) -> Table:
    return Table(header, tuple((r.label, *r.values) for r in rows), money=frozenset(range(1, len(header))),
                 bold_rows=frozenset(i for i, r in enumerate(rows) if r.bold),
                 widths=(6, *[2.5] * (len(header) - 1)))


def _noter(report: YearReport) -> list[Block]:
    out: list[Block] = [Heading("Noter"), Heading("Not 1 Redovisningsprinciper", 2),
                 prose(report.texts, report.kind, "principer")]
    out.append(Heading("Not 2 Medlemsbidrag per medlem", 2))
    if report.contributions:
        out.append(Table(("Medlem", "Andel", "Medlemsbidrag"), tuple((p, s, a) for p, a, s in report.contributions),
                         money=frozenset({2}), widths=(6, 2, 3)))
    else:
        out.append(Para("Utfallet för medlemsbidrag är inte ifyllt.", "muted"))
    eq = report.equity
    out += [Heading("Not 3 Eget kapital", 2),
            Table(("Post", "Belopp"), (("Ingående eget kapital", eq["ingaende"]), ("Årets resultat", eq["resultat"]),
                                       ("Utgående eget kapital", eq["utgaende"]), ("Tak för eget kapital", eq["tak"])),
                  money=frozenset({1}), bold_rows=frozenset({2}), widths=(6, 3))]
    return out


def year_report_document(report: YearReport, logo: bytes | None = None) -> Document:
    doc = Document(report.title, report.forbund, subtitle=f"{report.forbund}. Perioden {report.period}.", logo=logo,
                   header_right=report.title.split(" (")[0])
    doc.add(Heading("Förvaltningsberättelse"))
    for key, heading, _ in SECTIONS[report.kind]:
        if key != "principer":
            doc.add(Heading(heading, 2), prose(report.texts, report.kind, key))
    doc.add(Heading("Insatser och deltagare", 2),
            Para("Deltagare under perioden efter kön, avslutade deltagare, utfall (fakturerat) och kostnad per "
                 "deltagare (utfall delat med antalet deltagare).", "muted"),
            _insatser(report), Heading("Resultat för deltagarna", 2), _outcomes(report),
            Heading("Styrelse och beredningsgrupp", 2), _meetings(report), *_economy(report))
    if report.warnings:
        doc.add(Heading("Att observera", 2), Bullets(tuple(report.warnings)))
    third = "Avvikelse" if report.kind == "arsredovisning" else "Kvar av budget"
    doc.add(Heading("Driftredovisning"),
            Para("Budget för året, utfall för perioden och skillnaden per post. Positiv avvikelse är till förbundets "
                 "fördel.", "muted"),
            _money_rows(report.drift, ("Post", "Budget", "Utfall", third)),
            Heading("Resultaträkning"), _money_rows(report.resultat, ("Post", "Utfall")),
            Heading("Balansräkning"), _money_rows(report.balans, ("Post", "Belopp")), *_noter(report))
    return doc
