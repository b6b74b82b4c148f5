"""Own applications in the file: stored as rows, listed beside received ones, sent, decided, followed."""
from __future__ import annotations

from datetime import date

import pytest

from finsamdesk.documents.json_io import application_to_dict
from finsamdesk.domain.application import OUTGOING, RECEIVED
from finsamdesk.domain.esf import ESF_SUPPORT, OWN_SHARE
from finsamdesk.services import applications, budget, exchange, insatser, overview, own_applications
from finsamdesk.services.applications import RowFilter, filter_rows
from finsamdesk.services.errors import ServiceError
from finsamdesk.store.connection import open_database
from tests.fixtures.esf import SEEDS, json_text, load


@pytest.fixture
def db(tmp_path):
    """The shared fixture's kind of file, under a name with # in it."""
    made = open_database(tmp_path / "egna ansökningar #1.sqlite")
    yield made
    made.close()


def imported(db, name):
    return exchange.import_application_json(db, json_text(name))


@pytest.mark.parametrize("name", SEEDS)
def test_every_part_is_stored_as_rows_and_read_back_the_same(db, name):
    app = imported(db, name)
    assert application_to_dict(applications.load(db, app.id)) == application_to_dict(load(name))
    assert db["esf_actor"].count_where("application_id = ?", [app.id]) == len(app.esf.actors)
    assert db["esf_project"].count_where("application_id = ?", [app.id]) == 1


def test_lists_show_both_directions_and_filter_by_kind(db):
    own = imported(db, "connecto")
    received = applications.create(db, "neutral", "Samverkansteam", date(2024, 2, 1))
    rows = applications.list_rows(db)
    assert {r.direction for r in rows} == {RECEIVED, OUTGOING}
    assert [r.id for r in filter_rows(rows, RowFilter(direction=OUTGOING))] == [own.id]
    assert [r.id for r in filter_rows(rows, RowFilter(direction=RECEIVED))] == [received.id]
    assert [r.id for r in filter_rows(rows, RowFilter(text="esf-rådet"))] == [own.id]
    row = next(r for r in rows if r.id == own.id)
    assert row.sought_ore == 6_652_956_00  # what the funder is asked for


def test_new_own_application_has_the_calls_defaults(db):
    app = own_applications.new_own_application(db, "esf-plus-2021-2027", "Nytt", date(2024, 5, 2))
    assert app.direction == OUTGOING and app.funder == "Svenska ESF-rådet" and app.diarienummer == "2024-001"
    assert app.esf.call.rates[6] == 96_370 and app.esf.call.required_cofinancing_bp == 4600
    assert [p.precision for p in app.phases] == ["month"] * 3
    with pytest.raises(ServiceError, match="inte för en egen ansökan"):
        own_applications.new_own_application(db, "neutral")


def test_delete_removes_every_esf_row(db):
    app = imported(db, "iris")
    applications.delete(db, app.id)
    for table in ("esf_project", "esf_actor", "esf_risk", "esf_cost", "esf_subproject"):
        assert db[table].count == 0


def test_sending_needs_the_required_answers(db):
    app = imported(db, "connecto")
    app.sections.pop("problem")
    applications.save(db, app)
    with pytest.raises(ServiceError, match="Ansökan kan inte skickas in ännu"):
        applications.change_status(db, app.id, "inskickad", date(2022, 10, 3))


def granted_iris(db):
    app = imported(db, "iris")
    applications.change_status(db, app.id, "inskickad", date(2020, 3, 31), "Inskickad i Projektrummet")
    split = own_applications.granted_split(applications.load(db, app.id), 11_782_527_00)
    applications.change_status(db, app.id, "beviljad", date(2020, 6, 10), "ESF-rådets beslut", "ESF-rådet", split)
    return applications.load(db, app.id), split


def test_a_granted_esf_project_becomes_an_insats_that_feeds_insatser_budget_and_oversikt(db):
    app, split = granted_iris(db)
    assert sum(split.values()) == 11_782_527_00 and set(split) == {2020, 2021, 2022, 2023}
    insats = insatser.from_application(db, app.id)
    money = {y: insatser.economy(db, insats.id, y).granted for y in insats.years}
    assert sum(m[ESF_SUPPORT] for m in money.values()) == 11_782_527_00
    assert sum(m[OWN_SHARE] for m in money.values()) == 13_286_572_00
    row = next(r for r in insatser.list_rows(db, 2021, date(2021, 6, 1)) if r.id == insats.id)
    assert row.granted == money[2021][ESF_SUPPORT] + money[2021][OWN_SHARE]
    sheet = budget.sheet(db, 2021)
    assert sheet.row("externa_medel").values[0] == money[2021][ESF_SUPPORT]
    assert sheet.row("insatser").values[0] == row.granted
    view = overview.overview(db, date(2021, 6, 1))
    assert view.granted == row.granted


def test_a_partly_granted_project_scales_the_own_share(db):
    app = imported(db, "connecto")
    applications.change_status(db, app.id, "inskickad", date(2022, 10, 3))
    split = own_applications.granted_split(app, 3_326_478_00)  # half the support
    applications.change_status(db, app.id, "delvis_beviljad", date(2023, 2, 1), granted=split)
    money = own_applications.insats_money(applications.load(db, app.id))
    assert sum(m[OWN_SHARE] for m in money.values()) == 404_808_00  # half of 809 616
    assert sum(m[ESF_SUPPORT] for m in money.values()) == 3_326_478_00


def test_an_application_waiting_for_the_funder_shows_on_the_start_page(db):
    app = imported(db, "connecto")
    applications.change_status(db, app.id, "inskickad", date(2022, 10, 3))
    view = overview.overview(db, date(2022, 11, 1))
    assert [r.id for r in view.waiting] == [app.id]


def test_the_esf_support_does_not_use_the_forbunds_frame_for_insatser(db):
    from finsamdesk.domain.budget import BudgetYear

    app, _split = granted_iris(db)
    insats = insatser.from_application(db, app.id)
    money = insatser.economy(db, insats.id, 2021).granted
    budget.save_year(db, BudgetYear(2021, {("medlemsbidrag", "budget"): 10_000_000_00},
                                    insats_frame=money[OWN_SHARE]))
    sheet = budget.sheet(db, 2021)
    assert sheet.row("ej_fordelat").values[0] == 0 and not sheet.warnings
