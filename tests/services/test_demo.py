"""Exempeldata: invented, marked as such, every status, budgets that add up."""
from datetime import date

import pytest

from finsamdesk.domain.identifiers import normalize_orgnr
from finsamdesk.domain.statuses import DECIDED, STATUSES
from finsamdesk.services import applications, demo, registers
from finsamdesk.services.errors import ServiceError
from finsamdesk.store.connection import open_database

TODAY = date(2024, 6, 15)


@pytest.fixture
def db(tmp_path):
    db = open_database(tmp_path / "demo.sqlite")
    demo.create_example_data(db, TODAY)
    return db


def test_marked_as_example_and_every_status_on_every_template(db, tmp_path):
    f = registers.forbund(db)
    assert f.is_example and "exempeldata" in f.name and demo.is_example_file(db)
    assert not demo.is_example_file(open_database(tmp_path / "tom.sqlite"))
    rows = applications.list_rows(db)
    assert len(rows) >= 9
    assert {r.status for r in rows} == set(STATUSES)
    assert {r.template_id for r in rows} == {"nnv-skane-2020", "burlov-staffanstorp-v5", "neutral"}
    assert len({r.diarienummer for r in rows}) == len(rows)


def test_applications_are_complete_and_histories_obey_the_workflow(db):
    for row in applications.list_rows(db):
        app = applications.load(db, row.id)
        assert app.budget.sought_total() > 0 and row.sought_ore == app.budget.sought_total()
        assert app.budget.years and all(app.budget.column_total("sought", y) for y in app.budget.years)
        assert app.period_start and app.period_end and app.name and app.contacts
        assert all(e.date <= TODAY for e in app.history)
        assert [e.date for e in app.history] == sorted(e.date for e in app.history)
        if app.status != "utkast":
            assert app.history[0].status == "inkommen"
            assert not [p for p in applications.problems(app) if p.severity == "error"], app.name
            assert any(app.sections.values())
        else:
            assert not app.history
        if app.status in ("beviljad", "delvis_beviljad"):
            granted = app.granted_by_year
            sought = app.budget.sought_by_year()
            assert granted and all(0 < a <= sought[y] for y, a in granted.items())
            if app.status == "delvis_beviljad":
                assert any(a < sought[y] for y, a in granted.items())
        if app.status in DECIDED:
            assert app.history[-1].who == "Styrelsen"


def test_organisations_have_valid_orgnr_and_people_are_invented(db):
    orgs = registers.organisations(db)
    assert {o.kind for o in orgs} >= {"forsakringskassan", "arbetsformedlingen", "region", "kommun"}
    assert 2 <= sum(o.kind == "kommun" for o in orgs) <= 3 and all(o.member for o in orgs)
    for o in orgs:
        assert normalize_orgnr(o.orgnr) == o.orgnr
    assert normalize_orgnr(registers.forbund(db).orgnr)
    assert {o.orgnr for o in orgs} >= {"202100-5521", "202100-2114"}
    people = registers.contacts(db)
    assert 6 <= len(people) <= 10
    assert all(p.email.endswith(".example") and p.phone.startswith("070-17406") for p in people)
    real = ["Bengt Selander", "Anna Lexelius", "Annica Falk", "Marie-Louise Arendt"]
    assert not any(r in p.name for p in people for r in real)


def test_dates_follow_today(tmp_path):
    db = open_database(tmp_path / "x.sqlite")
    demo.create_example_data(db, date(2031, 3, 1))
    years = {y for r in applications.list_rows(db) for y in r.years}
    assert min(years) >= 2030 and max(years) <= 2033


def test_refuses_a_file_with_content(db):
    with pytest.raises(ServiceError, match="tom fil"):
        demo.create_example_data(db, TODAY)


def test_luhn_check_digit():
    assert demo.invented_orgnr("202100", "552") == "202100-5521"
    assert demo.invented_orgnr("232100", "025") == "232100-0255"
