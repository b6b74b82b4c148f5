"""JSON export/import between real files, and the list as Excel."""
import io
import json
from datetime import date

import pytest
from openpyxl import load_workbook

from finsamdesk.documents.json_io import ImportFormatError
from finsamdesk.domain.application import ContactRow
from finsamdesk.domain.registers import Organisation
from finsamdesk.services import applications, demo, exchange, registers
from finsamdesk.services.errors import ServiceError
from finsamdesk.services.output import write_file_atomic
from finsamdesk.store.connection import open_database
from tests.fixtures.closing import close_at_end

TODAY = date(2024, 6, 15)


@pytest.fixture
def source(tmp_path):
    db = close_at_end(open_database(tmp_path / "källa.sqlite"))
    demo.create_example_data(db, TODAY)
    return db


@pytest.fixture
def target(tmp_path):
    db = open_database(tmp_path / "mål.sqlite")
    yield db
    db.close()


def counts(db):
    return {t: db[t].count for t in db.table_names()}


def decided(db, status="delvis_beviljad"):
    return next(r for r in applications.list_rows(db) if r.status == status)


def test_export_import_is_lossless_including_history_and_granted(source, target, tmp_path):
    for row in applications.list_rows(source):
        text = exchange.export_application_json(source, row.diarienummer)
        imported = exchange.import_application_json(target, text)
        again = exchange.export_application_json(target, imported.id)
        a, b = json.loads(text), json.loads(again)
        # Applicants' organisations are not in the empty target register: kept as the file has them.
        assert a == b and any(x["organisation"] for x in b["application"]["applicants"])
    row = decided(target)
    app = applications.find(target, row.diarienummer)
    original = applications.find(source, row.diarienummer)
    assert app.history[-1].granted == original.history[-1].granted and app.history[-1].granted
    assert [(e.status, e.date, e.note, e.who) for e in app.history] == \
           [(e.status, e.date, e.note, e.who) for e in original.history]
    assert app.budget.cells == original.budget.cells and app.sections == original.sections


def test_applicants_matched_on_orgnr_then_name_never_created(source, target):
    registers.save_organisation(target, fk := Organisation("FK (annat namn)", "202100-5521", "forsakringskassan"))
    registers.save_organisation(target, kommun := Organisation("EXEMPELBY KOMMUN", "", "kommun"))
    key = next(r.diarienummer for r in applications.list_rows(source) if r.name == "Samverkansteam Exempelby")
    app = exchange.import_application_json(target, exchange.export_application_json(source, key))
    links = {a.name: a.organisation_id for a in app.applicants}
    assert links == {"Exempelby kommun": kommun.id, "Försäkringskassan": fk.id, "Arbetsförmedlingen": None}
    assert len(registers.organisations(target)) == 2
    assert all(c.contact_id is None for c in app.contacts)


def test_taken_diarienummer_refused_and_nothing_changed(source, target):
    text = exchange.export_application_json(source, "2023-001")
    exchange.import_application_json(target, text)
    before = counts(target)
    with pytest.raises(exchange.DiarienummerTakenError, match="2023-001 används redan"):
        exchange.import_application_json(target, text)
    assert counts(target) == before


def test_new_number_gives_next_number_of_the_year(source, target):
    text = exchange.export_application_json(source, "2023-001")
    exchange.import_application_json(target, text)
    second = exchange.import_application_json(target, text, new_number=True, today=date(2025, 3, 1))
    third = exchange.import_application_json(target, text, new_number=True, today=date(2025, 3, 1))
    assert (second.diarienummer, third.diarienummer) == ("2025-001", "2025-002")
    assert applications.find(target, "2025-002").name == applications.find(source, "2023-001").name
    # A free number is kept even with new_number.
    other = exchange.export_application_json(source, "2023-002")
    assert exchange.import_application_json(target, other, new_number=True).diarienummer == "2023-002"


def test_unknown_template_section_or_bad_file_imports_nothing(source, target):
    good = json.loads(exchange.export_application_json(source, "2023-001"))
    before = counts(target)
    bad = json.loads(json.dumps(good))
    bad["application"]["template_id"] = "finns-inte"
    with pytest.raises(ServiceError, match="finns-inte"):
        exchange.import_application_json(target, json.dumps(bad))
    bad = json.loads(json.dumps(good))
    bad["application"]["sections"]["påhittat"] = "x"
    with pytest.raises(ImportFormatError, match="sections.påhittat"):
        exchange.import_application_json(target, json.dumps(bad))
    bad = json.loads(json.dumps(good))
    bad["application"]["budget"]["cells"][0]["amount_ore"] = 1.5
    with pytest.raises(ImportFormatError, match=r"budget\.cells\[0\]\.amount_ore"):
        exchange.import_application_json(target, json.dumps(bad))
    with pytest.raises(ImportFormatError):
        exchange.import_application_json(target, b"\xff\xfe not json")
    assert counts(target) == before


def test_failure_inside_the_transaction_rolls_back(source, target, monkeypatch):
    text = exchange.export_application_json(source, "2023-001")
    before = counts(target)
    real_save = exchange.store._save_history

    def broken(db, app):
        real_save(db, app)
        raise RuntimeError("disk full")
    monkeypatch.setattr(exchange.store, "_save_history", broken)
    with pytest.raises(RuntimeError):
        exchange.import_application_json(target, text)
    assert counts(target) == before


def test_unknown_key_is_a_clear_error(source):
    with pytest.raises(ServiceError, match="Det finns ingen ansökan ”1999-999”"):
        exchange.export_application_json(source, "1999-999")


def test_application_list_as_excel(source, tmp_path):
    rows = sorted(applications.list_rows(source), key=lambda r: r.diarienummer)
    out = exchange.export_application_list_xlsx(source, rows, tmp_path / "lista.xlsx")
    ws = load_workbook(io.BytesIO(out.read_bytes())).active
    assert [c.value for c in ws[1]] == exchange.LIST_HEADERS
    assert ws.max_row == len(rows) + 1
    by_dnr = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    row = decided(source, "beviljad")
    cells = by_dnr[row.diarienummer]
    assert cells[5].value == row.sought_ore / 100 and "kr" in cells[5].number_format
    assert cells[6].value == "Beviljad"
    assert cells[3].value.date() == row.period_start and cells[7].value.date() == row.next_step
    assert not list(tmp_path.glob(".lista.xlsx.*"))  # no temporary file left behind


def test_atomic_write_into_missing_folder_is_a_service_error(tmp_path):
    with pytest.raises(ServiceError, match="finns inte"):
        write_file_atomic(tmp_path / "nej" / "x.json", "{}")


def test_contact_snapshot_survives_export(source, target):
    app = applications.find(source, "2023-001")
    app.contacts.append(ContactRow("ovriga", "Extra Exempel", "Egen org", "", ""))
    applications.save_change(source, app, "En kontakt till", "Eva Chef")  # 2023-001 is beviljad
    imported = exchange.import_application_json(target, exchange.export_application_json(source, app.id))
    assert imported.contacts[-1].name == "Extra Exempel"
