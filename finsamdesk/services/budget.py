"""Use cases for the förbund's budget of every year."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain import budget as rules
from ..domain.budget import BudgetYear, InsatsTotals, KommunKey, Sheet, YearSummary
from ..store import budget as store
from ..store import insats_figures
from .errors import ServiceError, ValidationError

if TYPE_CHECKING:
    import sqlite_utils


def years(db: sqlite_utils.Database) -> list[int]:
    return store.years(db)


def new_year(db: sqlite_utils.Database, year: int) -> BudgetYear:
    """A first budget year: the payers' names from the organisation register's members (not saved)."""
    from ..store import registers as register_store  # only for a year without a budget: not at start-up

    members = [o for o in register_store.list_organisations(db) if o.member]
    region = next((o.name for o in members if o.kind == "region"), "Regionen")
    kommuner = [KommunKey(o.name, 1, o.id) for o in members if o.kind == "kommun"]
    return BudgetYear(year, region_name=region, kommuner=kommuner)


def load_year(db: sqlite_utils.Database, year: int) -> BudgetYear:
    """The saved year, or a new one (not saved until save_year)."""
    return store.load_year(db, year) or new_year(db, year)


def save_year(db: sqlite_utils.Database, b: BudgetYear) -> BudgetYear:
    errors = rules.validate_budget_year(b)
    if errors:
        raise ValidationError("Budgeten sparades inte: " + " ".join(errors.values()), errors)
    with db.atomic():
        store.save_year(db, b)
    return b


def delete_year(db: sqlite_utils.Database, year: int) -> None:
    with db.atomic():
        store.delete_year(db, year)


def _totals(db: sqlite_utils.Database) -> dict[int, InsatsTotals]:
    return {y: InsatsTotals(*t) for y, t in insats_figures.year_totals(db).items()}


def sheet(db: sqlite_utils.Database, year: int) -> Sheet:
    """The year's budget with budget, prognos and utfall. When no opening balance is entered, it is the
    previous year's closing balance (utfall where known, else prognos)."""
    return _sheets(db, _totals(db), upto=year)[year]


def _sheets(db: sqlite_utils.Database, totals: dict[int, InsatsTotals], upto: int | None = None) -> dict[int, Sheet]:
    saved = store.years(db)
    wanted = sorted({*saved, *([upto] if upto is not None else [])})
    out: dict[int, Sheet] = {}
    previous_closing: int | None = None
    previous_year: int | None = None
    for year in wanted:
        if upto is not None and year > upto:
            break
        b = store.load_year(db, year) or new_year(db, year)
        carried = previous_closing if previous_year == year - 1 else None
        s = rules.budget_sheet(b, totals.get(year, InsatsTotals()), previous_closing=carried)
        out[year] = s
        _, prognos, utfall = s.row("ek_ub").values
        previous_closing, previous_year = (utfall if s.row("resultat").values[2] is not None else prognos), year
    return out


def frame_use(db: sqlite_utils.Database, year: int) -> tuple[int | None, int]:
    """(ram för insatser of the year or None, what is granted against it: the insatser's beviljat less outside
    support) — the figures the sheet's "Ej fördelade medel" row is made of."""
    saved = store.load_year(db, year)
    return (saved.insats_frame if saved else None), _totals(db).get(year, InsatsTotals()).within_frame


def copy_to_next_year(db: sqlite_utils.Database, year: int) -> BudgetYear:
    this_year = store.load_year(db, year)
    if this_year is None:
        raise ServiceError(f"Det finns ingen budget för {year} att kopiera.")
    if store.load_year(db, year + 1) is not None:
        raise ServiceError(f"Det finns redan en budget för {year + 1}; den skrivs inte över.")
    closing = sheet(db, year).row("ek_ub").values[1]
    nxt = rules.copy_to_next_year(this_year, closing)
    with db.atomic():
        store.save_year(db, nxt)
    return nxt


def several_years(db: sqlite_utils.Database) -> list[YearSummary]:
    """One line per budget year (prognos figures), for the view over several years."""
    totals = _totals(db)
    out = []
    for year, s in _sheets(db, totals).items():
        t = totals.get(year, InsatsTotals())
        out.append(YearSummary(year, s.row("sum_intakter").values[1], s.row("sum_kostnader").values[1],
                               s.row("resultat").values[1], s.row("ek_ub").values[1], t.granted, t.spent,
                               len(s.warnings)))
    return out


def contributions(db: sqlite_utils.Database, year: int) -> list[tuple[str, int, str]]:
    return rules.split_contributions(load_year(db, year))
