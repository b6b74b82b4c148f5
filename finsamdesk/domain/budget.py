"""The förbund's own budget of a year: member contributions, costs, the result and eget kapital.

Budget, prognos and utfall stand side by side. The FINSAM law (1 § lag 2003:1210 om finansiell
samordning) splits the contributions: the state through Försäkringskassan 50 %, the region 25 %,
the kommuner 25 % together, shared by a key the förbund sets (e.g. population).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

COLUMNS = ("budget", "prognos", "utfall")
COLUMN_LABELS = {"budget": "Budget", "prognos": "Prognos", "utfall": "Utfall"}

# Lines the user enters, in the order of the sheet: (key, label, income?)
ENTERED_LINES = (
    ("medlemsbidrag", "Medlemsbidrag", True),
    ("ovriga_intakter", "Övriga intäkter", True),
    ("styrelse", "Styrelse", False),
    ("administration", "Administration och kansli", False),
    ("revision", "Revision", False),
)
LINE_LABELS = {key: label for key, label, _ in ENTERED_LINES}
STATE_SHARE, REGION_SHARE, KOMMUN_SHARE = 50, 25, 25  # per cent of the contributions


@dataclass
class KommunKey:
    name: str
    weight: int  # e.g. the population; shares are weight / Σ weight
    organisation_id: int | None = None


@dataclass
class BudgetYear:
    year: int
    # (line, column) → öre; an absent cell is empty. Prognos falls back on budget when empty.
    cells: dict[tuple[str, str], int] = field(default_factory=dict)
    insats_frame: int | None = None  # ram för insatser (budget); None: whatever the budget leaves
    opening_equity: int | None = None
    equity_ceiling: int | None = None
    state_name: str = "Försäkringskassan (staten)"
    region_name: str = "Regionen"
    kommuner: list[KommunKey] = field(default_factory=list)
    note: str = ""

    def get(self, line: str, column: str) -> int | None:
        return self.cells.get((line, column))

    def value(self, line: str, column: str) -> int:
        """The amount used in sums: prognos falls back on budget; empty counts as 0."""
        amount = self.cells.get((line, column))
        if amount is None and column == "prognos":
            amount = self.cells.get((line, "budget"))
        return amount or 0


class BudgetError(ValueError):
    """Bad budget data; Swedish message."""


def validate_budget_year(b: BudgetYear) -> dict[str, str]:
    errors: dict[str, str] = {}
    for (line, column), amount in b.cells.items():
        if line not in LINE_LABELS or column not in COLUMNS:
            errors[f"{line}.{column}"] = "Okänd budgetrad."
        elif amount < 0:
            errors[f"{line}.{column}"] = (f"{LINE_LABELS[line]} ({COLUMN_LABELS[column].lower()}) "
                                          "får inte vara negativt.")
    for name, entered in (("insats_frame", b.insats_frame), ("equity_ceiling", b.equity_ceiling)):
        if entered is not None and entered < 0:
            errors[name] = "Beloppet får inte vara negativt."
    for row, k in enumerate(b.kommuner, start=1):
        if not k.name.strip():
            errors[f"kommun.{row}"] = f"Rad {row}: kommunen behöver ett namn."
        elif k.weight is None or k.weight < 0:
            errors[f"kommun.{row}"] = f"Rad {row}: fördelningsnyckeln får inte vara negativ."
    if b.kommuner and not sum(k.weight for k in b.kommuner):
        errors["kommun"] = "Fördelningsnyckeln summerar till noll."
    return errors


def largest_remainder(total: int, weights: list[int], unit: int = 100) -> list[int]:
    """`total` öre split by `weights` in whole `unit`s (kronor) where it can be, summing exactly to total."""
    if not weights or not sum(weights):
        return [0] * len(weights)
    if total % unit:
        unit = 1
    units = total // unit
    exact = [units * w / sum(weights) for w in weights]
    floors = [int(x) for x in exact]
    for i in sorted(range(len(weights)), key=lambda i: exact[i] - floors[i], reverse=True)[:units - sum(floors)]:
        floors[i] += 1
    return [f * unit for f in floors]


def split_contributions(b: BudgetYear, total: int | None = None) -> list[tuple[str, int, str]]:
    """(payer, amount in öre, share as text) for the year's medlemsbidrag (budget column by default)."""
    total = b.value("medlemsbidrag", "budget") if total is None else total
    state, region, kommuner = largest_remainder(total, [STATE_SHARE, REGION_SHARE, KOMMUN_SHARE])
    rows = [(b.state_name, state, f"{STATE_SHARE} %"), (b.region_name, region, f"{REGION_SHARE} %")]
    if not b.kommuner:
        return [*rows, ("Kommunerna", kommuner, f"{KOMMUN_SHARE} %")]
    weights = [k.weight for k in b.kommuner]
    shares = largest_remainder(kommuner, weights)
    whole = sum(weights)
    for k, amount in zip(b.kommuner, shares, strict=True):
        percent = f"{KOMMUN_SHARE * k.weight / whole:.2f}".replace(".", ",") if whole else "0"
        rows.append((k.name, amount, f"{percent} %"))
    return rows


@dataclass
class InsatsTotals:
    """What the year's insatser add to the sheet (öre): Σ beviljat, Σ prognos, Σ invoiced."""

    granted: int = 0
    prognos: int = 0
    spent: int = 0
    income: int = 0  # outside support for the förbund's own projects (a granted ESF application), also in granted

    @property
    def within_frame(self) -> int:
        """What counts against the ram för insatser: the förbund's own money (an outside funder's support does
        not use the frame)."""
        return self.granted - self.income


class YearSummary(NamedTuple):
    """One budget year in the view over several years (prognos figures)."""

    year: int
    income: int | None  # prognos
    costs: int | None
    result: int | None
    closing_equity: int | None
    granted: int
    spent: int
    warnings: int


class SheetRow(NamedTuple):
    key: str
    label: str
    kind: str  # heading | line | sum | result | equity
    values: tuple[int | None, int | None, int | None] = (None, None, None)  # budget, prognos, utfall
    terms: tuple[tuple[str, int], ...] = ()  # for computed rows: (row key, +1/-1) they add up


@dataclass
class Sheet:
    year: int
    rows: list[SheetRow]
    warnings: list[str]

    def row(self, key: str) -> SheetRow:
        return next(r for r in self.rows if r.key == key)


def _plus(*values: int | None) -> int | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def budget_sheet(b: BudgetYear, insatser: InsatsTotals, *, previous_closing: int | None = None) -> Sheet:
    """The year's budget as rows with budget/prognos/utfall and the sums they make.

    Insatser: budget = Σ beviljat, prognos = Σ the insatser's prognos, utfall = Σ invoiced.
    Ej fördelat = the insats frame less Σ beviljat (budget and prognos; nothing is spent of it).
    Eget kapital: the opening balance (entered, else last year's closing) plus the result.
    """
    rows: list[SheetRow] = [SheetRow("intakter", "Intäkter", "heading")]
    income_keys: list[str] = []
    cost_keys: list[str] = []
    for key, label, income in ENTERED_LINES:
        if not income and not cost_keys:
            if insatser.income:
                rows.append(SheetRow("externa_medel", "Externa medel till egna projekt (ESF-stöd)", "line",
                                     (insatser.income, insatser.income, None)))
                income_keys.append("externa_medel")
            rows.append(SheetRow("sum_intakter", "Summa intäkter", "sum",
                                 _sum_values(rows, income_keys), tuple((k, 1) for k in income_keys)))
            rows.append(SheetRow("kostnader", "Kostnader", "heading"))
        values = (b.get(key, "budget"), b.get(key, "prognos") if b.get(key, "prognos") is not None
                  else b.get(key, "budget"), b.get(key, "utfall"))
        rows.append(SheetRow(key, label, "line", values))
        (income_keys if income else cost_keys).append(key)
    frame = b.insats_frame
    unallocated = None if frame is None else frame - insatser.within_frame
    rows.append(SheetRow("insatser", "Insatser (beviljat)", "line",
                         (insatser.granted, insatser.prognos, insatser.spent)))
    rows.append(SheetRow("ej_fordelat", "Ej fördelade medel för insatser", "line",
                         (max(unallocated, 0) if unallocated is not None else None,
                          max(unallocated, 0) if unallocated is not None else None, None)))
    cost_keys += ["insatser", "ej_fordelat"]
    rows.append(SheetRow("sum_kostnader", "Summa kostnader", "sum", _sum_values(rows, cost_keys),
                         tuple((k, 1) for k in cost_keys)))
    incomes, costs = _find(rows, "sum_intakter").values, _find(rows, "sum_kostnader").values
    # a result needs the income side: utfall costs booked before any income is entered give no result yet
    result = _three(None if i is None else i - (c or 0) for i, c in zip(incomes, costs, strict=True))
    rows.append(SheetRow("resultat", "Årets resultat", "result", result, (("sum_intakter", 1), ("sum_kostnader", -1))))
    opening = b.opening_equity if b.opening_equity is not None else previous_closing
    rows.append(SheetRow("ek_ib", "Eget kapital vid årets början", "equity", (opening, opening, opening)))
    closing = _three(None if r is None else (opening or 0) + r for r in result)
    rows.append(SheetRow("ek_ub", "Eget kapital vid årets slut", "equity", closing, (("ek_ib", 1), ("resultat", 1))))
    warnings = []
    if unallocated is not None and unallocated < 0:
        warnings.append(f"Beviljat för insatser {b.year} är {_kr(-unallocated)} över ramen för insatser.")
    if b.equity_ceiling is not None:
        for column, amount in zip(COLUMNS, closing, strict=True):
            if amount is not None and amount > b.equity_ceiling:
                warnings.append(f"Eget kapital vid årets slut ({COLUMN_LABELS[column].lower()}, {_kr(amount)}) "
                                f"är över taket {_kr(b.equity_ceiling)}.")
    if any(v is not None and v < 0 for v in closing):
        warnings.append("Eget kapital blir negativt.")
    return Sheet(b.year, rows, warnings)


def _find(rows: list[SheetRow], key: str) -> SheetRow:
    return next(r for r in rows if r.key == key)


Three = tuple[int | None, int | None, int | None]  # budget, prognos, utfall


def _three(values: Iterable[int | None]) -> Three:
    budget, prognos, utfall = values
    return budget, prognos, utfall


def _sum_values(rows: list[SheetRow], keys: list[str]) -> Three:
    picked = [_find(rows, k).values for k in keys]
    return _three(_plus(*(v[i] for v in picked)) for i in range(3))


def _kr(ore: int) -> str:
    from .money import format_kr

    return format_kr(ore)


def copy_to_next_year(b: BudgetYear, closing_prognos: int | None) -> BudgetYear:
    """Next year's budget from this one: budget figures, frame, ceiling and key; no prognos or utfall;
    the opening balance is this year's closing prognos."""
    return BudgetYear(
        b.year + 1, {(line, col): v for (line, col), v in b.cells.items() if col == "budget"},
        b.insats_frame, closing_prognos, b.equity_ceiling, b.state_name, b.region_name,
        [KommunKey(k.name, k.weight, k.organisation_id) for k in b.kommuner], "")
