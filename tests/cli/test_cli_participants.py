"""`finsamdesk participants …`: template, import with bad rows named, statistics, export, gallring — and no
personnummer or name on the terminal."""
from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook

from finsamdesk.cli.participants import PASSPHRASE_ENV
from tests.fixtures.cli import run
from tests.fixtures.closing import close_at_end
from tests.fixtures.participant_files import (
    PASSPHRASE,
    fill_template,
    invented_rows,
    new_register,
)


@pytest.fixture
def register_file(tmp_path):
    db, _key, _insats_id = new_register(tmp_path)
    db.close()
    return tmp_path / "register.sqlite"


def test_template_import_stats_export_and_gallring(capsys, register_file, tmp_path, monkeypatch):
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    template = tmp_path / "mall.xlsx"
    code, _, err = run(capsys, "--file", register_file, "participants", "template", "--insats", "Steget vidare",
                       "--out", template)
    assert code == 0 and "Importmallen sparad" in err
    rows = invented_rows(40)
    rows[6][5] = "2026-13-01"
    filled = tmp_path / "ifylld.xlsx"
    filled.write_bytes(fill_template(template.read_bytes(), rows))
    code, _, err = run(capsys, "--file", register_file, "participants", "import", filled, "--insats", "Steget vidare")
    assert code == 2 and "fel: Ingenting importerades: 1 rad är felaktig." in err
    assert "Rad 8: Startdatum: datumet finns inte i kalendern; skriv t.ex. 2026-01-15." in err
    assert "2026-13-01" not in err and "startdatum behövs" not in err
    rows[6] = invented_rows(40)[6]
    filled.write_bytes(fill_template(template.read_bytes(), rows))
    code, _, err = run(capsys, "--file", register_file, "participants", "import", filled, "--insats", "Steget vidare")
    assert code == 0 and "40 deltagare importerades." in err

    code, out, _ = run(capsys, "--file", register_file, "participants", "list")
    assert code == 0 and "40 deltagare." in out and "T00001" in out
    assert "Testsson" not in out and not re.search(r"\d{8}-\d{4}", out)
    code, out, _ = run(capsys, "--file", register_file, "participants", "stats")
    assert code == 0 and re.search(r"I register\s+20\s+20\s+40", out) and "Ålder vid start" in out
    code, _, err = run(capsys, "--file", register_file, "participants", "stats", "--out", tmp_path / "s.txt")
    assert code == 2 and ".xlsx eller .pdf" in err

    plain, full = tmp_path / "utan.xlsx", tmp_path / "med.xlsx"
    assert run(capsys, "--file", register_file, "participants", "export", "--out", plain)[0] == 0
    code, _, err = run(capsys, "--file", register_file, "participants", "export", "--out", full,
                       "--with-identifiers")
    assert code == 0 and "INNEHÅLLER PERSONUPPGIFTER" in err
    assert "Personnummer" not in [c.value for c in load_workbook(plain)["Deltagare"][3]]
    assert "Personnummer" in [c.value for c in load_workbook(full)["Deltagare"][3]]

    code, out, _ = run(capsys, "--file", register_file, "participants", "gallring")
    assert code == 0 and "Kör med --do" in out


def test_a_wrong_or_missing_passphrase_is_a_clear_error(capsys, register_file, tmp_path, monkeypatch):
    monkeypatch.setenv(PASSPHRASE_ENV, "inte den rätta frasen")
    code, _, err = run(capsys, "--file", register_file, "participants", "export", "--out", tmp_path / "x.xlsx",
                       "--with-identifiers")
    assert code == 2 and err.strip() == "fel: Fel lösenfras."
    monkeypatch.delenv(PASSPHRASE_ENV)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _, err = run(capsys, "--file", register_file, "participants", "export", "--out", tmp_path / "x.xlsx",
                       "--with-identifiers")
    assert code == 2 and PASSPHRASE_ENV in err


def test_while_the_window_has_the_file_a_command_reads_and_a_write_says_why_not(capsys, register_file, tmp_path,
                                                                                monkeypatch):
    from finsamdesk.services import files

    _db, held = files.open_for_writing(register_file)
    close_at_end(_db)
    try:
        code, out, err = run(capsys, "--file", register_file, "participants", "list")
        assert code == 0 and "0 deltagare." in out and "skrivskyddad" in err
        monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
        template = tmp_path / "mall.xlsx"
        run(capsys, "--file", register_file, "participants", "template", "--insats", "Steget vidare", "--out", template)
        filled = tmp_path / "ifylld.xlsx"
        filled.write_bytes(fill_template(template.read_bytes(), invented_rows(2)))
        code, _, err = run(capsys, "--file", register_file, "participants", "import", filled, "--insats",
                           "Steget vidare")
        assert code == 1 and "fel: Filen är öppnad skrivskyddad" in err
    finally:
        held.release()
