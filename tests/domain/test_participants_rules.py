"""Deltagare: personnummer, the participant form's rules, gallring and counts per period (the statistics:
test_participant_statistics.py)."""
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from finsamdesk.domain.identifiers import IdentifierError, luhn_ok, parse_personnummer
from finsamdesk.domain.participants import (
    GenderSplit,
    ImportRowError,
    Participant,
    count_warnings,
    gallring_due,
    gallring_fields,
    overlaps,
    passphrase_problem,
    validate_count_period,
    validate_participant,
)
from tests.fixtures.participant_files import T0, T1, T2, T3, period

TODAY = date(2026, 12, 1)


def pnr(first_nine: str) -> str:
    """Ten digits ÅÅMMDDNNNK: the nine typed ones plus the right check digit."""
    return next(first_nine + d for d in "0123456789" if luhn_ok(first_nine + d))


def ten(first_nine: str, sep: str = "-") -> str:
    digits = pnr(first_nine)
    return f"{digits[:6]}{sep}{digits[6:]}"


def parse(text):
    return parse_personnummer(text, today=TODAY)


# ---------------------------------------------------------------- personnummer
@pytest.mark.parametrize("typed", ["19811218-9876", "811218-9876", "8112189876", "198112189876", " 811218 - 9876 "])
def test_every_way_of_writing_a_personnummer_gives_the_same_twelve_digits(typed):
    p = parse(typed)
    assert p.digits == "198112189876" and p.formatted == "19811218-9876"
    assert p.birth_date == date(1981, 12, 18)
    assert p.gender == "man" and not p.samordning


def test_an_even_second_to_last_digit_is_a_woman():
    p = parse("811218-9884")
    assert p.gender == "kvinna" and p.digits == "198112189884"


def test_samordningsnummer_has_sixty_added_to_the_day():
    p = parse("19701063-2391")
    assert p.birth_date == date(1970, 10, 3) and p.samordning and p.digits == "197010632391"
    assert parse("701063-2391").birth_date == date(1970, 10, 3)


def test_plus_means_a_hundred_years_or_older():
    assert parse("121212+1212").birth_date == date(1912, 12, 12)
    assert parse("121212-1212").birth_date == date(2012, 12, 12)


def test_ten_digits_get_the_latest_century_that_is_not_in_the_future():
    assert parse(ten("251201123")).birth_date == date(2025, 12, 1)
    assert parse(ten("271201123")).birth_date == date(1927, 12, 1)
    assert parse(ten("261201123")).birth_date == date(2026, 12, 1)  # born today
    assert parse(ten("000229123")).birth_date == date(2000, 2, 29)


def test_ten_digits_with_a_birthday_later_this_year_are_from_the_previous_century():
    assert parse(ten("261202123")).birth_date == date(1926, 12, 2)


def test_non_ascii_digits_are_refused_or_normalised():
    typed = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in "19811218-9876")  # fullwidth １９８１…
    try:
        p = parse(typed)
    except IdentifierError:
        return
    assert p.digits == "198112189876"


@pytest.mark.parametrize("typed, words", [
    ("811218-9875", "kontrollsiffra"),
    (ten("811318987"), "födelsedatum"),  # month 13
    (ten("811232987"), "födelsedatum"),  # day 32
    (ten("810230987"), "födelsedatum"),  # 30 February
    (ten("810292987"), "födelsedatum"),  # samordning day 92 − 60 = 32
    (ten("811200987"), "födelsedatum"),  # day 0
    ("19" + pnr("000229123"), "födelsedatum"),  # 1900 was no leap year
    (ten("000229123", "+"), "födelsedatum"),  # … nor with a plus
    ("20" + ten("270101123"), "framtiden"),
    ("20" + ten("261202123"), "framtiden"),
    ("81121B-9876", "ÅÅÅÅMMDD-NNNN"),
    ("811218-987", "ÅÅÅÅMMDD-NNNN"),
    ("81121-9876", "ÅÅÅÅMMDD-NNNN"),
    ("1981121898765", "ÅÅÅÅMMDD-NNNN"),
    ("19811218+9876", "ÅÅÅÅMMDD-NNNN"),
    ("811218--9876", "ÅÅÅÅMMDD-NNNN"),
    ("", "ÅÅÅÅMMDD-NNNN"),
])
def test_wrong_personnummer_gives_a_swedish_message(typed, words):
    with pytest.raises(IdentifierError, match=words) as exc:
        parse(typed)
    assert "Personnumr" in str(exc.value)


def test_none_is_a_format_error_not_a_crash():
    with pytest.raises(IdentifierError):
        parse(None)


EXAMPLES = 2000
random_digits = st.tuples(
    st.text(alphabet="0123456789", min_size=10, max_size=13),
    st.sampled_from(["", "-", "+"]),
    st.one_of(st.just(-4), st.integers(min_value=0, max_value=13)),
).map(lambda t: t[0][:t[2]] + t[1] + t[0][t[2]:] if t[2] != -4 else t[0][:-4] + t[1] + t[0][-4:])
# Near misses: a plausible date (day up to 31 + 60), the right check digit, any century and separator.
plausible = st.tuples(
    st.sampled_from(["", "18", "19", "20", "21"]), st.integers(0, 99), st.integers(0, 13), st.integers(0, 31),
    st.booleans(), st.text(alphabet="0123456789", min_size=3, max_size=3), st.sampled_from(["", "-", "+"]),
).map(lambda t: t[0] + ten(f"{t[1]:02d}{t[2]:02d}{t[3] + (60 if t[4] else 0):02d}{t[5]}", t[6]))
typed_numbers = random_digits | plausible


def _runs_of_typed_digits(typed: str, shortest: int = 4) -> set[str]:
    digits = re.sub(r"\D", "", typed)
    return {digits[i:j] for i in range(len(digits)) for j in range(i + shortest, len(digits) + 1)}


@pytest.mark.slow
@settings(max_examples=EXAMPLES)
@given(typed_numbers)
def test_parse_personnummer_never_repeats_the_number_and_accepted_ones_reparse(typed):
    try:
        p = parse(typed)
    except IdentifierError as exc:
        message = str(exc)
        assert message
        leaked = [run for run in _runs_of_typed_digits(typed) if run in message]
        assert not leaked, "an error message repeats typed digits"
        return
    assert re.fullmatch(r"\d{12}", p.digits)
    assert p.digits.endswith(re.sub(r"\D", "", typed)[-10:])
    again = parse(p.formatted)
    assert (again.digits, again.birth_date, again.gender, again.samordning) == (
        p.digits, p.birth_date, p.gender, p.samordning)


VALID_EXAMPLES = 1000


@st.composite
def real_numbers(draw):
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
    serial = draw(st.text(alphabet="0123456789", min_size=3, max_size=3))
    samordning = draw(st.booleans())
    six = f"{born:%y%m}{born.day + (60 if samordning else 0):02d}"
    digits = pnr(six + serial)
    return born, samordning, f"{born.year // 100}{digits}", draw(st.sampled_from(["", "-"]))


@settings(max_examples=VALID_EXAMPLES)
@given(real_numbers())
def test_every_real_twelve_digit_number_is_accepted_and_reparses(case):
    born, samordning, twelve, sep = case
    p = parse(twelve[:8] + sep + twelve[8:])
    assert (p.digits, p.birth_date, p.samordning) == (twelve, born, samordning)
    assert p.gender == ("man" if int(twelve[10]) % 2 else "kvinna")
    assert parse(p.formatted).digits == twelve


# ---------------------------------------------------------------- the participant form
def person(**kw):
    values = {"insats_id": 1, "gender": "kvinna", "birth_year": 1980, "start": date(2026, 1, 1)}
    values.update(kw)
    return Participant(**values)


def consented(**kw):
    return person(consent_date=date(2026, 1, 1), consent_how="Skriftligt", **kw)


def test_a_clean_record_has_no_errors():
    assert validate_participant(person(), TODAY) == {}
    assert validate_participant(person(end=date(2026, 6, 30), outcome_id=3, gender="man"), TODAY) == {}


def test_gender_and_birth_year_are_filled_from_the_personnummer():
    p = consented(gender="", birth_year=None, personnummer="811218-9876")
    assert validate_participant(p, TODAY) == {}
    assert (p.personnummer, p.gender, p.birth_year) == ("198112189876", "man", 1981)


def test_a_gender_or_birth_year_that_contradicts_the_personnummer_is_an_error():
    errors = validate_participant(consented(gender="kvinna", birth_year=None, personnummer="811218-9876"), TODAY)
    assert set(errors) == {"gender"} and "personnumret" in errors["gender"]
    errors = validate_participant(consented(gender="", birth_year=1982, personnummer="811218-9876"), TODAY)
    assert set(errors) == {"birth_year"}


def test_a_wrong_personnummer_is_an_error_on_its_field_without_the_number():
    p = consented(personnummer="811218-9875")
    errors = validate_participant(p, TODAY)
    assert set(errors) == {"personnummer"}
    assert not any(run in errors["personnummer"] for run in _runs_of_typed_digits("811218-9875"))


def test_dates_and_outcome():
    assert set(validate_participant(person(start=None), TODAY)) == {"start"}
    assert set(validate_participant(person(end=date(2025, 12, 31)), TODAY)) == {"end"}
    assert validate_participant(person(end=date(2026, 1, 1)), TODAY) == {}  # one day is fine
    errors = validate_participant(person(outcome_id=2), TODAY)
    assert set(errors) == {"outcome_id"} and "slutdatum" in errors["outcome_id"]


def test_gender_is_needed():
    assert set(validate_participant(person(gender=""), TODAY)) == {"gender"}
    assert set(validate_participant(person(gender="annat"), TODAY)) == {"gender"}


@pytest.mark.parametrize("year, ok", [(1899, False), (1900, True), (2026, True), (2027, False)])
def test_birth_year_between_1900_and_this_year(year, ok):
    errors = validate_participant(person(birth_year=year), TODAY)
    assert (errors == {}) if ok else (set(errors) == {"birth_year"} and "2026" in errors["birth_year"])


def test_personnummer_or_name_needs_a_consent_date():
    for kw in ({"personnummer": "811218-9876", "gender": "man", "birth_year": None}, {"name": "Anna Andersson"}):
        errors = validate_participant(person(**kw), TODAY)
        assert set(errors) == {"consent_date"} and "Samtycke" in errors["consent_date"]
        assert validate_participant(consented(**kw), TODAY) == {}
    assert validate_participant(person(name="   "), TODAY) == {}  # blank is no name


def test_consent_needs_how_and_cannot_be_in_the_future():
    errors = validate_participant(person(consent_date=date(2026, 1, 1)), TODAY)
    assert set(errors) == {"consent_how"}
    assert set(validate_participant(person(consent_date=date(2026, 1, 1), consent_how="  "), TODAY)) == {"consent_how"}
    errors = validate_participant(person(consent_date=date(2026, 12, 2), consent_how="Muntligt"), TODAY)
    assert set(errors) == {"consent_date"} and "framtiden" in errors["consent_date"]
    assert validate_participant(person(consent_date=TODAY, consent_how="Muntligt"), TODAY) == {}


def test_a_locked_record_that_holds_a_personnummer_also_needs_consent_and_is_left_alone():
    p = person(locked=True, has_personnummer=True)
    assert set(validate_participant(p, TODAY)) == {"consent_date"}
    p = consented(locked=True, has_personnummer=True, has_name=True)
    assert validate_participant(p, TODAY) == {} and p.personnummer == ""
    assert validate_participant(person(locked=True, has_note=True), TODAY) == {}


def test_deltagar_id_is_trimmed_and_at_most_40_characters():
    p = person(code="  D-17  ")
    assert validate_participant(p, TODAY) == {} and p.code == "D-17"
    assert set(validate_participant(person(code="x" * 41), TODAY)) == {"code"}
    assert validate_participant(person(code="x" * 40), TODAY) == {}


def test_identifiers_never_show_in_a_repr():
    text = repr(consented(personnummer="198112189876", name="Anna Andersson", note="Hemlig anteckning"))
    assert "198112189876" not in text and "Anna" not in text and "Hemlig" not in text


def test_holds_identifiers_locked_and_unlocked():
    assert not person().holds_identifiers
    assert person(note="x").holds_identifiers
    assert person(locked=True, has_name=True).holds_identifiers
    assert not person(locked=True, name="kvar i minnet").holds_identifiers


# ---------------------------------------------------------------- duplicates, passphrase, gallring
def span(start, end=None):
    return person(start=start, end=end)


def test_overlapping_participations():
    jan_mar = span(date(2026, 1, 1), date(2026, 3, 31))
    assert overlaps(jan_mar, span(date(2026, 3, 1), date(2026, 6, 30)))
    assert overlaps(jan_mar, span(date(2026, 3, 31), date(2026, 4, 30)))  # the same day counts
    assert not overlaps(jan_mar, span(date(2026, 4, 1), date(2026, 4, 30)))
    assert overlaps(jan_mar, span(date(2026, 2, 1), date(2026, 2, 2)))  # inside
    assert overlaps(span(date(2025, 1, 1)), span(date(2026, 5, 1), date(2026, 5, 2)))  # open-ended
    assert overlaps(span(date(2026, 5, 1)), span(date(2020, 1, 1)))  # both open
    assert not overlaps(span(date(2026, 5, 1)), jan_mar)
    assert not overlaps(jan_mar, span(None))


def test_passphrase_problem():
    assert "minst 10" in passphrase_problem("kort fras")
    assert passphrase_problem("tio tecken", "tio tecken") == ""
    assert "inte lika" in passphrase_problem("tio tecken", "tio Tecken")
    assert passphrase_problem("en lång lösenfras") == ""


def test_gallring_due_after_the_end_date():
    assert gallring_due(date(2022, 12, 31), 2) == date(2024, 12, 31)
    assert gallring_due(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert gallring_due(date(2024, 2, 29), 4) == date(2028, 2, 29)


def test_gallring_fields_names_only_what_is_there():
    assert gallring_fields(person(personnummer="198112189876", name="Anna")) == "personnummer, namn"
    assert gallring_fields(person(note="x")) == "anteckning"
    assert gallring_fields(person()) == ""
    assert gallring_fields(person(locked=True, has_name=True, has_note=True)) == "namn, anteckning"


def test_import_row_error_reads_like_the_spreadsheet():
    assert str(ImportRowError(7, "Startdatum behövs.", "Start")) == "Rad 7: Start: Startdatum behövs."
    assert str(ImportRowError(3, "Tom rad.")) == "Rad 3: Tom rad."


# ---------------------------------------------------------------- counts per period


def test_taking_part_is_ongoing_plus_ended():
    assert T1.taking_part == GenderSplit(5, 3) and T1.taking_part.total == 8


def test_validate_count_period():
    assert validate_count_period(T1) == {}
    assert set(validate_count_period(period(date(2025, 5, 1), date(2025, 4, 30)))) == {"end"}
    assert set(validate_count_period(period(date(2025, 1, 1), date(2025, 4, 30), ongoing=(-1, 0)))) == {
        "ongoing_women"}
    errors = validate_count_period(period(date(2025, 1, 1), date(2025, 4, 30), new=(0, 4), ongoing=(0, 2),
                                          ended=(0, 1)))
    assert set(errors) == {"new_men"} and "Fler nya män (4)" in errors["new_men"] and "(3 " in errors["new_men"]


def test_count_warnings():
    assert count_warnings([T3, T1, T0, T2]) == []  # any order: sorted by start
    wrong = period(T2.start, T2.end, new=(2, 1), ongoing=(6, 2), ended=(1, 1))
    warnings = count_warnings([T1, wrong])
    assert len(warnings) == 1
    assert warnings[0].startswith("2025-05-01–2025-08-31: pågående kvinnor borde vara 5")
    assert "inte 6" in warnings[0]
