import pytest

from finsamdesk.domain.money import AmountError, format_amount, parse_amount


@pytest.mark.parametrize("text,unit,ore", [
    ("1 130", "kr", 113_000),
    ("1130 tkr", "kr", 113_000_000),
    ("1130tkr", "kr", 113_000_000),
    ("550 000 kr", "tkr", 55_000_000),
    ("550\u00a0000", "kr", 55_000_000),
    ("1 130", "tkr", 113_000_000),
    ("10 tkr", "kr", 1_000_000),
    ("1,5 mkr", "kr", 150_000_000),
    ("12 320,27 kr", "kr", 1_232_027),
    ("1.130.000", "kr", 113_000_000),
    ("0", "kr", 0),
])
def test_amounts_as_people_type_them(text, unit, ore):
    assert parse_amount(text, unit) == ore


def test_empty_is_none_not_zero():
    assert parse_amount("", "kr") is None
    assert parse_amount("   ", "tkr") is None


@pytest.mark.parametrize("text", ["abc", "12 kr kr", "1 2 3 x", "--5", "tkr"])
def test_unreadable_amounts_give_a_swedish_message(text):
    with pytest.raises(AmountError, match="belopp|enhet"):
        parse_amount(text)


def test_negative_refused_unless_allowed():
    with pytest.raises(AmountError, match="negativt"):
        parse_amount("-5")
    assert parse_amount("−5", allow_negative=True) == -500


def test_format_in_kr_and_tkr_with_thin_space():
    assert format_amount(113_000_000, "kr") == "1\u202f130\u202f000 kr"
    assert format_amount(113_000_000, "tkr") == "1\u202f130 tkr"
    assert format_amount(None) == ""
    assert format_amount(63_500_000, "kr", with_unit=False, sep=" ") == "635 000"
