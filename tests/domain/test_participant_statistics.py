"""Participant statistics: counts by gender, age at the start and outcome, per year or all time, and the property
every table keeps for any register: its parts add up to its total (the participants, or those who ended)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from finsamdesk.domain.participant_statistics import (
    AGE_MISSING,
    BESIDE,
    COUNTED,
    COUNTED_NO_AGE,
    COUNTED_NO_OUTCOME,
    IN_REGISTER,
    OTHER_AGES,
    OUTCOME_MISSING,
    PART,
    SUM,
    Facts,
    compute_statistics,
    months,
    percent,
)
from finsamdesk.domain.participants import CountPeriod, GenderSplit
from tests.fixtures.participant_files import T0, T1, T2, T3

LABELS = ["Arbete", "Studier", "Annat"]
FACTS = [
    # woman, 24 at start 2025, ended 2025 with Arbete after 486 days
    Facts(1, "kvinna", 2000, date(2024, 3, 1), date(2025, 6, 30), "Arbete"),
    # man, no birth year, started 2025, ended 2025 without outcome
    Facts(1, "man", None, date(2025, 2, 1), date(2025, 4, 1), None),
    # man, 70: other ages; still taking part
    Facts(1, "man", 1955, date(2025, 1, 10), None, None),
    # woman, ended 2024 (not in 2025); Annat
    Facts(1, "kvinna", 1990, date(2023, 1, 1), date(2024, 12, 31), "Annat"),
    Facts(1, "kvinna", 1995, date(2026, 1, 5), None, None),
    # woman, 40, new and ended (121 days)
    Facts(1, "kvinna", 1985, date(2025, 9, 1), date(2025, 12, 31), "Studier"),
    # man, 17: in 15–24 and in 16–29
    Facts(1, "man", 2008, date(2025, 5, 1), None, None),
]
PERIODS = [T0, T1, T2, T3]


def test_statistics_for_a_year():
    s = compute_statistics("Hela förbundet", 2025, FACTS, PERIODS, LABELS, utfall=100_000_00)
    counted = GenderSplit(5 + 2 + 1, 3 + 1 + 0)  # the first 2025 period's participants, then new ones
    assert s.from_counts == counted
    assert s.participants == GenderSplit(2, 3) + counted == GenderSplit(10, 7)
    assert s.new == GenderSplit(1 + 6, 3 + 3)
    assert s.ended == GenderSplit(2 + 4, 1 + 3)
    assert dict(s.ages.parts) == {
        "15–24": GenderSplit(1, 1), "25–54": GenderSplit(1, 0), "55–64": GenderSplit(0, 0),
        OTHER_AGES: GenderSplit(0, 1), AGE_MISSING: GenderSplit(0, 1), COUNTED_NO_AGE: counted}
    assert s.ages.beside == (("16–29", GenderSplit(1, 1)),) and s.ages.total == s.participants
    assert s.outcomes.parts == (("Arbete", GenderSplit(1, 0)), ("Studier", GenderSplit(1, 0)),
                                ("Annat", GenderSplit(0, 0)), (OUTCOME_MISSING, GenderSplit(0, 1)),
                                (COUNTED_NO_OUTCOME, GenderSplit(4, 3)))
    assert s.outcomes.total == s.ended
    assert s.average_days == (303.5, 59.0, 222.0)
    assert s.cost_per_participant == 588_200  # 100 000 kr / 17 = 5 882,35 kr
    assert s.outcomes.share(GenderSplit(1, 0)) == pytest.approx(1 / 10)  # of all 10 who ended
    assert percent(s.outcomes.share(dict(s.outcomes.parts)[COUNTED_NO_OUTCOME])) == "70 %"


def test_the_participant_table_is_register_and_counted_with_new_and_ended_beside():
    s = compute_statistics("Hela förbundet", 2025, FACTS, PERIODS, LABELS)
    assert s.participant_table.lines() == [
        (IN_REGISTER, GenderSplit(2, 3), PART), (COUNTED, GenderSplit(8, 4), PART), ("Totalt", s.participants, SUM),
        ("varav nya", s.new, BESIDE), ("varav avslutade", s.ended, BESIDE)]
    only_register = compute_statistics("x", 2025, FACTS, [], LABELS)
    assert [label for label, _, _ in only_register.participant_table.lines()] == [
        IN_REGISTER, "Totalt", "varav nya", "varav avslutade"]


def test_statistics_for_all_time():
    s = compute_statistics("Spränget", None, FACTS, PERIODS, LABELS)
    counted = GenderSplit(2 + 3 + 2 + 1, 1 + 2 + 1 + 0)
    assert s.year is None and s.from_counts == counted
    assert s.participants == GenderSplit(4, 3) + counted
    assert s.new == GenderSplit(4, 3) + GenderSplit(8, 4)
    assert s.ended == GenderSplit(3, 1) + GenderSplit(4, 3)
    assert dict(s.outcomes.parts)["Annat"] == GenderSplit(1, 0)
    assert s.cost_per_participant is None


def test_statistics_for_the_year_before_only_counts_that_year():
    s = compute_statistics("Spränget", 2024, FACTS, PERIODS, LABELS)
    assert s.from_counts == GenderSplit(2, 1)
    assert s.participants == GenderSplit(2, 0) + GenderSplit(2, 1)  # the 2000 and 1990 women
    assert s.ended == GenderSplit(1, 0)
    assert dict(s.ages.parts)["25–54"] == GenderSplit(1, 0)  # 2023 − 1990 = 33


def test_taking_part_on_the_first_or_last_day_of_the_year_counts():
    facts = [Facts(1, "kvinna", 1980, date(2024, 6, 1), date(2025, 1, 1), None),
             Facts(1, "man", 1980, date(2025, 12, 31), None, None),
             Facts(1, "man", 1980, date(2024, 6, 1), date(2024, 12, 31), None)]
    s = compute_statistics("x", 2025, facts, [], LABELS)
    assert s.participants == GenderSplit(1, 1) and s.new == GenderSplit(0, 1) and s.ended == GenderSplit(1, 0)


def test_cost_per_participant_and_shares_without_data():
    s = compute_statistics("x", 2025, [Facts(1, "kvinna", 1980, date(2025, 1, 1), None, None)] * 3, [], LABELS,
                           utfall=100_000_00)
    assert s.cost_per_participant == 3_333_300
    assert s.outcomes.share(GenderSplit()) is None and s.average_days == (None, None, None)
    assert [label for label, _ in s.outcomes.parts] == LABELS  # nothing missing, nothing only counted
    empty = compute_statistics("x", 2025, [], [], LABELS, utfall=100_000_00)
    assert empty.cost_per_participant is None and empty.participants.total == 0
    assert all(t.adds_up for t in empty.tables)


def test_age_band_edges():
    facts = [Facts(1, "kvinna", 2025 - age, date(2025, 3, 1), None, None) for age in (14, 15, 16, 29, 30, 64, 65)]
    s = compute_statistics("x", 2025, facts, [], LABELS)
    bands = dict(s.ages.parts)
    assert bands["15–24"].women == 2 and bands["25–54"].women == 2 and bands["55–64"].women == 1
    assert dict(s.ages.beside)["16–29"].women == 2 and bands[OTHER_AGES].women == 2


def test_months_and_percent_as_swedish_text():
    assert months(121.77) == "4,0 mån"
    assert months(365.25) == "12,0 mån"
    assert months(None) == "" and percent(None) == ""
    assert percent(0.4) == "40 %" and percent(1.0) == "100 %" and percent(0.0) == "0 %"
    assert months(0) == "0,0 mån"


# ---------------------------------------------------------------- every table adds up, for any register
days = st.dates(date(2020, 1, 1), date(2027, 12, 31))


@st.composite
def a_fact(draw):
    start = draw(days)
    end = draw(st.none() | st.integers(0, 900).map(lambda n: start + timedelta(days=n)))
    return Facts(draw(st.integers(1, 4)), draw(st.sampled_from(["kvinna", "man", "kvinna", "man", ""])),
                 draw(st.none() | st.integers(1930, 2015)), start, end,
                 draw(st.none() | st.sampled_from([*LABELS, "Borttagen kategori"])) if end else None)


@st.composite
def a_period(draw):
    start = draw(days)
    counts = [draw(st.integers(0, 20)) for _ in range(6)]
    return CountPeriod(draw(st.integers(5, 6)), start, start + timedelta(days=draw(st.integers(0, 200))), *counts)


@settings(max_examples=300, deadline=None)
@given(st.lists(a_fact(), max_size=60), st.lists(a_period(), max_size=8), st.none() | st.integers(2020, 2027))
def test_every_table_adds_up_for_any_register(facts, periods, year):
    s = compute_statistics("x", year, facts, periods, LABELS)
    for table in s.tables:
        assert table.adds_up, table
        assert [kind for _, _, kind in table.lines()] == [PART] * len(table.parts) + [SUM] + [BESIDE] * len(
            table.beside)
    assert s.ages.total == s.participant_table.total == s.participants
    assert s.outcomes.total == s.ended
    young = dict(s.ages.beside)["16–29"]
    assert young.women <= s.participants.women and young.men <= s.participants.men
    by_insats = [compute_statistics("x", year, [f for f in facts if f.insats_id == i],
                                    [c for c in periods if c.insats_id == i], LABELS) for i in range(1, 7)]
    for figure in ("participants", "new", "ended"):  # the per-insats table adds up to the förbund's
        assert sum((getattr(line, figure) for line in by_insats), GenderSplit()) == getattr(s, figure)
