from datetime import date

from finsamdesk.domain.budget import (
    BudgetYear,
    InsatsTotals,
    KommunKey,
    budget_sheet,
    copy_to_next_year,
    largest_remainder,
    split_contributions,
    validate_budget_year,
)
from finsamdesk.domain.insatser import (
    Insats,
    Invoice,
    Report,
    YearEconomy,
    invoice_problems,
    merge_obligations,
    report_obligations,
    split_granted,
)
from finsamdesk.domain.money import kr


def _due(reports):
    return {r.title: r.due for r in reports}


def test_spranget_owes_three_tertial_reports_an_annual_report_and_a_final_report():
    due = _due(report_obligations(1, date(2022, 1, 1), date(2022, 12, 31)))
    assert due == {"Tertialrapport T1 2022": date(2022, 5, 30), "Tertialrapport T2 2022": date(2022, 9, 30),
                   "Tertialrapport T3 2022": date(2023, 1, 30), "Årsrapport 2022": date(2023, 1, 31),
                   "Slutrapport": date(2023, 2, 28)}


def test_pas_starts_in_june_so_its_first_tertial_report_is_t2_2020():
    reports = report_obligations(1, date(2020, 6, 1), date(2022, 12, 31), tertial_days=14)
    tertials = [r.title for r in reports if r.kind == "tertial"]
    assert tertials[0] == "Tertialrapport T2 2020" and len(tertials) == 2 + 3 + 3
    assert reports[0].period_start == date(2020, 6, 1) and reports[0].due == date(2020, 9, 14)
    assert _due(reports)["Slutrapport"] == date(2023, 2, 28)
    assert [r.title for r in reports if r.kind == "ars"] == ["Årsrapport 2020", "Årsrapport 2021", "Årsrapport 2022"]


def test_received_and_edited_reports_survive_a_new_period():
    old = report_obligations(1, date(2022, 1, 1), date(2022, 12, 31))
    old[0].received_on = date(2022, 5, 20)
    old[1].by_rule = False
    old[1].due = date(2022, 10, 15)
    keep, add = merge_obligations(old, report_obligations(1, date(2022, 1, 1), date(2023, 6, 30)))
    assert [r.title for r in keep] == ["Tertialrapport T1 2022", "Tertialrapport T2 2022"]
    assert "Tertialrapport T1 2022" not in {r.title for r in add}
    assert _due(add)["Slutrapport"] == date(2023, 8, 30)


def test_overdue_and_due_soon():
    r = Report(1, "tertial", "T1", date(2026, 5, 30))
    assert r.overdue(date(2026, 6, 1)) and not r.due_within(date(2026, 6, 1), 30)
    assert r.due_within(date(2026, 5, 10), 30) and not r.overdue(date(2026, 5, 10))
    r.received_on = date(2026, 6, 2)
    assert not r.overdue(date(2026, 7, 1))


def test_a_partly_granted_year_is_spread_over_the_categories_and_sums_exactly():
    sought = {"Personal": kr(620_000), "Lokaler": kr(85_000), "Utbildning": kr(40_000)}
    assert split_granted(kr(745_000), sought) == sought
    split = split_granted(kr(500_001), sought)
    assert sum(split.values()) == kr(500_001) and all(v % 100 == 0 for v in split.values())
    assert split["Personal"] > split["Lokaler"] > split["Utbildning"]
    assert split_granted(kr(10_000), {}) == {"Övrigt": kr(10_000)}


def test_year_economy_warns_when_utfall_passes_beviljat():
    e = YearEconomy(2026, {"Personal": kr(100_000)}, {"Personal": kr(120_000), "Resor": kr(5_000)}, kr(130_000))
    assert e.remaining == kr(-25_000)
    text = " ".join(e.warnings())
    assert "Personal" in text and "20\u202f000 kr över beviljat" in text and "Resor" in text
    assert "Prognosen 2026" in text


def test_invoice_outside_the_period_is_a_warning_and_a_negative_amount_an_error():
    insats = Insats("X", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31), id=1)
    errors, warnings = invoice_problems(Invoice(1, date(2027, 6, 1), kr(100)), insats)
    assert not errors and "utanför insatsens period" in warnings["date"]
    errors, _ = invoice_problems(Invoice(1, date(2026, 6, 1), kr(-100)), insats)
    assert "negativt" in errors["amount"]


def test_contributions_split_50_25_25_and_by_population_summing_exactly():
    b = BudgetYear(2026, {("medlemsbidrag", "budget"): kr(1_000_001)}, region_name="Region Skåne",
                   kommuner=[KommunKey("Båstad", 15_000), KommunKey("Klippan", 17_500), KommunKey("Perstorp", 7_500)])
    rows = split_contributions(b)
    assert [r[0] for r in rows] == ["Försäkringskassan (staten)", "Region Skåne", "Båstad", "Klippan", "Perstorp"]
    assert sum(r[1] for r in rows) == kr(1_000_001)
    assert rows[0][1] in (kr(500_000), kr(500_001)) and abs(rows[1][1] - kr(250_000)) <= kr(1)
    kommuner = [r[1] for r in rows[2:]]
    assert abs(sum(kommuner) - kr(250_000)) <= kr(1)
    assert kommuner[1] > kommuner[0] > kommuner[2] and rows[3][2] == "10,94 %"
    assert largest_remainder(kr(100), [1, 1, 1]) == [kr(34), kr(33), kr(33)]


def test_budget_sheet_adds_up_with_frame_result_and_equity():
    b = BudgetYear(2026, {("medlemsbidrag", "budget"): kr(4_000_000), ("administration", "budget"): kr(900_000),
                          ("administration", "prognos"): kr(950_000)},
                   insats_frame=kr(3_000_000), opening_equity=kr(800_000), equity_ceiling=kr(700_000))
    s = budget_sheet(b, InsatsTotals(granted=kr(2_500_000), prognos=kr(2_400_000), spent=kr(1_000_000)))
    assert s.row("ej_fordelat").values[:2] == (kr(500_000), kr(500_000))
    assert s.row("sum_kostnader").values == (kr(3_900_000), kr(3_850_000), kr(1_000_000))
    assert s.row("resultat").values == (kr(100_000), kr(150_000), None)  # no income booked: no utfall result
    assert s.row("ek_ub").values == (kr(900_000), kr(950_000), None)
    assert any("över taket" in w for w in s.warnings)
    over = budget_sheet(b, InsatsTotals(granted=kr(3_200_000)))
    assert any("över ramen" in w for w in over.warnings)


def test_opening_equity_comes_from_last_year_when_not_entered_and_copying_keeps_only_the_budget():
    b = BudgetYear(2027, {("medlemsbidrag", "budget"): kr(100), ("medlemsbidrag", "utfall"): kr(90)})
    s = budget_sheet(b, InsatsTotals(), previous_closing=kr(50))
    assert s.row("ek_ib").values[0] == kr(50) and s.row("ek_ub").values == (kr(150), kr(150), kr(140))
    nxt = copy_to_next_year(b, kr(150))
    assert nxt.year == 2028 and nxt.cells == {("medlemsbidrag", "budget"): kr(100)} and nxt.opening_equity == kr(150)


def test_negative_budget_amounts_and_a_zero_key_are_refused():
    errors = validate_budget_year(BudgetYear(2026, {("styrelse", "budget"): -1}, kommuner=[KommunKey("A", 0)]))
    assert "negativt" in errors["styrelse.budget"] and "noll" in errors["kommun"]
