"""Verksamhetsplan med budget for next year, and the underlag för medlemssamråd: each member's contribution
for the coming three years from the budget and the key (1 § lag 2003:1210: staten 50 %, regionen 25 %,
kommunerna 25 % shared by the förbund's key). The budget must be set by 30 november after samråd."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .budget import BudgetYear, Sheet, split_contributions

SAMRAD_YEARS = 3
BUDGET_DEADLINE = (11, 30)


@dataclass(frozen=True)
class ContributionYear:
    year: int
    rows: tuple[tuple[str, int, str], ...]  # (payer, öre, share)
    assumed: bool  # no budget saved for the year: the plan year's medlemsbidrag and key are assumed

    @property
    def total(self) -> int:
        return sum(a for _, a, _ in self.rows)


@dataclass(frozen=True)
class PlannedInsats:
    insats_id: int
    name: str
    inriktning: str
    granted: int  # öre beviljat for the plan year
    status: str


@dataclass
class Plan:
    year: int
    forbund: str
    sheet: Sheet
    contributions: list[ContributionYear]
    insatser: list[PlannedInsats]
    texts: dict[str, str]
    deadline: date
    warnings: list[str]

    @property
    def payers(self) -> list[str]:
        return list(dict.fromkeys(p for c in self.contributions for p, _, _ in c.rows))

    def amount(self, payer: str, year: int) -> int | None:
        for c in self.contributions:
            if c.year == year:
                return next((a for p, a, _ in c.rows if p == payer), None)
        return None


def contributions_ahead(plan_year: BudgetYear, later: dict[int, BudgetYear | None]) -> list[ContributionYear]:
    """Each member's medlemsbidrag for the plan year and the two after it. A later year without a saved budget
    is assumed to keep the plan year's medlemsbidrag and key (and says so)."""
    out = [ContributionYear(plan_year.year, tuple(split_contributions(plan_year)), False)]
    for offset in range(1, SAMRAD_YEARS):
        year = plan_year.year + offset
        b = later.get(year)
        if b is not None and b.get("medlemsbidrag", "budget") is not None:
            out.append(ContributionYear(year, tuple(split_contributions(b)), False))
        else:
            out.append(ContributionYear(year, tuple(split_contributions(plan_year)), True))
    return out


def plan_warnings(plan_year: BudgetYear, sheet: Sheet, today: date) -> list[str]:
    out = list(sheet.warnings)
    if plan_year.get("medlemsbidrag", "budget") is None:
        out.append(f"Budgeten {plan_year.year} saknar medlemsbidrag.")
    deadline = date(plan_year.year - 1, *BUDGET_DEADLINE)
    if today > deadline and plan_year.get("medlemsbidrag", "budget") is None:
        out.append(f"Budgeten för {plan_year.year} skulle ha fastställts senast {deadline.isoformat()}.")
    return out
