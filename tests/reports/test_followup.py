"""Uppföljning Finsam: every figure equals what the app's own pages and services show, an insats with both
parts is registered twice, and a figure that cannot be computed says why."""
from datetime import date

from finsamdesk.domain import followup as f
from finsamdesk.domain.budget import split_contributions
from finsamdesk.domain.insatser import Insats
from finsamdesk.services import budget, followup, insatser, participant_files
from finsamdesk.store import budget as budget_store

from .conftest import LAST_YEAR, TODAY


def _by_name(fu):
    return {str(p.figure(f.NAME).value): p for p in fu.insatser}


def test_forbund_figures_are_the_budget_pages_figures(example):
    fu = followup.follow_up(example, LAST_YEAR)
    sheet = budget.sheet(example, LAST_YEAR)
    b = budget_store.load_year(example, LAST_YEAR)
    assert fu.forbund_figure(f.EQUITY_END).value == sheet.row("ek_ub").values[2]
    assert fu.forbund_figure(f.EQUITY_START).value == sheet.row("ek_ib").values[2]
    assert fu.forbund_figure(f.ADMIN_BUDGET).value == sum(sheet.row(k).values[0] for k in f.ADMINISTRATION_LINES)
    assert fu.forbund_figure(f.ADMIN_UTFALL).value == sum(sheet.row(k).values[2] for k in f.ADMINISTRATION_LINES)
    received = sheet.row("medlemsbidrag").values[2]
    assert fu.forbund_figure(f.RECEIVED_TOTAL).value == received
    for payer, amount, _ in split_contributions(b, received):
        assert fu.forbund_figure(f"Tilldelade medel, {payer}").value == amount
    assert all(figure.known for figure in fu.forbund)


def test_insats_figures_are_the_insatser_and_statistics_pages_figures(example):
    year = TODAY.year
    fu = followup.follow_up(example, year)
    rows = {r.name: r for r in insatser.list_rows(example, year, TODAY)}
    stats = {line.name: line.stats for line in participant_files.per_insats(example, year)}
    parts = _by_name(fu)
    trappan = parts["Trappan Exempelby – stegvis mot arbete och studier"]
    row = rows["Trappan Exempelby – stegvis mot arbete och studier"]
    assert (trappan.figure(f.BUDGET).value, trappan.figure(f.UTFALL).value) == (row.granted, row.spent)
    s = stats["Trappan Exempelby – stegvis mot arbete och studier"]
    assert (trappan.figure(f.WOMEN).value, trappan.figure(f.MEN).value) == (s.participants.women, s.participants.men)
    assert trappan.figure(f.INRIKTNING).value == "Individinriktad"
    assert parts["Gemensam kartläggning Norrmossa"].figure(f.ESF).value == "Nej"
    assert parts["Vägen framåt Exempelbygd"].figure(f.ESF).value == "Ja", "the granted own ESF application's insats"
    days = parts["Samverkansdagar för parternas personal"]
    assert (days.figure(f.COUNT).value, days.figure(f.PLANNED).value) == (96, 120)


def test_an_insats_with_both_parts_is_registered_twice_with_the_money_split(example):
    year = TODAY.year
    parts = _by_name(followup.follow_up(example, year))
    row = next(r for r in insatser.list_rows(example, year, TODAY) if r.name == "Hälsolots Lillåker")
    individual = parts["Hälsolots Lillåker – individinriktad del"]
    structural = parts["Hälsolots Lillåker – strukturövergripande del"]
    assert individual.figure(f.BUDGET).value + structural.figure(f.BUDGET).value == row.granted
    assert structural.figure(f.BUDGET).value == row.granted * 20 // 100
    assert individual.figure(f.UTFALL).value + structural.figure(f.UTFALL).value == row.spent
    assert structural.figure(f.COUNT).value == 12
    assert f.WOMEN in [x.label for x in individual.figures] and f.WOMEN not in [x.label for x in structural.figures]


def test_a_figure_that_cannot_be_computed_says_why(example):
    year = TODAY.year
    made = insatser.save(example, Insats("Ny samverkan", "struktur", period_start=date(year, 3, 1),
                                         period_end=date(year, 12, 31), inriktning="bada"))
    insatser.set_granted(example, made.id, year, {"Övrigt": 100_000_00})
    fu = followup.follow_up(example, year)
    part = _by_name(fu)["Ny samverkan – strukturövergripande del"]
    assert part.figure(f.BUDGET).value is None and "procent" in part.figure(f.BUDGET).why
    assert part.figure(f.MALGRUPP).why == "Målgrupp är inte ifylld på insatsen."
    assert "inte ifyllt" in part.figure(f.COUNT).why
    assert "medlemsbidrag" in fu.forbund_figure(f.RECEIVED_TOTAL).why  # this year has no utfall yet
    followup.set_structural_count(example, made.id, year, 7)
    part = _by_name(followup.follow_up(example, year))["Ny samverkan – strukturövergripande del"]
    assert part.figure(f.COUNT).value == 7


def test_the_follow_up_counts_participants_without_a_row_per_participant_in_python(example, monkeypatch):
    """The Uppföljning page opens in ≤ 200 ms on a year with 10 000 participants (benchmarks/reports.py): it asks
    the file for the counts by kön and computes no statistics per participant, yet says what those would."""
    from finsamdesk.domain import participant_statistics
    from finsamdesk.services import report_data
    from finsamdesk.store import reports as report_store

    year = TODAY.year
    data = report_data.year_data(example, year)
    expected = {p.insats.id: p.stats.participants if p.registered else None for p in data.insatser}

    def refused(*_args, **_kwargs):
        raise AssertionError("a row per participant read for Uppföljning Finsam")

    monkeypatch.setattr(report_store, "facts_between", refused)
    monkeypatch.setattr(participant_statistics, "compute_statistics", refused)
    counted = {insats.id: taking for insats, _, _, taking in report_data.participants_year(example, year)}
    assert counted == expected and any(counted.values())
    parts = followup.follow_up(example, year).insatser
    assert {p.insats_id for p in parts} == set(expected)


def test_the_years_offered_are_the_years_with_a_budget_or_money(example):
    from finsamdesk.store import budget as budget_store
    from finsamdesk.store import insats_figures
    from finsamdesk.store import reports as report_store

    assert report_store.money_years(example) == set(insats_figures.year_totals(example))
    assert followup.years(example) == sorted({*budget_store.years(example), *insats_figures.year_totals(example)})
