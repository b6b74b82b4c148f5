"""The Insatser list's columns: name, owner, kind, status, period, this year's money and the next report; an
insats with an overdue report is red."""
from __future__ import annotations

from typing import Any

from ...domain.insatser import KINDS, STATUSES
from ...domain.money import format_kr
from ..rows_model import Column

OVERDUE = "#b3261e"


def _period(r: Any) -> str:  # an InsatsRow, as are the rows below
    return f"{r.period_start or '?'} – {r.period_end or '?'}" if r.period_start or r.period_end else ""


LIST_COLUMNS = (
    Column("Namn", lambda r: r.name + (" (arkiverad)" if r.archived else ""), tooltip=True),
    Column("Insatsägare", lambda r: r.owner, tooltip=True),
    Column("Typ", lambda r: KINDS.get(r.kind, r.kind)),
    Column("Status", lambda r: STATUSES.get(r.status, r.status)),
    Column("Period", _period, key=lambda r: r.period_start),
    Column("Beviljat", lambda r: format_kr(r.granted), key=lambda r: r.granted, right=True),
    Column("Fakturerat", lambda r: format_kr(r.spent), key=lambda r: r.spent, right=True),
    Column("Kvar", lambda r: format_kr(r.remaining), key=lambda r: r.remaining, right=True),
    Column("Nästa rapport", lambda r: r.next_report.isoformat() if r.next_report else "", key=lambda r: r.next_report),
)


def colour(row: Any) -> str | None:
    return OVERDUE if row.overdue_reports else None
