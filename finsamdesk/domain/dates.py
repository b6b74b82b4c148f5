"""Dates as people type them on Swedish forms; stored and shown as ISO."""
from __future__ import annotations

import re
from datetime import date

MONTHS = [
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
]
_MONTH_LOOKUP = {name: i + 1 for i, name in enumerate(MONTHS)}
_MONTH_LOOKUP.update({name[:3]: i + 1 for i, name in enumerate(MONTHS)})
_MONTH_LOOKUP.update({"sept": 9, "okt": 10})


class DateError(ValueError):
    """A date that cannot be read; Swedish message for the user."""


def parse_date(text: str | None, *, allow_short: bool = False) -> date | None:
    """Accept `2022-01-01`, `20220101`, `1 juni 2020`, `31 dec 2022` (and `191210` if allow_short).

    Empty text is None.
    """
    if text is None:
        return None
    s = str(text).strip().rstrip(".").lower()
    if not s:
        return None
    try:
        m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s)
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
        m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", s)
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
        m = re.fullmatch(r"(\d{2})(\d{2})(\d{2})", s)
        if m and allow_short:
            return date(2000 + int(m[1]), int(m[2]), int(m[3]))
        m = re.fullmatch(r"(\d{1,2})\s*\.?\s*([a-zåäö]+)\.?\s+(\d{4})", s)
        if m and m[2] in _MONTH_LOOKUP:
            return date(int(m[3]), _MONTH_LOOKUP[m[2]], int(m[1]))
    except ValueError as exc:  # a day or month out of range
        raise DateError(f"”{text}” är inget giltigt datum.") from exc
    raise DateError(f"”{text}” är inget datum. Skriv t.ex. 2022-01-01, 20220101 eller 1 juni 2020.")


def parse_range(text: str) -> tuple[date, date]:
    """`20220101-20221231` or `2022-01-01 - 2022-12-31` (also with an en dash)."""
    s = str(text).strip()
    m = re.fullmatch(r"(\d{8})\s*[-–]\s*(\d{8})", s) or re.fullmatch(
        r"(\d{4}-\d{2}-\d{2})\s+[-–]\s+(\d{4}-\d{2}-\d{2})", s
    ) or re.fullmatch(r"(\d{4}-\d{2}-\d{2})\s*–\s*(\d{4}-\d{2}-\d{2})", s)
    if not m:
        raise DateError(f"”{text}” är ingen period. Skriv t.ex. 20220101-20221231.")
    start, end = parse_date(m[1]), parse_date(m[2])
    assert start and end
    if end < start:
        raise DateError("Perioden slutar före den börjar.")
    return start, end


def iso(d: date | None) -> str:
    return d.isoformat() if d else ""


def compact(d: date | None) -> str:
    return d.strftime("%Y%m%d") if d else ""


def text_date(d: date | None, *, short_month: bool = False) -> str:
    """`1 juni 2020`; with short_month `31 dec 2022`."""
    if not d:
        return ""
    month = MONTHS[d.month - 1]
    if short_month and len(month) > 4:
        month = month[:3]
    return f"{d.day} {month} {d.year}"


def format_date(d: date | None, style: str = "iso") -> str:
    """Print a date the way a form says: iso | compact | text (`1 juni 2020`) | text_short (`31 dec 2022`)."""
    if style == "compact":
        return compact(d)
    if style == "text":
        return text_date(d)
    if style == "text_short":
        return text_date(d, short_month=True)
    return iso(d)


def format_range(start: date | None, end: date | None, style: str = "iso") -> str:
    """A period as a form's time plan prints it: `20220101-20221231` (compact) or `1 juni 2020 – 31 dec 2022`."""
    if not start and not end:
        return ""
    sep = "-" if style == "compact" else " – "
    return f"{format_date(start, style)}{sep}{format_date(end, style)}"


def years_between(start: date | None, end: date | None) -> list[int]:
    if not start or not end or end < start:
        return []
    return list(range(start.year, end.year + 1))


def add_months(d: date, months: int) -> date:
    """Same day `months` later, clipped to the month's end (2022-12-31 + 2 → 2023-02-28)."""
    month_index = d.month - 1 + months
    year, month = d.year + month_index // 12, month_index % 12 + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(year, month, min(d.day, day))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def weekday_on_or_before(d: date) -> date:
    """`d`, or the Friday before when `d` falls on a weekend (meetings are held on weekdays)."""
    return date.fromordinal(d.toordinal() - max(0, d.weekday() - 4))
