"""The applications list: its columns over ApplicationRow, on the shared RowsModel."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from ...domain.application import OUTGOING
from ...domain.money import format_amount
from ...domain.statuses import GRANTED, WAITING, label
from ..rows_model import Column, RowsModel

if TYPE_CHECKING:
    from PySide6.QtCore import QObject


def period_text(row: Any) -> str:  # an ApplicationRow
    if not row.period_start and not row.period_end:
        return ""
    start = row.period_start.isoformat() if row.period_start else "?"
    end = row.period_end.isoformat() if row.period_end else "?"
    return f"{start} – {end}"


# The status's colour in the list: granted green, rejected red, sent back amber, waiting for a body blue,
# not (or no longer) in play grey.
GREEN, RED, AMBER, BLUE, GREY = "#2e7d32", "#b3261e", "#8a5a00", "#1f5fa8", "#6b6b6b"
STATUS_COLOURS = {**{s: BLUE for s in WAITING}, **{s: GREEN for s in GRANTED}, "avslag": RED,
                  "aterremitterad": AMBER, "utkast": GREY, "atertagen": GREY}


def status_colour(row: Any) -> str | None:  # an ApplicationRow
    return STATUS_COLOURS.get(row.status)


COLUMNS = (
    Column("Diarienummer", lambda r: r.diarienummer),
    Column("Namn", lambda r: r.name, tooltip=True),
    Column("Sökande", lambda r: f"→ {r.funder} (egen ansökan)" if r.direction == OUTGOING else r.applicant,
           tooltip=True),
    Column("Period", period_text, key=lambda r: r.period_start or r.period_end),
    Column("Sökt totalt", lambda r: format_amount(r.sought_ore), key=lambda r: r.sought_ore, right=True),
    Column("Beviljat", lambda r: format_amount(r.granted_total) if r.status in GRANTED else "",
           key=lambda r: r.granted_total if r.status in GRANTED else None, right=True),
    Column("Status", lambda r: label(r.status), colour=status_colour),
    Column("Senaste steg", lambda r: r.next_step.isoformat() if r.next_step else "", key=lambda r: r.next_step),
)



class ApplicationTableModel(RowsModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, parent, sort=(0, Qt.SortOrder.DescendingOrder))
