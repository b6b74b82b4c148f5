"""An insats made or extended from a granted own ESF application is ESF-finansierad (Uppföljning Finsam);
a received application never makes it so, and the user can still change the flag."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from finsamdesk.domain import followup as f
from finsamdesk.domain.application import Application
from finsamdesk.domain.esf import finances_insats
from finsamdesk.domain.esf_parts import EsfParts
from finsamdesk.domain.insatser import Insats
from finsamdesk.services import applications, followup, insatser
from finsamdesk.store.connection import open_database

from .test_own_applications import granted_iris


@pytest.fixture
def db(tmp_path):
    made = open_database(tmp_path / "esf-flaggan #1.sqlite")
    yield made
    made.close()


def test_the_rule_asks_for_a_granted_own_application_on_an_esf_form():
    own = Application("neutral", name="ESF-projektet", direction="outgoing", esf=EsfParts(), status="beviljad")
    assert finances_insats(own) and finances_insats(replace(own, status="delvis_beviljad"))
    assert not finances_insats(replace(own, status="inskickad"))
    assert not finances_insats(replace(own, status="avslag"))
    assert not finances_insats(replace(own, esf=None)), "an own application on no ESF form"
    assert not finances_insats(replace(own, direction="received")), "a received one, whatever it says"


def test_an_insats_made_from_a_granted_own_esf_application_is_esf_financed(db):
    app, _split = granted_iris(db)
    insats = insatser.from_application(db, app.id)
    assert insats.esf and insatser.load(db, insats.id).esf
    year = app.period_start.year
    [part] = [p for p in followup.follow_up(db, year).insatser if p.insats_id == insats.id]
    assert part.figure(f.ESF).value == "Ja"
    edited = insatser.load(db, insats.id)
    edited.esf = False
    insatser.save(db, edited)
    assert not insatser.load(db, insats.id).esf, "the user can still change the flag"


def test_an_insats_extended_with_a_granted_own_esf_application_becomes_esf_financed(db):
    app, _split = granted_iris(db)
    own = insatser.save(db, Insats("Förbundets eget förprojekt", period_start=date(2019, 1, 1),
                                   period_end=date(2019, 12, 31)))
    assert not insatser.load(db, own.id).esf
    extended = insatser.from_application(db, app.id, own.id)
    assert extended.esf and insatser.load(db, own.id).esf


def test_the_example_files_esf_project_is_esf_financed_in_uppfoljning_finsam(tmp_path):
    from finsamdesk.services import demo

    today = date(2026, 11, 24)
    db = open_database(tmp_path / "exempel.sqlite")
    try:
        demo.create_example(db, today)
        parts = followup.follow_up(db, today.year - 1).insatser
        esf = {str(p.figure(f.NAME).value) for p in parts if p.figure(f.ESF).value == "Ja"}
        own = [a for a in applications.list_rows(db) if a.status == "beviljad" and a.direction == "outgoing"]
        assert own and esf == {applications.load(db, own[0].id).name}
    finally:
        db.close()
