"""The ESF budgets computed as the funder computes them, against the three seed applications (DOMAIN §4)."""
from __future__ import annotations

import copy
from datetime import date

import pytest

from finsamdesk.domain import esf, esf_checks
from finsamdesk.domain.application import Phase
from finsamdesk.domain.esf_parts import Call, SpecLine
from finsamdesk.domain.esf_spec import personal_amount
from finsamdesk.domain.figures import format_percent, percent_bp, round_half_up
from finsamdesk.services.templates import get_template
from tests.fixtures.esf import load


def computed(name: str):
    app = load(name)
    template = get_template(app.template_id)
    return app, template, esf.compute(app, template)


def kr(n: int) -> int:
    return n * 100


def messages(app, template, result) -> list[str]:
    return [p.message for p in esf_checks.problems(app, template, result)]


# ---------------------------------------------------------------- ESF 2014–2020

def test_iris_budgetoversikt_equals_the_seed():
    _, _, r = computed("iris")
    f = r.figures
    assert f.value("kostnader_socialfonden") == kr(25_069_099)
    assert f.value("summa_kostnader") == kr(25_069_099)
    assert f.value("avgar_kontant") == kr(13_286_572)
    assert f.value("esf_stod") == kr(11_782_527)
    assert f.value("summa_total") == kr(25_069_099)
    assert f.text("esf_stod_pct") == "47,00 %"
    assert f.text("medfinansiering_pct") == "53,00 %"
    assert f.text("summa_kostnader") == "25 069 099 kr"
    assert r.tree.total("analys") == kr(619_193) and r.tree.total("genomforande") == kr(24_449_906)


def test_mia_vidare_budgetoversikt_equals_the_seed():
    _, _, r = computed("mia_vidare")
    f = r.figures
    assert f.value("summa_kostnader") == kr(152_007_672)
    assert f.value("esf_stod") == kr(78_430_716)
    assert f.value("summa_medfinansiering") == kr(88_441_887)
    assert f.value("summa_total") == kr(166_872_603)
    assert f.value("group.off_annat") == kr(14_864_931)
    assert (f.text("esf_stod_pct"), f.text("medfinansiering_pct")) == ("47,00 %", "53,00 %")


def test_intakter_subtract_from_their_phase():
    app, template, _ = computed("iris")
    app.esf.cost_cells[("analys", "Intäkter")] = kr(19_193)
    r = esf.compute(app, template)
    assert r.tree.total("analys") == kr(600_000)
    assert r.figures.value("esf_stod") == kr(11_782_527 - 19_193)


def test_co_financing_below_the_calls_requirement_is_flagged_next_to_the_share():
    app, template, _ = computed("iris")
    app.esf.cost_cells[("off_agare", "Egeninsats")] = kr(12_000_000)
    r = esf.compute(app, template)
    found = [p for p in esf_checks.problems(app, template, r) if p.where == "budget.medfinansiering_pct"]
    assert found and "lägre än utlysningens krav 53,00 %" in found[0].message


def test_iris_phases_leave_december_and_january_uncovered():
    app, template, r = computed("iris")
    assert "December 2022 – januari 2023 ingår i ingen fas, men ligger inom projektperioden." in \
        messages(app, template, r)


def test_mia_phases_cover_the_period():
    app, template, r = computed("mia_vidare")
    assert not [p for p in esf_checks.problems(app, template, r) if p.where == "tidplan"]


def test_delprojekt_participants_add_up_in_both_2014_seeds_and_a_wrong_sum_is_flagged():
    for name, total in (("iris", 530), ("mia_vidare", 1900)):
        app, template, r = computed(name)
        assert sum(s.participants for s in app.esf.subprojects) == total == app.planned_participants
        assert not [p for p in esf_checks.problems(app, template, r) if p.where == "delprojekt"]
    app.esf.subprojects[0].participants += 10
    assert "Delprojektens deltagare blir 1910, men projektet har 1900 deltagare." in messages(app, template, r)


def test_seed_identifier_slips_are_flagged():
    app, template, r = computed("mia_vidare")
    found = messages(app, template, r)
    assert any("073-079 709" in m and "tio siffror" in m for m in found)
    assert sum("Roslagen" in m and "CFAR" in m for m in found) == 1
    app, template, r = computed("iris")
    assert any("Höganäs" in m and "åtta siffror" in m for m in messages(app, template, r))
    assert not any("Bankgiro" in m for m in messages(app, template, r))  # 4764585 passes (counted from the right)


def test_a_cofinancier_without_an_amount_and_an_amount_without_a_cofinancier():
    app, template, r = computed("iris")
    found = messages(app, template, r)
    assert any(m.startswith("3 av 3 medfinansiärer har inget belopp") for m in found)
    app.esf.actors = [a for a in app.esf.actors if a.role != "medfinansiar"]
    assert any("Budgeten har 13\u00a0286\u00a0572 kr i medfinansiering men ingen medfinansiär är angiven." == m
               for m in messages(app, template, r))


def test_listed_amounts_per_kind_must_match_the_tree():
    app, template, r = computed("iris")
    lund = app.esf.actors_in("medfinansiar")[0]
    lund.amount, lund.contribution = kr(13_000_000), "kontant"
    expected = ("Medfinansiärernas kontanta medel blir 13\u00a0000\u00a0000 kr, men budgeten har "
                "13\u00a0286\u00a0572 kr.")
    assert expected in messages(app, template, r)
    lund.amount = kr(13_286_572)
    assert not any(m.startswith("Medfinansiärernas kontanta") for m in messages(app, template, r))


# ---------------------------------------------------------------- ESF+

CONNECTO_PERSONAL = [2_900_737, 2_153_053, 1_076_527, 1_910_748, 1_076_527, 1_467_676]


def test_connecto_specification_equals_the_seed():
    app, _, r = computed("connecto")
    f = r.figures
    assert f.value("section.personal") == kr(10_585_268)
    assert f.value("section.externa") == kr(935_000)
    assert f.value("section.utrustning") == kr(800_000)
    assert f.value("direkta_kostnader") == f.value("kostnader_socialfond") == kr(12_320_268)
    assert f.value("offentlig_ovrig") == f.value("medfinansiering") == kr(5_667_312)
    assert f.value("cofin.offentlig.ovrig.projektagare") == kr(809_616)
    assert f.value("cofin.offentlig.ovrig.samverkanspart") == kr(4_857_696)
    assert f.text("medfinansiering_pct") == "46 %"
    assert f.text("kostnad_per_deltagare") == "12 320 kr"
    personal = [a for line, a in zip(app.esf.spec_lines, r.line_amounts, strict=True) if line.section == "personal"]
    assert personal == [kr(x) for x in CONNECTO_PERSONAL]


def test_connecto_kostnader_are_the_costs_not_the_seeds_6_652_956_which_is_the_support():
    _, _, r = computed("connecto")
    assert r.figures.value("kostnader") == kr(12_320_268)
    assert r.support == r.figures.value("stod") == kr(6_652_956)
    assert r.figures.text("stod_pct") == "54 %"


def test_connecto_organisations_add_up_to_800_not_1000_and_the_app_says_so():
    app, template, r = computed("connecto")
    assert "De deltagande organisationernas individer blir 800, men antal deltagare är 1000." in \
        messages(app, template, r)


def test_connecto_projektagare_share_without_a_listed_cofinancier_and_the_allowance_type():
    app, template, r = computed("connecto")
    found = messages(app, template, r)
    assert any(m.startswith("SAMORDNINGSFÖRBUNDET ÖSTRA SÖDERTÖRN har 809\u00a0616 kr i medfinansiering men står inte")
               for m in found)
    assert any("anges som ”Deltagarersättning” men budgeten har ingen ersättning till deltagare." in m for m in found)


@pytest.mark.parametrize(("level", "grade", "expected"), [(6, 100, 2_900_737), (5, 100, 2_153_053),
                                                           (5, 50, 1_076_527), (4, 100, 1_910_748),
                                                           (2, 100, 1_467_676)])
def test_personal_line_rate_rule(level, grade, expected):
    call = Call(rates={2: 48_760, 4: 63_480, 5: 71_530, 6: 96_370})
    assert personal_amount(SpecLine("personal", level=level, grade=grade, months=21), call) == kr(expected)


def test_half_a_krona_rounds_up_and_a_missing_rate_is_an_error_next_to_the_line():
    assert round_half_up(21_530_535, 20) == 1_076_527  # 1 076 526,75 → …527 (and ,5 goes up)
    assert round_half_up(3, 2) == 2 and round_half_up(-3, 2) == -2
    app, template, _ = computed("connecto")
    app.esf.spec_lines[0].level = 3
    r = esf.compute(app, template)
    assert r.line_amounts[0] is None
    errors = [p for p in esf_checks.problems(app, template, r) if p.severity == "error"]
    assert errors and errors[0].where == "spec:0" and "nivå 3 har inget timpris" in errors[0].message


def test_editing_a_rate_of_the_call_recomputes_every_line_of_that_level():
    app, template, _ = computed("connecto")
    app.esf.call.rates[5] = 72_000
    r = esf.compute(app, template)
    assert r.line_amounts[1] == kr(round_half_up(72_000 * 1720 * 21 * 100, 120_000))


def test_in_kind_cofinancing_not_matched_by_the_bearers_costs_is_flagged():
    app, template, _ = computed("connecto")
    app.esf.spec_lines.append(SpecLine("medfinansiering", bearer="Arbetsförmedlingen", amount=kr(500_000),
                                       cofin_kind="annat_an_pengar", cofin_role="samverkanspart"))
    r = esf.compute(app, template)
    assert r.figures.value("offentlig_annat_an_pengar") == kr(500_000)
    found = [p for p in esf_checks.problems(app, template, r) if p.where == "budget.offentlig_annat_an_pengar"]
    assert found and "räknas den två gånger" in found[0].message
    app.esf.spec_lines.append(SpecLine("personal", bearer="ARBETSFÖRMEDLINGEN", function="Handläggare", level=5,
                                       grade=25, months=21))
    r = esf.compute(app, template)
    assert not [p for p in esf_checks.problems(app, template, r) if p.where == "budget.offentlig_annat_an_pengar"]


def test_flat_rate_on_personal_costs():
    from finsamdesk.domain.esf_parts import FlatRate

    app, template, _ = computed("connecto")
    app.esf.call.flat_rates = [FlatRate("Indirekta kostnader", 1500)]
    r = esf.compute(app, template)
    assert r.figures.value("indirekta_kostnader") == kr(1_587_790)  # 15 % of 10 585 268 = 1 587 790,2
    assert r.figures.value("kostnader_socialfond") == kr(12_320_268 + 1_587_790)


def test_sixty_line_specification_recomputes_after_one_change():
    app, template, _ = computed("connecto")
    extra = [copy.deepcopy(app.esf.spec_lines[6]) for _ in range(40)]
    app.esf.spec_lines[7:7] = extra
    assert len(app.esf.spec_lines) >= 60
    before = esf.compute(app, template).figures.value("kostnader")
    app.esf.spec_lines[7].amount += kr(1)
    assert esf.compute(app, template).figures.value("kostnader") == before + kr(1)


# ---------------------------------------------------------------- shares, months and years

def test_percent_rounding_and_format():
    assert percent_bp(11_782_527, 25_069_099) == 4700
    assert format_percent(percent_bp(5_667_312, 12_320_268), 0) == "46 %"
    assert format_percent(5312, 2) == "53,12 %"


def test_spread_by_year_follows_the_months_and_sums_exactly():
    spread = esf.spread_by_year(kr(6_652_956), date(2023, 3, 31), date(2024, 12, 31))
    assert spread == {2023: kr(3_024_071), 2024: kr(3_628_885)}  # 10 and 12 of 22 months
    assert sum(spread.values()) == kr(6_652_956)


def test_month_phases_report_overlaps_and_outside_months():
    app, template, r = computed("mia_vidare")
    app.phases.append(Phase("Extra", date(2022, 12, 1), date(2023, 1, 31), "month"))
    found = messages(app, template, r)
    assert "December 2022 ingår i två faser." in found
    assert "Januari 2023 ligger utanför projektperioden." in found
