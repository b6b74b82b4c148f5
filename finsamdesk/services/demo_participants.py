"""Invented deltagare for the example file, the benchmark and the tests; names and sizes from
resources/demo/participants.json.

The personnummer are made up (a random date and number with a correct check digit); any likeness to a
real person's number is chance, and the names beside them are invented too.
"""
from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..domain.identifiers import luhn_check_digit
from ..domain.participants import CONSENT_WAYS, CountPeriod, Participant
from ..store import participants as store
from . import participants
from .demo_data import example_data

if TYPE_CHECKING:
    import sqlite_utils

    from ..store.crypto import FieldKey

EXAMPLE_PASSPHRASE: str = example_data("participants")["passphrase"]  # shown where the example is offered


def invented_personnummer(rng: random.Random, born: date, gender: str) -> str:
    """Twelve digits with a valid check digit; the second to last digit odd for men."""
    gender_digit = rng.choice((1, 3, 5, 7, 9) if gender == "man" else (0, 2, 4, 6, 8))
    nine = f"{born:%y%m%d}{rng.randrange(100):02d}{gender_digit}"
    return f"{born.year:04d}{nine[2:]}{luhn_check_digit(nine)}"


def invented_participants(rng: random.Random, insats_id: int, count: int, first_start: date, last_start: date,
                          categories: dict[str, list[int]], *, identifiers: bool = True,
                          today: date | None = None) -> list[Participant]:
    """`count` records starting between the two dates; about half have ended, with an outcome."""
    today = today or date.today()
    span = max(1, (last_start - first_start).days)
    out = []
    for _ in range(count):
        gender = rng.choice(("kvinna", "man", "kvinna"))
        start = first_start + timedelta(days=rng.randrange(span))
        born = date(start.year - rng.randint(17, 63), rng.randint(1, 12), rng.randint(1, 28))
        end = start + timedelta(days=rng.randint(30, 420))
        ended = end < today and rng.random() < 0.75
        p = Participant(insats_id, gender=gender, birth_year=born.year, start=start, end=end if ended else None,
                        support_id=rng.choice(categories["forsorjning"]),
                        outcome_id=rng.choice(categories["utfall"]) if ended else None)
        if identifiers:
            p.personnummer = invented_personnummer(rng, born, gender)
            names = example_data("participants")
            p.name = f"{rng.choice(names['first_names'][gender])} {rng.choice(names['last_names'])}"
            p.consent_date, p.consent_how = start, rng.choice(CONSENT_WAYS)
        out.append(p)
    return out


def _month_end(year: int, month: int) -> date:
    return date(year + (month == 12), 1 if month == 12 else month + 1, 1) - timedelta(days=1)


def category_ids(db: sqlite_utils.Database) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {"forsorjning": [], "utfall": []}
    for c in participants.categories(db):
        if c.id is not None:
            out[c.kind].append(c.id)
    return out


def create_example_participants(db: sqlite_utils.Database, today: date | None = None) -> FieldKey:
    """A register for the individ-inriktade insatser and counts per tertial for one, under EXAMPLE_PASSPHRASE."""
    today = today or date.today()
    data = example_data("participants")
    rng = random.Random(data["seed"])
    key = participants.create_passphrase(db, EXAMPLE_PASSPHRASE, EXAMPLE_PASSPHRASE)
    kinds = store.insats_kinds(db)
    chosen = [(c, c.period_start) for c in participants.insatser(db) if c.period_start and c.period_start <= today]
    sizes = data["register_sizes"]  # one register for each of the first ongoing individ insatser
    individual = [(c, start) for c, start in chosen if kinds[c.id] == ("individ", "pagaende")][:len(sizes)]
    counted = next(((c, start) for c, start in chosen if kinds[c.id] == ("individ", "avslutad")), None)
    cats = category_ids(db)
    with db.atomic():
        for n, (insats, started) in enumerate(individual):
            store.set_mode(db, insats.id, "individ")
            last = min(today, insats.period_end or today)
            items = invented_participants(rng, insats.id, sizes[n], started, last, cats, today=today)
            store.insert_participants(db, items, key)
        if counted is not None:
            year = counted[1].year
            ongoing = [0, 0]
            for first_month, last_month in ((1, 4), (5, 8), (9, 12)):
                start = date(year, first_month, 1)
                if start > today:
                    break
                new = [rng.randint(2, 6), rng.randint(1, 5)]
                ended = [min(rng.randint(0, 3), ongoing[g] + new[g]) for g in (0, 1)]
                ongoing = [ongoing[g] + new[g] - ended[g] for g in (0, 1)]
                end = _month_end(year, last_month)
                store.save_count_period(db, CountPeriod(counted[0].id, start, end, new[0], new[1], ongoing[0],
                                                        ongoing[1], ended[0], ended[1]))
    return key
