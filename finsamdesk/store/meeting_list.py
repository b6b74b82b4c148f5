"""The meetings as lines of a list (Möten, Översikt's meetings to come): MeetingRow, read in one query. Apart from
store/meetings.py (a whole meeting, loaded and saved), so that the start page needs neither the meeting's domain
classes nor their import (start-up, benchmarks/startup.py)."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import sqlite_utils


class MeetingRow(NamedTuple):
    """One line of the meetings list."""

    id: int
    kind: str
    date: date
    time: str
    place: str
    items: int
    applications: int
    recorded: int
    topics: str = ""  # the agenda's titles, a line each (what a search of the list looks in)


def list_rows(db: sqlite_utils.Database) -> list[MeetingRow]:
    sql = """SELECT m.id, m.kind, m.date, m.time, m.place,
               (SELECT count(*) FROM agenda_item i WHERE i.meeting_id = m.id),
               (SELECT count(*) FROM agenda_item i WHERE i.meeting_id = m.id AND i.kind = 'ansokan'),
               (SELECT count(*) FROM agenda_item i WHERE i.meeting_id = m.id AND i.recorded_on IS NOT NULL),
               (SELECT group_concat(i.title, char(10)) FROM agenda_item i WHERE i.meeting_id = m.id)
             FROM meeting m"""
    return [MeetingRow(i, k, date.fromisoformat(d), t, p, n, a, r, topics or "")
            for i, k, d, t, p, n, a, r, topics in db.conn.execute(sql)]
