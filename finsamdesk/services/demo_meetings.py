"""The example förbund's meetings from resources/demo/meetings.json (invented people): the last beredningsgrupp
and styrelse meetings, so that a new meeting starts with their attendees and the § numbers run on, and a coming
beredningsgrupp meeting planned the way a user plans one, with the ansökningar that wait for it on its agenda.
Every meeting is on a weekday."""
from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ..domain.dates import weekday_on_or_before
from ..domain.meetings import AgendaItem, Attendee, Meeting, standard_items
from . import meetings
from .demo_data import example_data

if TYPE_CHECKING:
    import sqlite_utils


def create_example_meetings(db: sqlite_utils.Database, today: date | None = None) -> list[Meeting]:
    """Each past meeting of the file: its body's members present but one, chaired by the first, the second
    adjusting; then each coming one (`days_ahead`), planned from what is waiting (services.meetings.new_meeting)."""
    today = today or date.today()
    data = example_data("meetings")
    past = [spec for spec in data["meetings"] if "days_ago" in spec]
    made = [_past(data, spec, today) for spec in past]
    for m in made:
        m.adjusters = m.attendees[1].name
        meetings.save(db, m)
    for spec in data["meetings"]:
        if "days_ahead" in spec:
            when = weekday_on_or_before(today + timedelta(days=spec["days_ahead"]))
            m = meetings.new_meeting(db, spec["kind"], when, data["time"], spec["place"])
            m.items += [AgendaItem("fritt", title) for title in spec["items"]]
            made.append(meetings.save(db, m))
    return made


def _past(data: dict[str, Any], spec: dict[str, Any], today: date) -> Meeting:
    people = data["members"][spec["kind"]]
    opening, closing = standard_items(spec["kind"])
    m = Meeting(spec["kind"], weekday_on_or_before(today - timedelta(days=spec["days_ago"])), data["time"],
                spec["place"], people[0]["name"], data["secretary"],
                attendees=[Attendee(p["name"], p["organisation"], p["role"], present=(i != data["absent"]))
                           for i, p in enumerate(people)])
    m.items = opening + [AgendaItem("fritt", title) for title in spec["items"]] + closing
    return m
