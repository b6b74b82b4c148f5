"""Uppföljning Finsam: the figures the national follow-up takes for a year, in the order it asks for them.

Since 2023 Försäkringskassan's Uppföljning Finsam takes figures, not people (DOMAIN §3.12). The
förbundsadministratör records the medel received per member, eget kapital and the administration's
budget and utfall, and per insats its inriktning, målgrupp, ESF flag, budget, utfall and budgeted number of
participants; participants by kön for individinriktade insatser and a count for strukturövergripande ones.
An insats with both parts is registered once for each part, under two names.

Every figure either has a value or says why it cannot be computed from the file.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .budget import BudgetYear, Sheet, largest_remainder, split_contributions
from .insatser import INRIKTNINGAR, PART_LABELS, Insats, inriktning_of
from .money import format_kr
from .participants import GenderSplit
from .text import sort_key

# The förbund's own costs that Uppföljning Finsam calls administration: everything but the insatser.
ADMINISTRATION_LINES = ("styrelse", "administration", "revision")


@dataclass(frozen=True)
class Figure:
    """One field to type into the national system. `value` is öre (money), a count, or text; None: see `why`."""

    label: str
    value: int | str | None
    kind: str = "money"  # money | count | text
    why: str = ""

    @property
    def known(self) -> bool:
        return self.value is not None

    def shown(self) -> str:
        if self.value is None:
            return "–"
        if self.kind == "money":
            return format_kr(int(self.value))
        if self.kind == "count":
            return str(self.value)
        return str(self.value)


@dataclass(frozen=True)
class InsatsYear:
    """What the file knows of one insats in one year (the input of the follow-up)."""

    insats: Insats
    granted: int  # öre beviljat for the year
    spent: int  # öre invoiced for the year
    participants: GenderSplit | None  # taking part some day of the year; None: nothing registered
    structural_count: int | None = None  # entered for the year (strukturövergripande participants)


@dataclass(frozen=True)
class InsatsPart:
    """One registration in Uppföljning Finsam: an insats, or one part of an insats with both parts."""

    insats_id: int
    part: str  # individ | struktur
    figures: tuple[Figure, ...]

    def figure(self, label: str) -> Figure:
        return next(f for f in self.figures if f.label == label)


@dataclass(frozen=True)
class FollowUp:
    year: int
    forbund: tuple[Figure, ...]
    insatser: tuple[InsatsPart, ...]
    missing: int = field(default=0)  # figures that cannot be computed

    def forbund_figure(self, label: str) -> Figure:
        return next(f for f in self.forbund if f.label == label)


# Labels, in the national system's order.
NAME, INRIKTNING, MALGRUPP, ESF = "Insatsens namn", "Inriktning", "Målgrupp", "ESF-finansierad"
BUDGET, UTFALL, PLANNED = "Budget", "Utfall", "Budgeterat antal deltagare"
WOMEN, MEN, COUNT = "Deltagare, kvinnor", "Deltagare, män", "Antal deltagare"
EQUITY_START, EQUITY_END = "Eget kapital vid årets början", "Eget kapital vid årets slut"
ADMIN_BUDGET, ADMIN_UTFALL = "Administration, budget", "Administration, utfall"
RECEIVED_TOTAL = "Tilldelade medel, summa"


def part_name(insats: Insats, part: str) -> str:
    """The name the part is registered under; the national system needs two names for an insats with both."""
    if len(insats.parts) == 1:
        return insats.name
    return f"{insats.name} – {PART_LABELS[part]} del"


def split_part(amount: int, insats: Insats, part: str) -> int | None:
    """The part's share of a sum; None when an insats with both parts has no share set."""
    if len(insats.parts) == 1:
        return amount
    if insats.structural_share is None:
        return None
    structural, individual = largest_remainder(amount, [insats.structural_share, 100 - insats.structural_share])
    return structural if part == "struktur" else individual


def _planned(insats: Insats, part: str) -> Figure:
    if part == "struktur":
        if insats.planned_structural is None:
            return Figure(PLANNED, None, "count", "Budgeterat antal deltagare (strukturövergripande) är inte "
                                                  "ifyllt på insatsen.")
        return Figure(PLANNED, insats.planned_structural, "count")
    if insats.planned_women is None and insats.planned_men is None:
        return Figure(PLANNED, None, "count", "Planerade deltagare är inte ifyllda på insatsen.")
    return Figure(PLANNED, (insats.planned_women or 0) + (insats.planned_men or 0), "count")


def _participants(fact: InsatsYear, part: str, year: int) -> list[Figure]:
    if part == "individ":
        if fact.participants is None:
            why = f"Inga deltagare är registrerade under {year} (Deltagare)."
            return [Figure(WOMEN, None, "count", why), Figure(MEN, None, "count", why)]
        return [Figure(WOMEN, fact.participants.women, "count"), Figure(MEN, fact.participants.men, "count")]
    if fact.structural_count is not None:
        return [Figure(COUNT, fact.structural_count, "count")]
    if fact.participants is not None and len(fact.insats.parts) == 1:
        return [Figure(COUNT, fact.participants.total, "count")]
    return [Figure(COUNT, None, "count", f"Antal deltagare i den strukturövergripande delen {year} är inte ifyllt.")]


def insats_parts(fact: InsatsYear, year: int) -> list[InsatsPart]:
    insats = fact.insats
    out = []
    for part in insats.parts:
        no_share = "Ange hur stor del (procent) av pengarna som hör till den strukturövergripande delen."
        budget, utfall = split_part(fact.granted, insats, part), split_part(fact.spent, insats, part)
        target = insats.target_group.strip()
        figures = [
            Figure(NAME, part_name(insats, part), "text"),
            Figure(INRIKTNING, INRIKTNINGAR[part], "text"),
            Figure(MALGRUPP, target or None, "text", "" if target else "Målgrupp är inte ifylld på insatsen."),
            Figure(ESF, "Ja" if insats.esf else "Nej", "text"),
            Figure(BUDGET, budget, "money", "" if budget is not None else no_share),
            Figure(UTFALL, utfall, "money", "" if utfall is not None else no_share),
            _planned(insats, part),
            *_participants(fact, part, year),
        ]
        out.append(InsatsPart(insats.id or 0, part, tuple(figures)))
    return out


def _sum_lines(b: BudgetYear, column: str) -> int | None:
    values = [b.get(line, column) for line in ADMINISTRATION_LINES]
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def forbund_figures(year: int, b: BudgetYear | None, sheet: Sheet | None) -> list[Figure]:
    """Medel received per member (the year's medlemsbidrag, utfall, split by the law and the key), eget kapital,
    and the administration's budget and utfall (styrelse, kansli and revision)."""
    if b is None or sheet is None:
        why = f"Det finns ingen budget för {year} (Budget)."
        return [Figure(RECEIVED_TOTAL, None, why=why), Figure(EQUITY_START, None, why=why),
                Figure(EQUITY_END, None, why=why), Figure(ADMIN_BUDGET, None, why=why),
                Figure(ADMIN_UTFALL, None, why=why)]
    out: list[Figure] = []
    received = b.get("medlemsbidrag", "utfall")
    if received is None:
        why = f"Utfallet för medlemsbidrag {year} är inte ifyllt (Budget)."
        out += [Figure(f"Tilldelade medel, {payer}", None, why=why) for payer, _, _ in split_contributions(b, 0)]
    else:
        out += [Figure(f"Tilldelade medel, {payer}", amount) for payer, amount, _ in split_contributions(b, received)]
    out.append(Figure(RECEIVED_TOTAL, received, why="" if received is not None else
                      f"Utfallet för medlemsbidrag {year} är inte ifyllt (Budget)."))
    opening = sheet.row("ek_ib").values[2]
    closing = sheet.row("ek_ub").values[2]
    out.append(Figure(EQUITY_START, opening, why="" if opening is not None else
                      f"Eget kapital vid början av {year} är inte ifyllt och {year - 1} har inget utfall."))
    out.append(Figure(EQUITY_END, closing, why="" if closing is not None else
                      f"Årets resultat {year} saknas: utfallet för intäkterna är inte ifyllt (Budget)."))
    admin_budget, admin_utfall = _sum_lines(b, "budget"), _sum_lines(b, "utfall")
    out.append(Figure(ADMIN_BUDGET, admin_budget, why="" if admin_budget is not None else
                      f"Budgeten {year} saknar styrelse, kansli och revision."))
    out.append(Figure(ADMIN_UTFALL, admin_utfall, why="" if admin_utfall is not None else
                      f"Utfallet {year} för styrelse, kansli och revision är inte ifyllt (Budget)."))
    return out


def follow_up(year: int, b: BudgetYear | None, sheet: Sheet | None, facts: list[InsatsYear]) -> FollowUp:
    """The year's Uppföljning Finsam: the förbund's figures, then one registration per insats part (by name)."""
    parts = [p for fact in facts for p in insats_parts(fact, year)]
    parts.sort(key=lambda p: sort_key(str(p.figure(NAME).value)))
    forbund = forbund_figures(year, b, sheet)
    missing = sum(not f.known for f in forbund) + sum(not f.known for p in parts for f in p.figures)
    return FollowUp(year, tuple(forbund), tuple(parts), missing)


def reported_in(insats: Insats, year: int, granted: int, spent: int) -> bool:
    """An insats is reported for a year when it had money that year or its period touches the year."""
    if granted or spent:
        return True
    start, end = insats.period_start, insats.period_end
    return bool(start and start.year <= year and (end is None or end.year >= year))


__all__ = ["Figure", "FollowUp", "InsatsPart", "InsatsYear", "follow_up", "inriktning_of", "reported_in"]
