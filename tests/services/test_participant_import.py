"""Importing deltagare from Excel: all or nothing, every bad row named by number and reason; the issue's
"done when" from the 10 000-row file to a look into the SQLite file."""
from __future__ import annotations

import io
import re
import shutil
import sqlite3
import subprocess

import pypdf
import pytest
from openpyxl import load_workbook

from finsamdesk.services import participant_files, participants
from finsamdesk.services.errors import ServiceError
from tests.fixtures.closing import close_at_end
from tests.fixtures.participant_files import (
    PASSPHRASE,
    TODAY,
    import_file,
    invented_rows,
    new_register,
)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def test_the_template_has_the_columns_and_drop_down_lists(tmp_path):
    db, _key, insats_id = new_register(tmp_path)
    close_at_end(db)
    wb = load_workbook(io.BytesIO(participant_files.import_template(db, insats_id)))
    ws = wb["Deltagare"]
    assert [c.value for c in ws[1]] == ["Deltagar-id", "Personnummer", "Namn", "Kön", "Födelseår", "Startdatum",
                                        "Slutdatum", "Försörjning vid start", "Utfall vid avslut", "Samtycke, datum",
                                        "Samtycke, hur", "Anteckning"]
    lists = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"}
    assert lists == {"D2": "lista_kon", "H2": "lista_forsorjning", "I2": "lista_utfall", "K2": "lista_samtycke"}
    listor = wb["Listor"]
    assert listor.sheet_state == "hidden"
    assert [c.value for c in listor["A"] if c.value] == ["Kvinna", "Man"]
    assert "Sjukpenning" in [c.value for c in listor["B"]] and "Avbrott" in [c.value for c in listor["C"]]
    assert "Steget vidare" in wb["Anvisning"]["A1"].value


@pytest.mark.slow
def test_five_bad_rows_in_ten_thousand_are_named_and_nothing_is_imported_then_the_fixed_file_imports(tmp_path):
    db, key, insats_id = new_register(tmp_path)
    close_at_end(db)
    rows = invented_rows(10_000)
    good_pnr = rows[4000][1]
    rows[17][1] = rows[17][1][:-1] + str((int(rows[17][1][-1]) + 1) % 10)  # sheet row 19: wrong check digit
    rows[248][6] = rows[248][5].replace(year=2024)  # row 250: end before start
    rows[997][7] = "Sjukpeng"  # row 999: unknown category
    rows[4998][1], rows[4998][5], rows[4998][6] = good_pnr, rows[4000][5], rows[4000][6]  # row 5000: same person
    rows[9998][0] = rows[9000][0]  # row 10000: the deltagar-id of row 9002
    data = import_file(db, insats_id, rows)
    with pytest.raises(participant_files.ImportRejected) as caught:
        participant_files.import_participants(db, insats_id, data, key, TODAY)
    errors = caught.value.errors
    assert [e.row for e in errors] == [19, 250, 999, 5000, 10000]
    text = "\n".join(str(e) for e in errors)
    assert "Rad 19: Personnummer: personnumret har fel kontrollsiffra." in text
    assert "Rad 250: Slutdatum: slutdatum är före startdatum." in text
    assert "Rad 999: Försörjning vid start: okänd kategori; välj en i listan." in text
    assert "Sjukpeng" not in text  # what a cell holds is never repeated (it may be a name in the wrong column)
    assert "Rad 5000: Personnummer: samma person som rad 4002 under samma tid (dubblett)." in text
    assert "Rad 10000: Deltagar-id: samma som rad 9002 (dubblett)." in text
    assert _digits(good_pnr) not in _digits(text) and _digits(rows[17][1]) not in _digits(text)
    assert str(caught.value) == "Ingenting importerades: 5 rader är felaktiga."
    assert db["participant"].count == 0

    original = invented_rows(10_000)  # the coordinator corrects the five rows
    for index in (17, 248, 997, 4998, 9998):
        rows[index] = original[index]
    progress = []
    result = participant_files.import_participants(db, insats_id, import_file(db, insats_id, rows), key, TODAY,
                                                   progress=lambda done, total: progress.append((done, total)))
    assert len(result.ids) == 10_000 and result.with_identifiers == 10_000
    assert progress[-1][0] == progress[-1][1] and len(progress) > 20

    stats = participant_files.statistics(db, 2026)
    genders = participant_files.statistics(db, None).participants
    assert (genders.women, genders.men) == (5000, 5000)
    assert stats.ages.adds_up and stats.ages.total == stats.participants
    workbook = load_workbook(io.BytesIO(participant_files.statistics_xlsx(db, 2026)), data_only=False)
    sheet = workbook["Statistik"]
    values = {row[0].value: [c.value for c in row[1:3]] for row in sheet.iter_rows() if row[0].value}
    assert values["I register"] == [stats.participants.women, stats.participants.men]
    assert values["15–24"] == [dict(stats.ages.parts)["15–24"].women, dict(stats.ages.parts)["15–24"].men]
    pdf = " ".join(" ".join(p.extract_text().split()) for p in
                   pypdf.PdfReader(io.BytesIO(participant_files.statistics_pdf(db, 2026))).pages)
    assert f"Totalt {stats.participants.women} {stats.participants.men} {stats.participants.total}" in pdf

    path = tmp_path / "register.sqlite"
    db.conn.close()  # the window has locked and closed the file; look into it as anyone could
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("register.sqlite*"))
    for row in rows[:200] + rows[-200:]:
        assert _digits(row[1]).encode() not in raw and row[1].encode() not in raw
        assert row[2].encode("utf-8") not in raw and row[11].encode("utf-8") not in raw
    conn = sqlite3.connect(path)
    dumped = "\n".join(conn.iterdump())
    conn.close()
    assert _digits(rows[0][1]) not in _digits(dumped) and "Testsson" not in dumped
    if shutil.which("sqlite3"):
        out = subprocess.run(["sqlite3", str(path), ".dump participant"], capture_output=True, text=True,
                             check=True).stdout
        assert "T00001" in out and _digits(rows[0][1])[2:] not in _digits(out) and "Testsson" not in out


def test_identifiers_need_the_key_and_an_individual_register(tmp_path):
    db, key, insats_id = new_register(tmp_path)
    close_at_end(db)
    data = import_file(db, insats_id, invented_rows(3))
    with pytest.raises(participant_files.ImportRejected) as caught:
        participant_files.import_participants(db, insats_id, data, None, TODAY)
    assert [str(e) for e in caught.value.errors] == [
        "Rad 2: registret är låst; lås upp det för att importera personnummer, namn och anteckningar."]
    without = [[r[0], "", "", "Kvinna", 1980, r[5], None, None, None, None, None, None] for r in invented_rows(3)]
    assert len(participant_files.import_participants(db, insats_id, import_file(db, insats_id, without), None,
                                                     TODAY).ids) == 3
    from finsamdesk.domain.insatser import Insats
    from finsamdesk.services import insatser

    counted = insatser.save(db, Insats("Bara antal"))
    with pytest.raises(ServiceError, match="redovisar bara antal"):
        participant_files.import_participants(db, counted.id, data, key, TODAY)


def test_duplicates_against_the_register_and_cell_errors(tmp_path):
    db, key, insats_id = new_register(tmp_path)
    close_at_end(db)
    first = invented_rows(2)
    participant_files.import_participants(db, insats_id, import_file(db, insats_id, first), key, TODAY)
    again = invented_rows(2)
    again[1][0] = "T99999"
    again.append(["", "", "", "Okänd", "nittio", "den femte", None, None, "Arbete", None, None, None])
    with pytest.raises(participant_files.ImportRejected) as caught:
        participant_files.import_participants(db, insats_id, import_file(db, insats_id, again), key, TODAY)
    text = [str(e) for e in caught.value.errors]
    assert "Rad 2: Deltagar-id: finns redan i insatsen (dubblett)." in text
    assert "Rad 3: Personnummer: personen finns redan i insatsen under samma tid (dubblett)." in text
    assert "Rad 4: Kön: skriv Kvinna eller Man." in text
    assert "Rad 4: Födelseår: skriv ett årtal, t.ex. 1985." in text
    assert "Rad 4: Startdatum: värdet är inget datum; skriv t.ex. 2026-01-15." in text
    assert not any("den femte" in t for t in text)
    assert "Rad 4: Utfall vid avslut: utfall kan bara anges när deltagaren har ett slutdatum." in text
    assert db["participant"].count == 2


def test_a_file_that_is_not_a_participant_list(tmp_path):
    db, key, insats_id = new_register(tmp_path)
    close_at_end(db)
    with pytest.raises(ServiceError, match="kan inte läsas som en Excel-fil"):
        participant_files.import_participants(db, insats_id, b"inte en arbetsbok", key, TODAY)
    from finsamdesk.documents.excel_list import write_table_xlsx

    other = write_table_xlsx(["Namn", "Belopp"], [["x", 1]])
    with pytest.raises(ServiceError, match="saknar rubrikraden"):
        participant_files.import_participants(db, insats_id, other, key, TODAY)


def test_an_export_with_identifiers_imports_into_another_file_and_says_it_holds_personal_data(tmp_path):
    db, key, insats_id = new_register(tmp_path)
    close_at_end(db)
    participant_files.import_participants(db, insats_id, import_file(db, insats_id, invented_rows(4)), key, TODAY)
    ids = [r[participants.Row.ID] for r in participants.Register(db).rows]
    plain = load_workbook(participant_files.export_xlsx(db, ids, key, False, tmp_path / "utan.xlsx"))["Deltagare"]
    cells = [c.value for row in plain.iter_rows() for c in row if c.value is not None]
    assert "Personnummer" not in cells and not any("Testsson" in str(c) for c in cells)
    assert plain["A1"].value.startswith("Utan personnummer")
    with pytest.raises(ServiceError, match="låst"):
        participant_files.export_xlsx(db, ids, None, True, tmp_path / "låst.xlsx")
    assert not (tmp_path / "låst.xlsx").exists()
    data = participant_files.export_xlsx(db, ids, key, True, tmp_path / "med.xlsx").read_bytes()
    workbook = load_workbook(io.BytesIO(data))
    assert workbook["Deltagare"]["A1"].value.startswith("INNEHÅLLER PERSONUPPGIFTER")
    assert workbook.properties.keywords == "personuppgifter"
    other_db, other_key, other_insats = new_register(tmp_path, "annan.sqlite")
    close_at_end(other_db)
    result = participant_files.import_participants(other_db, other_insats, data, other_key, TODAY)
    assert len(result.ids) == 4 and result.ignored_columns == ["A (Insats)"]
    names = sorted(participants.load(other_db, i, other_key).name for i in result.ids)
    assert names == [f"Person {n} Testsson" for n in range(1, 5)]
    assert PASSPHRASE not in str(result)


def test_a_cancelled_import_saves_nothing(tmp_path):
    db, key, insats_id = new_register(tmp_path)
    close_at_end(db)
    data = import_file(db, insats_id, invented_rows(1200))
    seen = []

    def progress(done, total):
        seen.append(done)

    with pytest.raises(participant_files.ImportCancelled, match="avbröts; ingenting importerades"):
        participant_files.import_participants(db, insats_id, data, key, TODAY, progress=progress,
                                              cancelled=lambda: bool(seen))
    assert db["participant"].count == 0 and seen


def test_a_lock_while_the_rows_are_being_saved_still_saves_nothing(tmp_path):
    db, key, insats_id = new_register(tmp_path)
    close_at_end(db)
    rows = 1200
    data = import_file(db, insats_id, invented_rows(rows))
    saving = []

    def progress(done, total):
        if done > 2 * rows and done < total:  # the third part of the scale: rows are being written
            saving.append(done)

    with pytest.raises(participant_files.ImportCancelled):
        participant_files.import_participants(db, insats_id, data, key, TODAY, progress=progress,
                                              cancelled=lambda: bool(saving))
    assert saving and db["participant"].count == 0


def test_a_file_bigger_than_an_import_takes_is_refused_before_it_is_read(tmp_path):
    from finsamdesk.services.input_files import read_import_file

    big = tmp_path / "stor fil #1.xlsx"
    with big.open("wb") as fh:  # sparse: 60 MB on paper, nothing on disk
        fh.truncate(60 * 1024 * 1024)
    with pytest.raises(ServiceError, match=r"stor fil #1.xlsx är 60 MB; högst 50 MB kan läsas in"):
        read_import_file(big, participant_files.MAX_IMPORT_BYTES)
    with pytest.raises(ServiceError, match="saknas.xlsx kan inte läsas: finns inte"):
        read_import_file(tmp_path / "saknas.xlsx", participant_files.MAX_IMPORT_BYTES)
