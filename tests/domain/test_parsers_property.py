"""Bad input tried on purpose: parsers either return a value or raise their own Swedish error."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from finsamdesk.domain.dates import DateError, parse_date
from finsamdesk.domain.forms import TemplateError, parse_template
from finsamdesk.domain.identifiers import IdentifierError, normalize_orgnr
from finsamdesk.domain.money import AmountError, format_amount, parse_amount

typed = st.text(alphabet=st.sampled_from("0123456789 ,.-−ktrmsKTRåäö\u00a0x:"), max_size=20) | st.text(max_size=20)


@settings(max_examples=400)
@given(typed, st.sampled_from(["kr", "tkr"]))
def test_parse_amount_never_crashes(text, unit):
    try:
        value = parse_amount(text, unit)
    except AmountError as exc:
        assert str(exc)
        return
    assert value is None or (isinstance(value, int) and value >= 0)


@settings(max_examples=300)
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["kr", "tkr"]))
def test_amount_round_trips_through_its_printed_form(ore, unit):
    ore = ore - ore % (100 if unit == "kr" else 100_000)
    assert parse_amount(format_amount(ore, unit), unit) == ore


@settings(max_examples=300)
@given(typed)
def test_parse_date_never_crashes(text):
    try:
        parse_date(text)
    except DateError as exc:
        assert str(exc)


@settings(max_examples=300)
@given(st.text(alphabet="0123456789- ", max_size=14))
def test_orgnr_never_crashes(text):
    try:
        assert len(normalize_orgnr(text)) == 11
    except IdentifierError as exc:
        assert str(exc)


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                           lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=8), c, max_size=4),
                           max_leaves=12)


@pytest.mark.slow
@settings(max_examples=300)
@given(st.fixed_dictionaries({"id": json_values, "name": json_values, "title": json_values,
                              "sections": st.lists(st.dictionaries(
                                  st.sampled_from(["id", "heading", "answer", "binds", "table", "paragraphs",
                                                   "required", "x"]), json_values, max_size=5), max_size=3)}))
def test_broken_templates_give_template_errors(raw):
    try:
        parse_template(raw)
    except TemplateError as exc:
        assert str(exc)
