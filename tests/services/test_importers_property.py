"""Bad input tried on purpose against the importers: an ansökan as JSON, deltagare from Excel, form templates.

The property in every test: the importer either accepts the input (and what it saved loads back as it was
read) or refuses it with its own error and a Swedish message; never another exception; and a refused import
leaves the file exactly as it was (every row of every table, not only the counts).

The databases are made once per module (building files per example would be slow) and each example checks
the state it finds, so examples may also meet what earlier ones imported (duplicates are then refused).

The inputs that once crashed an importer (found by these tests, then fixed) are kept as named cases at the
end of each part.
"""
from __future__ import annotations

import copy
import hashlib
import io
import itertools
import json
import math
import random
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from xml.etree.ElementTree import ParseError

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from finsamdesk.documents.json_io import (
    APPLICATION_KEYS,
    ImportFormatError,
    application_to_dict,
)
from finsamdesk.documents.participants_excel import COLUMNS
from finsamdesk.domain.application import Applicant, ContactRow, Phase
from finsamdesk.domain.forms import (
    ANSWER_KINDS,
    BINDINGS,
    TABLE_TYPES,
    FormTemplate,
    TemplateError,
    parse_template,
)
from finsamdesk.domain.identifiers import parse_personnummer
from finsamdesk.domain.registers import Organisation
from finsamdesk.domain.statuses import STATUSES
from finsamdesk.domain.text import fold
from finsamdesk.services import (
    applications,
    demo,
    exchange,
    participant_files,
    participants,
    registers,
)
from finsamdesk.services.demo_participants import invented_personnummer
from finsamdesk.services.errors import ServiceError
from finsamdesk.services.participant_files import ImportRejected, ImportResult
from finsamdesk.store.connection import open_database
from tests.fixtures.participant_files import TODAY, invented_rows, new_register

FORMS = Path(__file__).resolve().parents[2] / "resources" / "forms"
JSON_TODAY = date(2026, 6, 1)
SQLITE_MAX = 2**63 - 1


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    """Module-scoped files are made before the per-test FINSAMDESK_HOME exists: give them one of their own."""
    folder = tmp_path_factory.mktemp("importers")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FINSAMDESK_HOME", str(folder / "finsamdesk-home"))
        yield folder


# ================================================================ checksums
class Snapshot:
    """A checksum of every row of every table, recomputed only when the connection has written something."""

    def __init__(self, db):
        self.db = db
        self._at: int | None = None
        self._value = ""

    def __call__(self) -> str:
        changes = self.db.conn.total_changes  # counts rolled-back writes too, so a cached value is never stale
        if changes != self._at:
            h = hashlib.sha256()
            for table in sorted(self.db.table_names()):
                h.update(table.encode())
                for row in self.db.execute(f"SELECT * FROM [{table}] ORDER BY rowid").fetchall():
                    h.update(repr(row).encode("utf-8", "backslashreplace"))
            self._at, self._value = changes, h.hexdigest()
        return self._value


# ================================================================ mutating JSON documents
def _paths(value, prefix=()):
    """Every path (tuple of keys/indices) into a JSON value, the root included."""
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*prefix, i))


def _leaves(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from _leaves(v)
    elif isinstance(value, list):
        for v in value:
            yield from _leaves(v)
    else:
        yield value


def _at(doc, path):
    for p in path:
        doc = doc[p]
    return doc


scalars = (st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False)
           | st.text(max_size=10))
json_values = st.recursive(scalars, lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c,
                                                                                          max_size=4),
                           max_leaves=15)


def _mutations(wrong_values, new_keys):
    """1–3 of: replace a value (anywhere, containers too), delete a key or list item, add a key or item."""

    @st.composite
    def mutate(draw, base):
        doc = copy.deepcopy(base)
        for _ in range(draw(st.integers(1, 3))):
            paths = list(_paths(doc))
            path = draw(st.sampled_from(paths))
            target = _at(doc, path)
            op = draw(st.sampled_from(["replace", "replace", "delete", "add"]))
            if op == "replace" and path:
                leaves = list(_leaves(base))
                value = draw(wrong_values | st.sampled_from(leaves) | st.sampled_from(
                    [copy.deepcopy(_at(base, p)) for p in _paths(base) if p][:200]))
                _at(doc, path[:-1])[path[-1]] = value
            elif op == "delete" and path:
                parent = _at(doc, path[:-1])
                del parent[path[-1]]
            elif isinstance(target, dict):
                target[draw(new_keys)] = draw(wrong_values)
            elif isinstance(target, list):
                extra = draw(wrong_values | st.sampled_from(target) if target else wrong_values)
                target.append(copy.deepcopy(extra))
            else:  # the root or a scalar with nowhere to add: replace the whole document part
                if not path:
                    doc = draw(json_values)
                else:
                    _at(doc, path[:-1])[path[-1]] = draw(wrong_values)
        return doc

    return mutate


# ================================================================ 1. ansökan JSON
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
mutate_json = _mutations(json_wrong, json_new_keys)


@pytest.fixture(scope="module")
def json_files(home):
    """(target db, its snapshot, base documents): a real new ansökan with fields and the demo's exports."""
    source = open_database(home / "källa.sqlite")
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
    demo_db = open_database(home / "demo.sqlite")
    demo.create_example_data(demo_db, date(2024, 6, 15))
    rows = applications.list_rows(demo_db)
    for status in ("delvis_beviljad", "beviljad", "avslag", "beredning"):  # with history and granted amounts
        row = next((r for r in rows if r.status == status), None)
        if row is not None:
            bases.append(json.loads(exchange.export_application_json(demo_db, row.id)))
    assert any(b["application"]["history"] for b in bases)
    target = open_database(home / "mål.sqlite")
    registers.save_organisation(target, Organisation("FK (annat namn)", "202100-5521", "forsakringskassan"))
    registers.save_organisation(target, Organisation("EXEMPELBY KOMMUN", "", "kommun"))
    return target, Snapshot(target), bases


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
    # What was saved exports to a file that reads back to the same ansökan.
    again = exchange.application_from_json(exchange.export_application_json(db, app.id))
    assert application_to_dict(again) == application_to_dict(app)
    return "imported"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_json_import_of_arbitrary_text(json_files, text):
    event(_import_json(json_files, text))


@settings(max_examples=200, deadline=None)
@given(st.binary() | st.binary().map(lambda b: b"\xef\xbb\xbf{" + b) | st.binary().map(lambda b: b"\xff\xfe" + b))
def test_json_import_of_arbitrary_bytes(json_files, data):
    event(_import_json(json_files, data))


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_json_import_of_valid_json_of_random_shape(json_files, value):
    event(_import_json(json_files, json.dumps(value)))


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(APPLICATION_KEYS), json_values, max_size=10),
       st.sampled_from([1, 0, 2, -1, "1", 1.0, None, True]), st.booleans())
def test_json_import_of_random_fields_in_a_right_envelope(json_files, fields, version, new_number):
    doc = {"format": "finsamdesk-ansokan", "version": version, "application": fields}
    event(_import_json(json_files, json.dumps(doc), new_number))


@pytest.mark.slow
@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.data(), st.booleans())
def test_json_import_of_a_real_export_with_mutated_fields(json_files, data, new_number):
    base = data.draw(st.sampled_from(json_files[2]), label="base")
    doc = data.draw(mutate_json(base), label="mutated")
    event(_import_json(json_files, json.dumps(doc, ensure_ascii=data.draw(st.booleans())), new_number))


def test_the_unmutated_exports_import(json_files):
    for base in json_files[2]:
        assert _import_json(json_files, json.dumps(base), new_number=True) == "imported"


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
}


@pytest.mark.parametrize("make", [make for make, _escaped in JSON_BUGS.values()], ids=list(JSON_BUGS))
def test_json_inputs_that_once_crashed_are_refused_with_a_message(json_files, make):
    assert _import_json(json_files, make(json_files), new_number=True) == "ImportFormatError"


# ================================================================ 2. deltagare from Excel
ILLEGAL_XML = re.compile(r"[\000-\010\013\014\016-\037]")  # openpyxl refuses to write these
cell_text = st.text(max_size=30).map(lambda s: ILLEGAL_XML.sub("", s))
PLAUSIBLE_CELLS = [
    "Kvinna", "man", "K", "M", "kvinnor", "x", "Sjukpenning", "sjukpenning", "Arbete", "Avbrott", "Okänd kategori",
    "Skriftligt", "1985", "1899", "2200", "0", "-5", "2026-01-15", "2026-02-30", "2027-12-31", "1 juni 2020",
    "den femte", "20260115", "19811218-9876", "811218-9876", "811218+9876", "198112189876", "8112189876",
    "19810230-1234", "20991231-1234", "=1/0", "=A1", "=SUM(A1:A3)", "=", "#N/A", "#VALUE!", "#DIV/0!", "'=1/0",
    "T00001", "D00001", "\u00a0", "   ", "\t",
]
class AsText(str):
    """A cell value written as a text cell even when it starts with "=" (openpyxl would make it a formula)."""


wild_cell = st.one_of(
    st.sampled_from(["=1/0", "=A1", "=SUM(A1:A3)", "=", "=IF(", "=19811218-9876"]).map(AsText),
    st.none(), cell_text, st.text(alphabet=" \t\u00a0\u2003", min_size=1, max_size=6),
    st.sampled_from(PLAUSIBLE_CELLS), st.integers(-10**15, 10**15), st.integers(-10**20, 10**20),
    st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([0.5, -1.0, 45000.25, 1e15, 199001011234.0]),
    st.dates(), st.datetimes(), st.times(), st.booleans(),
    st.integers(100, 33_000).map(lambda n: "x" * n), st.integers(41, 200).map(lambda n: "K" * n),
)
COLUMN_COUNT = len(invented_rows(1)[0])
_codes = itertools.count(1)


COLUMN = {name: i for i, (name, _) in enumerate(COLUMNS)}


def _same_value_written_otherwise(draw, row: list) -> None:
    """The valid row's cells as a person might type them instead: dates as text or with a time, the
    personnummer short, without the dash or as a number, categories in other case or with spaces."""
    for name in ("start", "end", "consent_date"):
        d = row[COLUMN[name]]
        if d is not None:
            row[COLUMN[name]] = draw(st.sampled_from([d, d.isoformat(), d.strftime("%Y%m%d"),
                                                      datetime.combine(d, time(0, 0))]))
    pnr = row[COLUMN["personnummer"]]
    digits = pnr.replace("-", "")
    row[COLUMN["personnummer"]] = draw(st.sampled_from([pnr, digits, f"{digits[2:8]}-{digits[8:]}", int(digits),
                                                        f" {pnr} "]))
    for name in ("support", "outcome"):
        label = row[COLUMN[name]]
        if label:
            row[COLUMN[name]] = draw(st.sampled_from([label, label.upper(), label.lower(), f"  {label} "]))


def _other_people(rows: list[list], fresh: int) -> None:
    """Other valid personnummer (born up to 12 years earlier), the same for the same `fresh`; draws nothing, so
    hypothesis sees the same choices whatever earlier examples imported."""
    rng, used = random.Random(fresh), set()
    shift = timedelta(days=(fresh * 37) % 4400)
    for row in rows:
        p = parse_personnummer(row[COLUMN["personnummer"]], TODAY)
        pnr = invented_personnummer(rng, p.birth_date - shift, p.gender)
        while pnr in used:
            pnr = invented_personnummer(rng, p.birth_date - shift, p.gender)
        used.add(pnr)
        row[COLUMN["personnummer"]] = f"{pnr[:8]}-{pnr[8:]}"


@st.composite
def participant_rows(draw):
    """(clean, 1–15 rows): clean files are the invented valid rows, written in equivalent ways; the others
    have a few cells replaced by wild values in most rows, and now and then a wholly wild row."""
    n = draw(st.integers(1, 15), label="rows")
    rows = invented_rows(n, seed=draw(st.integers(0, 10**6)))
    fresh = next(_codes)  # fresh codes and people, so that a clean file is no duplicate of an earlier example's
    prefix = f"H{fresh:06d}"
    _other_people(rows, fresh)
    clean = draw(st.integers(0, 3)) == 0
    out = []
    for i, row in enumerate(rows):
        row[0] = f"{prefix}-{i}"
        _same_value_written_otherwise(draw, row)
        if clean:
            pass
        elif draw(st.integers(0, 5)) == 0:
            row = draw(st.lists(wild_cell, min_size=COLUMN_COUNT, max_size=COLUMN_COUNT))
        else:
            for col, value in draw(st.lists(st.tuples(st.integers(0, COLUMN_COUNT - 1), wild_cell), max_size=3)):
                row[col] = value
        out.append(row)
    return clean, out


@dataclass(repr=False)  # hypothesis prints the arguments of a failing example: not the template's bytes
class Register:
    db: object
    key: object
    insats_id: int
    template: bytes  # the app's own import template for the insats


@pytest.fixture(scope="module")
def register(home):
    db, key, insats_id = new_register(home)
    return Register(db, key, insats_id, participant_files.import_template(db, insats_id))


@pytest.fixture(scope="module")
def valid_xlsx(register) -> bytes:
    """A filled-in template that imports (its rows are never imported here: only damaged copies are tried)."""
    return _workbook(register.template, invented_rows(3, seed=7))


def _workbook(template: bytes, rows: list[list], header: list | None = None) -> bytes:
    """The app's own template with the rows from row 2 (and, if given, another header row): one load, one save."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(template))
    ws = wb["Deltagare"]
    if header is not None:
        for c in range(1, max(len(header), ws.max_column) + 1):
            ws.cell(row=1, column=c).value = header[c - 1] if c <= len(header) else None  # cell(value=None) keeps
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c)
            cell.value = str(value) if isinstance(value, AsText) else value
            if isinstance(value, AsText):
                cell.data_type = "s"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _maybe_filled(value) -> bool:
    """False only for a cell the importer certainly reads as empty."""
    return not (value is None or isinstance(value, str) and value.strip() == "")


def _personnummer_digits(value) -> str:
    if isinstance(value, bool):
        return ""
    if isinstance(value, int):
        return str(abs(value))
    if isinstance(value, float):
        return str(int(abs(value))) if math.isfinite(value) else ""
    return re.sub(r"\D", "", value) if isinstance(value, str) else ""


def _leaked_personnummer(rows: list[list], messages: list[str], column: int | None = 1) -> list[str]:
    """10- or 12-digit personnummer typed in the file's Personnummer column (index `column`) that a message
    repeats (with or without - or +)."""
    if column is None:
        return []
    others = " ".join(re.sub(r"\D", "", str(v)) for row in rows for c, v in enumerate(row)
                      if c != column and v is not None)
    secrets = set()
    for row in rows:
        digits = _personnummer_digits(row[column]) if len(row) > column else ""
        if len(digits) in (10, 12):
            secrets.add(digits[-10:])  # the ten-digit core is in both forms
    secrets = {s for s in secrets if s not in others}  # typed in another column too: echoing that is another matter
    message_digits = [re.sub(r"[-+\s]", "", run) for m in messages for run in re.findall(r"\d[\d\s+-]*\d", m)]
    return [s for s in secrets if any(s in run for run in message_digits)]


def _import_rows(register, data: bytes, rows: list[list], *, header_ok: bool = True,
                 personnummer_column: int | None = 1) -> tuple[str, list]:
    db, key, insats_id = register.db, register.key, register.insats_id
    before = db["participant"].count
    try:
        result = participant_files.import_participants(db, insats_id, data, key, TODAY)
    except ImportRejected as exc:
        assert header_ok, "a file without the header row must be refused as a whole, not row by row"
        assert str(exc).strip() and exc.errors
        filled = {r for r, row in enumerate(rows, start=2) if any(_maybe_filled(v) for v in row)}
        for e in exc.errors:
            assert e.row in filled, f"error on row {e.row}, which is not a data row of the file"
            assert e.message.strip() and str(e).startswith(f"Rad {e.row}: ")
        assert not _leaked_personnummer(rows, [str(exc), *map(str, exc.errors)], personnummer_column), \
            "a message repeats a personnummer"
        assert db["participant"].count == before
        return "rejected", exc.errors
    except ServiceError as exc:
        assert str(exc).strip()
        assert db["participant"].count == before
        return "ServiceError", []
    assert header_ok, "a file without the header row was imported"
    assert isinstance(result, ImportResult)
    assert len(result.ids) <= len(rows)
    assert db["participant"].count == before + len(result.ids)
    for participant_id in result.ids:
        p = participants.load(db, participant_id, key)
        assert p.insats_id == insats_id and p.start is not None
    return "imported", []


# A number in a date-formatted cell outside Excel's dates makes openpyxl warn (and read "#VALUE!", which the
# importer reports as "är inget datum"). This suite turns warnings into errors; the app does not.
excel_warnings = pytest.mark.filterwarnings("ignore:Cell .* is marked as a date:UserWarning")


@pytest.mark.slow
@excel_warnings
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(participant_rows())
def test_excel_import_of_the_template_with_random_cells(register, drawn):
    clean, rows = drawn
    outcome, errors = _import_rows(register, _workbook(register.template, rows), rows)
    event(f"{'clean' if clean else 'wild'} file: {outcome}")
    if clean:  # only a duplicate of someone imported by an earlier example may stop a clean file
        assert outcome == "imported" or all("finns redan i insatsen" in e.message for e in errors), errors


header_cell = st.one_of(st.none(), cell_text, st.sampled_from([h for _, h in COLUMNS]),
                        st.sampled_from(["Start", "Start datum", "Startdatum:", "Datum", "Personnr", "Insats"]),
                        st.integers(-5, 5), st.dates())


@pytest.mark.slow
@excel_warnings
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(header_cell, max_size=14), st.integers(1, 5), st.integers(0, 10**6))
def test_excel_import_with_a_random_header_row(register, header, n, seed):
    rows = invented_rows(n, seed=seed)
    for i, row in enumerate(rows):
        row[0] = f"R{next(_codes):06d}-{i}"
    folded = [fold(h.strip()) if isinstance(h, str) else None for h in header]
    has_start = "startdatum" in folded
    # The cells that are personnummer are those under the file's own Personnummer header (the first one).
    pnr_column = folded.index("personnummer") if "personnummer" in folded else None
    outcome, _ = _import_rows(register, _workbook(register.template, rows, header), rows, header_ok=has_start,
                              personnummer_column=pnr_column)
    event(outcome)
    if not has_start:
        assert outcome == "ServiceError"


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_excel_import_of_random_bytes_and_cut_files(register, valid_xlsx, data):
    kind = data.draw(st.sampled_from(["bytes", "zip-like", "cut"]))
    if kind == "bytes":
        raw = data.draw(st.binary(max_size=3000))
    elif kind == "zip-like":
        raw = b"PK\x03\x04" + data.draw(st.binary(max_size=3000))
    else:
        good = valid_xlsx
        raw = good[:data.draw(st.integers(0, len(good) - 1))]
    before = register.db["participant"].count
    with pytest.raises(ServiceError) as exc:
        participant_files.import_participants(register.db, register.insats_id, raw, register.key, TODAY)
    assert not isinstance(exc.value, ImportRejected) and "kan inte läsas" in str(exc.value)
    assert register.db["participant"].count == before


# ---------------------------------------------------------------- Excel import: known bugs
def _rezip(data: bytes, member: str, change) -> bytes:
    """The workbook with one member's bytes changed (a damaged file that is still a readable zip)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in source.namelist():
            content = source.read(name)
            z.writestr(name, change(content) if name == member else content)
    return out.getvalue()


def _bad_crc(data: bytes) -> bytes:
    """Flip one byte inside the stored (uncompressed) sheet, so only its CRC check fails, when it is read."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for name in source.namelist():
            z.writestr(name, source.read(name))
    raw = bytearray(out.getvalue())
    at = raw.index(b"<sheetData>") + 3
    raw[at] ^= 0x01
    return bytes(raw)


SHEET = "xl/worksheets/sheet1.xml"
EXCEL_BUGS = {  # id → (damage, the exception that escapes today)
    "sheet XML cut in half (xml ParseError)": (lambda d: _rezip(d, SHEET, lambda b: b[:len(b) // 2]), ParseError),
    "a letter in a cell's <v> (ValueError from openpyxl)": (lambda d: _rezip(
        d, SHEET, lambda b: b.replace(b"<v>", b"<v>abc", 1)), ValueError),
    "a damaged byte in the sheet (BadZipFile: Bad CRC-32)": (_bad_crc, zipfile.BadZipFile),
}


@pytest.mark.parametrize("damage", [damage for damage, _escaped in EXCEL_BUGS.values()], ids=list(EXCEL_BUGS))
def test_excel_import_of_a_damaged_workbook(register, valid_xlsx, damage):
    data = damage(valid_xlsx)
    before = register.db["participant"].count
    try:
        with pytest.raises(ServiceError, match="kan inte läsas"):
            participant_files.import_participants(register.db, register.insats_id, data, register.key, TODAY)
    finally:
        assert register.db["participant"].count == before  # nothing is saved either way


@pytest.mark.parametrize("column", ["Startdatum", "Samtycke, datum", "Försörjning vid start"])
def test_a_personnummer_in_the_wrong_column_is_not_repeated_in_the_report(register, column):
    row = invented_rows(1, seed=11)[0]
    row[0] = f"W{next(_codes):06d}"
    pnr = row[1]
    row[[h for _, h in COLUMNS].index(column)] = pnr
    with pytest.raises(ImportRejected) as exc:
        participant_files.import_participants(register.db, register.insats_id, _workbook(register.template, [row]),
                                              register.key, TODAY)
    report = "\n".join(map(str, exc.value.errors))
    assert pnr[2:].replace("-", "") not in re.sub(r"[-+]", "", report), report


# ================================================================ 3. form templates
TEMPLATE_FILES = sorted(FORMS.glob("*.json"))
template_wrong = (st.none() | st.booleans() | st.integers(-3, 10**6) | st.floats(allow_nan=False)
                  | st.text(max_size=12)
                  | st.sampled_from([*ANSWER_KINDS, *BINDINGS, *TABLE_TYPES, "", " ", "{year}", "Sökt {year}", "kr",
                                     "tkr", "mkr", "ranges", "start_end", "compact", "iso", "text_short", "id"])
                  | st.lists(st.text(max_size=6) | st.integers(), max_size=3)
                  | st.dictionaries(st.sampled_from(["type", "role", "categories", "unit", "x"]), scalars, max_size=3))
template_keys = st.sampled_from(["id", "heading", "help", "answer", "binds", "table", "paragraphs", "after",
                                 "required", "new_page", "inline", "type", "role", "columns", "min_rows",
                                 "categories", "unit", "year_label", "style", "phases", "date_style", "lines",
                                 "signature", "own_column", "x", "header", "subtitle"]) | st.text(max_size=8)
mutate_template = _mutations(template_wrong, template_keys)


def _check_template(raw) -> str:
    try:
        t = parse_template(raw)
    except TemplateError as exc:
        assert str(exc).strip()
        return "TemplateError"
    assert isinstance(t, FormTemplate) and isinstance(t.id, str) and t.id
    ids = [s.id for s in t.sections]
    assert len(ids) == len(set(ids)) and all(t.section(i).id == i for i in ids)
    assert any(s.binds == "name" for s in t.sections)
    assert t.unit in ("kr", "tkr") and all(s.answer in ANSWER_KINDS for s in t.sections)
    _ = (t.budget, t.timeplan, t.contact_roles, [s.short for s in t.sections])
    return "valid"


@settings(max_examples=300)
@given(json_values)
def test_templates_of_random_shape(raw):
    event(_check_template(raw))


@pytest.mark.slow
@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_templates_mutated_from_the_real_files(data):
    path = data.draw(st.sampled_from(TEMPLATE_FILES), label="file")
    base = json.loads(path.read_text(encoding="utf-8"))
    event(_check_template(data.draw(mutate_template(base), label="mutated")))


def test_the_real_templates_parse():
    assert TEMPLATE_FILES and all(_check_template(json.loads(p.read_text(encoding="utf-8"))) == "valid"
                                  for p in TEMPLATE_FILES)
