"""What a participant's clear-text and free-text fields may hold: no personnummer where it would be stored
unencrypted (deltagar-id, samtycke hur), and no text longer than a form could sensibly show."""
from __future__ import annotations

from datetime import date

import pytest

from finsamdesk.domain.participants import TEXT_MAX, Participant, validate_participant

TODAY = date(2026, 12, 1)


def _valid(**changes) -> Participant:
    p = Participant(1, code="D00001", gender="kvinna", birth_year=1981, start=date(2026, 1, 15))
    for name, value in changes.items():
        setattr(p, name, value)
    return p


@pytest.mark.parametrize("text", ["19811218-9876", "811218-9876", "198112189876", "Anna 811218+9876"])
@pytest.mark.parametrize("field", ["code", "consent_how"])
def test_a_personnummer_is_refused_where_it_would_be_stored_in_clear(field, text):
    p = _valid(consent_date=date(2026, 1, 10), consent_how="Skriftligt")
    setattr(p, field, text)
    assert "får inte innehålla ett personnummer" in validate_participant(p, TODAY)[field]


@pytest.mark.parametrize("text", ["D-2026-0001", "Skriftligt 2026-01-10", "T00012345", "tel 070-1740605"])
def test_ids_dates_and_phone_numbers_are_not_mistaken_for_a_personnummer(text):
    assert "code" not in validate_participant(_valid(code=text), TODAY)


@pytest.mark.parametrize(("field", "limit"), sorted(TEXT_MAX.items()))
def test_a_text_longer_than_its_field_holds_is_refused(field, limit):
    extra = {"consent_date": date(2026, 1, 10), "consent_how": "Skriftligt"}
    assert field not in validate_participant(_valid(**{**extra, field: "x" * limit}), TODAY)
    assert "för lång" in validate_participant(_valid(**{**extra, field: "x" * (limit + 1)}), TODAY)[field]
