"""JSON version 2: own applications with their ESF parts round-trip losslessly; version 1 files still read."""
from __future__ import annotations

import json

import pytest

from finsamdesk.documents.json_io import (
    ImportFormatError,
    application_from_dict,
    application_from_json,
    application_to_dict,
    application_to_json,
)
from finsamdesk.domain.application import Application
from tests.fixtures.esf import SEEDS, json_text, load


@pytest.mark.parametrize("name", SEEDS)
def test_seed_fixtures_round_trip_losslessly(name):
    app = load(name)
    again = application_from_json(application_to_json(app))
    assert again == app
    assert application_to_dict(again) == json.loads(json_text(name))


def test_an_own_application_is_version_2_and_a_plain_received_one_stays_version_1():
    assert application_to_dict(load("connecto"))["version"] == 2
    assert application_to_dict(Application("neutral", name="X", diarienummer="2024-001"))["version"] == 1


def test_version_1_cannot_carry_version_2_fields():
    data = json.loads(json_text("iris"))
    data["version"] = 1
    with pytest.raises(ImportFormatError) as exc:
        application_from_dict(data)
    assert "application.esf: okänt fält" in exc.value.messages
    assert "application.direction: okänt fält" in exc.value.messages


def test_every_bad_esf_field_is_named_with_its_path():
    data = json.loads(json_text("connecto"))
    esf = data["application"]["esf"]
    esf["call"]["rates"]["5"] = 715.3
    esf["specification"][0]["grade"] = 150
    esf["actors"][2]["role"] = "sponsor"
    esf["actors"][3]["amount_ore"] = -5
    esf["costs"] = [{"group": "analys", "line": "Personal", "amount_ore": 1}, {"group": "analys", "line": "Personal",
                                                                              "amount_ore": 2}]
    data["application"]["direction"] = "inåt"
    with pytest.raises(ImportFormatError) as exc:
        application_from_dict(data)
    messages = exc.value.messages
    assert "esf.call.rates.5: ska vara ett heltal 0–10000000 eller null" in messages
    assert "esf.specification[0].grade: ska vara ett heltal 0–100 eller null" in messages
    assert any(m.startswith("esf.actors[2].role: ska vara en av medfinansiar") for m in messages)
    assert "esf.actors[3].amount_ore: ska vara ett heltal ≥ 0" in messages
    assert "esf.costs[1]: samma grupp och rad finns redan" in messages
    assert "direction: ska vara en av received, outgoing" in messages


def test_month_phases_keep_their_precision():
    app = load("iris")
    assert {p.precision for p in app.phases} == {"month"}
    assert application_from_json(application_to_json(app)).phases == app.phases
