"""Where the store computes a domain rule in SQL, the SQL and the domain's Python agree on any data.

The overdue rule is domain.insatser.is_overdue (the reports tab, the start page) and store.insatser.OVERDUE_SQL
(the insatser list's count); the sought total is domain Budget.sought_total (the editor, the printed form) and
the applications list's `sought_ore` summed in SQL; the granted amounts are domain Application.granted_by_year
(the latest decision that granted any) and the list's `granted_ore`. Each is tried on generated data in a real
SQLite file.
"""
from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from finsamdesk.domain.application import OWN, SOUGHT, Application, Budget, StatusEvent, diarienummer
from finsamdesk.domain.insatser import Insats, Report
from finsamdesk.store import applications as app_store
from finsamdesk.store import insatser as insats_store
from finsamdesk.store.connection import open_database

TODAY = date(2026, 6, 15)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

days = st.integers(min_value=-400, max_value=400)
report = st.tuples(days, st.none() | days)  # due, received (days from TODAY)


def _fresh_db(folder: str):
    return open_database(Path(folder) / "regler.sqlite")


@SETTINGS
@given(st.lists(st.lists(report, max_size=6), min_size=1, max_size=4), st.sampled_from([0, 1, -1, 200]))
def test_overdue_reports_counted_in_sql_as_the_domain_says(insatser, today_shift):
    today = TODAY + timedelta(days=today_shift)
    with tempfile.TemporaryDirectory() as folder:
        db = _fresh_db(folder)
        expected = {}
        with db.atomic():
            for n, reports in enumerate(insatser):
                insats_id = insats_store.save_insats(db, Insats(f"Insats {n}", "individ"))
                made = [Report(insats_id, "tertial", f"Rapport {i}", TODAY + timedelta(days=due),
                               received_on=None if got is None else TODAY + timedelta(days=got))
                        for i, (due, got) in enumerate(reports)]
                for r in made:
                    insats_store.save_report(db, r)
                expected[insats_id] = sum(r.overdue(today) for r in made)
        counted = {row.id: row.overdue_reports for row in insats_store.list_rows(db, today.year, today)}
        db.close()
    assert counted == expected


years = st.integers(min_value=2024, max_value=2029)
cell = st.tuples(st.sampled_from(["Personal", "Lokaler", "Övrigt"]), st.sampled_from([SOUGHT, SOUGHT, OWN]),
                 years, st.integers(min_value=0, max_value=10**10))


@SETTINGS
@given(st.lists(st.tuples(st.lists(years, max_size=4, unique=True), st.lists(cell, max_size=12)),
                min_size=1, max_size=4))
def test_the_lists_sought_total_equals_the_budgets(applications):
    """Cells outside the budget's years (left when the period shrank) and the own-financing column are not
    sought; the list must say what the editor and the printed form say."""
    with tempfile.TemporaryDirectory() as folder:
        db = _fresh_db(folder)
        expected = {}
        with db.atomic():
            for n, (budget_years, cells) in enumerate(applications):
                budget = Budget(sorted(budget_years))
                for category, column, year, amount in cells:
                    budget.set(category, column, year, amount)
                app = Application("neutral", name=f"Ansökan {n}", diarienummer=diarienummer(2026, n + 1), budget=budget)
                expected[app_store.save(db, app)] = budget.sought_total()
        listed = {row.id: row.sought_ore for row in app_store.list_rows(db)}
        stored = {app_id: app_store.load(db, app_id).budget.sought_total() for app_id in expected}
        db.close()
    assert listed == expected == stored


participation = st.tuples(st.integers(min_value=0, max_value=2), st.sampled_from(["kvinna", "man", "annat"]),
                          st.integers(min_value=-800, max_value=800),
                          st.none() | st.integers(min_value=0, max_value=900))


@SETTINGS
@given(st.lists(participation, max_size=30))
def test_uppfoljning_counts_participants_by_kon_in_sql_as_the_statistics_do(people):
    """store.reports.genders_by_insats (the Uppföljning page) against compute_statistics over facts_between (the
    year's documents): the same women, men, and the same insatser with anyone registered."""
    from finsamdesk.domain.participant_statistics import compute_statistics
    from finsamdesk.store import reports as report_store
    from finsamdesk.store.ids import new_ids

    first, last = date(2026, 1, 1), date(2026, 12, 31)
    with tempfile.TemporaryDirectory() as folder:
        db = _fresh_db(folder)
        with db.atomic():
            insatser = [insats_store.save_insats(db, Insats(f"Insats {n}", "individ")) for n in range(3)]
            rows = [{"id": i, "insats_id": insatser[k], "code": f"D{i}", "gender": gender,
                     "start": (TODAY + timedelta(days=start)).isoformat(),
                     "end": None if length is None else (TODAY + timedelta(days=start + length)).isoformat()}
                    for i, (k, gender, start, length) in zip(new_ids(len(people)), people, strict=True)]
            if rows:
                db["participant"].insert_all(rows)
        counted = report_store.genders_by_insats(db, first, last)
        facts = report_store.facts_between(db, first, last)
        db.close()
    by_insats = {f.insats_id for f in facts}
    expected = {i: compute_statistics("", 2026, [f for f in facts if f.insats_id == i], [], []).participants
                for i in by_insats}
    assert {i: (w, m) for i, (w, m, _) in counted.items()} == {i: (s.women, s.men) for i, s in expected.items()}
    assert {i: n for i, (_, _, n) in counted.items()} == {i: sum(f.insats_id == i for f in facts) for i in by_insats}


grant = st.dictionaries(years, st.integers(min_value=0, max_value=10**9), max_size=3)
event = st.tuples(st.sampled_from(["inkommen", "beredning", "beviljad", "delvis_beviljad", "avslag"]), grant)


@SETTINGS
@given(st.lists(st.lists(event, max_size=5), min_size=1, max_size=4))
def test_the_lists_granted_amount_is_the_latest_decisions(histories):
    """A decision taken again (a corrected grant) replaces the earlier one; an event without amounts leaves it."""
    with tempfile.TemporaryDirectory() as folder:
        db = _fresh_db(folder)
        with db.atomic():
            for n, events in enumerate(histories):
                history = [StatusEvent(status, TODAY + timedelta(days=i), granted=dict(amounts))
                           for i, (status, amounts) in enumerate(events)]
                app = Application("neutral", name=f"Ansökan {n}", diarienummer=diarienummer(2026, n + 1),
                                  history=history, status=history[-1].status if history else "inkommen")
                app_store.save(db, app)
        listed = {row.id: row.granted_ore for row in app_store.list_rows(db)}
        loaded = {app_id: sum(app_store.load(db, app_id).granted_by_year.values()) for app_id in listed}
        db.close()
    assert listed == loaded
