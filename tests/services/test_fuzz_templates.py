"""Fuzzing the form templates (resources/forms/*.json, parse_template): JSON of any shape and the real templates
with mutated fields are a valid template or a TemplateError with a message, never another exception."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from finsamdesk.domain.forms import ANSWER_KINDS, BINDINGS, TABLE_TYPES, FormTemplate, TemplateError, parse_template
from tests.fixtures.fuzz import examples, json_values, mutations, outcome, scalars

FORMS = Path(__file__).resolve().parents[2] / "resources" / "forms"
TEMPLATE_FILES = sorted(FORMS.glob("*.json"))
template_wrong = (st.none() | st.booleans() | st.integers(-3, 10**6) | st.floats(allow_nan=False)
                  | st.text(max_size=12)
                  | st.sampled_from([*ANSWER_KINDS, *BINDINGS, *TABLE_TYPES, "", " ", "{year}", "Sökt {year}", "kr",
                                     "tkr", "mkr", "ranges", "start_end", "compact", "iso", "text_short", "id"])
                  | st.lists(st.text(max_size=6) | st.integers(), max_size=3)
                  | st.dictionaries(st.sampled_from(["type", "role", "categories", "unit", "x"]), scalars, max_size=3))
template_keys = st.sampled_from(["id", "heading", "help", "answer", "binds", "table", "paragraphs", "after",
                                 "required", "new_page", "inline", "type", "role", "columns", "min_rows",
                                 "categories", "unit", "year_label", "style", "phases", "date_style", "lines",
                                 "signature", "own_column", "x", "header", "subtitle"]) | st.text(max_size=8)
mutate_template = mutations(template_wrong, template_keys)


def _check_template(raw) -> str:
    try:
        t = parse_template(raw)
    except TemplateError as exc:
        assert str(exc).strip()
        return "TemplateError"
    assert isinstance(t, FormTemplate) and isinstance(t.id, str) and t.id
    ids = [s.id for s in t.sections]
    assert len(ids) == len(set(ids)) and all(t.section(i).id == i for i in ids)
    assert any(s.binds == "name" or s.part is not None and "name" in s.part.placeholders() for s in t.sections)
    assert t.unit in ("kr", "tkr") and all(s.answer in ANSWER_KINDS for s in t.sections)
    _ = (t.budget, t.timeplan, t.contact_roles, [s.short for s in t.sections])
    return "valid"


@settings(max_examples=examples(300))
@given(json_values)
def test_templates_of_random_shape(raw):
    outcome("template", _check_template(raw))


@pytest.mark.slow
@settings(max_examples=examples(500), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_templates_mutated_from_the_real_files(data):
    path = data.draw(st.sampled_from(TEMPLATE_FILES), label="file")
    base = json.loads(path.read_text(encoding="utf-8"))
    outcome("template", _check_template(data.draw(mutate_template(base), label="mutated")))


def test_the_real_templates_parse():
    assert TEMPLATE_FILES and all(_check_template(json.loads(p.read_text(encoding="utf-8"))) == "valid"
                                  for p in TEMPLATE_FILES)
