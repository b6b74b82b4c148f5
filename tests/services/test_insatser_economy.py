from datetime import date

import pytest

from finsamdesk.domain.insatser import Insats, Invoice
from finsamdesk.domain.money import kr
from finsamdesk.services import applications, budget, demo, files, insatser, overview
from finsamdesk.services.errors import ServiceError, ValidationError
from tests.fixtures.closing import close_at_end

TODAY = date(2026, 11, 24)


@pytest.fixture
def db(db):
    demo.create_example_data(db, TODAY)
    return db


def granted_ids(db):
    return [r.id for r in applications.list_rows(db) if r.status in ("beviljad", "delvis_beviljad")]


def test_a_granted_application_becomes_an_insats_with_its_money_and_reports(db):
    app = applications.load(db, granted_ids(db)[0])
    insats = insatser.from_application(db, app.id)
    again = insatser.load(db, insats.id)
    assert (again.name, again.period_start, again.application_ids) == (app.name, app.period_start, [app.id])
    assert again.owner and again.planned_women == app.planned_women
    for year, amount in app.granted_by_year.items():
        assert insatser.economy(db, insats.id, year).granted_total == amount
    titles = [r.title for r in insatser.reports(db, insats.id)]
    assert "Slutrapport" in titles and f"Årsrapport {app.period_start.year}" in titles


def test_partly_granted_money_is_spread_over_the_sought_categories(db):
    partly = next(a for a in (applications.load(db, i) for i in granted_ids(db)) if a.status == "delvis_beviljad")
    insats = insatser.from_application(db, partly.id)
    for year, amount in partly.granted_by_year.items():
        e = insatser.economy(db, insats.id, year)
        assert e.granted_total == amount and set(e.granted) <= {c for c, _, _ in partly.budget.cells}


def test_a_later_application_extends_the_same_insats_and_refusals_change_nothing(db):
    first, second = granted_ids(db)[:2]
    insats = insatser.from_application(db, first)
    extended = insatser.from_application(db, second, insats.id)
    assert extended.id == insats.id and extended.application_ids == [first, second]
    a, b = applications.load(db, first), applications.load(db, second)
    assert extended.period_start == min(a.period_start, b.period_start)
    assert extended.period_end == max(a.period_end, b.period_end)
    with pytest.raises(ServiceError, match="hör redan till"):
        insatser.from_application(db, first)
    refused = next(r.id for r in applications.list_rows(db) if r.status == "avslag")
    with pytest.raises(ServiceError, match="beviljad"):
        insatser.from_application(db, refused)
    assert db["insats"].count == 1


def test_invoices_bad_amounts_are_refused_and_dates_outside_the_period_warned(db):
    insats = insatser.from_application(db, granted_ids(db)[0])
    year = insats.period_start.year
    for bad in (kr(-100), 0):
        with pytest.raises(ValidationError) as info:
            insatser.save_invoice(db, Invoice(insats.id, date(year, 3, 31), bad, "Personal"))
        assert "amount" in info.value.fields
    assert insatser.invoices(db, insats.id) == []
    warnings = insatser.save_invoice(db, Invoice(insats.id, date(year - 2, 3, 1), kr(1000), "Personal"))
    assert warnings and "utanför" in warnings[0]
    assert len(insatser.invoices(db, insats.id)) == 1


def test_utfall_counts_in_the_year_of_the_period_it_covers(db):
    insats = insatser.from_application(db, granted_ids(db)[0])
    insatser.save_invoice(db, Invoice(insats.id, date(2027, 1, 10), kr(5000), "Personal",
                                      date(2026, 12, 1), date(2026, 12, 31)))
    assert insatser.economy(db, insats.id, 2026).spent_total == kr(5000)
    assert insatser.economy(db, insats.id, 2027).spent_total == 0


def test_over_spending_is_a_warning_in_the_economy(db):
    insats = insatser.from_application(db, granted_ids(db)[0])
    year = insats.period_start.year
    granted = insatser.economy(db, insats.id, year).granted_total
    insatser.save_invoice(db, Invoice(insats.id, date(year, 6, 30), granted + kr(1), "Personal"))
    assert any("över beviljat" in w for w in insatser.economy(db, insats.id, year).warnings())


def test_an_insats_with_invoices_is_archived_not_deleted(db):
    insats = insatser.from_application(db, granted_ids(db)[0])
    insatser.save_invoice(db, Invoice(insats.id, insats.period_start, kr(100), "Personal"))
    with pytest.raises(ServiceError, match="Arkivera"):
        insatser.delete(db, insats.id)
    assert db["insats"].count == 1 and db["invoice"].count == 1
    insatser.set_archived(db, insats.id)
    rows = insatser.list_rows(db, 2026, TODAY)
    assert insatser.filter_rows(rows, insatser.RowFilter()) == []
    assert len(insatser.filter_rows(rows, insatser.RowFilter(show_archived=True))) == 1
    direct = insatser.save(db, Insats("Kansliets utbildningsdag", "kompetens"))
    insatser.delete(db, direct.id)
    assert db["insats"].count == 1


def test_filter_folds_case_and_swedish_letters(db):
    insatser.save(db, Insats("Åbergs stödteam", owner="Örkelljunga kommun"))
    rows = insatser.list_rows(db, 2026, TODAY)
    assert [r.name for r in insatser.filter_rows(rows, insatser.RowFilter("ÅBERG"))] == ["Åbergs stödteam"]
    assert [r.name for r in insatser.filter_rows(rows, insatser.RowFilter("örkel"))] == ["Åbergs stödteam"]


def test_bad_insats_data_is_refused_with_field_messages(db):
    with pytest.raises(ValidationError) as info:
        insatser.save(db, Insats(" ", period_start=date(2026, 5, 1), period_end=date(2026, 1, 1)))
    assert set(info.value.fields) == {"name", "period"} and db["insats"].count == 0


def test_tertial_days_change_the_due_dates_and_received_reports_stay(db):
    insats = insatser.from_application(db, granted_ids(db)[0])
    first = insatser.reports(db, insats.id)[0]
    insatser.mark_received(db, first.id, date(2026, 5, 2))
    insatser.set_tertial_days(db, 15)
    reports = {r.title: r for r in insatser.regenerate_reports(db, insats.id)}
    assert reports[first.title].received_on == date(2026, 5, 2)
    assert reports["Tertialrapport T2 2026"].due == date(2026, 9, 15)
    with pytest.raises(ValidationError):
        insatser.set_tertial_days(db, 400)


def test_budget_year_saves_copies_and_refuses_negatives(db):
    b = budget.load_year(db, 2026)
    assert b.region_name == "Region Exempel" and len(b.kommuner) == 3
    b.cells[("medlemsbidrag", "budget")] = kr(4_000_000)
    b.opening_equity = kr(500_000)
    budget.save_year(db, b)
    bad = budget.load_year(db, 2026)
    bad.cells[("styrelse", "budget")] = kr(-5)
    with pytest.raises(ValidationError):
        budget.save_year(db, bad)
    assert budget.load_year(db, 2026).get("styrelse", "budget") is None
    nxt = budget.copy_to_next_year(db, 2026)
    assert nxt.year == 2027 and nxt.opening_equity == budget.sheet(db, 2026).row("ek_ub").values[1]
    with pytest.raises(ServiceError, match="finns redan"):
        budget.copy_to_next_year(db, 2026)
    assert [s.year for s in budget.several_years(db)] == [2026, 2027]
    assert sum(a for _, a, _ in budget.contributions(db, 2026)) == kr(4_000_000)


def test_overview_lists_waiting_applications_and_reports_due(db):
    insats = insatser.from_application(db, granted_ids(db)[0])
    o = overview.overview(db, TODAY)
    assert {r.status for r in o.waiting} == {"inkommen", "aterremitterad", "beredning", "styrelse"}
    assert o.overdue and all(d.report.insats_id == insats.id for d in o.due)
    assert o.granted == insatser.economy(db, insats.id, 2026).granted_total
    insatser.save_invoice(db, Invoice(insats.id, date(2026, 3, 31), kr(1000), "Personal"))
    o = overview.overview(db, TODAY)
    assert o.spent_by_month[2] == kr(1000) and o.remaining == o.granted - kr(1000)


def test_the_example_economy_is_complete(tmp_path):
    db = close_at_end(files.new_file(tmp_path / "e.sqlite", "x"))
    demo.create_example(db, TODAY)
    rows = insatser.list_rows(db, 2026, TODAY)
    assert len(rows) >= 4 and sum(r.spent for r in rows) > 0
    assert budget.years(db) == [2025, 2026]
    assert overview.overview(db, TODAY).overdue  # one insats is late with its tertial reports


def test_the_status_bar_count_is_every_application_received_and_own(db):
    from finsamdesk.services import own_applications

    applications.save(db, own_applications.new_own_application(db, own_applications.own_templates()[0].id, "Egen"))
    rows = applications.list_rows(db)
    assert len({r.direction for r in rows}) == 2, "the example holds applications received and own"
    assert overview.application_count(db) == len(rows)
