"""The statuses of an ansökan and their Swedish names (no imports: the list shows before anything loads)."""
from __future__ import annotations

STATUSES = {
    "utkast": "Utkast",
    "inkommen": "Inkommen",
    "beredning": "Beredning",
    "styrelse": "Styrelse",
    "beviljad": "Beviljad",
    "delvis_beviljad": "Delvis beviljad",
    "avslag": "Avslag",
    "aterremitterad": "Återremitterad",
    "atertagen": "Återtagen",
}


def label(status: str) -> str:
    return STATUSES.get(status, status)
