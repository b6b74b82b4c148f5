"""Every year document of the example file, as .docx, PDF and Excel, read back: the same figures as the
assembled object and as the app's own services, real Word headings and tables, bookmarks in the PDF."""
import pytest

from finsamdesk.documents.blocks import Heading, Table
from finsamdesk.services import budget, report_files, year_report

from .conftest import LAST_YEAR, TODAY
from .readback import (
    docx_footer_fields,
    docx_headings,
    docx_tables,
    pdf_bookmarks,
    pdf_text,
    space,
    xlsx_rows,
)

REPORTS = [("uppfoljning", LAST_YEAR), ("arsredovisning", LAST_YEAR), ("delar", TODAY.year),
           ("verksamhetsplan", TODAY.year + 1)]


def _cells(table: Table) -> list[list[str]]:
    return [[space(h) for h in table.header]] + [[space(table.cell_text(i, v)) for i, v in enumerate(row)]
                                                 for row in table.rows]


@pytest.mark.parametrize(("name", "year"), REPORTS, ids=[n for n, _ in REPORTS])
def test_every_format_holds_the_assembled_figures(example, tmp_path, name, year):
    document = report_files.report_document(example, name, year)
    tables = document.tables()
    assert tables, "a year document has tables"

    path = tmp_path / f"{name} {year} #1 å.docx"
    report_files.write_report(example, name, year, path)
    data = path.read_bytes()
    assert docx_tables(data) == [_cells(t) for t in tables]
    headings = docx_headings(data)
    assert headings[0] == ("Title", document.title)
    assert [(f"Heading {h.level}", h.text) for h in document.headings()] == headings[1:]
    assert "PAGE" in docx_footer_fields(data) and "NUMPAGES" in docx_footer_fields(data)

    pdf = tmp_path / f"{name} {year}.pdf"
    report_files.write_report(example, name, year, pdf)
    text = pdf_text(pdf.read_bytes())
    words = set(text.split())
    for table in tables:
        for row in _cells(table)[1:]:
            for i, cell in enumerate(row):
                if table.numeric(i):
                    assert cell in text  # a figure is never broken over two lines
                else:  # a long text may wrap inside its cell, between the cells of its row
                    assert set(cell.split()) <= words, cell
    assert pdf_bookmarks(pdf.read_bytes()) == [document.title, *(h.text for h in document.headings())]

    xlsx = tmp_path / f"{name} {year}.xlsx"
    report_files.write_report(example, name, year, xlsx)
    rows = xlsx_rows(xlsx.read_bytes())
    for table in tables:
        for values in table.rows:
            expected = tuple(v / 100 if i in table.money and isinstance(v, int) else v
                             for i, v in enumerate(values))
            found = [r[:len(expected)] for r in rows]
            assert any(_same(expected, r) for r in found), expected


def _same(expected: tuple, row: tuple) -> bool:
    return all((e is None and r in (None, "–")) or e == r or (e == "" and r is None)
               for e, r in zip(expected, row, strict=False))


def test_the_arsredovisning_shows_the_budget_pages_figures(example):
    report = year_report.year_report(example, LAST_YEAR, "arsredovisning")
    sheet = budget.sheet(example, LAST_YEAR)
    drift = {r.label: r.values for r in report.drift}
    assert drift["Resultat"][1] == sheet.row("resultat").values[2]
    assert drift["Summa kostnader"][:2] == (sheet.row("sum_kostnader").values[0], sheet.row("sum_kostnader").values[2])
    assert drift["Summa intäkter"][:2] == (sheet.row("sum_intakter").values[0], sheet.row("sum_intakter").values[2])
    assert report.equity["utgaende"] == sheet.row("ek_ub").values[2]
    assert [r.values[0] for r in report.resultat if r.label == "Årets resultat"] == [sheet.row("resultat").values[2]]


def test_unknown_format_and_report_are_refused_in_swedish(example, tmp_path):
    from finsamdesk.services.errors import ServiceError, ValidationError

    with pytest.raises(ValidationError, match="ska sluta på .docx, .pdf eller .xlsx"):
        report_files.write_report(example, "arsredovisning", LAST_YEAR, tmp_path / "a.txt")
    with pytest.raises(ServiceError, match="Okänd rapport"):
        report_files.report_document(example, "bokslut", LAST_YEAR)
    assert not (tmp_path / "a.txt").exists()


def test_headings_are_in_order_and_levels_nest(example):
    for name, year in REPORTS:
        levels = [h.level for h in report_files.report_document(example, name, year).headings()]
        assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))
    assert isinstance(report_files.report_document(example, "arsredovisning", LAST_YEAR).blocks[0], Heading)


def test_the_period_is_written_one_way_from_its_first_day_to_its_last(example):
    """'Perioden 1 januari – 2025-12-31' mixed a spelled-out day with an ISO date; both ends are dates now."""
    for name, year in (("arsredovisning", LAST_YEAR), ("delar", TODAY.year)):
        report = year_report.year_report(example, year, name)
        assert report.period == f"{year}-01-01 – {report.period_end.isoformat()}"
        document = report_files.report_document(example, name, year)
        assert f"Perioden {report.period}." in document.subtitle and "januari" not in document.subtitle
    delar = year_report.year_report(example, TODAY.year, "delar")
    assert delar.title == f"Delårsrapport {TODAY.year} ({delar.period})"


def test_a_heading_wider_than_its_figures_wraps_instead_of_running_into_the_next_column():
    """Uppföljning's 'Alla insatser i en tabell' printed 'MänAntal (strukt.)': a numeric column's heading was a
    plain string even when its column was narrower than the heading, so it ran left into 'Män'. Read back from
    the PDF: the next heading starts right of where 'Män' ends."""
    from io import BytesIO

    from pypdf import PdfReader
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from finsamdesk.documents import blocks as b
    from finsamdesk.documents.pdf_common import FONT_BOLD
    from finsamdesk.documents.pdf_writer import pdf_bytes

    table = b.Table(("Insats", "Budget", "Utfall", "Budgeterat", "Kvinnor", "Män", "Antal (strukt.)"),
                    tuple((f"Insats {n} med ett långt namn som tar plats", 360000000, 359998800, 24, 14, 4, 12)
                          for n in range(3)),
                    money=frozenset({1, 2}), counts=frozenset({3, 4, 5, 6}))
    data = pdf_bytes(b.Document("Test", "Förbundet", blocks=[table]))
    runs: list[tuple[str, float]] = []
    PdfReader(BytesIO(data)).pages[0].extract_text(
        visitor_text=lambda text, cm, tm, font, size: runs.append((text.strip(), cm[4] + tm[4])))
    men = next(x for text, x in runs if text == "Män")
    antal = next(x for text, x in runs if text.startswith("Antal"))
    assert antal >= men + stringWidth("Män", FONT_BOLD, 9)
