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


def contributions_ahead(year: int, budgets: dict[int, BudgetYear]) -> list[ContributionYear]:
    """Each member's medlemsbidrag for `year` and the two after it, from each year's budget and key. A year
    without medlemsbidrag in its budget is assumed to keep the latest earlier budget's (and says so)."""
    def has(b: BudgetYear | None) -> bool:
        return b is not None and b.get("medlemsbidrag", "budget") is not None

    out = []
    for y in range(year, year + SAMRAD_YEARS):
        if has(budgets.get(y)):
            out.append(ContributionYear(y, tuple(split_contributions(budgets[y])), False))
            continue
        base = next((budgets[e] for e in sorted(budgets, reverse=True) if e < y and has(budgets[e])), None)
        rows = tuple(split_contributions(base)) if base is not None else ()
        out.append(ContributionYear(y, rows, True))
    return out


def plan_warnings(plan_year: BudgetYear, sheet: Sheet, today: date) -> list[str]:
    out = list(sheet.warnings)
    if plan_year.get("medlemsbidrag", "budget") is None:
        out.append(f"Budgeten {plan_year.year} saknar medlemsbidrag.")
    deadline = date(plan_year.year - 1, *BUDGET_DEADLINE)
    if today > deadline and plan_year.get("medlemsbidrag", "budget") is None:
        out.append(f"Budgeten för {plan_year.year} skulle ha fastställts senast {deadline.isoformat()}.")
    return out
