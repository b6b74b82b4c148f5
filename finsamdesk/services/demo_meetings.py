"""The example förbund's last beredningsgrupp and styrelse meetings from resources/demo/meetings.json (invented
people), so that a new meeting starts with their attendees and the § numbers run on."""
from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..domain.meetings import AgendaItem, Attendee, Meeting, standard_items
from . import meetings
from .demo_data import example_data

if TYPE_CHECKING:
    import sqlite_utils


def create_example_meetings(db: sqlite_utils.Database, today: date | None = None) -> list[Meeting]:
    """Each meeting of the file: its body's members present but one, chaired by the first, the second adjusting."""
    today = today or date.today()
    data = example_data("meetings")
    made = []
    for spec in data["meetings"]:
        people = data["members"][spec["kind"]]
        opening, closing = standard_items(spec["kind"])
        m = Meeting(spec["kind"], today - timedelta(days=spec["days_ago"]), data["time"], spec["place"],
                    people[0]["name"], data["secretary"],
                    attendees=[Attendee(p["name"], p["organisation"], p["role"], present=(i != data["absent"]))
                               for i, p in enumerate(people)])
        m.items = opening + [AgendaItem("fritt", title) for title in spec["items"]] + closing
        made.append(m)
    for m in made:
        m.adjusters = m.attendees[1].name
        meetings.save(db, m)
    return made
