"""The example förbund's last beredningsgrupp and styrelse meetings (invented people), so that a new meeting
starts with their attendees and the § numbers run on."""
from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..domain.meetings import AgendaItem, Attendee, Meeting, standard_items
from . import meetings

if TYPE_CHECKING:
    import sqlite_utils

SECRETARY = "Sara Påhittad (exempel)"
BEREDNING = [("Lena Fiktivsdotter", "Region Exempel", "ordforande"), ("Karin Exempelsson", "Exempelby kommun", "ledamot"),
             ("Anders Testberg", "Arbetsförmedlingen", "ledamot"), ("Maria Provström", "Försäkringskassan", "ledamot"),
             ("Johan Demosson", "Lillåkers kommun", "ledamot"), ("Ola Påhittsson", "Norrmossa kommun", "ledamot"),
             (SECRETARY, "Förbundet", "tjansteperson")]
STYRELSE = [("Birgitta Ordfeldt", "Exempelby kommun", "ordforande"), ("Hans Vicelius", "Region Exempel", "vice"),
            ("Ingrid Kassadotter", "Försäkringskassan", "ledamot"), ("Kalle Förmedlarsson", "Arbetsförmedlingen", "ledamot"),
            ("Mona Norrby", "Norrmossa kommun", "ledamot"), ("Ulf Lillberg", "Lillåkers kommun", "ledamot"),
            (SECRETARY, "Förbundet", "tjansteperson")]


def _meeting(kind: str, when: date, people: list[tuple[str, str, str]], place: str, extra: list[str]) -> Meeting:
    opening, closing = standard_items(kind)
    m = Meeting(kind, when, "13.00", place, people[0][0], SECRETARY,
                attendees=[Attendee(n, o, r, present=(i != 4)) for i, (n, o, r) in enumerate(people)])
    m.items = opening + [AgendaItem("fritt", title) for title in extra] + closing
    return m


def create_example_meetings(db: sqlite_utils.Database, today: date | None = None) -> list[Meeting]:
    today = today or date.today()
    made = [
        _meeting("beredning", today - timedelta(days=45), BEREDNING, "Förbundets kansli, Exempelby",
                 ["Information från förbundschefen", "Uppföljning av pågående insatser"]),
        _meeting("styrelse", today - timedelta(days=30), STYRELSE, "Kommunhuset, Exempelby",
                 ["Ekonomisk uppföljning", "Information från förbundschefen"]),
    ]
    for m in made:
        m.adjusters = m.attendees[1].name
        meetings.save(db, m)
    return made
