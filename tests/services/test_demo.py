"""Exempeldata: invented, marked as such, every status, budgets that add up."""
from datetime import date

import pytest

from finsamdesk.domain.identifiers import normalize_orgnr
from finsamdesk.domain.statuses import DECIDED
from finsamdesk.domain.workflow import TRANSITIONS
from finsamdesk.services import applications, demo, registers
from finsamdesk.services.errors import ServiceError
from finsamdesk.store.connection import open_database

TODAY = date(2024, 6, 15)


@pytest.fixture
def db(db):
    demo.create_example_data(db, TODAY)
    return db


def test_marked_as_example_and_every_status_on_every_template(db, tmp_path):
    f = registers.forbund(db)
    assert f.is_example and "exempeldata" in f.name and demo.is_example_file(db)
    empty = open_database(tmp_path / "tom.sqlite")
    assert not demo.is_example_file(empty)
    empty.conn.close()
    rows = applications.list_rows(db)
    assert len(rows) >= 9
    assert {r.status for r in rows} == set(TRANSITIONS)  # every status of a received application
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
    db.conn.close()
    assert min(years) >= 2030 and max(years) <= 2033


def test_refuses_a_file_with_content(db):
    with pytest.raises(ServiceError, match="tom fil"):
        demo.create_example_data(db, TODAY)


def test_luhn_check_digit():
    assert demo.invented_orgnr("202100", "552") == "202100-5521"
    assert demo.invented_orgnr("232100", "025") == "232100-0255"


def test_the_example_file_made_from_the_data_files_has_the_figures_it_had_as_code(tmp_path):
    """The example moved from code (services/demo*.py) to resources/demo/*.json: the file it makes is the same.
    The figures below were read from the file the code made on 2026-12-01, before the move; since 2026-12-02 the
    example also has two own ESF applications (resources/demo/own_applications.json), one granted as an insats."""
    from finsamdesk.services import files

    db = files.new_file(tmp_path / "exempel.sqlite", "x")
    demo.create_example(db, date(2026, 12, 1))

    def one(sql):
        return db.execute(sql).fetchall()

    counts = {"organisation": 6, "contact": 8, "application": 12, "application_applicant": 18,
              "application_contact": 26, "application_phase": 27, "application_section": 159, "budget_cell": 48,
              "status_event": 34, "granted_amount": 8, "insats": 6, "insats_application": 4, "insats_granted": 24,
              "invoice": 127, "report": 45, "esf_project": 2, "esf_actor": 9, "esf_spec_line": 8, "esf_cost": 4,
              "insats_income": 4, "budget_year": 2, "budget_cell_forbund": 17, "budget_kommun": 6,
              "participant": 120, "participant_count": 3, "meeting": 3, "meeting_attendee": 21, "agenda_item": 15}
    assert {table: db[table].count for table in counts} == counts
    assert dict(one("SELECT status, count(*) FROM application GROUP BY status")) == {
        "utkast": 1, "inkommen": 1, "beredning": 1, "styrelse": 1, "beviljad": 3, "delvis_beviljad": 1,
        "avslag": 1, "aterremitterad": 1, "atertagen": 1, "inskickad": 1}
    assert one("SELECT min(diarienummer), max(diarienummer) FROM application") == [("2025-001", "2026-009")]
    assert one("SELECT sum(amount_ore) FROM budget_cell WHERE column_kind = 'sought'") == [(908_100_000,)]
    assert one("SELECT sum(amount_ore) FROM budget_cell WHERE column_kind = 'own'") == [(35_500_000,)]
    assert one("SELECT sum(amount_ore) FROM granted_amount") == [(209_000_000 + 467_650_000,)]  # + the ESF support
    assert one("SELECT sum(amount_ore) FROM insats_granted") == [(575_500_000 + 995_000_000,)]  # + its whole cost
    assert one("SELECT count(*), sum(amount_ore) FROM invoice") == [(127, 496_814_100)]
    assert one("SELECT count(*), sum(received_on IS NOT NULL) FROM report") == [(45, 10)]
    assert dict(one("SELECT year, sum(amount_ore) FROM budget_cell_forbund GROUP BY year")) == {
        2025: 1_583_680_000, 2026: 881_500_000}
    assert sorted(one("SELECT count(*), sum(end IS NOT NULL) FROM participant GROUP BY insats_id")) == [
        (24, 5), (40, 10), (56, 16)]
    assert one("SELECT sum(new_women + new_men) FROM participant_count") == [(19,)]
    assert one("SELECT kind, date FROM meeting ORDER BY date") == [
        ("beredning", "2026-10-16"), ("styrelse", "2026-10-30"), ("beredning", "2026-12-08")]
    db.close()


def test_the_example_data_is_read_from_resources(tmp_path, monkeypatch):
    """The data files ship with the program (setup.py: finsamdesk/_resources; the PyInstaller spec) and a broken
    one is a Swedish message, not a traceback."""
    from finsamdesk import paths
    from finsamdesk.services import demo_data

    assert (paths.demo_dir() / "applications.json").is_file()
    assert {p.stem for p in paths.demo_dir().glob("*.json")} == set(demo_data.AREAS)
    broken = tmp_path / "demo"
    broken.mkdir()
    (broken / "meetings.json").write_text("{", encoding="utf-8")
    monkeypatch.setattr(demo_data, "demo_dir", lambda: broken)
    demo_data.example_data.cache_clear()
    try:
        with pytest.raises(ServiceError, match="meetings.json är inte giltig JSON"):
            demo_data.example_data("meetings")
        with pytest.raises(ServiceError, match="economy.json kan inte läsas"):
            demo_data.example_data("economy")
    finally:
        demo_data.example_data.cache_clear()


@pytest.mark.parametrize("today", [date(2026, 12, 1), date(2026, 12, 5), date(2027, 3, 7), date(2027, 6, 12)])
def test_the_example_meetings_are_on_weekdays_and_one_is_coming_with_ansokningar(tmp_path, today):
    """The example showed two meetings on a Saturday and a Sunday, both over, with no ansökan on their agenda:
    a coming beredningsgrupp meeting with what waits for it shows what Möten is for."""
    from finsamdesk.services import files, meetings

    db = files.new_file(tmp_path / "exempel.sqlite", "x")
    demo.create_example(db, today)
    rows = meetings.list_rows(db)
    assert [r.date.strftime("%A") for r in rows if r.date.weekday() >= 5] == []
    coming = [r for r in rows if r.date > today]
    assert [(r.kind, r.applications) for r in coming] == [("beredning", 2)]
    assert 0 < (coming[0].date - today).days <= 7
    db.close()
