"""`finsamdesk applications …` for the förbund's own ESF applications: listed by kind, the budget as the funder
computes it, decisions with the funder's sum, JSON out and in."""
from __future__ import annotations

import io
import json

import openpyxl
import pytest

from tests.fixtures.cli import run
from tests.fixtures.esf import json_text


@pytest.fixture
def file(tmp_path, capsys):
    path = tmp_path / "förbund #1.sqlite"
    for name in ("iris", "connecto"):
        source = tmp_path / f"{name}.json"
        source.write_text(json_text(name), encoding="utf-8")
        code, _out, err = run(capsys, "--file", path, "applications", "import", source)
        assert code == 0, err
    run(capsys, "--file", path, "applications", "import", tmp_path / "iris.json", "--new-number")
    return path


def test_list_shows_both_kinds_and_filters(file, capsys):
    code, out, _err = run(capsys, "--file", file, "applications", "list", "--kind", "egen")
    assert code == 0 and "IRIS" in out and "Connecto" in out and "→ Svenska ESF-rådet" in out
    code, out, _err = run(capsys, "--file", file, "applications", "list", "--kind", "inkommen")
    assert code == 0 and "Inga ansökningar." in out
    code, _out, err = run(capsys, "--file", file, "applications", "list", "--kind", "utgående")
    assert code == 2 and "välj egen eller inkommen" in err


def test_budget_prints_the_computed_overview_and_what_to_question(file, capsys):
    code, out, _err = run(capsys, "--file", file, "applications", "budget", "2022-101")
    assert code == 0
    assert "Kostnader" in out and "12 320 268 kr" in out and "46 %" in out
    assert "Kostnad per deltagare" in out and "12 320 kr" in out
    assert "Projektledare" in out and "nivå 6, 100 %, 21 mån" in out and "2 900 737 kr" in out
    assert "individer blir 800, men antal deltagare är 1000" in out
    code, out, _err = run(capsys, "--file", file, "applications", "budget", "2020-101")
    assert code == 0 and "Summa total finansiering" in out and "47,00 %" in out and "25 069 099 kr" in out
    assert "December 2022 – januari 2023 ingår i ingen fas" in out


def test_budget_as_excel(file, capsys, tmp_path):
    out_path = tmp_path / "budget #2.xlsx"
    code, out, _err = run(capsys, "--file", file, "applications", "budget", "2022-101", "--xlsx", out_path)
    assert code == 0 and "Sparade budgeten" in out
    assert "Budgetspecifikation" in openpyxl.load_workbook(io.BytesIO(out_path.read_bytes())).sheetnames
    code, _out, err = run(capsys, "--file", file, "applications", "budget", "2022-101", "--xlsx", tmp_path / "b.pdf")
    assert code == 2 and "filen ska sluta på .xlsx" in err


def test_status_with_the_funders_sum_and_show(file, capsys):
    code, out, err = run(capsys, "--file", file, "applications", "status", "2020-101", "Inskickad", "--date",
                         "2020-03-31")
    assert code == 0, err
    code, out, err = run(capsys, "--file", file, "applications", "status", "2020-101", "delvis beviljad", "--date",
                         "2020-06-10", "--granted-total", "10 000 000", "--who", "ESF-rådet")
    assert code == 0, err
    assert "Inskickad → Delvis beviljad" in out and "2020: 1 333 333 kr" in out
    code, out, _err = run(capsys, "--file", file, "applications", "show", "2020-101")
    assert code == 0 and "Egen ansökan till Svenska ESF-rådet" in out and "Sökt stöd:    11 782 527 kr" in out
    code, _out, err = run(capsys, "--file", file, "applications", "status", "2022-101", "Inskickad", "--granted-total",
                          "12,50")
    assert code == 2 and "hela kronor" in err


def test_a_received_application_has_no_esf_budget(tmp_path, capsys):
    path = tmp_path / "f.sqlite"
    data = {"format": "finsamdesk-ansokan", "version": 1,
            "application": {"template_id": "neutral", "diarienummer": "2024-001", "name": "Lokal insats"}}
    (tmp_path / "a.json").write_text(json.dumps(data), encoding="utf-8")
    assert run(capsys, "--file", path, "applications", "import", tmp_path / "a.json")[0] == 0
    code, _out, err = run(capsys, "--file", path, "applications", "budget", "2024-001")
    assert code == 1 and "inkommen ansökan" in err


def test_export_of_an_own_application_is_version_2(file, capsys):
    code, out, _err = run(capsys, "--file", file, "applications", "export", "2022-101")
    data = json.loads(out)
    assert code == 0 and data["version"] == 2 and data["application"]["funder_diarienummer"] == "22-012-S04"
