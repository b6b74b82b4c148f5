"""The example file's participant statistics add up wherever they are shown: in the CLI, in Excel (the totals are
SUM formulas, evaluated here) and in the PDF (read back with pypdf); on screen: tests/ui/test_participants_page.py.
Before, 138 participants had age rows adding to 120 and 44 ended had outcome rows adding to 35: the participants
only counted (no age, no outcome) were left out."""
from __future__ import annotations

import io
import re
from datetime import date

import pypdf
import pytest
from openpyxl import load_workbook

from finsamdesk.domain.participant_statistics import SUM, CountTable
from finsamdesk.services import demo, files, participant_files
from tests.documents.conftest import norm
from tests.fixtures.cli import run

TODAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    folder = tmp_path_factory.mktemp("statistik")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FINSAMDESK_HOME", str(folder / "hem"))
        db = files.new_file(folder / "exempel.sqlite", "x")
        demo.create_example(db, TODAY)
        yield db, folder / "exempel.sqlite"
        db.conn.close()


YEARS = [None, 2026, 2025]  # all time has the counted-only participants; 2025 too


def _sum(rows: list[list[int]]) -> list[int]:
    return [sum(column) for column in zip(*rows, strict=True)] if rows else []


def _check_rows(rows: list[tuple[str, list[int]]], total_label: str) -> list[int]:
    """The numbers of the total row, after checking that the rows before it add up to it."""
    labels = [label for label, _ in rows]
    at = labels.index(total_label)
    numbers = [n for _, n in rows]
    assert _sum(numbers[:at]) == numbers[at], rows
    assert all(label.startswith("varav ") for label in labels[at + 1:]), rows
    return numbers[at]


# ---------------------------------------------------------------- Excel
def _evaluate(ws, ref: str) -> int:
    """The value of a cell, the app's count formulas (=B5+C5, =SUM(B5:B9), =0) evaluated."""
    value = ws[ref].value
    if not isinstance(value, str):
        return value or 0
    sums = re.fullmatch(r"=SUM\(([A-Z]+)(\d+):\1(\d+)\)", value)
    if sums:
        return sum(_evaluate(ws, f"{sums[1]}{r}") for r in range(int(sums[2]), int(sums[3]) + 1))
    terms = re.fullmatch(r"=([A-Z]+\d+|0)(?:\+([A-Z]+\d+))?", value)
    assert terms, f"{ref}: {value!r} is no count formula of the app"
    return sum(_evaluate(ws, term) for term in terms.groups() if term and term != "0")


@pytest.mark.parametrize("year", YEARS)
def test_excel_tables_add_up_to_the_figures_on_screen(example, year):
    db, _path = example
    stats = participant_files.statistics(db, year)
    wb = load_workbook(io.BytesIO(participant_files.statistics_xlsx(db, year)))
    ws = wb["Statistik"]
    labels = {ws.cell(row=r, column=1).value: r for r in range(1, ws.max_row + 1)}
    start = 1
    for table in stats.tables:
        start = next(r for r in range(start, ws.max_row + 1) if ws.cell(row=r, column=1).value == table.heading)
        rows = []
        for r in range(start + 1, start + 1 + len(table.lines())):
            rows.append((ws.cell(row=r, column=1).value, [_evaluate(ws, f"{c}{r}") for c in "BCD"]))
        total = _check_rows(rows, table.total_label)
        assert total == [table.total.women, table.total.men, table.total.total]
        assert ws.cell(row=start + 1 + len(table.parts), column=2).data_type == "f"  # a SUM, not a number
    assert labels["Kostnad per deltagare"]
    per_insats = wb["Per insats"]
    rows = [(per_insats.cell(row=r, column=1).value, [_evaluate(per_insats, f"{c}{r}") for c in "CDEFG"])
            for r in range(2, per_insats.max_row + 1)]
    assert _check_rows(rows, "Summa") == [stats.participants.women, stats.participants.men, stats.participants.total,
                                          stats.new.total, stats.ended.total]


# ---------------------------------------------------------------- PDF
def _printed(table: CountTable) -> str:
    return " ".join(f"{label} {split.women} {split.men} {split.total}" for label, split, _ in table.lines())


@pytest.mark.parametrize("year", YEARS)
def test_pdf_tables_add_up(example, year):
    db, _path = example
    stats = participant_files.statistics(db, year)
    reader = pypdf.PdfReader(io.BytesIO(participant_files.statistics_pdf(db, year)))
    text = norm(" ".join(page.extract_text() or "" for page in reader.pages))
    for table in stats.tables:
        assert table.adds_up
        printed = re.sub(r" (\d+) %", "", text)  # the outcome table's share column
        assert _printed(table) in printed, table.heading
    line = f"Summa {stats.participants.women} {stats.participants.men} {stats.participants.total} " \
           f"{stats.new.total} {stats.ended.total}"
    assert line in text
    lines = participant_files.per_insats(db, year)
    assert sum(x.stats.participants.total for x in lines) == stats.participants.total


# ---------------------------------------------------------------- CLI
def _blocks(out: str) -> dict[str, list[tuple[str, list[int]]]]:
    """The printed tables by their heading: (label, numbers) of each row under the header and its rule."""
    blocks = {}
    for block in out.split("\n\n"):
        lines = block.strip("\n").splitlines()
        if len(lines) < 3 or not set(lines[1]) <= {"-", " "}:
            continue
        heading = lines[0].split("  ")[0].strip()
        rows = []
        for line in lines[2:]:
            cells = [c for c in re.split(r"\s{2,}", line.strip()) if c]
            label = cells[0]
            rows.append((label, [int(c) for c in cells if re.fullmatch(r"\d+", c)]))
        blocks[heading] = rows
    return blocks


@pytest.mark.parametrize("year", YEARS)
def test_cli_tables_add_up(example, capsys, year):
    db, path = example
    stats = participant_files.statistics(db, year)
    code, out, _err = run(capsys, "--file", path, "participants", "stats", *(["--year", year] if year else []))
    assert code == 0
    blocks = _blocks(out)
    for table in stats.tables:
        rows = [(label, numbers[:3]) for label, numbers in blocks[table.heading]]
        assert _check_rows(rows, table.total_label) == [table.total.women, table.total.men, table.total.total]
        assert [label for label, _ in rows] == [label for label, _, _ in table.lines()]
    per_insats = [(label, numbers[:5]) for label, numbers in blocks["Per insats"]]
    assert _check_rows(per_insats, "Summa") == [stats.participants.women, stats.participants.men,
                                                 stats.participants.total, stats.new.total, stats.ended.total]
    assert [kind for _, _, kind in stats.ages.lines()].count(SUM) == 1
