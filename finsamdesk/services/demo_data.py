"""The example förbund's data files, resources/demo/<area>.json, as the example generator reads them.

The files are data only (names, amounts, texts, offsets in days and years from the day the file is made);
services/demo.py and its demo_* companions turn them into an example file through the same services as a user.
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from ..paths import demo_dir
from .errors import ServiceError

AREAS = ("registers", "applications", "economy", "participants", "meetings", "own_applications")


@lru_cache(maxsize=len(AREAS))
def example_data(area: str) -> dict[str, Any]:
    """The parsed resources/demo/<area>.json; a missing or broken file is a Swedish ServiceError."""
    path = demo_dir() / f"{area}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ServiceError(f"Exempeldatan {path.name} är inte giltig JSON (rad {exc.lineno}).") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ServiceError(f"Exempeldatan {path.name} kan inte läsas; installationen är ofullständig.") from exc
    if not isinstance(data, dict):
        raise ServiceError(f"Exempeldatan {path.name} ska vara ett JSON-objekt.")
    return data
