"""Computed figures by name, as a form's `{budget.…}` placeholders print them.

A figure is money (öre), a share (basis points, shown with 0 or 2 decimals) or a count. Rounding is
half up (away from zero), as the funder rounds: 1 076 526,5 kr → 1 076 527 kr, 45,9999 % → 46 %.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .money import format_amount


def round_half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded to an integer, halves away from zero, exactly (no floats)."""
    if denominator == 0:
        raise ZeroDivisionError("round_half_up")
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    sign = -1 if numerator < 0 else 1
    return sign * ((2 * abs(numerator) + denominator) // (2 * denominator))


def percent_bp(part: int, whole: int) -> int:
    """part / whole in basis points (1/100 of a per cent), half up: 11 782 527 / 25 069 099 → 4700."""
    return round_half_up(part * 10_000, whole)


def whole_kronor(ore_numerator: int, denominator: int = 1) -> int:
    """An amount in öre (numerator / denominator) rounded half up to whole kronor, returned in öre."""
    return round_half_up(ore_numerator, denominator * 100) * 100


def format_percent(bp: int | None, decimals: int) -> str:
    """4700 → `47,00 %` (decimals 2) or `47 %` (decimals 0, rounded half up)."""
    if bp is None:
        return ""
    if decimals == 0:
        return f"{round_half_up(bp, 100)} %"
    sign = "−" if bp < 0 else ""
    whole, rest = divmod(abs(bp), 100)
    return f"{sign}{whole},{rest:02d} %"


@dataclass(frozen=True)
class Figure:
    kind: str  # money | percent | count
    value: int | None
    decimals: int = 0  # percent only

    def text(self, sep: str = " ") -> str:
        if self.value is None:
            return ""
        if self.kind == "money":
            return format_amount(self.value, "kr", sep=sep)
        if self.kind == "percent":
            return format_percent(self.value, self.decimals)
        return str(self.value)


@dataclass
class Figures:
    values: dict[str, Figure] = field(default_factory=dict)

    def money(self, name: str, ore: int | None) -> None:
        self.values[name] = Figure("money", ore)

    def percent(self, name: str, bp: int | None, decimals: int) -> None:
        self.values[name] = Figure("percent", bp, decimals)

    def count(self, name: str, n: int | None) -> None:
        self.values[name] = Figure("count", n)

    def value(self, name: str) -> int | None:
        figure = self.values.get(name)
        return figure.value if figure else None

    def text(self, name: str, sep: str = " ") -> str:
        figure = self.values.get(name)
        return figure.text(sep) if figure else ""

    def __contains__(self, name: str) -> bool:
        return name in self.values
