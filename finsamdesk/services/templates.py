"""Form templates from resources/forms/*.json (one file per förbund form)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ..domain.forms import FormTemplate, TemplateError, parse_template
from ..paths import forms_dir
from .errors import NotFoundError, ServiceError


def read_template_file(path: Path) -> FormTemplate:
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ServiceError(f"Mallen {Path(path).name} kan inte läsas: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise ServiceError(f"Mallen {Path(path).name} är inte giltig JSON (rad {exc.lineno}).") from exc
    try:
        return parse_template(raw)
    except TemplateError as exc:
        raise ServiceError(f"Mallen {Path(path).name}: {exc}") from exc


@lru_cache(maxsize=1)
def _all_templates(folder: str) -> dict[str, FormTemplate]:
    found: dict[str, FormTemplate] = {}
    for path in sorted(Path(folder).glob("*.json")):
        t = read_template_file(path)
        found[t.id] = t
    return found


def list_templates() -> list[FormTemplate]:
    return list(_all_templates(str(forms_dir())).values())


def get_template(template_id: str) -> FormTemplate:
    templates = _all_templates(str(forms_dir()))
    if template_id not in templates:
        known = ", ".join(templates)
        raise NotFoundError(f"Det finns ingen formulärmall som heter ”{template_id}”. Mallar: {known}.")
    return templates[template_id]
