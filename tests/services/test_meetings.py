"""Möten on a real file: planned from what is waiting, recommendations and decisions carried out on the
ansökningar in one transaction, documents read back — the issue's "done when" without a window."""
from __future__ import annotations

import io
from datetime import date

import pypdf
import pytest

from finsamdesk.domain.meetings import AgendaItem, Attendee
from finsamdesk.services import (
    applications,
    demo,
    insatser,
    meeting_files,
    meetings,
)
from finsamdesk.services.errors import ServiceError, ValidationError

TODAY = date(2026, 12, 1)


@pytest.fixture
def db(db):
    demo.create_example(db, TODAY)
    return db


def _text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join((p.extract_text() or "").replace("\u00a0", " ").replace("\u202f", " ").split())
                    for p in reader.pages)


def _waiting(db, status: str) -> list[str]:
    return sorted(r.diarienummer for r in applications.list_rows(db) if r.status == status)


def test_from_beredning_to_styrelse_to_granted_money_and_an_insats(db):
    in_beredning = _waiting(db, "beredning") + _waiting(db, "inkommen")
    planned = meetings.find(db, "2026-12-08")  # the example's coming beredningsgrupp meeting, planned as by hand
    assert [i.title.split(":")[0] for i in planned.items if i.kind == "ansokan"] == [
        f"Ansökan {d}" for d in sorted(in_beredning)]
    assert [a.name for a in planned.attendees][:2] == ["Lena Fiktivsdotter", "Karin Exempelsson"]
    assert all(a.present for a in planned.attendees) and planned.chair == "Lena Fiktivsdotter"
    assert not [i for i in meetings.new_meeting(db, "beredning", date(2026, 12, 10)).items if i.kind == "ansokan"]
    for i, item in enumerate(planned.items):
        if item.kind == "ansokan":
            meetings.record(db, planned.id, i, "tillstyrk", today=TODAY)
    assert _waiting(db, "beredning") == [] and set(in_beredning) <= set(_waiting(db, "styrelse"))

    board = meetings.new_meeting(db, "styrelse", date(2026, 12, 15), "13.00")
    assert board.first_paragraph == 9, "§ numbers run on after the styrelse meeting of 2026-10-30 (§ 1–8)"
    assert [i.title for i in board.items][:4] == ["Mötets öppnande", "Val av justerare", "Godkännande av dagordningen",
                                                  "Föregående protokoll"]
    meetings.save(db, board)
    slides = meetings.slides(db, board)
    recommended = {r.id for r in applications.list_rows(db) if r.diarienummer in in_beredning}
    first = next(i for i, item in enumerate(board.items) if item.application_id in recommended)
    assert slides[first].recommendation.startswith("Beredningsgruppens rekommendation: Beredningsgruppen föreslår")
    assert slides[first].budget_rows[-1][0] == "Summa"
    board.items[first].jav = [board.attendees[2].name]
    meetings.save(db, board)
    app_id = board.items[first].application_id
    sought = applications.load(db, app_id).budget.sought_by_year()
    year = min(y for y, a in sought.items() if a)
    made = meetings.record(db, board.id, first, "delvis_beviljad", {year: sought[year] // 2},
                           jav=board.items[first].jav, today=TODAY)
    app = applications.load(db, app_id)
    assert app.status == "delvis_beviljad" and app.granted_by_year == {year: sought[year] // 2}
    assert app.history[-1].date == date(2026, 12, 15) and app.history[-1].who == "Styrelsen"
    assert made is not None and app_id in insatser.load(db, made.id).application_ids
    assert insatser.economy(db, made.id, year).granted_total == sought[year] // 2

    with pytest.raises(ServiceError, match="redan registrerad"):
        meetings.record(db, board.id, first, "avslag")
    stored = meetings.load(db, board.id)
    stored.items[first].outcome = "avslag"
    with pytest.raises(ValidationError, match="registrerat beslut kan inte ändras"):
        meetings.save(db, stored)
    with pytest.raises(ServiceError, match="registrerade beslut"):
        meetings.delete(db, board.id)

    protokoll = _text(meeting_files.protokoll_pdf(db, board.id))
    assert "§ 9 Mötets öppnande" in protokoll and "Beslut: Styrelsen beslutar att delvis bevilja" in protokoll
    assert f"{board.attendees[2].name} anmälde jäv och deltog inte i handläggningen av ärendet." in protokoll
    kallelse = _text(meeting_files.kallelse_pdf(db, board.id))
    assert "Kallelse" in kallelse and all(a.name in kallelse for a in board.attendees)
    underlag = pypdf.PdfReader(io.BytesIO(meeting_files.beslutsunderlag_pdf(db, board.id)))
    titles = [o.title for o in underlag.outline]
    assert titles[0] == "Innehåll" and len(titles) == 1 + sum(1 for i in board.items if i.kind == "ansokan")


def test_a_decision_is_all_or_nothing(db, monkeypatch):
    board = meetings.save(db, meetings.new_meeting(db, "styrelse", date(2026, 12, 15)))
    index = next(i for i, item in enumerate(board.items) if item.kind == "ansokan")
    app_id = board.items[index].application_id
    before = applications.load(db, app_id)

    def broken(*args, **kwargs):
        raise ServiceError("Insatsen kunde inte skapas.")

    monkeypatch.setattr(insatser, "from_application", broken)
    with pytest.raises(ServiceError, match="Insatsen kunde inte skapas"):
        meetings.record(db, board.id, index, "beviljad", board.items[index].granted, today=TODAY)
    after = applications.load(db, app_id)
    assert (after.status, len(after.history)) == (before.status, len(before.history))
    assert not meetings.load(db, board.id).items[index].recorded


def test_checks_on_a_meeting_and_a_decision(db):
    m = meetings.new_meeting(db, "styrelse", date(2026, 12, 15), "kl 13")
    with pytest.raises(ValidationError, match="13.00"):
        meetings.save(db, m)
    m.time = "13:00"
    m.attendees.append(Attendee(m.attendees[0].name))
    with pytest.raises(ValidationError, match="två gånger"):
        meetings.save(db, m)
    m.attendees.pop()
    m.items.append(AgendaItem("fritt", "Jäv-test", jav=["Okänd Person"]))
    with pytest.raises(ValidationError, match="Okänd Person"):
        meetings.save(db, m)
    m.items.pop()
    meetings.save(db, m)
    index = next(i for i, item in enumerate(m.items) if item.kind == "ansokan")
    with pytest.raises(ValidationError, match="Välj beslut"):
        meetings.record(db, m.id, index, "tillstyrk")
    sought = m.items[index].granted
    too_much = {y: a + 100 for y, a in sought.items()}
    with pytest.raises(ServiceError, match="större än det sökta"):
        meetings.record(db, m.id, index, "delvis_beviljad", too_much)
    with pytest.raises(ServiceError, match="Bara en punkt om en ansökan"):
        meetings.record(db, m.id, 0, "beviljad")
    removed = meetings.delete(db, m.id)
    meetings.save(db, removed)
    assert [i.title for i in meetings.load(db, m.id).items] == [i.title for i in m.items]
