"""Every rule has one home in finsamdesk/domain and is used by its name: a second spelling is a defect.

The first tests pin the rules themselves; the last one reads the package's source for the ways the rules used
to be written out by hand (a literal status pair, a Luhn loop, `digits[:8]-digits[8:]`…) and names the file.
"""
from __future__ import annotations

import re
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from finsamdesk.domain.application import diarienummer, diarienummer_number, next_diarienummer
from finsamdesk.domain.identifiers import format_personnummer, luhn_check_digit, luhn_ok, parse_personnummer
from finsamdesk.domain.insatser import Report, is_overdue
from finsamdesk.domain.meetings import BOARD_DECISIONS, OUTCOMES_WITH_AMOUNTS, RECOMMENDATIONS
from finsamdesk.domain.statuses import DECIDED, FINAL, GRANTED, ON_AGENDA_OF, STATUSES, WAITING, on_agenda_of
from finsamdesk.domain.workflow import OUTGOING_TRANSITIONS, TRANSITIONS, next_steps, steps_to_recommendation

PACKAGE = Path(__file__).resolve().parents[2] / "finsamdesk"


def test_status_sets_nest_and_name_real_statuses():
    assert set(GRANTED) < set(DECIDED) < set(FINAL) < set(STATUSES)
    assert set(WAITING) <= set(STATUSES) and not set(WAITING) & set(FINAL)
    assert set(TRANSITIONS) | set(OUTGOING_TRANSITIONS) == set(STATUSES)
    assert set(OUTGOING_TRANSITIONS) - set(TRANSITIONS) == {"inskickad"}  # only an own application is sent
    assert all(not next_steps(s) and not next_steps(s, outgoing=True) for s in FINAL)
    assert all(next_steps(s) or next_steps(s, outgoing=True) for s in set(STATUSES) - set(FINAL))


def test_what_waits_for_a_body_is_what_the_start_page_calls_waiting():
    for body, statuses in ON_AGENDA_OF.items():
        assert statuses and set(statuses) <= set(WAITING), body
    assert on_agenda_of("styrelse") == ("styrelse",) and on_agenda_of("annat") == ()
    assert set(BOARD_DECISIONS) <= set(next_steps("styrelse")), "a board decision is a step from styrelse"


def test_inkommen_goes_to_beredning_first():
    assert steps_to_recommendation("inkommen", "styrelse") == ("beredning", "styrelse")
    assert steps_to_recommendation("beredning", "aterremitterad") == ("aterremitterad",)
    for status in ON_AGENDA_OF["beredning"]:
        for outcome in RECOMMENDATIONS:
            from finsamdesk.domain.meetings import RECOMMENDATION_STATUS

            path = (status, *steps_to_recommendation(status, RECOMMENDATION_STATUS[outcome]))
            assert all(b in next_steps(a) for a, b in pairwise(path)), path


def test_outcomes_with_amounts_are_grants_or_recommendations_to_grant():
    assert set(GRANTED) <= set(OUTCOMES_WITH_AMOUNTS) <= set(BOARD_DECISIONS) | set(RECOMMENDATIONS)
    assert not {"avslag", "aterremitterad", "avstyrk", "aterremiss"} & set(OUTCOMES_WITH_AMOUNTS)


def test_diarienummer_is_year_and_running_number():
    assert diarienummer(2026, 7) == "2026-007" and diarienummer(2026, 1234) == "2026-1234"
    assert diarienummer_number("2026-042", 2026) == 42
    assert diarienummer_number("2025-042", 2026) is None and diarienummer_number("2026-KS-1", 2026) is None
    assert next_diarienummer(2026, ["2026-009", "2026-010", "2025-300", "Dnr 2026/5", "2026-x"]) == "2026-011"
    assert next_diarienummer(2027, []) == "2027-001"


@given(st.text(alphabet="0123456789", min_size=1, max_size=15))
def test_luhn_check_digit_is_what_luhn_ok_accepts(digits):
    check = luhn_check_digit(digits)
    assert luhn_ok(digits + check)
    assert not luhn_ok(digits + str((int(check) + 1) % 10))


def test_luhn_on_real_numbers():
    assert luhn_check_digit("202100552") == "1" and luhn_ok("2021005521")  # Försäkringskassan
    assert luhn_ok("48356562") and not luhn_ok("00000001")  # a real CFAR, a placeholder
    assert luhn_ok("4764585") and luhn_ok("55588172")  # bankgiro of seven and eight digits (DOMAIN §5.2)


def test_personnummer_printed_one_way():
    pnr = parse_personnummer("19121212-1212", date(2026, 1, 1))
    assert pnr.formatted == format_personnummer(pnr.digits) == "19121212-1212"
    assert format_personnummer("") == "" and format_personnummer("gallrat") == "gallrat"


def test_overdue_is_after_the_due_day_and_not_received():
    due = date(2026, 4, 30)
    assert not is_overdue(due, None, due) and is_overdue(due, None, date(2026, 5, 1))
    assert not is_overdue(due, date(2026, 5, 20), date(2026, 6, 1))
    assert Report(1, "tertial", "T1", due).overdue(date(2026, 5, 1))


# ---------------------------------------------------------------- second spellings
SECOND_SPELLINGS = [
    # (what, pattern, the only file allowed to spell it, the name to use everywhere else)
    ("the granted statuses", r"""["']beviljad["'],\s*["']delvis_beviljad["']""", "domain/statuses.py",
     "domain.statuses.GRANTED / DECIDED / FINAL"),
    ("the statuses waiting for beredning", r"""["']inkommen["'],\s*["'](beredning|aterremitterad)["']""",
     "domain/statuses.py", "domain.statuses.ON_AGENDA_OF / WAITING"),
    ("what an ansökan waits for", r"Väntar på beredning|Väntar på styrelsens", "domain/statuses.py",
     "domain.statuses.WAITING"),
    ("a Luhn check digit", r"\(10 - \w+ % 10\) % 10", "domain/identifiers.py",
     "domain.identifiers.luhn_check_digit / luhn_ok"),
    ("a personnummer printed ÅÅÅÅMMDD-NNNN", r"\[:8\]\}-\{", "domain/identifiers.py",
     "domain.identifiers.format_personnummer"),
    ("a diarienummer YYYY-NNN", r"\}-\{[^}]*:03d\}", "domain/application.py",
     "domain.application.diarienummer / next_diarienummer"),
    ("the overdue test", r"\bdue\s*<\s*(?:\w+\.)?today\b(?!\s*[-+])", "domain/insats_reports.py",
     "domain.insats_reports.is_overdue (domain.insatser names it too) / Report.overdue"),
    ("the overdue test in SQL", r"received_on IS NULL AND r\.due <(?!=)", "store/insatser.py",
     "store.insatser.OVERDUE_SQL"),
]


@pytest.mark.parametrize(("what", "pattern", "home", "name"), SECOND_SPELLINGS, ids=[s[0] for s in SECOND_SPELLINGS])
def test_no_second_spelling_of_a_rule(what, pattern, home, name):
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        text = path.read_text(encoding="utf-8")
        hits = [text.count("\n", 0, m.start()) + 1 for m in re.finditer(pattern, text)]
        if hits and relative != home:
            found.append(f"{relative}:{hits[0]}")
    assert not found, f"{what} written out again in {', '.join(found)}: use {name}"


def test_the_start_page_says_what_an_aterremitterad_ansokan_waits_for():
    """The agenda does not propose an återremitterad ansökan (it waits for its komplettering), so the start
    page must not say it waits for beredning."""
    from finsamdesk.domain.statuses import WAITING, on_agenda_of

    assert "aterremitterad" not in on_agenda_of("beredning")
    assert "beredning" not in WAITING["aterremitterad"]
    assert "komplettering" in WAITING["aterremitterad"]
