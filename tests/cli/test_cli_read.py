"""`finsamdesk applications read FIL [--template MALL] [--out UT.json] [--save]`."""
from __future__ import annotations

import json

import pytest

from finsamdesk.services import applications
from finsamdesk.store.connection import open_database
from tests.fixtures import seed_forms, seed_pdfs
from tests.fixtures.cli import run
from tests.fixtures.form_compare import assert_same_form
from tests.fixtures.seed_applications import pas


@pytest.fixture
def pas_pdf(tmp_path):
    path = tmp_path / "PAS #2 (kopia) 50%?.pdf"
    path.write_bytes(seed_pdfs.pas_pdf())
    return path


def test_read_prints_the_review_and_saves_nothing(capsys, tmp_path, pas_pdf):
    data = tmp_path / "förbund.sqlite"
    code, out, err = run(capsys, "applications", "read", pas_pdf, "--file", data)
    assert code == 0, err
    assert "Formulär:   Samordningsförbundet Burlöv-Staffanstorp (version 5)" in out
    assert "FEL: Summa kostnader för År 2020 är 735" in out
    assert "annette.christiansson@staffanstorp.se" in out
    assert not data.exists()


def test_read_out_json_and_save(capsys, tmp_path, pas_pdf):
    data = tmp_path / "förbund.sqlite"
    out_json = tmp_path / "förslag å #1.json"
    code, out, err = run(capsys, "applications", "read", pas_pdf, "--out", out_json, "--save", "--file", data)
    assert code == 0, err
    assert json.loads(out_json.read_text(encoding="utf-8"))["application"]["name"] == pas().name
    db = open_database(data)
    try:
        [row] = applications.list_rows(db)
        saved = applications.load(db, row.id)
    finally:
        db.close()
    assert_same_form(saved, pas())
    assert saved.history[0].note.startswith("Inläst från PAS #2 (kopia) 50%?.pdf")
    assert f"Sparad som ansökan {saved.diarienummer}" in out


def test_read_with_template_override(capsys, tmp_path):
    path = tmp_path / "Språnget.docx"
    path.write_bytes(seed_forms.spranget_docx())
    code, out, _ = run(capsys, "applications", "read", path, "--template", "neutral", "--file", tmp_path / "f.sqlite")
    assert code == 0
    assert "Formulär:   Neutral ansökan om medel (vald)" in out
    assert "EJ PLACERAT" in out


@pytest.mark.parametrize(("name", "content", "code", "needle"), [
    ("saknas.docx", None, 2, "filen finns inte"),
    ("fel.txt", b"hej", 2, "filen ska sluta på .docx eller .pdf"),
    ("trasig.pdf", b"%PDF-1.4 trasig", 1, "skadad och kan inte läsas som PDF"),
    ("tom.docx", b"", 1, "är tom"),
])
def test_bad_files_give_a_swedish_message(capsys, tmp_path, name, content, code, needle):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    got, out, err = run(capsys, "applications", "read", path, "--file", tmp_path / "f.sqlite")
    assert got == code
    assert needle in err and "Traceback" not in err
