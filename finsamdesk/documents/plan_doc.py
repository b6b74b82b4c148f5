"""Verksamhetsplan med budget, and the underlag för medlemssamråd, as documents."""
from __future__ import annotations

from ..domain.budget import COLUMN_LABELS
from ..domain.plan import Plan
from .blocks import Block, Bullets, Document, Heading, Para, Table
from .year_report_doc import prose

LAW = ("Enligt lagen om finansiell samordning betalar staten genom Försäkringskassan 50 %, regionen 25 % och "
       "kommunerna 25 % tillsammans, fördelat efter förbundets nyckel.")


def _budget_table(plan: Plan) -> Table:
    rows = [r for r in plan.sheet.rows if r.kind != "heading" and r.key not in ("ek_ib", "ek_ub")]
    return Table(("Post", COLUMN_LABELS["budget"]), tuple((r.label, r.values[0]) for r in rows),
                 money=frozenset({1}), bold_rows=frozenset(i for i, r in enumerate(rows) if r.kind != "line"),
                 widths=(7, 3))


def samrad_table(plan: Plan) -> Table:
    years = [c.year for c in plan.contributions]
    rows = [(payer, *(plan.amount(payer, y) for y in years)) for payer in plan.payers]
    rows.append(("Summa", *(c.total for c in plan.contributions)))
    header = ("Medlem", *(f"{c.year}{' *' if c.assumed else ''}" for c in plan.contributions))
    return Table(header, tuple(rows), money=frozenset(range(1, len(header))), bold_rows=frozenset({len(rows) - 1}),
                 widths=(5, *[2.5] * len(years)))


def plan_document(plan: Plan, logo: bytes | None = None) -> Document:
    doc = Document(f"Verksamhetsplan med budget {plan.year}", plan.forbund, logo=logo,
                   subtitle=f"{plan.forbund}. Budgeten fastställs senast {plan.deadline.isoformat()} efter samråd "
                            "med medlemmarna.", header_right=f"Verksamhetsplan {plan.year}")
    doc.add(Heading("Verksamhetsplan"))
    for key, heading, _ in (("inledning", "Inledning", ""), ("mal", "Mål och prioriteringar", ""),
                            ("verksamhet", "Planerad verksamhet", "")):
        doc.add(Heading(heading, 2), prose(plan.texts, "verksamhetsplan", key))
    doc.add(Heading("Insatser med beviljade medel", 2))
    if plan.insatser:
        doc.add(Table(("Insats", "Inriktning", "Status", f"Beviljat {plan.year}"),
                      tuple((p.name, p.inriktning, p.status, p.granted) for p in plan.insatser)
                      + (("Summa", "", "", sum(p.granted for p in plan.insatser)),),
                      money=frozenset({3}), bold_rows=frozenset({len(plan.insatser)}), widths=(6, 3, 2, 3)))
    else:
        doc.add(Para(f"Inga insatser har beviljats medel för {plan.year} ännu.", "muted"))
    doc.add(Heading(f"Budget {plan.year}"), _budget_table(plan),
            Heading("Kommentar till budgeten", 2), prose(plan.texts, "verksamhetsplan", "budgetkommentar"))
    if plan.warnings:
        doc.add(Heading("Att observera", 2), Bullets(tuple(plan.warnings)))
    doc.add(*samrad_blocks(plan))
    return doc


def samrad_blocks(plan: Plan) -> list[Block]:
    blocks: list[Block] = [Heading("Underlag för medlemssamråd"), Para(LAW), samrad_table(plan)]
    if any(c.assumed for c in plan.contributions):
        blocks.append(Para("* Budgeten för året har inget medlemsbidrag ännu; det senaste årets medlemsbidrag och "
                           "nyckel är antagna oförändrade.", "muted"))
    return blocks
