"""The command line: in-process through main(), plus one real process that must not import Qt."""
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from finsamdesk.cli import main
from finsamdesk.cli.applications import parse_granted
from finsamdesk.cli.arguments import UsageError
from finsamdesk.services import applications, demo
from finsamdesk.store.connection import open_database
from tests.fixtures.cli import run
from tests.fixtures.closing import close_at_end

ROOT = Path(__file__).resolve().parents[2]


def test_list_filters_and_excel(capsys, demo_file, tmp_path):
    code, out, err = run(capsys, "--file", demo_file, "applications", "list")
    assert code == 0 and err == ""
    assert "2023-001" in out and "Trappan Exempelby" in out and "Beviljad" in out
    code, out, _ = run(capsys, "--file", demo_file, "applications", "list", "--search", "HÄLSOLOTS")
    assert code == 0 and "Hälsolots" in out and "Trappan" not in out and "1 ansökan," in out
    code, out, _ = run(capsys, "--file", demo_file, "applications", "list", "--status", "avslag")
    assert code == 0 and "Avslag" in out and "Beviljad" not in out
    code, out, _ = run(capsys, "--file", demo_file, "applications", "list", "--year", "1990")
    assert code == 0 and "Inga ansökningar" in out
    xlsx = tmp_path / "lista.xlsx"
    code, out, _ = run(capsys, "--file", demo_file, "applications", "list", "--xlsx", xlsx)
    assert code == 0 and xlsx.read_bytes()[:2] == b"PK" and "Sparade 10" in out


def test_show_prints_budget_totals_and_history(capsys, demo_file):
    code, out, _ = run(capsys, "--file", demo_file, "applications", "show", "2023-001")
    assert code == 0
    assert "Diarienummer: 2023-001" in out and "Status:       Beviljad" in out
    assert "Period:       2024-01-01 – 2025-12-31" in out
    summa = next(line for line in out.splitlines() if line.startswith("Summa "))
    assert summa.split()[1:] == ["150", "745", "768", "1", "513"]  # tkr: own, 2024, 2025, total
    assert "Sökt totalt: 1 513 000 kr" in out and "Beviljat:    2024: 745 000 kr" in out
    assert "Historik:" in out and "Beviljad – beviljat 2024: 745 000 kr" in out


def test_export_import_round_trip_and_taken_number(capsys, demo_file, tmp_path):
    code, out, _ = run(capsys, "--file", demo_file, "applications", "export", "2023-002")
    assert code == 0 and json.loads(out)["application"]["diarienummer"] == "2023-002"
    target = tmp_path / "ny.sqlite"
    exported = tmp_path / "a.json"
    code, _, _ = run(capsys, "--file", demo_file, "applications", "export", "2023-002", "--out", exported)
    assert code == 0 and json.loads(exported.read_text("utf-8")) == json.loads(out)
    code, out2, _ = run(capsys, "--file", target, "applications", "import", exported)
    assert code == 0 and "2023-002" in out2
    code, again, _ = run(capsys, "--file", target, "applications", "export", "2023-002")
    assert json.loads(again)["application"]["history"] == json.loads(out)["application"]["history"]
    code, _, err = run(capsys, "--file", target, "applications", "import", exported)
    assert code == 1 and err.startswith("fel: Diarienumret 2023-002 används redan") and "--new-number" in err
    code, out3, _ = run(capsys, "--file", target, "applications", "import", exported, "--new-number")
    assert code == 0 and f"{date.today().year}-001" in out3


def test_status_with_granted_amounts(capsys, demo_file):
    db = close_at_end(open_database(demo_file))
    key = next(r.diarienummer for r in applications.list_rows(db) if r.status == "styrelse")
    app = applications.find(db, key)
    db.close()
    first = app.budget.years[0]
    half = app.budget.sought_by_year()[first] // 2
    code, out, err = run(capsys, "--file", demo_file, "applications", "status", key, "delvis_beviljad",
                         "--date", "20241201", "--note", "§ 5", "--who", "Styrelsen",
                         "--granted", f"{first}={half // 100}")
    assert code == 0, err
    assert "Styrelse → Delvis beviljad (2024-12-01)" in out
    db = close_at_end(open_database(demo_file))
    event = applications.find(db, key).history[-1]
    assert (event.status, event.note, event.who, event.granted) == ("delvis_beviljad", "§ 5", "Styrelsen",
                                                                  {first: half})


@pytest.mark.parametrize("argv, needle", [
    (["applications", "status", "2023-001", "beviljad", "--granted", "2024=mycket"], "är inget belopp"),
    (["applications", "status", "2023-001", "beviljad", "--granted", "tjugo=5"], "år=belopp"),
    (["applications", "status", "2023-001", "beviljad", "--date", "31 februari 2024"], "--date"),
    (["applications", "status", "2023-001", "godkänd"], "ogiltigt val"),
    (["applications", "frobnicate"], "okänd åtgärd ”frobnicate”"),
    (["applications", "show"], "följande argument behövs"),
    (["applications", "print", "--out", "x.pdf"], "Ange vilken ansökan"),
])
def test_bad_input_exits_2_with_swedish_message(capsys, demo_file, argv, needle):
    code, _, err = run(capsys, "--file", demo_file, *argv)
    assert code == 2
    assert "fel: " in err and needle in err and "Traceback" not in err


def test_bad_import_file_lists_fields(capsys, demo_file, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "finsamdesk-ansokan", "version": 1, "application": {
        "template_id": "neutral", "budget": {"years": [2024], "cells": [
            {"category": "Personal", "column": "sought", "year": 2024, "amount_ore": 10.5}]}}}), "utf-8")
    code, _, err = run(capsys, "--file", demo_file, "applications", "import", bad)
    assert code == 2 and "budget.cells[0].amount_ore: ska vara ett heltal ≥ 0" in err
    code, _, err = run(capsys, "--file", demo_file, "applications", "import", tmp_path / "saknas.json")
    assert code == 2 and "fel: " in err


def test_other_failures_exit_1_and_an_unknown_key_2(capsys, demo_file, tmp_path):
    code, _, err = run(capsys, "--file", demo_file, "applications", "show", "1999-999")
    assert code == 2 and "fel: Det finns ingen ansökan ”1999-999”" in err  # an unknown key is bad input (#12)
    code, _, err = run(capsys, "--file", demo_file, "applications", "status", "2023-001", "beredning")
    assert code == 1 and "redan beviljad" in err
    code, _, err = run(capsys, "--file", tmp_path / "finns-inte.sqlite", "applications", "list")
    assert code == 1 and "finns inte" in err and not (tmp_path / "finns-inte.sqlite").exists()
    code, _, err = run(capsys, "--file", demo_file, "applications", "export", "2023-001",
                       "--out", tmp_path / "nej" / "x.json")
    assert code == 1 and "fel: " in err


def test_templates_list_and_demo(capsys, tmp_path):
    code, out, _ = run(capsys, "templates", "list")
    assert code == 0 and "nnv-skane-2020" in out and "burlov-staffanstorp-v5" in out and "neutral" in out
    target = tmp_path / "exempel.sqlite"
    code, out, _ = run(capsys, "demo", "--out", target)
    assert code == 0 and "exempeldata" in out
    db = close_at_end(open_database(target))
    assert demo.is_example_file(db) and len(applications.list_rows(db)) >= 9
    db.close()
    code, _, err = run(capsys, "demo", "--out", target)
    assert code == 2 and "finns redan" in err


def test_help_is_swedish(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "Användning:" in out and "visa den här hjälptexten" in out


def test_parse_granted():
    assert parse_granted(["2022=1180000", "2023=1 130 tkr"]) == {2022: 118_000_000, 2023: 113_000_000}
    with pytest.raises(UsageError, match="två gånger"):
        parse_granted(["2022=1", "2022=2"])


def test_print_pdf(capsys, demo_file, tmp_path):
    pytest.importorskip("finsamdesk.services.printing")
    out = tmp_path / "ansokan.pdf"
    code, text, err = run(capsys, "--file", demo_file, "applications", "print", "2023-001", "--out", out)
    assert code == 0, err
    assert out.read_bytes().startswith(b"%PDF")
    blank = tmp_path / "blank.pdf"
    code, _, err = run(capsys, "--file", demo_file, "applications", "print", "--blank", "--template",
                       "burlov-staffanstorp-v5", "--out", blank)
    assert code == 0, err
    assert blank.read_bytes().startswith(b"%PDF")


def test_cli_process_never_imports_qt(tmp_path):
    """`python -m finsamdesk --file F templates list` in a real process, without PySide6."""
    env = {**os.environ, "FINSAMDESK_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT)}
    script = ("import sys\nfrom finsamdesk.__main__ import main\n"
              "code = main(['--file', sys.argv[1], 'templates', 'list'])\n"
              "assert 'PySide6' not in sys.modules, 'PySide6 imported'\n"
              "assert 'openpyxl' not in sys.modules and 'reportlab' not in sys.modules\n"
              "sys.exit(code)\n")
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "f.sqlite")], env=env,
                            capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "nnv-skane-2020" in result.stdout
    result = subprocess.run([sys.executable, "-m", "finsamdesk", "--file", str(tmp_path / "f.sqlite"),
                             "templates", "list"], env=env, capture_output=True, text=True, timeout=60,
                            cwd=tmp_path)
    assert result.returncode == 0 and "neutral" in result.stdout, result.stderr


def test_budget_and_insatser_on_the_command_line(tmp_path, capsys):
    from finsamdesk.cli import main as cli_main

    path = tmp_path / "exempel.sqlite"
    assert cli_main(["demo", "--out", str(path)]) == 0
    year = date.today().year
    assert cli_main(["--file", str(path), "budget", "show", str(year)]) == 0
    out = capsys.readouterr().out
    assert "Summa kostnader" in out and "Försäkringskassan (staten)" in out and "50 %" in out
    assert cli_main(["--file", str(path), "insatser", "list"]) == 0
    assert "Trappan Exempelby" in capsys.readouterr().out
    assert cli_main(["--file", str(path), "insatser", "show", "Gemensam kartläggning Norrmossa"]) == 0
    assert "Rapporter:" in capsys.readouterr().out
    for args in (["budget", "export", str(year), "--out", str(tmp_path / "b.xlsx")],
                 ["budget", "export", str(year), "--out", str(tmp_path / "b.pdf")],
                 ["insatser", "export", "Gemensam kartläggning Norrmossa", "--out", str(tmp_path / "i.pdf")],
                 ["insatser", "export", "--out", str(tmp_path / "lista.xlsx")]):
        assert cli_main(["--file", str(path), *args]) == 0, args
    assert (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF")
    import openpyxl

    assert openpyxl.load_workbook(tmp_path / "lista.xlsx").active.max_row > 2
    assert cli_main(["--file", str(path), "insatser", "export", "Gemensam kartläggning Norrmossa", "--out",
                     str(tmp_path / "i.doc")]) == 2
    assert ".xlsx eller .pdf" in capsys.readouterr().err
    assert cli_main(["--file", str(path), "insatser", "show", "999"]) == 2  # an unknown insats is bad input (#12)
