"""The statuses of an ansökan, their Swedish names, and the sets of them that rules ask about.

No imports: the list shows before anything loads. Every question of the kind "is this ansökan granted?",
"what waits for the beredningsgrupp?" is answered by a name here, never by a literal set elsewhere.
"""
from __future__ import annotations

STATUSES = {
    "utkast": "Utkast",
    "inkommen": "Inkommen",
    "inskickad": "Inskickad",  # an own application sent to the outside funder
    "beredning": "Beredning",
    "styrelse": "Styrelse",
    "beviljad": "Beviljad",
    "delvis_beviljad": "Delvis beviljad",
    "avslag": "Avslag",
    "aterremitterad": "Återremitterad",
    "atertagen": "Återtagen",
}

# Granted (in full or in part): the ansökan has granted amounts per calendar year and becomes an insats.
GRANTED = ("beviljad", "delvis_beviljad")
# The styrelse's decisions on the matter: after one of these the ansökan is closed.
DECIDED = (*GRANTED, "avslag")
# No step can follow: decided, or withdrawn by the sökande.
FINAL = (*DECIDED, "atertagen")
# Read-only: what was decided stays as it was, except through a change recorded in the history with who, when and
# why (workflow.record_change). A withdrawn ansökan is not decided: it can still be corrected.
LOCKED = DECIDED

# What each body's meeting takes up: the ansökningar in these statuses are proposed for its agenda.
# (An återremitterad ansökan waits for its komplettering; it is moved to beredning by hand when that is in.)
ON_AGENDA_OF: dict[str, tuple[str, ...]] = {"beredning": ("inkommen", "beredning"), "styrelse": ("styrelse",)}
# The statuses that wait for a body, in the order the start page lists them, with what they wait for.
WAITING: dict[str, str] = {
    "inkommen": "Väntar på beredning",
    "aterremitterad": "Återremitterad – väntar på komplettering",
    "beredning": "I beredning",
    "styrelse": "Väntar på styrelsens beslut",
    "inskickad": "Egen ansökan – väntar på finansiärens beslut",
}


def label(status: str) -> str:
    return STATUSES.get(status, status)


def on_agenda_of(body: str) -> tuple[str, ...]:
    """The statuses of the ansökningar that wait for `body` ("beredning", "styrelse"; any other: none)."""
    return ON_AGENDA_OF.get(body, ())
