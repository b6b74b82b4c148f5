"""ESF 2014–2020: the cost and co-financing tree and the Budgetöversikt computed from it.

The tree (groups, their lines, which line subtracts) is template data; each group has a role that
says what it is to the arithmetic:

    socialfond          a phase's costs (Kostnader socialfonden (Analys- och planeringsfas) …)
    regionalfond        Kostnader regionalfondskaraktär (ERUF)
    annat_an_pengar     Offentligt/Privata bidrag i annat än pengar (in kind)
    deltagarersattning  Offentligt finansierad ersättning till deltagare
    kontant_tillford    Offentliga/Privata kontanta medel tillförda projektet
    kontant_agare       Offentliga/Privata kontanta medel från projektägaren

The funder's formulas (DOMAIN §4.1):
    group                 = Σ lines (a line with sign −1, Intäkter, subtracts)
    Kostnader socialfonden = Σ socialfond groups; Summa kostnader = socialfonden + ERUF
    Avgår kontant medfinansiering = Σ kontant_* groups
    ESF-stöd              = Summa kostnader − Avgår kontant medfinansiering
    Summa offentlig och privat medfinansiering = Σ co-financing groups
    Summa total finansiering = ESF-stöd + Σ medfinansiering
    ESF-stöd %            = ESF-stöd / Summa total finansiering, two decimals (half up)
    Budgeterad medfinansiering % = 100 − ESF-stöd %
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .figures import Figures, percent_bp

COST_ROLES = ("socialfond", "regionalfond")
COFIN_ROLES = ("annat_an_pengar", "deltagarersattning", "kontant_tillford", "kontant_agare")
CASH_ROLES = ("kontant_tillford", "kontant_agare")
GROUP_ROLES = COST_ROLES + COFIN_ROLES

# The Budgetöversikt's figures, by the names a template's `{budget.…}` uses.
OVERVIEW_FIGURES = (
    "kostnader_socialfonden", "kostnader_eruf", "summa_kostnader", "avgar_kontant", "esf_stod",
    "summa_medfinansiering", "summa_total", "esf_stod_pct", "medfinansiering_pct", "krav_pct",
)


@dataclass(frozen=True)
class TreeLine:
    label: str
    sign: int = 1  # −1: the line subtracts (Intäkter)


@dataclass(frozen=True)
class TreeGroup:
    key: str
    label: str
    role: str
    lines: tuple[TreeLine, ...]
    sector: str = ""  # offentlig | privat (co-financing groups)
    phase: str = ""  # socialfond groups: the phase the costs belong to
    heading: str = ""  # a heading row printed above the group ("Offentlig medfinansiering")

    @property
    def is_cost(self) -> bool:
        return self.role in COST_ROLES


@dataclass(frozen=True)
class CostTree:
    groups: tuple[TreeGroup, ...]

    def group(self, key: str) -> TreeGroup:
        for g in self.groups:
            if g.key == key:
                return g
        raise KeyError(key)

    def keys(self) -> set[tuple[str, str]]:
        return {(g.key, line.label) for g in self.groups for line in g.lines}


@dataclass
class TreeBudget:
    """The computed tree and overview. `group_totals` by group key; `figures` by overview name."""

    group_totals: dict[str, int] = field(default_factory=dict)
    figures: Figures = field(default_factory=Figures)

    def total(self, key: str) -> int:
        return self.group_totals.get(key, 0)


def group_total(group: TreeGroup, cells: dict[tuple[str, str], int]) -> int:
    return sum(line.sign * cells.get((group.key, line.label), 0) for line in group.lines)


def compute_tree(tree: CostTree, cells: dict[tuple[str, str], int], required_bp: int | None) -> TreeBudget:
    """Every group total and the Budgetöversikt, in öre (percentages in basis points)."""
    totals = {g.key: group_total(g, cells) for g in tree.groups}

    def by_role(*roles: str) -> int:
        return sum(totals[g.key] for g in tree.groups if g.role in roles)

    socialfond = by_role("socialfond")
    eruf = by_role("regionalfond")
    costs = socialfond + eruf
    cash = by_role(*CASH_ROLES)
    esf = costs - cash
    cofinancing = by_role(*COFIN_ROLES)
    total = esf + cofinancing
    esf_bp = percent_bp(esf, total) if total > 0 else None
    f = Figures()
    f.money("kostnader_socialfonden", socialfond)
    f.money("kostnader_eruf", eruf)
    f.money("summa_kostnader", costs)
    f.money("avgar_kontant", cash)
    f.money("esf_stod", esf)
    f.money("summa_medfinansiering", cofinancing)
    f.money("summa_total", total)
    f.percent("esf_stod_pct", esf_bp, 2)
    f.percent("medfinansiering_pct", None if esf_bp is None else 10_000 - esf_bp, 2)
    f.percent("krav_pct", required_bp, 2)
    for key, amount in totals.items():
        f.money(f"group.{key}", amount)
    return TreeBudget(totals, f)


def phase_costs(tree: CostTree, budget: TreeBudget) -> dict[str, int]:
    """Kostnader socialfonden per phase name (for spreading a granted project over the calendar)."""
    return {g.phase or g.label: budget.total(g.key) for g in tree.groups if g.role == "socialfond"}


def own_cash(tree: CostTree, budget: TreeBudget) -> int:
    """The projektägare's own cash (Offentliga/Privata kontanta medel från projektägaren)."""
    return sum(budget.total(g.key) for g in tree.groups if g.role == "kontant_agare")
