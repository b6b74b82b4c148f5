"""The tables of a received form: contacts, budget by year, time plan, place and date.

Each reader takes the section's grids (or paragraphs) and the template's table description,
fills `reading.app`, records the source text and findings, and returns what it did not use.
"""
from __future__ import annotations

import re
from datetime import date

from .application import OWN, SOUGHT, ContactRow, Phase
from .dates import DateError, parse_date, parse_range
from .form_blocks import Grid, Para, is_placeholder
from .form_findings import ERROR, WARNING, Reading
from .form_reading import key
from .forms import BudgetTable, ContactsTable, TimeplanTable
from .money import AmountError, format_amount, parse_amount

_YEAR = re.compile(r"^(19|20)\d{2}$")
_DATE_AT_END = re.compile(
    r"^(?P<place>.*?)[,\s]*(?P<date>\d{4}-\d{1,2}-\d{1,2}|\d{8}|\d{1,2}\s+[A-Za-zÅÄÖåäö]+\.?\s+\d{4})\.?$")


def _empty(cell: str) -> bool:
    return not cell.strip() or is_placeholder(cell)


# ---------------------------------------------------------------- contacts

def read_contacts(reading: Reading, t: ContactsTable, grids: list[Grid]) -> list[Grid]:
    wanted = [key(c) for c in t.columns]
    rest = []
    rows_read = []
    for grid in grids:
        header = [key(c) for c in grid.rows[0]] if grid.rows else []
        if header[:len(wanted)] != wanted and not (len(header) >= 2 and header[:2] == wanted[:2]):
            rest.append(grid)
            continue
        for row in grid.rows[1:]:
            cells = [c.strip() for c in row] + [""] * 4
            if all(_empty(c) for c in cells):
                continue
            name, organisation, phone, email = ("" if _empty(c) else c for c in cells[:4])
            contact = ContactRow(t.role, name, organisation, phone, email)
            reading.app.contacts.append(contact)
            rows_read.append(" | ".join(row))
    if rows_read:
        reading.sources[f"contacts:{t.role}"] = "\n".join(rows_read)
    return rest


# ---------------------------------------------------------------- budget

def _year_pattern(t: BudgetTable) -> re.Pattern[str]:
    before, _, after = t.year_label.partition("{year}")
    return re.compile(rf"^{re.escape(key(before))}\s*(?P<year>\d{{4}})?\s*[_.\s]*{re.escape(key(after))}$")


Column = tuple[str, int | None] | None


def _columns(t: BudgetTable, header: tuple[str, ...], sub: tuple[str, ...] | None) -> list[Column]:
    """(OWN, None) / (SOUGHT, year or None) / None for each column after the first."""
    pattern = _year_pattern(t)
    out: list[Column] = []
    for i, cell in enumerate(header[1:], start=1):
        label = key(cell)
        if sub is not None and i < len(sub) and _YEAR.match(sub[i].strip()):
            label = key(f"{cell} {sub[i]}")
        m = pattern.match(label)
        if t.own_column and label == key(t.own_column):
            out.append((OWN, None))
        elif m:
            out.append((SOUGHT, int(m.group("year")) if m.group("year") else None))
        else:
            out.append(None)
    return out


def _category(t: BudgetTable, label: str) -> str | None:
    k = key(label)
    for c in t.categories:
        if key(c) == k:
            return c
    for c in t.categories:
        kc = key(c)
        if len(k) >= 5 and (kc.startswith(k) or k.startswith(kc)):
            return c
    return None


def _is_budget(t: BudgetTable, grid: Grid) -> bool:
    labels = [key(r[0]) for r in grid.rows if r]
    return bool(grid.rows) and (key(grid.rows[0][0]) == key(t.header_label)
                                or sum(1 for c in t.categories if key(c) in labels) >= 2)


def read_budget(reading: Reading, t: BudgetTable, grids: list[Grid]) -> list[Grid]:
    grid = next((g for g in grids if _is_budget(t, g)), None)
    if grid is None:
        return grids
    budget = reading.app.budget
    rows = list(grid.rows)
    header = rows.pop(0)
    sub = rows[0] if rows and all(_empty(c) or _YEAR.match(c.strip()) for c in rows[0][1:]) and any(
        _YEAR.match(c.strip()) for c in rows[0][1:]) else None
    if sub is not None:
        rows.pop(0)
    columns = _columns(t, header, sub)
    budget.years = sorted({y for col in columns if col and col[0] == SOUGHT and col[1] for y in [col[1]]})
    typed_totals: dict[tuple[str, int | None], tuple[int, str]] = {}
    leftovers: list[str] = []
    for row in rows:
        label, cells = row[0], list(row[1:])
        if all(_empty(c) or key(c) in ("kr", "tkr", "mkr", "sek") for c in cells) and _empty(label):
            continue  # the unit row (`kr kr kr`) or an empty line
        is_total = key(label) == key(t.total_label)
        category = None if is_total else _category(t, label)
        if not is_total and category is None:
            leftovers.append(" | ".join(row))
            reading.add("budget", f"Budgetraden ”{label}” finns inte i formuläret.", WARNING, " | ".join(row))
            continue
        for i, (col, cell) in enumerate(zip(columns, cells, strict=False), start=1):
            if _empty(cell):
                continue
            head = header[i] if i < len(header) else ""
            if col is None or col[0] == SOUGHT and col[1] is None:
                leftovers.append(f"{label} | {cell}")
                reading.add("budget", f"Beloppet {cell} för ”{label}” står i en kolumn utan år (”{head}”).", ERROR,
                            cell)
                continue
            try:
                amount = parse_amount(cell, t.unit)
            except AmountError as exc:
                leftovers.append(f"{label} | {cell}")
                reading.add("budget", f"”{label}”: {exc}", ERROR, cell)
                continue
            if is_total or category is None:
                typed_totals[col] = (amount or 0, cell)
            else:
                budget.set(category, col[0], col[1], amount)
    for col, (typed, cell) in typed_totals.items():
        computed = budget.column_total(col[0], col[1]) or 0
        if typed != computed:
            name = "egen finansiering" if col[0] == OWN else t.year_label.format(year=col[1])
            reading.add("budget", f"{t.total_label} för {name} är {format_amount(typed, t.unit)} i filen, men raderna "
                        f"blir {format_amount(computed, t.unit)}.", ERROR, cell)
    reading.sources["budget"] = grid.text()
    if leftovers:
        reading.unplaced.append("Budget:\n" + "\n".join(leftovers))
    return [g for g in grids if g is not grid]


# ---------------------------------------------------------------- time plan, place and date

def _range(reading: Reading, label: str, value: str) -> tuple[date, date] | None:
    try:
        return parse_range(value)
    except DateError as exc:
        reading.add("period", f"”{label}”: {exc}", ERROR, value)
        return None


def read_timeplan(reading: Reading, t: TimeplanTable, paras: list[Para],
                  grids: list[Grid]) -> tuple[list[Para], list[Grid]]:
    app = reading.app
    if t.style == "start_end":
        rest, used = [], []
        for p in paras:
            for label, attr in ((t.start_label, "period_start"), (t.end_label, "period_end")):
                if key(p.text).startswith(key(label)):
                    value = p.text[len(label.rstrip()):].strip(" :")
                    try:
                        setattr(app, attr, parse_date(value))
                    except DateError as exc:
                        reading.add("period", f"”{label.rstrip(':')}”: {exc}", ERROR, value)
                    used.append(p.text)
                    break
            else:
                rest.append(p)
        if used:
            reading.sources["period"] = "\n".join(used)
        return rest, grids
    labels = {key(t.period_label): None, **{key(n): n for n in t.phases}}
    for grid in grids:
        if not grid.rows or not any(key(r[0]) in labels for r in grid.rows):
            continue
        phases: list[Phase] = []
        for row in grid.rows:
            label, value = row[0], next((c for c in row[1:] if c.strip()), "")
            dates = _range(reading, label, value) if value.strip() else None
            if key(label) == key(t.period_label):
                app.period_start, app.period_end = dates or (None, None)
            elif label.strip():
                phases.append(Phase(labels.get(key(label)) or label, *(dates or (None, None))))
        app.phases = phases or app.phases
        reading.sources["period"] = grid.text()
        return paras, [g for g in grids if g is not grid]
    return paras, grids


def read_place_date(reading: Reading, paras: list[Para]) -> list[Para]:
    """`Klippan 2021-01-05` → place and date; the signature line's dots are not an answer."""
    rest = []
    for p in paras:
        m = _DATE_AT_END.match(p.text)
        if m and not reading.app.signed_on:
            try:
                reading.app.signed_on = parse_date(m.group("date"))
            except DateError as exc:
                reading.add("place_date", f"Ort och datum: {exc}", ERROR, p.text)
                rest.append(p)
                continue
            reading.app.place = m.group("place").strip(" ,")
            reading.sources["place_date"] = p.text
        else:
            rest.append(p)
    return rest
