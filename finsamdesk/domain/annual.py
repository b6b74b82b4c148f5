"""The förbund's year in figures: what the årsredovisning and the delårsrapport say (Nationella rådet's
structure: förvaltningsberättelse, driftredovisning, resultaträkning, balansräkning, noter).

Pure arithmetic over the budget sheet, the insatser's money and participants, the meetings held and the few
balance items a user enters. The årsredovisning covers the calendar year; a delårsrapport covers 1 January
to the förbund's cut-off date (e.g. 30 april or 31 augusti): its förbund utfall are entered for the period,
its insats utfall are the invoices booked up to the cut-off.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .budget import Sheet, SheetRow
from .participant_statistics import Facts, Statistics
from .participants import GenderSplit

KINDS = {"arsredovisning": "Årsredovisning", "delar": "Delårsrapport", "verksamhetsplan": "Verksamhetsplan"}
DEFAULT_CUTOFF = (8, 31)  # month, day: a delårsrapport per 31 augusti unless the förbund says otherwise

# Prose a user writes in the app, per document, in the order printed: (key, heading, what to write).
SECTIONS = {
    "arsredovisning": (
        ("inledning", "Inledning", "Förbundets uppdrag och året i korthet."),
        ("verksamhet", "Årets verksamhet", "Vad insatserna gjorde och vad de ledde till."),
        ("mal", "Måluppfyllelse", "Hur verksamhetsplanens mål uppfylldes."),
        ("framtid", "Förväntad utveckling", "Vad som väntar nästa år."),
        ("principer", "Redovisningsprinciper", "Hur räkenskaperna är upprättade (not 1)."),
    ),
    "delar": (
        ("verksamhet", "Verksamheten hittills", "Vad som hänt sedan årets början."),
        ("framtid", "Prognos för helåret", "Hur året väntas sluta."),
        ("principer", "Redovisningsprinciper", "Hur delårsbokslutet är upprättat (not 1)."),
    ),
    "verksamhetsplan": (
        ("inledning", "Inledning", "Förbundets uppdrag och vision."),
        ("mal", "Mål och prioriteringar", "Vad förbundet vill uppnå nästa år."),
        ("verksamhet", "Planerad verksamhet", "Insatser som fortsätter och nya satsningar."),
        ("budgetkommentar", "Kommentar till budgeten", "Det som behöver förklaras i budgeten."),
    ),
}

# Balance items a user enters for the balansräkning (key, label, asset?).
BALANCE_ITEMS = (
    ("fordringar", "Kortfristiga fordringar", True),
    ("kassa", "Kassa och bank", True),
    ("skulder", "Kortfristiga skulder", False),
)
BALANCE_LABELS = {key: label for key, label, _ in BALANCE_ITEMS}
PERIOD_UTFALL_PREFIX = "utfall."  # a delårsrapport's entered förbund utfall: "utfall.styrelse" etc.


@dataclass(frozen=True)
class MoneyRow:
    label: str
    values: tuple[int | None, ...]
    bold: bool = False


@dataclass(frozen=True)
class InsatsLine:
    """One insats in the förvaltningsberättelse."""

    insats_id: int
    name: str
    inriktning: str
    granted: int
    spent: int
    stats: Statistics

    @property
    def participants(self) -> GenderSplit:
        return self.stats.participants

    @property
    def cost_per_participant(self) -> int | None:
        return self.stats.cost_per_participant


@dataclass(frozen=True)
class MeetingsHeld:
    body: str
    dates: tuple[date, ...]


@dataclass
class YearReport:
    """Everything the årsredovisning or a delårsrapport prints, computed once."""

    kind: str  # arsredovisning | delar
    year: int
    period_end: date
    forbund: str
    insatser: list[InsatsLine]
    outcomes: tuple[tuple[str, GenderSplit], ...]
    total: Statistics
    meetings: list[MeetingsHeld]
    drift: list[MoneyRow]  # budget, utfall, difference
    resultat: list[MoneyRow]  # utfall (and budget)
    balans: list[MoneyRow]
    equity: dict[str, int | None]
    adherence: list[tuple[str, int | None, int | None, str]]  # post, budget, utfall, per cent used
    texts: dict[str, str]
    warnings: list[str] = field(default_factory=list)
    contributions: list[tuple[str, int, str]] = field(default_factory=list)

    @property
    def period(self) -> str:
        """From the first day of the year to the period's end, both as dates (ÅÅÅÅ-MM-DD – ÅÅÅÅ-MM-DD)."""
        return f"{self.year}-01-01 – {self.period_end.isoformat()}"

    @property
    def title(self) -> str:
        if self.kind == "delar":
            return f"Delårsrapport {self.year} ({self.period})"
        return f"Årsredovisning {self.year}"

    @property
    def result(self) -> int | None:
        return self.equity.get("resultat")


def cutoff_date(year: int, setting: str) -> date:
    """The delårsrapport's last day in `year` from the setting "MM-DD" (default 31 augusti)."""
    month, day = DEFAULT_CUTOFF
    if setting:
        month, day = (int(x) for x in setting.split("-"))
    return date(year, month, day)


def validate_cutoff(text: str) -> str:
    """"" when `text` is a cut-off like 04-30 or 08-31; else a Swedish message."""
    parts = text.strip().split("-")
    try:
        if len(parts) != 2:
            raise ValueError
        date(2023, int(parts[0]), int(parts[1]))  # a year that is not a leap year: 02-29 is no cut-off
    except ValueError:
        return "Skriv brytdagen som MM-DD, t.ex. 04-30 eller 08-31."
    return ""


def facts_until(facts: list[Facts], last: date) -> list[Facts]:
    """The participations as they stood on `last`: later starts left out, later ends not yet happened."""
    return [f if f.end is None or f.end <= last else f._replace(end=None, outcome=None)
            for f in facts if f.start <= last]


def _diff(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a - b


def percent_used(budget: int | None, utfall: int | None) -> str:
    if not budget or utfall is None:
        return "–"
    return f"{utfall * 100 / budget:.0f} %"


INSATS_KEYS = ("insatser", "ej_fordelat")
UNALLOCATED = "Ej fördelade medel för insatser"  # the sheet's insats rows: the reports show each insats instead


def sheet_lines(sheet: Sheet) -> tuple[list[SheetRow], list[SheetRow]]:
    """(income lines, cost lines) of the budget sheet in its order, the insats rows left out: whatever lines the
    sheet has (e.g. outside support for the förbund's own projects), the reports show the same."""
    income: list[SheetRow] = []
    costs: list[SheetRow] = []
    side = income
    for row in sheet.rows:
        if row.key == "sum_intakter":
            side = costs
        elif row.key == "sum_kostnader":
            break
        elif row.kind == "line" and row.key not in INSATS_KEYS:
            side.append(row)
    return income, costs


def period_utfall(sheet: Sheet, kind: str, entered: dict[str, int], insats_spent: int) -> dict[str, int | None]:
    """Utfall per budget line for the report: the sheet's utfall (årsredovisning) or the amounts entered for the
    period (delårsrapport); insatser are the invoices booked in the period either way."""
    income, costs = sheet_lines(sheet)
    out: dict[str, int | None] = {}
    for row in income + costs:
        out[row.key] = row.values[2] if kind == "arsredovisning" else entered.get(PERIOD_UTFALL_PREFIX + row.key)
    out["insatser"] = insats_spent
    return out


def _add(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else a + b


def drift_rows(sheet: Sheet, utfall: dict[str, int | None], lines: list[InsatsLine]) -> list[MoneyRow]:
    """Driftredovisning: budget, utfall and difference per post (the sheet's lines), each insats on its own line.
    The difference is in the förbund's favour: more income, or less cost, than budgeted."""
    income, costs = sheet_lines(sheet)
    rows: list[MoneyRow] = []
    income_b: int | None = None
    income_u: int | None = None
    for row in income:
        budget, done = row.values[0], utfall.get(row.key)
        rows.append(MoneyRow(row.label, (budget, done, _diff(done, budget))))
        income_b, income_u = _add(income_b, budget), _add(income_u, done)
    rows.append(MoneyRow("Summa intäkter", (income_b, income_u, _diff(income_u, income_b)), True))
    cost_b: int | None = None
    cost_u: int | None = None
    for row in costs:
        budget, done = row.values[0], utfall.get(row.key)
        rows.append(MoneyRow(row.label, (budget, done, _diff(budget, done))))
        cost_b, cost_u = _add(cost_b, budget), _add(cost_u, done)
    for line in lines:
        rows.append(MoneyRow(f"Insats: {line.name}", (line.granted, line.spent, _diff(line.granted, line.spent))))
    unallocated = sheet.row("ej_fordelat").values[0]
    if unallocated:
        rows.append(MoneyRow(UNALLOCATED, (unallocated, 0, unallocated)))
    insats_budget = sum(line.granted for line in lines) + (unallocated or 0)
    cost_b, cost_u = _add(cost_b, insats_budget), _add(cost_u, utfall["insatser"])
    rows.append(MoneyRow("Summa kostnader", (cost_b, cost_u, _diff(cost_b, cost_u)), True))
    result_b = None if income_b is None else income_b - (cost_b or 0)
    result_u = None if income_u is None else income_u - (cost_u or 0)
    rows.append(MoneyRow("Resultat", (result_b, result_u, _diff(result_u, result_b)), True))
    return rows


def equity(sheet: Sheet, result: int | None, ceiling: int | None) -> dict[str, int | None]:
    opening = sheet.row("ek_ib").values[2]
    closing = None if result is None else (opening or 0) + result
    return {"ingaende": opening, "resultat": result, "utgaende": closing, "tak": ceiling,
            "over_tak": None if closing is None or ceiling is None else closing - ceiling}


def _negated(amount: int | None) -> int | None:
    return None if amount is None else -amount


def resultat_rows(sheet: Sheet, utfall: dict[str, int | None]) -> list[MoneyRow]:
    """Resultaträkning: the period's utfall, income positive and costs negative, and the result."""
    income, costs = sheet_lines(sheet)
    incomes = [utfall.get(r.key) for r in income]
    income_sum = sum(v for v in incomes if v is not None) if any(v is not None for v in incomes) else None
    cost_sum = sum(utfall.get(r.key) or 0 for r in costs) + (utfall["insatser"] or 0)
    rows = [MoneyRow(r.label, (utfall.get(r.key),)) for r in income]
    rows.append(MoneyRow("Verksamhetens intäkter", (income_sum,), True))
    rows += [MoneyRow(r.label, (_negated(utfall.get(r.key)),)) for r in costs]
    rows.append(MoneyRow("Insatser", (-(utfall["insatser"] or 0),)))
    rows.append(MoneyRow("Verksamhetens kostnader", (-cost_sum,), True))
    result = None if income_sum is None else income_sum - cost_sum
    rows.append(MoneyRow("Årets resultat", (result,), True))
    return rows


def balans_rows(entered: dict[str, int], eq: dict[str, int | None]) -> tuple[list[MoneyRow], list[str]]:
    """Tillgångar from the entered items; eget kapital computed; skulder entered. Says when it does not balance."""
    assets = [(label, entered.get(key)) for key, label, is_asset in BALANCE_ITEMS if is_asset]
    debts = [(label, entered.get(key)) for key, label, is_asset in BALANCE_ITEMS if not is_asset]
    asset_sum = sum(v or 0 for _, v in assets)
    debt_sum = sum(v or 0 for _, v in debts)
    closing = eq["utgaende"]
    rows = [MoneyRow("Tillgångar", (None,), True), *(MoneyRow(label, (v,)) for label, v in assets),
            MoneyRow("Summa tillgångar", (asset_sum,), True),
            MoneyRow("Eget kapital och skulder", (None,), True),
            MoneyRow("Eget kapital vid årets början", (eq["ingaende"],)),
            MoneyRow("Årets resultat", (eq["resultat"],)),
            MoneyRow("Summa eget kapital", (closing,), True),
            *(MoneyRow(label, (v,)) for label, v in debts),
            MoneyRow("Summa eget kapital och skulder", (None if closing is None else closing + debt_sum,), True)]
    warnings = []
    if any(v is None for _, v in assets + debts):
        missing = ", ".join(label.lower() for label, v in assets + debts if v is None)
        warnings.append(f"Balansräkningen saknar {missing} (fyll i under Balansposter).")
    elif closing is not None and asset_sum != closing + debt_sum:
        from .money import format_kr

        warnings.append(f"Balansräkningen går inte ihop: tillgångarna är {format_kr(asset_sum - closing - debt_sum)} "
                        "mer än eget kapital och skulder.")
    return rows, warnings


def adherence_rows(drift: list[MoneyRow]) -> list[tuple[str, int | None, int | None, str]]:
    """Budgetföljsamhet: how much of each post's budget was used."""
    return [(r.label, r.values[0], r.values[1], percent_used(r.values[0], r.values[1]))
            for r in drift if (not r.bold and r.label != UNALLOCATED) or r.label == "Summa kostnader"]


def equity_warnings(eq: dict[str, int | None]) -> list[str]:
    from .money import format_kr

    if eq["over_tak"] is not None and eq["over_tak"] > 0:
        return [f"Eget kapital ({format_kr(eq['utgaende'])}) är {format_kr(eq['over_tak'])} över taket "
                f"{format_kr(eq['tak'])}."]
    return []
