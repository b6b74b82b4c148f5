"""ESF+ 2021–2027: the Budgetspecifikation computed as the funder computes it (DOMAIN §4.1).

    personal line          = the level's hourly rate × hours per year / 12 × months × grade / 100,
                             rounded half up to whole kronor (1 720 h a year: 21 months = 3 010 h)
    Personal, Externa tjänster, Utrustning … = Σ their lines
    Direkta kostnader      = Σ the three; flat rates (if the call has them) are computed on their base
    Kostnader socialfond   = Direkta kostnader + flat rates
    Kostnader              = socialfond + regionalfond + ersättning/lön till deltagare
    Övrig offentlig medfinansiering = projektägare's share + Σ samverkansparter's shares (likewise in kind,
                             likewise private)
    medfinansiering %      = medfinansiering / kostnader, whole per cent (half up)
    stöd                   = kostnader − medfinansiering (what the funder pays)
    Kostnad per deltagare  = kostnader / deltagare, whole kronor (half up)
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .esf_parts import (
    COFIN_KINDS,
    COFIN_ROLES,
    COFINANCING,
    COST_SECTIONS,
    PERSONAL,
    SECTORS,
    Call,
    EsfParts,
    SpecLine,
)
from .figures import Figures, percent_bp, round_half_up, whole_kronor

SOCIALFOND_SECTIONS = (PERSONAL, "externa", "utrustning")
PARTICIPANT_SECTIONS = ("deltagare_arbetslosa", "deltagare_anstallda")


def personal_amount(line: SpecLine, call: Call) -> int | None:
    """The line's Summa in öre (whole kronor), or None while level, grade or months or the rate is missing."""
    if line.level is None or line.grade is None or line.months is None:
        return None
    rate = call.rates.get(line.level)
    if rate is None:
        return None
    # rate (öre/h) × hours/12 × months × grade/100, in öre; whole_kronor divides by 100 more.
    return whole_kronor(rate * call.hours_per_year * line.months * line.grade, 12 * 100)


def line_amount(line: SpecLine, call: Call) -> int | None:
    return personal_amount(line, call) if line.section == PERSONAL else line.amount


@dataclass
class SpecBudget:
    amounts: list[int | None] = field(default_factory=list)  # per spec line, in order
    figures: Figures = field(default_factory=Figures)

    def value(self, name: str) -> int:
        return self.figures.value(name) or 0


def compute_spec(parts: EsfParts, participants: int | None, required_bp: int | None = None) -> SpecBudget:
    call = parts.call
    amounts = [line_amount(line, call) for line in parts.spec_lines]
    by_section: dict[str, int] = dict.fromkeys(COST_SECTIONS, 0)
    cofin: dict[tuple[str, str, str], int] = {}
    for line, amount in zip(parts.spec_lines, amounts, strict=True):
        if amount is None:
            continue
        if line.section == COFINANCING:
            key = (line.sector, line.cofin_kind, line.cofin_role)
            cofin[key] = cofin.get(key, 0) + amount
        elif line.section in by_section:
            by_section[line.section] += amount
    f = Figures()
    for section, total in by_section.items():
        f.money(f"section.{section}", total)
    direct = sum(by_section[s] for s in SOCIALFOND_SECTIONS)
    f.money("direkta_kostnader", direct)
    flat_total = 0
    for i, rate in enumerate(call.flat_rates):
        base = by_section[PERSONAL] if rate.base == "personal" else direct
        amount = whole_kronor(base * rate.percent_bp, 10_000)
        f.money(f"flat.{i}", amount)
        flat_total += amount
    f.money("indirekta_kostnader", flat_total)
    socialfond = direct + flat_total
    f.money("kostnader_socialfond", socialfond)
    regional = by_section["regionalfond"]
    f.money("kostnader_regionalfond", regional)
    f.money("regionalfond_direkta", regional)
    allowances = sum(by_section[s] for s in PARTICIPANT_SECTIONS)
    f.money("ersattning_deltagare", allowances)
    costs = socialfond + regional + allowances
    f.money("kostnader", costs)
    cofinancing = 0
    for sector in SECTORS:
        sector_total = 0
        for kind in COFIN_KINDS:
            kind_total = 0
            for role in COFIN_ROLES:
                amount = cofin.get((sector, kind, role), 0)
                f.money(f"cofin.{sector}.{kind}.{role}", amount)
                kind_total += amount
            f.money(f"{sector}_{kind}", kind_total)
            sector_total += kind_total
        f.money(f"{sector}_medfinansiering", sector_total)
        cofinancing += sector_total
    f.money("medfinansiering", cofinancing)
    f.money("stod", costs - cofinancing)
    f.percent("medfinansiering_pct", percent_bp(cofinancing, costs) if costs > 0 else None, 0)
    f.percent("stod_pct", percent_bp(costs - cofinancing, costs) if costs > 0 else None, 0)
    f.percent("krav_pct", required_bp, 0)
    f.money("kostnad_per_deltagare", whole_kronor(costs, participants) if participants else None)
    f.count("deltagare", participants)
    return SpecBudget(amounts, f)


def whole_percent(bp: int | None) -> int | None:
    """The share as the form prints it, in whole per cent (half up)."""
    return None if bp is None else round_half_up(bp, 100)


def bearer_costs(parts: EsfParts, budget: SpecBudget) -> dict[str, int]:
    """Σ cost lines per kostnadsbärare (as typed), co-financing excluded."""
    out: dict[str, int] = {}
    for line, amount in zip(parts.spec_lines, budget.amounts, strict=True):
        if line.section != COFINANCING and amount:
            out[line.bearer] = out.get(line.bearer, 0) + amount
    return out
