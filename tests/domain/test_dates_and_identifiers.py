from datetime import date

import pytest

from finsamdesk.domain.dates import (
    DateError,
    add_months,
    format_date,
    parse_date,
    parse_range,
)
from finsamdesk.domain.identifiers import (
    IdentifierError,
    check_cfar,
    check_phone,
    luhn_ok,
    normalize_orgnr,
)
from finsamdesk.domain.text import count, fold, sort_key


@pytest.mark.parametrize("text,expected", [
    ("2022-01-01", date(2022, 1, 1)), ("20220101", date(2022, 1, 1)),
    ("1 juni 2020", date(2020, 6, 1)), ("31 dec 2022", date(2022, 12, 31)), ("31 dec. 2022", date(2022, 12, 31)),
    ("1 Juni 2020", date(2020, 6, 1)),
])
def test_dates_as_typed_on_forms(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31 feb 2022", "2022-13-01", "igår", "1 jani 2020", "191210"])
def test_bad_dates_refused(text):
    with pytest.raises(DateError):
        parse_date(text)


def test_short_form_date_only_when_asked():
    assert parse_date("191210", allow_short=True) == date(2019, 12, 10)


def test_range_and_printing():
    assert parse_range("20220101-20221231") == (date(2022, 1, 1), date(2022, 12, 31))
    assert parse_range("2023-03-31 - 2024-12-31") == (date(2023, 3, 31), date(2024, 12, 31))
    with pytest.raises(DateError):
        parse_range("20221231-20220101")
    assert format_date(date(2020, 6, 1), "text") == "1 juni 2020"
    assert format_date(date(2022, 2, 27), "compact") == "20220227"
    assert add_months(date(2022, 12, 31), 2) == date(2023, 2, 28)


@pytest.mark.parametrize("orgnr", ["222000-2766", "202100-5521", "232100-0255", "212000-1132", "2220003251"])
def test_seed_organisationsnummer_pass(orgnr):
    assert normalize_orgnr(orgnr).replace("-", "") == orgnr.replace("-", "")


@pytest.mark.parametrize("orgnr,message", [
    ("222000-2767", "kontrollsiffra"), ("22200-2766", "tio siffror"), ("191212-1212", "tredje siffra")])
def test_bad_organisationsnummer(orgnr, message):
    with pytest.raises(IdentifierError, match=message):
        normalize_orgnr(orgnr)


def test_cfar_length_is_error_check_digit_is_warning():
    assert check_cfar("00001").error
    assert check_cfar("00000001").warning and not check_cfar("00000001").error
    assert check_cfar("48356562") == check_cfar("48356562").__class__("48356562")
    assert luhn_ok("19070853")


def test_phone_warning_for_short_mobile():
    assert check_phone("073-079 709").warning
    assert not check_phone("0771-524524, 010-1186646").warning
    assert not check_phone("+46706061867").warning


def test_swedish_search_and_order():
    assert fold("ÅBERG") == fold("åberg")
    names = ["Öberg", "Zetterlund", "Ängel", "Åberg", "andersson"]
    assert sorted(names, key=sort_key) == ["andersson", "Zetterlund", "Åberg", "Ängel", "Öberg"]


def test_search_finds_decomposed_letters_pasted_from_pdfs():
    assert fold("åberg") in fold("A\u030aberg")


def test_a_count_takes_the_singular_for_one_only():
    assert count(1, "faktura", "fakturor") == "1 faktura"
    assert [count(n, "faktura", "fakturor") for n in (0, 2)] == ["0 fakturor", "2 fakturor"]
    assert count(1200, "deltagare", "deltagare") == "1\u202f200 deltagare"
