"""A decided ansökan is read-only: the service refuses a silent save; a change goes through save_change, which
enters it in the history with who, when and why (issue 14, item 7)."""
from datetime import date

import pytest

from finsamdesk.domain import workflow
from finsamdesk.domain.money import kr
from finsamdesk.domain.statuses import DECIDED, LOCKED, STATUSES
from finsamdesk.services import applications
from finsamdesk.services.errors import ServiceError
from tests.services.test_applications import complete, step


def granted(db):
    app = complete(db)
    step(db, app, ("inkommen", date(2021, 10, 2)), ("beredning", date(2021, 10, 5)), ("styrelse", date(2021, 10, 9)))
    applications.change_status(db, app.id, "beviljad", date(2021, 11, 1), granted={2022: kr(600_000)})
    return applications.load(db, app.id)


def test_the_lock_is_the_decided_statuses():
    assert set(DECIDED) == set(LOCKED)
    assert [s for s in STATUSES if workflow.is_locked(s)] == ["beviljad", "delvis_beviljad", "avslag"]
    assert workflow.locked_reason("beredning") == "" and "beviljad" in workflow.locked_reason("beviljad")
    assert workflow.no_step_reason("styrelse") == "" and "inget steg" in workflow.no_step_reason("avslag")


def test_a_decided_application_is_not_saved_silently(db):
    app = granted(db)
    applications.save(db, app)  # nothing changed: nothing to refuse
    app.name = "Omdöpt i tysthet"
    with pytest.raises(ServiceError, match="beviljad"):
        applications.save(db, app)
    assert applications.load(db, app.id).name == "Språnget"


def test_a_recorded_change_enters_the_history_once_with_who_when_and_why(db):
    app = granted(db)
    before = len(app.history)
    app.name = "Språnget – nytt namn"
    event = applications.save_change(db, app, "Namnbyte enligt styrelsens protokoll", "Eva Chef", date(2021, 12, 1))
    app.name = "Språnget – nytt namn 2"
    again = applications.save_change(db, app, "Namnbyte enligt styrelsens protokoll", "Eva Chef", date(2021, 12, 1))
    assert again == event
    saved = applications.load(db, app.id)
    assert saved.name == "Språnget – nytt namn 2" and saved.status == "beviljad"
    assert len(saved.history) == before + 1  # the autosaves of one change: one entry
    last = saved.history[-1]
    assert (last.status, last.date, last.who) == ("beviljad", date(2021, 12, 1), "Eva Chef")
    assert last.note == "Ändrad efter beslut: Namnbyte enligt styrelsens protokoll"
    assert saved.history[-2].granted == {2022: kr(600_000)}  # the decision is kept as it was


def test_a_recorded_change_needs_a_reason_and_a_decided_application(db):
    app = granted(db)
    app.name = "Utan skäl"
    with pytest.raises(ServiceError, match="varför"):
        applications.save_change(db, app, "  ", "Eva Chef")
    with pytest.raises(ServiceError, match="vem"):
        applications.save_change(db, app, "Skäl", "")
    open_app = complete(db, name="Öppen")
    open_app.name = "Öppen 2"
    with pytest.raises(ServiceError, match="som vanligt"):
        applications.save_change(db, open_app, "Skäl", "Eva Chef")
    assert applications.load(db, app.id).name == "Språnget"


def test_a_recorded_change_cannot_rewrite_the_decision_or_history(db):
    app = granted(db)
    app.status, app.history = "beredning", app.history[:2]
    app.name = "Försök"
    applications.save_change(db, app, "Skäl", "Eva Chef", date(2021, 12, 1))
    saved = applications.load(db, app.id)
    assert saved.status == "beviljad" and saved.history[-2].status == "beviljad" and len(saved.history) == 5
