from datetime import date

import pytest

from finsamdesk.domain.application import OWN, SOUGHT, Application, Budget, Phase
from finsamdesk.domain.checks import budget_problems, timeplan_warnings
from finsamdesk.domain.workflow import WorkflowError, apply_step, next_steps


def pas_budget() -> Budget:
    b = Budget([2020, 2021, 2022])
    for cat, amounts in {"Personalkostnader": (550_000, 800_000, 800_000), "Utbildningskostnader": (50_000, None, None),
                         "Tjänster, tex tele, IT": (15_000, 15_000, 15_000),
                         "Övriga kostnader": (20_000, 5_000, 5_000)}.items():
        for year, kr in zip(b.years, amounts, strict=True):
            b.set(cat, SOUGHT, year, kr * 100 if kr is not None else None)
    return b


def test_pas_2020_column_adds_up_to_635000_not_the_printed_735000():
    b = pas_budget()
    assert b.column_total(SOUGHT, 2020) == 635_000_00
    assert b.column_total(SOUGHT, 2021) == 820_000_00
    assert b.sought_total() == 2_275_000_00
    assert b.cost_per_participant(60) == 37_917_00


def test_empty_column_total_is_blank_and_own_column_separate():
    b = Budget([2021, 2022])
    b.set("Egna lokaler", OWN, None, 100_000_00)
    b.set("Personal", SOUGHT, 2022, 1_130_000_00)
    assert b.column_total(SOUGHT, 2021) is None
    assert b.column_total(OWN) == 100_000_00
    assert b.sought_total() == 1_130_000_00


def test_spranget_timeplan_gap_on_2022_10_31():
    app = Application("nnv-skane-2020", period_start=date(2022, 1, 1), period_end=date(2022, 12, 31), phases=[
        Phase("Processarbete", date(2022, 1, 1), date(2022, 2, 27)),
        Phase("Genomförandefas", date(2022, 2, 28), date(2022, 10, 30)),
        Phase("Implementeringsfas", date(2022, 11, 1), date(2022, 12, 31))])
    warnings = timeplan_warnings(app)
    assert [w.message for w in warnings] == [
        "Glapp mellan ”Genomförandefas” och ”Implementeringsfas”: 2022-10-31 ingår i ingen fas."]
    app.phases.append(Phase("Extra", date(2022, 12, 1), date(2023, 1, 10)))
    messages = " ".join(w.message for w in timeplan_warnings(app))
    assert "överlappar" in messages and "utanför insatsens period" in messages


def test_budget_problems():
    app = Application("x")
    assert "inga år" in budget_problems(app)[0].message
    app.budget = Budget([2022])
    assert any("Inga medel" in p.message for p in budget_problems(app))
    app.budget.set("Personal", SOUGHT, 2022, -1)
    assert any("negativa" in p.message for p in budget_problems(app))


def test_workflow_refuses_steps_that_make_no_sense():
    app = Application("x", budget=pas_budget())
    with pytest.raises(WorkflowError, match="Från utkast"):
        apply_step(app, "beviljad", date(2026, 1, 1), granted={2020: 1})
    for step in ("inkommen", "beredning", "styrelse"):
        apply_step(app, step, date(2026, 1, 2))
    with pytest.raises(WorkflowError, match="före föregående"):
        apply_step(app, "avslag", date(2025, 1, 1))
    with pytest.raises(WorkflowError, match="större än"):
        apply_step(app, "beviljad", date(2026, 2, 1), granted={2020: 700_000_00})
    with pytest.raises(WorkflowError, match="Delvis"):
        apply_step(app, "beviljad", date(2026, 2, 1), granted={2020: 100_00})
    with pytest.raises(WorkflowError, match="finns inte"):
        apply_step(app, "delvis_beviljad", date(2026, 2, 1), granted={2030: 100_00})
    event = apply_step(app, "beviljad", date(2026, 2, 1), "Beviljas för 2020", "Styrelsen", {2020: 635_000_00})
    assert app.status == "beviljad" and event.granted == {2020: 635_000_00}
    assert app.granted_by_year == {2020: 635_000_00}
    assert next_steps("beviljad") == ()
    with pytest.raises(WorkflowError, match="redan beviljad"):
        apply_step(app, "atertagen", date(2026, 3, 1))
