"""The JSON interchange format: lossless, strict, and every bad field named with its path."""
import copy
import json
from datetime import date

import pytest

from finsamdesk.documents.json_io import (
    ImportFormatError,
    application_from_dict,
    application_from_json,
    application_to_dict,
    application_to_json,
)
from finsamdesk.domain.application import (
    OWN,
    SOUGHT,
    Applicant,
    Application,
    ContactRow,
    Phase,
    StatusEvent,
)
from finsamdesk.domain.registers import Organisation


def full_app() -> Application:
    app = Application(template_id="nnv-skane-2020", name="Språnget – en väg ”vidare”", diarienummer="2021-004",
                      applicant_text="Klippans kommun och Perstorps kommun tillsammans med Arbetsförmedlingen.")
    app.applicants = [Applicant("Exempelby kommun", "huvudman", 7), Applicant("Arbetsförmedlingen", "medsokande")]
    app.period_start, app.period_end = date(2022, 1, 1), date(2022, 12, 31)
    app.sections = {"bakgrund": "Rad 1\n\n- punkt\n• punkt två", "mal": "MÅL: 30 %"}
    app.contacts = [ContactRow("insatsagare", "Karin Exempelsson", "Exempelby kommun", "0435-12345",
                               "karin@exempelby.example", contact_id=3),
                    ContactRow("ovriga", "Nils Modellund")]
    app.phases = [Phase("Processarbete", date(2022, 1, 1), date(2022, 2, 27)), Phase("Genomförandefas")]
    app.budget.years = [2021, 2022]
    app.budget.set("Personal", SOUGHT, 2022, 113_000_000)
    app.budget.set("Personal", SOUGHT, 2021, 1)
    app.budget.set("Personal", OWN, None, 5_000_050)
    app.budget.set("Utbildning", SOUGHT, 2022, 0)  # zero is not empty
    app.place, app.signed_on = "Klippan", date(2021, 1, 5)
    app.planned_participants, app.planned_women, app.planned_men = 60, None, 0
    app.status = "delvis_beviljad"
    app.history = [StatusEvent("inkommen", date(2021, 1, 6), "Reg.", "Eva"),
                   StatusEvent("beredning", date(2021, 1, 6)),
                   StatusEvent("styrelse", date(2021, 2, 1)),
                   StatusEvent("delvis_beviljad", date(2021, 2, 24), "§ 7", "Styrelsen", {2022: 100_000_000})]
    return app


ORGS = {7: Organisation("Exempelby kommun", "212000-9911", "kommun", id=7)}


def resolver(name, orgnr):
    return 7 if orgnr == "212000-9911" else None


def test_round_trip_is_lossless_and_has_no_floats():
    d = application_to_dict(full_app(), ORGS)
    text = json.dumps(d)
    app = application_from_dict(json.loads(text), resolver)
    assert application_to_dict(app, ORGS) == d
    assert app.budget.cells == full_app().budget.cells
    assert app.history[-1].granted == {2022: 100_000_000}
    assert app.applicants[0].organisation_id == 7 and app.applicants[1].organisation_id is None
    assert app.contacts[0].contact_id is None  # contacts are snapshots
    assert d["application"]["applicants"][0]["organisation"] == {"name": "Exempelby kommun", "orgnr": "212000-9911"}
    cells = d["application"]["budget"]["cells"]
    assert {"category": "Personal", "column": "own", "year": None, "amount_ore": 5_000_050} in cells
    assert all(type(c["amount_ore"]) is int for c in cells)
    assert d["application"]["history"][-1]["granted"] == {"2022": 100_000_000}

    def no_floats(x):
        if isinstance(x, float):
            raise AssertionError(x)
        for v in (x.values() if isinstance(x, dict) else x if isinstance(x, list) else ()):
            no_floats(v)
    no_floats(d)


def test_json_text_keeps_swedish_letters_and_parses_back():
    text = application_to_json(full_app(), ORGS)
    assert "Språnget – en väg ”vidare”" in text and text.endswith("\n")
    assert application_to_dict(application_from_json(text, resolver), ORGS) == json.loads(text)


def test_without_resolver_the_applicant_keeps_only_its_name():
    app = application_from_dict(application_to_dict(full_app(), ORGS))
    assert [(a.name, a.organisation_id) for a in app.applicants] == [("Exempelby kommun", None),
                                                                    ("Arbetsförmedlingen", None)]


def bad(d):
    with pytest.raises(ImportFormatError) as err:
        application_from_dict(d)
    return err.value.messages


def test_every_bad_field_is_reported_with_its_path():
    d = application_to_dict(full_app(), ORGS)
    a = d["application"]
    a["budget"]["cells"][3]["amount_ore"] = -5
    a["budget"]["cells"][0]["column"] = "egen"
    a["budget"]["years"].append("2023")
    a["period_start"] = "2022-13-01"
    a["phases"][1]["start"] = 20220101
    a["contacts"][0]["email"] = None or 5
    a["applicants"][1]["role"] = "chef"
    a["history"][3]["granted"]["år"] = 1
    a["history"][2]["date"] = "1 juni 2020"
    a["planned_men"] = -1
    a["sections"]["mal"] = ["lista"]
    a["okänt"] = 1
    messages = bad(d)
    paths = [m.split(":")[0] for m in messages]
    for expected in ["budget.cells[3].amount_ore", "budget.cells[0].column", "budget.years[2]", "period_start",
                     "phases[1].start", "contacts[0].email", "applicants[1].role", "history[3].granted.år",
                     "history[2].date", "planned_men", "sections.mal", "application.okänt"]:
        assert expected in paths, (expected, messages)
    assert "budget.cells[3].amount_ore: ska vara ett heltal ≥ 0" in messages
    assert all(" " in m for m in messages)  # a Swedish sentence after each path


@pytest.mark.parametrize("amount", [100.0, 1.5, "100", True, None])
def test_amounts_must_be_integer_ore(amount):
    d = application_to_dict(full_app(), ORGS)
    d["application"]["budget"]["cells"][1]["amount_ore"] = amount
    d["application"]["history"][3]["granted"]["2022"] = amount
    messages = bad(d)
    assert any(m.startswith("budget.cells[1].amount_ore: ska vara ett heltal ≥ 0") for m in messages)
    assert any(m.startswith("history[3].granted.2022: ska vara ett heltal ≥ 0") for m in messages)
    if isinstance(amount, float):
        assert "decimaler" in " ".join(messages)


def test_structure_errors():
    assert bad([]) == ["Filen ska innehålla ett JSON-objekt { … }."]
    assert "format" in bad({"format": "annat", "version": 1})[0]
    assert "nyare" not in bad({"format": "finsamdesk-ansokan", "version": 1})[0]
    assert "Uppdatera" in bad({"format": "finsamdesk-ansokan", "version": 3, "application": {}})[0]
    assert bad({"format": "finsamdesk-ansokan", "version": 1, "application": {}}) == [
        "template_id: saknas (ska vara en text)"]
    with pytest.raises(ImportFormatError, match="rad 1"):
        application_from_json("{nej")


def test_duplicates_and_inconsistencies_refused():
    d = application_to_dict(full_app(), ORGS)
    a = d["application"]
    a["budget"]["cells"].append(copy.deepcopy(a["budget"]["cells"][1]))
    a["budget"]["years"].append(2021)
    a["budget"]["cells"][0]["year"] = 2022  # own column has no year
    a["status"] = "beviljad"  # history ends with delvis_beviljad
    a["history"][1]["date"] = "2020-01-01"  # before the step it follows
    a["period_end"] = "2021-12-31"
    messages = bad(d)
    text = "\n".join(messages)
    for path in ["budget.cells[4]:", "budget.years[2]:", "budget.cells[0].year:", "status:", "history[1].date:",
                 "period_end:"]:
        assert path in text, (path, text)
