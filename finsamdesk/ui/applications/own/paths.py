"""Field paths into an own application's ESF parts, for the editor's undoable edits.

    ("esf", "applicant", "name")     a nested field of app.esf
    ("esf", "actors")                a whole list (a table's rows)
    ("esf_cell", group, line)        one amount of the 2014–2020 cost tree (None: empty)
"""
from __future__ import annotations

import copy
from typing import Any

from ....domain.application import Application
from ....domain.esf import parts_of

OWN_KINDS = ("esf", "esf_cell")


def own_value(app: Application, path: tuple[Any, ...]) -> Any:
    parts = parts_of(app)
    if path[0] == "esf_cell":
        return parts.cost_cells.get((path[1], path[2])) if len(path) == 3 else None
    target: Any = parts
    for name in path[1:]:
        target = getattr(target, name)
    return copy.deepcopy(target)


def own_apply(app: Application, path: tuple[Any, ...], value: Any) -> None:
    parts = parts_of(app)
    if path[0] == "esf_cell":
        if value is None:
            parts.cost_cells.pop((path[1], path[2]), None)
        else:
            parts.cost_cells[(path[1], path[2])] = value
        return
    target: Any = parts
    for name in path[1:-1]:
        target = getattr(target, name)
    setattr(target, path[-1], copy.deepcopy(value))
