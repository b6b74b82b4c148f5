"""Fuzzing the ansökan JSON importer (docs/ansokan-json.md): arbitrary text and bytes, JSON of any shape, random
fields in a right envelope, real exports with mutated fields, and the inputs that once crashed it (kept as named
cases). The property and the size of a run: tests/fixtures/fuzz.py.
"""
from __future__ import annotations

import copy
import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from finsamdesk.documents.json_io import APPLICATION_KEYS, ImportFormatError, application_to_dict
from finsamdesk.domain.application import Applicant, ContactRow, Phase
from finsamdesk.domain.registers import Organisation
from finsamdesk.domain.statuses import STATUSES
from finsamdesk.services import applications, demo, exchange, registers
from finsamdesk.services.errors import ServiceError
from finsamdesk.store.connection import open_database
from tests.fixtures.fuzz import (
    Snapshot,
    examples,
    json_values,
    mutations,
    outcome,
    scalars,
)

JSON_TODAY = date(2026, 6, 1)
SQLITE_MAX = 2**63 - 1


BAD_JSON_STRINGS = [
    "2026-02-30", "2026-13-01", "2026-00-10", "2026-1-1", "20260101", "2026/01/01", "0001-01-01", "9999-12-31",
    "2027-01-01T00:00", "", " ", "\u00a0", "okänd-mall", "nnv-skane-2020", "burlov-staffanstorp-v5", "neutral",
    "NEUTRAL", *STATUSES, "Beviljad", "okänd status", "own", "sought", "OWN", "huvudman", "medsokande", "kontakt",
    "-1", "1e9", "100.0", "Personal", "Lokaler", "Övriga kostnader", "Okänd kostnad", "bakgrund", "intro",
    "okänt-avsnitt", "2024", "2026-001", "finsamdesk-ansokan", "212000-9911", "202100-5521", "x" * 5000,
    "1" * 200,
]
json_wrong = (st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.integers(-SQLITE_MAX, SQLITE_MAX)
              | st.integers(min_value=-(2**80), max_value=2**80) | st.floats() | st.sampled_from([100.0, -0.0, 1e308])
              | st.text(max_size=20) | st.sampled_from(BAD_JSON_STRINGS)
              | st.lists(scalars, max_size=3) | st.dictionaries(st.text(max_size=6), scalars, max_size=3))
json_new_keys = (st.text(max_size=10)
                 | st.sampled_from([*APPLICATION_KEYS, "format", "version", "application", "2024", "1899", "2201",
                                    "id", "amount", "year", "category", "column", "organisation", "granted", "²"]))
mutate_json = mutations(json_wrong, json_new_keys)


@pytest.fixture(scope="module")
def json_files(fuzz_home):
    """(target db, its snapshot, base documents): a real new ansökan with fields and the demo's exports."""
    source = open_database(fuzz_home / "källa.sqlite")
    app = applications.create(source, "neutral", "Test", today=JSON_TODAY)
    app.applicant_text = "Exempelby kommun och Försäkringskassan"
    app.applicants = [Applicant("Exempelby kommun", "huvudman"), Applicant("Försäkringskassan", "medsokande")]
    app.period_start, app.period_end = date(2026, 1, 1), date(2027, 12, 31)
    app.sections = {"bakgrund": "Stödet är inte samordnat.", "mal": "Fler i arbete."}
    app.contacts = [ContactRow("kontakt", "Karin Exempelsson", "Exempelby kommun", "070-1740605", "k@exempel.example")]
    app.phases = [Phase("Planering", date(2026, 1, 1), date(2026, 3, 31)), Phase("Genomförande", date(2026, 4, 1))]
    app.budget.years = [2026, 2027]
    app.budget.set("Personal", "own", None, 5_000_000)
    app.budget.set("Personal", "sought", 2026, 62_000_000)
    app.budget.set("Lokaler", "sought", 2027, 100)
    app.place, app.signed_on = "Exempelby", date(2025, 9, 20)
    app.planned_participants, app.planned_women, app.planned_men = 40, 22, 18
    applications.save(source, app)
    bases = [json.loads(exchange.export_application_json(source, app.id))]
    demo_db = open_database(fuzz_home / "demo.sqlite")
    demo.create_example_data(demo_db, date(2024, 6, 15))
    rows = applications.list_rows(demo_db)
    for status in ("delvis_beviljad", "beviljad", "avslag", "beredning"):  # with history and granted amounts
        row = next((r for r in rows if r.status == status), None)
        if row is not None:
            bases.append(json.loads(exchange.export_application_json(demo_db, row.id)))
    assert any(b["application"]["history"] for b in bases)
    source.close()
    demo_db.close()
    target = open_database(fuzz_home / "mål.sqlite")
    registers.save_organisation(target, Organisation("FK (annat namn)", "202100-5521", "forsakringskassan"))
    registers.save_organisation(target, Organisation("EXEMPELBY KOMMUN", "", "kommun"))
    yield target, Snapshot(target), bases
    target.close()


def _import_json(files, text, new_number=False):
    """Import; check the property; return the outcome's name (for hypothesis' statistics)."""
    db, snapshot, _ = files
    before, count = snapshot(), db["application"].count
    try:
        app = exchange.import_application_json(db, text, new_number=new_number, today=JSON_TODAY)
    except (ImportFormatError, ServiceError) as exc:
        assert str(exc).strip()
        if isinstance(exc, ImportFormatError):
            assert exc.messages and all(m.strip() for m in exc.messages)
        assert db["application"].count == count
        assert snapshot() == before, "a refused import changed the file"
        return type(exc).__name__
    assert db["application"].count == count + 1
    loaded = applications.load(db, app.id)
    assert application_to_dict(loaded) == application_to_dict(app)
    # What was saved exports to a file that reads back to the same ansökan (as the register names its parts).
    again = exchange.application_from_json(exchange.export_application_json(db, app.id))
    organisations = {o.id: o for o in registers.organisations(db)}
    assert application_to_dict(again, organisations) == application_to_dict(app, organisations)
    return "imported"


@settings(max_examples=examples(400), deadline=None)
@given(st.text())
def test_json_import_of_arbitrary_text(json_files, text):
    outcome("json", _import_json(json_files, text))


@settings(max_examples=examples(300), deadline=None)
@given(st.binary() | st.binary().map(lambda b: b"\xef\xbb\xbf{" + b) | st.binary().map(lambda b: b"\xff\xfe" + b))
def test_json_import_of_arbitrary_bytes(json_files, data):
    outcome("json", _import_json(json_files, data))


@settings(max_examples=examples(400), deadline=None)
@given(json_values)
def test_json_import_of_valid_json_of_random_shape(json_files, value):
    outcome("json", _import_json(json_files, json.dumps(value)))


@pytest.mark.slow
@settings(max_examples=examples(400), deadline=None)
@given(st.dictionaries(st.sampled_from(APPLICATION_KEYS), json_values, max_size=10),
       st.sampled_from([1, 0, 2, -1, "1", 1.0, None, True]), st.booleans())
def test_json_import_of_random_fields_in_a_right_envelope(json_files, fields, version, new_number):
    doc = {"format": "finsamdesk-ansokan", "version": version, "application": fields}
    outcome("json", _import_json(json_files, json.dumps(doc), new_number))


@pytest.mark.slow
@settings(max_examples=examples(700), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.data(), st.booleans())
def test_json_import_of_a_real_export_with_mutated_fields(json_files, data, new_number):
    base = data.draw(st.sampled_from(json_files[2]), label="base")
    doc = data.draw(mutate_json(base), label="mutated")
    outcome("json", _import_json(json_files, json.dumps(doc, ensure_ascii=data.draw(st.booleans())), new_number))


def test_the_unmutated_exports_import(json_files):
    for base in json_files[2]:
        assert _import_json(json_files, json.dumps(base), new_number=True) == "imported"
        outcome("json", "imported")


# ---------------------------------------------------------------- JSON import: known bugs
def _doc(json_files, change, base=1):
    doc = copy.deepcopy(json_files[2][base])
    change(doc["application"])
    return json.dumps(doc)


# id → (the file's text, the exception that escapes today)
JSON_BUGS = {
    "a 5000-digit number (ValueError: int conversion limit in json.loads)": (
        lambda f: '{"version": ' + "1" * 5000 + "}", ValueError),
    "deeply nested arrays (RecursionError in json.loads)": (
        lambda f: "[" * 100_000 + "]" * 100_000, RecursionError),
    "amount_ore 2**63 (OverflowError from sqlite)": (lambda f: _doc(
        f, lambda a: a["budget"]["cells"].__setitem__(0, {**a["budget"]["cells"][0], "amount_ore": 2**63})),
        OverflowError),
    "planned_men 2**64 (OverflowError from sqlite)": (
        lambda f: _doc(f, lambda a: a.__setitem__("planned_men", 2**64)), OverflowError),
    "granted amount 2**63 (OverflowError from sqlite)": (lambda f: _doc(
        f, lambda a: a["history"][-1].__setitem__("granted", {"2024": 2**63})), OverflowError),
    "a lone surrogate \\ud800 in name (UnicodeEncodeError from sqlite)": (
        lambda f: _doc(f, lambda a: a.__setitem__("name", "\ud800")), UnicodeEncodeError),
    "status is a list (TypeError: unhashable)": (
        lambda f: _doc(f, lambda a: a.__setitem__("status", ["beviljad"])), TypeError),
    "history[0].status is an object (TypeError: unhashable)": (
        lambda f: _doc(f, lambda a: a["history"][0].__setitem__("status", {})), TypeError),
    "applicants[0].role is a list (TypeError: unhashable)": (
        lambda f: _doc(f, lambda a: a["applicants"][0].__setitem__("role", [])), TypeError),
    "granted key '²' (isdigit() but int() fails: ValueError)": (
        lambda f: _doc(f, lambda a: a["history"][-1].__setitem__("granted", {"²": 1})), ValueError),
    "a lone surrogate in a section (UnicodeEncodeError from sqlite)": (
        lambda f: _doc(f, lambda a: a.__setitem__("sections", {"bakgrund": "x\ud800"})), UnicodeEncodeError),
    "a lone surrogate in a section's id (UnicodeEncodeError printing the message)": (
        lambda f: _doc(f, lambda a: a.__setitem__("sections", {"\udc80\n": "text"})), UnicodeEncodeError),
    "a lone surrogate in an unknown field's name (UnicodeEncodeError printing the message)": (
        lambda f: _doc(f, lambda a: a.__setitem__("\ud800", 1)), UnicodeEncodeError),
    "a name of 5 million characters (accepted, then a 5 MB field in every list)": (
        lambda f: _doc(f, lambda a: a.__setitem__("name", "x" * 5_000_000)), None),
    "a file of 11 MB (read whole into memory)": (lambda f: _doc(
        f, lambda a: a.__setitem__("sections", {f"s{i}": "x" * 90_000 for i in range(125)})), None),
}


@pytest.mark.parametrize("make", [make for make, _escaped in JSON_BUGS.values()], ids=list(JSON_BUGS))
def test_json_inputs_that_once_crashed_are_refused_with_a_message(json_files, make):
    text = make(json_files)
    assert _import_json(json_files, text, new_number=True) == "ImportFormatError"
    outcome("json", "ImportFormatError")
    with pytest.raises(ImportFormatError) as refused:
        exchange.import_application_json(json_files[0], text, new_number=True, today=JSON_TODAY)
    str(refused.value).encode("utf-8")  # printable: the CLI prints it, the window shows it
    assert len(str(refused.value)) < 2_000


@pytest.mark.parametrize(("text", "reason"), [
    ("{", "rad 1, kolumn 2): här ska ett fältnamn inom citattecken stå"), ('{"a": }', "här saknas ett värde"),
    ('{"a": 1} x', "efter slutet kommer mer text"), ('{"a": "x', "en text saknar sitt avslutande citattecken"),
    ("  \n", "Filen är tom")])
def test_bad_json_is_explained_in_swedish(json_files, text, reason):
    with pytest.raises(ImportFormatError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        exchange.import_application_json(json_files[0], text)

