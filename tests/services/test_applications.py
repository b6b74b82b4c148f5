"""The core use cases for ansökningar: numbers, filtering, completeness, workflow, history."""
from datetime import date

import pytest

from finsamdesk.domain.application import SOUGHT, ContactRow
from finsamdesk.domain.money import kr
from finsamdesk.services import applications
from finsamdesk.services.applications import RowFilter, filter_rows
from finsamdesk.services.errors import ServiceError, ValidationError
from finsamdesk.services.templates import get_template


def complete(db, name="Språnget", applicant="Åbergs kommun", years=(2022,), today=date(2021, 10, 1)):
    """A neutral-form ansökan with everything the template requires, saved as utkast."""
    app = applications.new_application(db, "neutral", today)
    app.name, app.applicant_text = name, applicant
    t = get_template("neutral")
    for s in t.sections:
        if s.answer == "text":
            app.sections[s.id] = f"Text för {s.id}."
    app.contacts = [ContactRow("kontakt", "Karin Exempelsson", "Exempelby kommun", "070-1740605", "k@e.example")]
    app.period_start, app.period_end = date(years[0], 1, 1), date(years[-1], 12, 31)
    app.budget.years = list(years)
    for y in years:
        app.budget.set("Personal", SOUGHT, y, kr(500_000))
        app.budget.set("Lokaler", SOUGHT, y, kr(100_000))
    app.place, app.signed_on = "Exempelby", today
    return applications.save(db, app)


def test_diarienummer_per_year_increments(db):
    a = applications.create(db, "neutral", "A", date(2022, 3, 1))
    b = applications.create(db, "neutral", "B", date(2022, 12, 31))
    c = applications.create(db, "nnv-skane-2020", "C", date(2023, 1, 2))
    assert (a.diarienummer, b.diarienummer, c.diarienummer) == ("2022-001", "2022-002", "2023-001")
    b.diarienummer = "2022-041"
    applications.save(db, b)
    assert applications.new_application(db, "neutral", date(2022, 5, 5)).diarienummer == "2022-042"
    assert applications.find(db, "2022-041").name == "B" and applications.find(db, str(a.id)).name == "A"


def test_duplicate_diarienummer_refused_and_nothing_changed(db):
    a = applications.create(db, "neutral", "A", date(2022, 3, 1))
    b = applications.create(db, "neutral", "B", date(2022, 3, 1))
    b.diarienummer, b.name = " 2022-001 ", "B ändrad"
    with pytest.raises(ValidationError) as err:
        applications.save(db, b)
    assert "2022-001 används redan" in err.value.fields["diarienummer"]
    stored = applications.load(db, b.id)
    assert (stored.diarienummer, stored.name) == ("2022-002", "B")
    assert applications.load(db, a.id).name == "A"
    empty = applications.new_application(db, "neutral", date(2022, 3, 1))
    empty.diarienummer = "  "
    with pytest.raises(ValidationError, match="Diarienumret behövs"):
        applications.save(db, empty)
    assert len(applications.list_rows(db)) == 2


def test_filter_is_case_insensitive_for_swedish_letters_and_by_status_and_year(db):
    complete(db, "Språnget", "Åbergs kommun", (2022,))
    complete(db, "Hälsolots", "Ängelholms kommun", (2022, 2023))
    other = complete(db, "Övrigt", "Region Exempel", (2024,))
    applications.change_status(db, other.id, "inkommen", date(2021, 10, 2))
    rows = applications.list_rows(db)
    for needle in ("ÅBERG", "åberg", "Åberg", "  åBeRg "):
        assert [r.name for r in filter_rows(rows, RowFilter(needle))] == ["Språnget"]
    assert [r.name for r in filter_rows(rows, RowFilter("SPRÅNG"))] == ["Språnget"]
    assert [r.name for r in filter_rows(rows, RowFilter("ängel"))] == ["Hälsolots"]
    assert [r.name for r in filter_rows(rows, RowFilter("2021-003"))] == ["Övrigt"]
    assert [r.name for r in filter_rows(rows, RowFilter(status="inkommen"))] == ["Övrigt"]
    assert sorted(r.name for r in filter_rows(rows, RowFilter(year=2022))) == ["Hälsolots", "Språnget"]
    assert [r.name for r in filter_rows(rows, RowFilter(year=2023))] == ["Hälsolots"]
    assert filter_rows(rows, RowFilter("kommun", status="inkommen")) == []
    assert len(filter_rows(rows, RowFilter())) == 3


def test_completeness_blocks_inkommen_with_the_missing_sections(db):
    app = complete(db)
    app.sections.pop("mal")
    app.sections["malgrupp"] = "   "
    app.contacts = []
    applications.save(db, app)
    with pytest.raises(ServiceError) as err:
        applications.change_status(db, app.id, "inkommen", date(2021, 10, 2))
    message = str(err.value)
    assert "inte komplett" in message
    assert "”Mål” är inte ifyllt" in message and "”Målgrupp och deltagare” är inte ifyllt" in message
    assert "Kontaktperson" in message and "Bakgrund" not in message
    assert applications.load(db, app.id).status == "utkast" and not applications.load(db, app.id).history


def step(db, app, *steps):
    for status, when in steps:
        applications.change_status(db, app.id, status, when)


def test_workflow_refusals(db):
    app = complete(db, years=(2022, 2023))
    with pytest.raises(ServiceError, match="Från utkast kan ansökan inte gå till beviljad"):
        applications.change_status(db, app.id, "beviljad", date(2021, 10, 2), granted={2022: kr(600_000)})
    step(db, app, ("inkommen", date(2021, 10, 2)), ("beredning", date(2021, 10, 10)))
    with pytest.raises(ServiceError, match="före föregående steg"):
        applications.change_status(db, app.id, "styrelse", date(2021, 10, 9))
    step(db, app, ("styrelse", date(2021, 10, 10)))  # same day is fine
    with pytest.raises(ServiceError, match="minst ett kalenderår"):
        applications.change_status(db, app.id, "beviljad", date(2021, 11, 1))
    with pytest.raises(ServiceError, match="större än det sökta"):
        applications.change_status(db, app.id, "delvis_beviljad", date(2021, 11, 1), granted={2022: kr(600_001)})
    with pytest.raises(ServiceError, match="År 2024 finns inte"):
        applications.change_status(db, app.id, "beviljad", date(2021, 11, 1), granted={2024: kr(1)})
    with pytest.raises(ServiceError, match="Delvis beviljad"):
        applications.change_status(db, app.id, "beviljad", date(2021, 11, 1), granted={2022: kr(500_000)})
    with pytest.raises(ServiceError, match="inga beviljade belopp"):
        applications.change_status(db, app.id, "avslag", date(2021, 11, 1), granted={2022: kr(1)})
    assert applications.load(db, app.id).status == "styrelse"
    applications.change_status(db, app.id, "delvis_beviljad", date(2021, 11, 1), granted={2022: kr(500_000)})
    with pytest.raises(ServiceError, match="redan delvis beviljad"):
        applications.change_status(db, app.id, "beredning", date(2021, 12, 1))
    with pytest.raises(ServiceError, match="beviljad ansökan kan inte tas bort"):
        applications.delete(db, app.id)


def test_decision_with_granted_per_year_and_history_kept(db):
    app = complete(db, years=(2022, 2023))
    applications.change_status(db, app.id, "inkommen", date(2021, 10, 2), "Registrerad", "Förbundschefen")
    applications.change_status(db, app.id, "beredning", date(2021, 10, 12), "", "Beredningsgruppen")
    applications.change_status(db, app.id, "styrelse", date(2021, 10, 20))
    applications.change_status(db, app.id, "aterremitterad", date(2021, 11, 3), "Komplettera budgeten", "Styrelsen")
    applications.change_status(db, app.id, "beredning", date(2021, 11, 10))
    applications.change_status(db, app.id, "styrelse", date(2021, 11, 20))
    event = applications.change_status(db, app.id, "beviljad", date(2021, 12, 1), "§ 12", "Styrelsen",
                                       {2022: kr(600_000)})
    assert event.granted == {2022: kr(600_000)}
    stored = applications.load(db, app.id)
    assert stored.status == "beviljad"
    assert [(e.status, e.date, e.note, e.who) for e in stored.history] == [
        ("inkommen", date(2021, 10, 2), "Registrerad", "Förbundschefen"),
        ("beredning", date(2021, 10, 12), "", "Beredningsgruppen"),
        ("styrelse", date(2021, 10, 20), "", ""),
        ("aterremitterad", date(2021, 11, 3), "Komplettera budgeten", "Styrelsen"),
        ("beredning", date(2021, 11, 10), "", ""),
        ("styrelse", date(2021, 11, 20), "", ""),
        ("beviljad", date(2021, 12, 1), "§ 12", "Styrelsen"),
    ]
    assert stored.granted_by_year == {2022: kr(600_000)}
    [row] = applications.list_rows(db)
    assert row.next_step == date(2021, 12, 1) and row.sought_ore == kr(1_200_000)
    # A change after the decision is recorded (who, when, why) and the history is kept (append-only).
    stored.name = "Nytt namn"
    applications.save_change(db, stored, "Nytt namn enligt protokollet", "Eva Chef", date(2021, 12, 2))
    assert len(applications.load(db, app.id).history) == 8


def test_unknown_template_and_missing_application(db):
    with pytest.raises(ServiceError, match="ingen formulärmall"):
        applications.create(db, "finns-inte", "X")
    with pytest.raises(ServiceError, match="ingen ansökan ”77”"):
        applications.find(db, "77")
