"""docs/ansokan-json.md promises a lossless format: an ansökan exported from one file, imported into another and
exported again is the same file, whatever it holds (hypothesis makes the ansökningar: every field, every
template, å ä ö and spaces in the texts, applicants linked to the register or not, with an organisationsnummer
that is in neither register)."""
from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from finsamdesk.domain.application import OWN, SOUGHT, Applicant, Application, Budget, ContactRow, Phase, StatusEvent
from finsamdesk.domain.registers import Organisation
from finsamdesk.domain.statuses import STATUSES
from finsamdesk.services import applications, exchange, files, registers
from finsamdesk.services.templates import list_templates
from tests.fixtures.fuzz import examples

TEMPLATES = {t.id: t for t in list_templates()}
REGISTER = [Organisation("Exempelby kommun", "212000-9911", "kommun"), Organisation("Försäkringskassan",
                                                                                      "202100-5521", "annan")]
TARGET_KNOWS = Organisation("FK", "202100-5521", "annan")  # Försäkringskassan, under another name
text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=40)  # any text a file can hold
words = st.text("abcåäöÅÄÖ -#?%&'", min_size=1, max_size=20).filter(str.strip)
days = st.dates(date(2019, 1, 1), date(2030, 12, 31))
counts = st.none() | st.integers(0, 10**6)


@st.composite
def applicants(draw):
    name = draw(words)
    kind = draw(st.sampled_from(["register", "unknown", "none"]))
    if kind == "register":
        return draw(st.sampled_from(REGISTER)).name, "register"
    org = None if kind == "none" else (draw(words), draw(st.sampled_from(["556677-8899", "123", "", "x y"])))
    return name, org


@st.composite
def an_application(draw) -> tuple[Application, list]:
    template = TEMPLATES[draw(st.sampled_from(sorted(TEMPLATES)))]
    start = draw(st.none() | days)
    app = Application(template.id, name=draw(text), diarienummer=f"2026-{draw(st.integers(1, 999)):03d}",
                      applicant_text=draw(text), period_start=start,
                      period_end=None if start is None else start + timedelta(days=draw(st.integers(0, 2000))),
                      place=draw(text), signed_on=draw(st.none() | days), planned_participants=draw(counts),
                      planned_women=draw(counts), planned_men=draw(counts))
    section_ids = [s.id for s in template.sections]
    app.sections = draw(st.dictionaries(st.sampled_from(section_ids), text.filter(bool), max_size=4))
    roles = [role for role, _table in template.contact_roles] or ["kontakt"]
    app.contacts = [ContactRow(draw(st.sampled_from(roles)), draw(text), draw(text), draw(text), draw(text))
                    for _ in range(draw(st.integers(0, 3)))]
    app.phases = [Phase(draw(words), draw(st.none() | days), None) for _ in range(draw(st.integers(0, 3)))]
    categories = list(template.budget.categories) if template.budget else []
    years = sorted(draw(st.sets(st.integers(2020, 2030), max_size=3)))
    app.budget = Budget(years)
    for _ in range(draw(st.integers(0, 5)) if categories else 0):
        category = draw(st.sampled_from(categories))
        if years and draw(st.booleans()):
            app.budget.set(category, SOUGHT, draw(st.sampled_from(years)), draw(st.integers(0, 10**12)))
        else:
            app.budget.set(category, OWN, None, draw(st.integers(0, 10**12)))
    when = draw(days)
    for _ in range(draw(st.integers(0, 4))):
        when += timedelta(days=draw(st.integers(0, 60)))
        granted = draw(st.dictionaries(st.integers(2020, 2030), st.integers(0, 10**12), max_size=2))
        app.history.append(StatusEvent(draw(st.sampled_from(sorted(STATUSES))), when, draw(text), draw(text),
                                       granted))
    app.status = app.history[-1].status if app.history else "utkast"
    return app, [draw(applicants()) for _ in range(draw(st.integers(0, 3)))]


@pytest.fixture(scope="module")
def two_files(tmp_path_factory):
    """The file an ansökan is written in (with REGISTER) and one it moves to (whose register knows one of them
    under another name, matched by organisationsnummer)."""
    folder = tmp_path_factory.mktemp("lossless")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FINSAMDESK_HOME", str(folder / "hem"))
        source = files.new_file(folder / "källa.sqlite", "Källförbundet")
        for org in REGISTER:
            registers.save_organisation(source, Organisation(org.name, org.orgnr, org.kind))
        target = files.new_file(folder / "mål.sqlite", "Målförbundet")
        registers.save_organisation(target, TARGET_KNOWS)
        yield source, target
        source.conn.close()
        target.conn.close()


def _applicants(db, drawn) -> list[Applicant]:
    by_name = {o.name: o.id for o in registers.organisations(db)}
    out = []
    for name, org in drawn:
        if org == "register":
            out.append(Applicant(name, "medsokande", by_name[name]))
        elif org is None:
            out.append(Applicant(name, "huvudman"))
        else:
            out.append(Applicant(name, "huvudman", None, org[0], org[1]))
    return out


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(an_application())
def test_an_ansokan_moved_to_another_file_exports_the_same(two_files, drawn):
    source, target = two_files
    app, drawn_applicants = drawn
    app.diarienummer = f"{app.diarienummer}-{len(applications.list_rows(source))}"  # unique in both files
    app.applicants = _applicants(source, drawn_applicants)
    applications.save(source, app)
    exported = exchange.export_application_json(source, app.id)
    moved = exchange.import_application_json(target, exported)
    again = exchange.export_application_json(target, moved.id)
    before, after = json.loads(exported)["application"], json.loads(again)["application"]
    for applicant in before["applicants"]:  # linked by organisationsnummer: the target's register names it
        if (applicant["organisation"] or {}).get("orgnr") == TARGET_KNOWS.orgnr:
            applicant["organisation"]["name"] = TARGET_KNOWS.name
    assert after == before, {k: (before[k], after[k]) for k in before if before[k] != after.get(k)}
    for applicant, (_name, org) in zip(json.loads(again)["application"]["applicants"], drawn_applicants,
                                       strict=True):
        if isinstance(org, tuple) and (org[0] or org[1]):
            assert applicant["organisation"] == {"name": org[0], "orgnr": org[1]}  # kept as typed


def test_an_unknown_organisation_keeps_its_organisationsnummer(two_files):
    source, target = two_files
    app = Application("neutral", name="Okänd part", diarienummer="2026-ORG")
    app.applicants = [Applicant("Nya Föreningen", "huvudman", None, "Nya Föreningen ideell förening", "802400-1234")]
    applications.save(source, app)
    moved = exchange.import_application_json(target, exchange.export_application_json(source, app.id))
    [applicant] = json.loads(exchange.export_application_json(target, moved.id))["application"]["applicants"]
    assert applicant["organisation"] == {"name": "Nya Föreningen ideell förening", "orgnr": "802400-1234"}
