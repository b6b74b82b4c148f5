"""The ESF forms as data: both templates read, and a broken one says what is wrong, in Swedish."""
from __future__ import annotations

import copy
import json
from datetime import date

import pytest

from finsamdesk.domain import workflow
from finsamdesk.domain.application import OUTGOING, Application
from finsamdesk.domain.forms import TemplateError, parse_template
from finsamdesk.paths import forms_dir


def raw(name: str) -> dict:
    return json.loads((forms_dir() / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["esf-2014-2020", "esf-plus-2021-2027"])
def test_the_two_esf_forms_are_templates_for_own_applications(name):
    t = parse_template(raw(name))
    assert t.outgoing and t.funder == "Svenska ESF-rådet" and t.page is not None
    assert t.budget_model in ("esf-2014-2020", "esf-plus")
    assert [s for s in t.sections if s.answer == "choice" and s.options]


def test_the_forms_keep_their_own_typos():
    headings = {s.heading for s in parse_template(raw("esf-2014-2020")).sections}
    assert "Risakanalys" in headings
    plus = parse_template(raw("esf-plus-2021-2027"))
    assert any("Utllysning: {call.name}" in line for s in plus.sections if s.part for line in s.part.lines)


@pytest.mark.parametrize(("change", "message"), [
    (lambda t: t["sections"][0]["part"]["rows"][0].__setitem__(1, "{nmae}"), "okänt fält {nmae}"),
    (lambda t: t["sections"][0]["part"].__setitem__("type", "diagram"), "delens ”type” ska vara en av"),
    (lambda t: t["sections"][5].pop("options"), "ett val behöver ”options”"),
    (lambda t: t.pop("cost_tree"), "behöver ”cost_tree”"),
    (lambda t: t["cost_tree"][0].__setitem__("role", "kaffe"), "”role” ska vara en av"),
    (lambda t: t["page"].__setitem__("footer", ["Sid {sida}"]), "okänt fält {sida}"),
    (lambda t: t["call_defaults"].__setitem__("required_cofinancing_bp", 53.0), "required_cofinancing_bp"),
    (lambda t: t["sections"][-2]["part"].__setitem__("source", "kaffe:x"), "”source” ska börja med"),
])
def test_a_broken_template_is_refused_with_a_swedish_message(change, message):
    t = copy.deepcopy(raw("esf-2014-2020"))
    change(t)
    with pytest.raises(TemplateError, match=message):
        parse_template(t)


def test_a_budget_figure_that_the_model_does_not_compute_is_refused():
    t = copy.deepcopy(raw("esf-plus-2021-2027"))
    t["specification"][0]["value"] = "kostnader_total"
    with pytest.raises(TemplateError, match="okänd summa ”kostnader_total”"):
        parse_template(t)
    t = copy.deepcopy(raw("esf-plus-2021-2027"))
    t["sections"][-4]["part"]["rows"][0][1] = "{budget.esf_stod}"  # a 2014–2020 figure on the ESF+ form
    with pytest.raises(TemplateError, match="okänt fält {budget.esf_stod}"):
        parse_template(t)


def own(status: str = "utkast") -> Application:
    return Application("esf-plus-2021-2027", name="Exempel", diarienummer="2024-001", direction=OUTGOING,
                       status=status)


def test_own_application_workflow_goes_to_the_funder_and_back():
    app = own()
    assert workflow.next_steps("utkast", outgoing=True) == ("inskickad", "atertagen")
    with pytest.raises(workflow.WorkflowError, match="Möjliga steg: inskickad, återtagen"):
        workflow.check_step(app, "inkommen", date(2024, 1, 10))
    workflow.apply_step(app, "inskickad", date(2024, 1, 10), "Inskickad via Projektrummet")
    sought = {2024: 300_000_00, 2025: 700_000_00}
    with pytest.raises(workflow.WorkflowError, match="mindre än det sökta – välj ”Delvis beviljad”"):
        workflow.check_step(app, "beviljad", date(2024, 3, 1), {2024: 300_000_00, 2025: 600_000_00}, sought)
    with pytest.raises(workflow.WorkflowError, match="större än det sökta stödet"):
        workflow.check_step(app, "delvis_beviljad", date(2024, 3, 1), {2024: 400_000_00, 2025: 700_000_00}, sought)
    # how the funder's one sum falls on the years is the förbund's estimate: years may differ from the spread
    workflow.apply_step(app, "delvis_beviljad", date(2024, 3, 1), granted={2024: 100_000_00, 2025: 800_000_00},
                        sought_by_year=sought)
    assert app.status == "delvis_beviljad" and app.granted_by_year == {2024: 100_000_00, 2025: 800_000_00}
    with pytest.raises(workflow.WorkflowError, match="redan delvis beviljad"):
        workflow.check_step(app, "avslag", date(2024, 3, 2))


def test_received_applications_never_take_the_own_step():
    app = own()
    app.direction = "received"
    with pytest.raises(workflow.WorkflowError, match="kan ansökan inte gå till inskickad"):
        workflow.check_step(app, "inskickad", date(2024, 1, 10))
