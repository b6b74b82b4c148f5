"""The budget and an insats's economy as files: Excel with formulas that recompute, PDFs read back."""
import csv
import io
import re
import shutil
import subprocess
from datetime import date

import openpyxl
import pypdf
import pytest

from finsamdesk.services import budget, demo, economy_files, insatser
from tests.documents.conftest import norm

TODAY = date(2026, 11, 24)


@pytest.fixture
def db(db):
    demo.create_example(db, TODAY)
    return db


def pdf_text(data: bytes) -> str:
    return norm(" ".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(data)).pages))


def evaluate(ws, ref: str, seen=()):
    """The value of a cell, computing the + / - / SUM formulas the export writes (no other functions)."""
    value = ws[ref].value
    if not isinstance(value, str) or not value.startswith("="):
        return value or 0
    expr = value[1:]
    total = re.match(r"SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$", expr)
    if total:
        col, first, last = total.group(1), int(total.group(2)), int(total.group(4))
        return sum(evaluate(ws, f"{col}{r}") for r in range(first, last + 1))
    terms = re.findall(r"([+-]?)([A-Z]+\d+)", expr)
    return sum((-1 if sign == "-" else 1) * evaluate(ws, cell) for sign, cell in terms)


def test_budget_workbook_has_numbers_in_kr_and_sums_as_formulas(db):
    wb = openpyxl.load_workbook(io.BytesIO(economy_files.budget_xlsx(db, 2026)))
    ws = wb["Budget 2026"]
    labels = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    sheet = budget.sheet(db, 2026)
    assert ws.cell(labels["Medlemsbidrag"], 2).value == 5_800_000
    assert "kr" in ws.cell(labels["Medlemsbidrag"], 2).number_format
    for key in ("sum_intakter", "sum_kostnader", "resultat", "ek_ub"):
        row = sheet.row(key)
        for column, expected in zip("BCD", row.values, strict=True):
            cell = f"{column}{labels[row.label]}"
            if expected is None:
                continue
            assert str(ws[cell].value).startswith("="), cell
            assert evaluate(ws, cell) == expected // 100, (row.label, column)
    split = wb["Medlemsbidrag"]
    assert split.cell(split.max_row, 3).value.startswith("=SUM(")
    assert evaluate(split, f"C{split.max_row}") == 5_800_000
    assert [c.value for c in wb["Flera år"]["A"]][1:] == [2025, 2026]


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed here")
def test_libreoffice_recomputes_the_sums_after_a_figure_is_changed(db, tmp_path):
    wb = openpyxl.load_workbook(io.BytesIO(economy_files.budget_xlsx(db, 2026)))
    ws = wb["Budget 2026"]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Styrelse")
    ws.cell(row, 2).value = 280_000  # 100 000 kr more than the budget says
    path = tmp_path / "ändrad.xlsx"
    wb.save(path)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    rows = {r[0]: r for r in csv.reader((tmp_path / "ändrad.csv").read_text(encoding="utf-8").splitlines()) if r}
    before = budget.sheet(db, 2026)
    def number(text: str) -> int:  # LibreOffice writes the cell as shown, e.g. "5,920,000 kr"
        return int(re.sub(r"[^\d-]", "", text.replace("−", "-")))

    assert number(rows["Summa kostnader"][1]) == before.row("sum_kostnader").values[0] // 100 + 100_000
    assert number(rows["Årets resultat"][1]) == before.row("resultat").values[0] // 100 - 100_000


def test_insats_workbook_has_years_invoices_and_reports(db):
    insats_id = insatser.list_rows(db, 2026, TODAY)[0].id
    wb = openpyxl.load_workbook(io.BytesIO(economy_files.insats_xlsx(db, insats_id, TODAY)))
    assert wb.sheetnames == ["Ekonomi", "Fakturor", "Rapporter"]
    invoices = insatser.invoices(db, insats_id)
    sheet = wb["Fakturor"]
    assert sheet.max_row == len(invoices) + 1 + 1
    assert isinstance(sheet["A2"].value, __import__("datetime").datetime)
    assert evaluate(sheet, f"F{sheet.max_row}") * 100 == sum(i.amount for i in invoices)
    economy = wb["Ekonomi"]
    total_rows = [r for r in range(1, economy.max_row + 1) if str(economy.cell(r, 1).value).startswith("Summa 2026")]
    spent = insatser.economy(db, insats_id, 2026).spent_total
    assert total_rows and evaluate(economy, f"C{total_rows[0]}") * 100 == spent


def test_budget_pdf_reads_back_with_every_line_the_split_and_the_warnings(db):
    text = pdf_text(economy_files.budget_pdf(db, 2026))
    sheet = budget.sheet(db, 2026)
    assert "Budget 2026" in text and "Testförbundet" not in text  # the example renames the förbund
    for row in sheet.rows:
        assert row.label in text
    assert "Medlemsbidrag 5 800 000 kr 5 800 000 kr" in text
    assert "Försäkringskassan (staten) 50 % 2 900 000 kr" in text
    assert "Summa 100 % 5 800 000 kr" in text
    for warning in sheet.warnings:
        assert norm(warning) in text


def test_insats_pdf_has_the_money_per_year_and_late_reports(db):
    row = next(r for r in insatser.list_rows(db, 2026, TODAY) if r.overdue_reports)
    text = pdf_text(economy_files.insats_pdf(db, row.id, TODAY))
    e = insatser.economy(db, row.id, 2026)
    assert "Ekonomisk sammanställning" in text and "2026" in text
    assert norm(f"Summa {e.granted_total // 100:,} kr".replace(",", " ")) in text
    assert "försenad" in text
