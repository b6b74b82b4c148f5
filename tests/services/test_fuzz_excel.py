"""Fuzzing the deltagare importer (Excel): the app's own template with random cells, a random header row, random
bytes and cut files, damaged workbooks, and hostile files written byte by byte (tests/fixtures/hostile_xlsx.py):
a lying <dimension>, numbers that overflow, a bad shared-string index, texts of 50 MB, zip bombs. The property
and the size of a run: tests/fixtures/fuzz.py. Besides, no report ever repeats what a cell holds: no name and
no personnummer, in whichever column they were typed.
"""
from __future__ import annotations

import io
import itertools
import random
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from xml.etree.ElementTree import ParseError

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from finsamdesk.documents.participants_excel import COLUMNS
from finsamdesk.domain.identifiers import parse_personnummer
from finsamdesk.domain.text import fold
from finsamdesk.services import participant_files, participants
from finsamdesk.services.demo_participants import invented_personnummer
from finsamdesk.services.errors import ServiceError
from finsamdesk.services.participant_files import ImportRejected, ImportResult
from tests.fixtures import hostile_xlsx
from tests.fixtures.fuzz import Snapshot, examples, outcome
from tests.fixtures.participant_files import TODAY, invented_rows, new_register

ILLEGAL_XML = re.compile(r"[\000-\010\013\014\016-\037]")  # openpyxl refuses to write these
cell_text = st.text(max_size=30).map(lambda s: ILLEGAL_XML.sub("", s))
PLAUSIBLE_CELLS = [
    "Kvinna", "man", "K", "M", "kvinnor", "x", "Sjukpenning", "sjukpenning", "Arbete", "Avbrott", "Okänd kategori",
    "Skriftligt", "1985", "1899", "2200", "0", "-5", "2026-01-15", "2026-02-30", "2027-12-31", "1 juni 2020",
    "den femte", "20260115", "19811218-9876", "811218-9876", "811218+9876", "198112189876", "8112189876",
    "19810230-1234", "20991231-1234", "=1/0", "=A1", "=SUM(A1:A3)", "=", "#N/A", "#VALUE!", "#DIV/0!", "'=1/0",
    "T00001", "D00001", "\u00a0", "   ", "\t", "Anna Testsson", "Testsson, Anna", "ANNA TESTSSON 1981",
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
    snapshot: Snapshot


@pytest.fixture(scope="module")
def register(fuzz_home):
    db, key, insats_id = new_register(fuzz_home)
    yield Register(db, key, insats_id, participant_files.import_template(db, insats_id), Snapshot(db))
    db.close()


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


def _leaks(messages: list[str]) -> list[str]:
    """What a message repeats of a cell: a run of ten digits or more (with or without - + or spaces: a
    personnummer, in whichever column it was typed; a message has row numbers and years, never that many
    digits), or an invented person's surname."""
    runs = [re.sub(r"[-+\s]", "", run) for m in messages for run in re.findall(r"\d[\d\s+-]*\d", m)]
    return [run for run in runs if len(run) >= 10] + [m for m in messages if "testsson" in m.lower()]


def _import_rows(register, data: bytes, rows: list[list], *, header_ok: bool = True) -> tuple[str, list]:
    db, key, insats_id = register.db, register.key, register.insats_id
    before, count = register.snapshot(), db["participant"].count
    try:
        result = participant_files.import_participants(db, insats_id, data, key, TODAY)
    except ImportRejected as exc:
        assert header_ok, "a file without the header row must be refused as a whole, not row by row"
        assert str(exc).strip() and exc.errors
        filled = {r for r, row in enumerate(rows, start=2) if any(_maybe_filled(v) for v in row)}
        for e in exc.errors:
            assert e.row in filled, f"error on row {e.row}, which is not a data row of the file"
            assert e.message.strip() and str(e).startswith(f"Rad {e.row}: ")
        assert not _leaks([str(exc), *map(str, exc.errors)]), "a message repeats what a cell holds"
        assert register.snapshot() == before, "a refused import changed the file"
        return "rejected", exc.errors
    except ServiceError as exc:
        assert str(exc).strip() and not _leaks([str(exc)])
        assert register.snapshot() == before, "a refused import changed the file"
        return "ServiceError", []
    assert header_ok, "a file without the header row was imported"
    assert isinstance(result, ImportResult)
    assert len(result.ids) <= len(rows)
    assert db["participant"].count == count + len(result.ids)
    assert not _leaks(result.ignored_columns)
    for participant_id in result.ids:
        p = participants.load(db, participant_id, key)
        assert p.insats_id == insats_id and p.start is not None
    return "imported", []


# A number in a date-formatted cell outside Excel's dates makes openpyxl warn (and read "#VALUE!", which the
# importer reports as "är inget datum"). This suite turns warnings into errors; the app does not.
excel_warnings = pytest.mark.filterwarnings("ignore:Cell .* is marked as a date:UserWarning")


@pytest.mark.slow
@excel_warnings
@settings(max_examples=examples(160), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(participant_rows())
def test_excel_import_of_the_template_with_random_cells(register, drawn):
    clean, rows = drawn
    what, errors = _import_rows(register, _workbook(register.template, rows), rows)
    outcome("xlsx", f"{'clean' if clean else 'wild'} file: {what}")
    if clean:  # only a duplicate of someone imported by an earlier example may stop a clean file
        assert what == "imported" or all("finns redan i insatsen" in e.message for e in errors), errors


header_cell = st.one_of(st.none(), cell_text, st.sampled_from([h for _, h in COLUMNS]),
                        st.sampled_from(["Start", "Start datum", "Startdatum:", "Datum", "Personnr", "Insats"]),
                        st.integers(-5, 5), st.dates())


@pytest.mark.slow
@excel_warnings
@settings(max_examples=examples(80), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(header_cell, max_size=14), st.integers(1, 5), st.integers(0, 10**6))
def test_excel_import_with_a_random_header_row(register, header, n, seed):
    rows = invented_rows(n, seed=seed)
    for i, row in enumerate(rows):
        row[0] = f"R{next(_codes):06d}-{i}"
    folded = [fold(h.strip()) if isinstance(h, str) else None for h in header]
    has_start = "startdatum" in folded
    what, _ = _import_rows(register, _workbook(register.template, rows, header), rows, header_ok=has_start)
    outcome("xlsx", f"random header: {what}")
    if not has_start:
        assert what == "ServiceError"


@settings(max_examples=examples(120), deadline=None)
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
    before = register.snapshot()
    with pytest.raises(ServiceError) as exc:
        participant_files.import_participants(register.db, register.insats_id, raw, register.key, TODAY)
    assert not isinstance(exc.value, ImportRejected) and "kan inte läsas" in str(exc.value)
    assert register.snapshot() == before
    outcome("xlsx", f"{kind}: ServiceError")


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
    before = register.snapshot()
    try:
        with pytest.raises(ServiceError, match="kan inte läsas"):
            participant_files.import_participants(register.db, register.insats_id, data, register.key, TODAY)
    finally:
        assert register.snapshot() == before  # nothing is saved either way
    outcome("xlsx", "damaged: ServiceError")


@pytest.mark.parametrize(("typed", "column"), [
    *(("personnummer", h) for name, h in COLUMNS if name not in ("personnummer", "name", "note")),
    *(("name", h) for name, h in COLUMNS if name not in ("code", "personnummer", "name", "note", "consent_how"))])
def test_a_personnummer_or_a_name_in_the_wrong_column_is_not_repeated_in_the_report(register, typed, column):
    row = invented_rows(1, seed=11)[0]
    row[0] = f"W{next(_codes):06d}"
    secret = row[1] if typed == "personnummer" else row[2]
    row[[h for _, h in COLUMNS].index(column)] = secret
    with pytest.raises(ImportRejected) as exc:
        participant_files.import_participants(register.db, register.insats_id, _workbook(register.template, [row]),
                                              register.key, TODAY)
    report = "\n".join(map(str, exc.value.errors))
    assert exc.value.errors and not _leaks([report]), report
    assert all(f"Rad 2: {column}: " in str(e) for e in exc.value.errors if column in str(e))
    outcome("xlsx", "wrong column: rejected")


# ---------------------------------------------------------------- hostile files, written byte by byte
HOSTILE = {  # id → (file, what the refusal says)
    "1e400 as personnummer (OverflowError)": (
        lambda: hostile_xlsx.xlsx([["X1", ("raw", "<v>1e400</v>"), None, "Kvinna", None, "2026-01-15"]]),
        "Rad 2: Personnummer: värdet är inget personnummer"),
    "a shared-string index past the table (IndexError)": (
        lambda: hostile_xlsx.xlsx([[("s", 5), None, None, "Kvinna", None, "2026-01-15"]], shared=["a"]),
        "kan inte läsas som en Excel-fil"),
    "a name of 50 MB (accepted)": (
        lambda: hostile_xlsx.xlsx([["N1", None, "x" * 50_000_000, "Kvinna", None, "2026-01-15"]]),
        r"högst 50 MB kan läsas|packas upp till för mycket|mer än 32 767 tecken"),
    "a name of 40 000 characters (accepted)": (
        lambda: hostile_xlsx.xlsx([["N2", None, "x" * 40_000, "Kvinna", None, "2026-01-15"]]),
        "En cell på rad 2 har mer än 32 767 tecken"),
    "a name of 300 characters (accepted)": (
        lambda: hostile_xlsx.xlsx([["N3", None, "x" * 300, "Kvinna", None, "2026-01-15"]]),
        "Rad 2: Namn: texten är för lång: högst 200 tecken"),
    "a sheet that unpacks to 130 MB (a zip bomb: memory)": (
        lambda: hostile_xlsx.bomb(130, "sheet"), "blir 130 MB \\(högst 120 MB\\)"),
    "shared strings that unpack to 40 MB (a zip bomb: memory, time)": (
        lambda: hostile_xlsx.bomb(40, "shared"), "texterna blir 40 MB \\(högst 32 MB\\)"),
    "a row of 5 000 cells": (
        lambda: hostile_xlsx.xlsx([[*hostile_xlsx.valid_row(), *[1] * 5000]]), "Rad 2 har fler än 1 000 celler"),
    "100 011 rows": (lambda: hostile_xlsx.xlsx([["R", None, None, "Man"]] * 100_011),
                     "Bladet har fler än 100 000 rader"),
    "a row numbered 5 000 000": (lambda: hostile_xlsx.xlsx([], members={SHEET: hostile_xlsx.sheet_xml(
        [hostile_xlsx.HEADER]).replace("</sheetData>", '<row r="5000000"><c r="A5000000"><v>1</v></c></row>'
                                                         "</sheetData>").encode()}), "något på rad 5 000 000"),
}


@pytest.mark.parametrize("make", [make for make, _says in HOSTILE.values()], ids=list(HOSTILE))
def test_a_hostile_file_is_refused_and_says_which_limit_it_passed(register, make):
    says = dict(HOSTILE.values())[make]
    before = register.snapshot()
    with pytest.raises(ServiceError) as refused:
        participant_files.import_participants(register.db, register.insats_id, make(), register.key, TODAY)
    text = "\n".join([str(refused.value), *map(str, getattr(refused.value, "errors", []))])
    assert re.search(says, text), text
    assert register.snapshot() == before
    outcome("xlsx", "hostile: refused")


def test_a_sheet_whose_dimension_says_two_rows_imports_all_five(register):
    rows = [hostile_xlsx.valid_row(n) for n in range(1, 6)]
    for row in rows:
        row[0] = f"DIM{next(_codes):06d}"
    result = participant_files.import_participants(register.db, register.insats_id,
                                                   hostile_xlsx.xlsx(rows, dimension="A1:L2"), register.key, TODAY)
    assert len(result.ids) == 5
    outcome("xlsx", "hostile: imported")

