"""How dates and times are stored: ISO text, NULL for none."""
from __future__ import annotations

from datetime import date, datetime


def date_or_none(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def iso_or_none(d: date | None) -> str | None:
    return d.isoformat() if d else None


def now_iso() -> str:
    return datetime.now().isoformat(timespec="seconds")
