"""`finsamdesk report …` and `finsamdesk insatser dossier`: every document of the example file from the command
line, with the same figures as the services; bad input gets a Swedish line and exit 2."""
import pytest

from finsamdesk.services import applications, followup, letters, report_files
from tests.fixtures.cli import run

from .conftest import LAST_YEAR, TODAY
from .readback import docx_tables, pdf_bookmarks, pdf_text, xlsx_rows


@pytest.fixture
def path(example_path, tmp_path):
    import shutil

    copy = tmp_path / "förbund #1 å.sqlite"
    shutil.copy(example_path, copy)
    return copy


@pytest.mark.parametrize(("name", "year"), [("uppfoljning", LAST_YEAR), ("arsredovisning", LAST_YEAR),
                                            ("delar", TODAY.year), ("verksamhetsplan", TODAY.year + 1)])
def test_every_report_in_every_format(capsys, path, tmp_path, name, year):
    from finsamdesk.store.connection import open_database

    for suffix in (".docx", ".pdf", ".xlsx"):
        out = tmp_path / f"{name} {year} #1{suffix}"
        code, _, err = run(capsys, "--file", path, "report", name, str(year), "--out", out)
        assert code == 0 and str(out) in err
    db = open_database(path, read_only=True)
    document = report_files.report_document(db, name, year)
    assert docx_tables((tmp_path / f"{name} {year} #1.docx").read_bytes())[0][1:] == [
        [document.tables()[0].cell_text(i, v).replace("\u202f", " ") for i, v in enumerate(row)]
        for row in document.tables()[0].rows]
    assert pdf_bookmarks((tmp_path / f"{name} {year} #1.pdf").read_bytes())[0] == document.title
    assert xlsx_rows((tmp_path / f"{name} {year} #1.xlsx").read_bytes())[0][0] == document.title
    db.conn.close()


def test_uppfoljning_figures_from_the_cli_equal_the_service(capsys, path, tmp_path):
    from finsamdesk.store.connection import open_database

    out = tmp_path / "fu.xlsx"
    assert run(capsys, "--file", path, "report", "uppfoljning", str(LAST_YEAR), "--out", out)[0] == 0
    db = open_database(path, read_only=True)
    fu = followup.follow_up(db, LAST_YEAR)
    cells = {r[0]: r[1] for r in xlsx_rows(out.read_bytes()) if len(r) > 1 and r[0]}
    for figure in fu.forbund:
        assert cells[figure.label] == figure.shown()
    db.conn.close()


def test_letters_reminders_and_dossier(capsys, path, tmp_path):
    from finsamdesk.store.connection import open_database

    db = open_database(path, read_only=True)
    granted = next(r for r in applications.list_rows(db) if r.status == "beviljad")
    due = letters.due_report_ids(db, TODAY)
    insats_id = db.execute("SELECT min(insats_id) FROM insats_application").fetchone()[0]
    due_insats = db.execute("SELECT insats_id FROM report WHERE id = ?", [due[0]]).fetchone()[0]
    db.conn.close()
    code, _, err = run(capsys, "--file", path, "report", "beslutsbrev", granted.diarienummer, "--out",
                       tmp_path / "brev.pdf")
    assert code == 0 and "Beviljade medel" in pdf_text((tmp_path / "brev.pdf").read_bytes())
    code, out, _ = run(capsys, "--file", path, "report", "paminnelser", "--mail")
    assert code == 0 and "mailto:" in out and "försenad" in out
    code, _, _ = run(capsys, "--file", path, "report", "paminnelse", str(due_insats), "--rapport", str(due[0]),
                     "--out", tmp_path / "p.docx")
    assert code == 0 and (tmp_path / "p.docx").exists()
    code, _, err = run(capsys, "--file", path, "insatser", "dossier", str(insats_id), "--out", tmp_path / "d #1.pdf")
    assert code == 0 and "Ekonomi" in pdf_bookmarks((tmp_path / "d #1.pdf").read_bytes())


def test_bad_input_is_a_swedish_line_and_exit_2(capsys, path, tmp_path):
    code, _, err = run(capsys, "--file", path, "report", "arsredovisning", "tjugo", "--out", tmp_path / "a.pdf")
    assert code == 2 and "inget årtal" in err
    code, _, err = run(capsys, "--file", path, "report", "arsredovisning", "2025", "--out", tmp_path / "a.txt")
    assert code == 2 and ".docx" in err and "Traceback" not in err
    code, _, err = run(capsys, "--file", path, "report", "paminnelse", "Hälsolots Lillåker", "--rapport", "999",
                       "--out", tmp_path / "a.pdf")
    assert code == 2 and "ingen rapport med id 999" in err
    code, _, err = run(capsys, "--file", path, "insatser", "dossier", "Finns inte", "--out", tmp_path / "a.pdf")
    assert code == 2 and "fel:" in err
    code, _, err = run(capsys, "--file", path, "report", "bokslut", "2025", "--out", tmp_path / "a.pdf")
    assert code == 2 and "fel:" in err
