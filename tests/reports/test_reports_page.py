"""The Rapporter page driven as a user would: Uppföljning Finsam shows the service's figures and copies a value,
a structural count is entered, prose and balance items are saved and kept, documents and letters are written
from the window, and a påminnelse opens an e-mail draft per contact."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from finsamdesk.domain import followup as f
from finsamdesk.services import followup, year_report
from finsamdesk.ui.reports.page import ReportsPage

from .conftest import LAST_YEAR, TODAY
from .readback import docx_headings, pdf_bookmarks, pdf_text, xlsx_rows

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, example):
    p = ReportsPage(today=TODAY)
    qtbot.addWidget(p)
    p.set_database(example)
    for exports in (p.followup.exports, p.interim.exports, p.annual.exports, p.plan.exports):
        exports.open_after = False
    p.letters.open_after = False
    p.resize(1366, 768)
    p.show()
    return p


def _row(page, label):
    return next(i for i, (fig, _) in enumerate(page.followup.figures) if fig is not None and fig.label == label)


def test_the_followup_page_shows_the_services_figures_in_order(page, example):
    fu = followup.follow_up(example, LAST_YEAR)
    model = page.followup.model
    shown = [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())
             if page.followup.figures[r][0] is not None]
    expected = [(x.label, x.shown()) for x in fu.forbund] + [(x.label, x.shown()) for p in fu.insatser
                                                            for x in p.figures]
    assert shown == expected
    row = _row(page, f.EQUITY_END)
    page.followup.table.setCurrentIndex(model.index(row, 1))
    page.followup.copy_selected()
    assert QGuiApplication.clipboard().text() == str(fu.forbund_figure(f.EQUITY_END).value // 100)


def test_a_structural_count_entered_on_the_page_is_saved(page, example):
    page.followup.year.setCurrentIndex(page.followup.year.findData(TODAY.year))
    row = next(i for i, (fig, insats) in enumerate(page.followup.figures)
               if fig is not None and fig.label == f.COUNT)
    insats_id = page.followup.figures[row][1]
    page.followup.enter_count(insats_id, 33)
    fu = followup.follow_up(example, TODAY.year)
    assert any(p.insats_id == insats_id and p.figure(f.COUNT).value == 33 for p in fu.insatser if p.part == "struktur")
    model = page.followup.model
    assert "33" in [model.index(r, 1).data() for r in range(model.rowCount())]


def test_prose_and_balance_items_are_saved_per_year_and_kept(qtbot, page, example, tmp_path):
    tab = page.annual
    tab.texts["verksamhet"].setPlainText("Året präglades av samverkan.")
    tab.amounts["kassa"].setText("1 250 000")
    tab.amounts["fordringar"].setText("12 500")
    tab.amounts["skulder"].setText("tusen")
    assert tab.is_dirty()
    assert not tab.save()
    assert "Kortfristiga skulder" in tab.message.text()
    assert year_report.texts(example, LAST_YEAR, "arsredovisning") == {}, "nothing is saved on an error"
    tab.amounts["skulder"].setText("0")
    page.tabs.setCurrentWidget(tab)
    tab.texts["verksamhet"].setFocus()
    qtbot.keyClick(tab.texts["verksamhet"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not tab.is_dirty()
    assert year_report.amounts(example, LAST_YEAR, "arsredovisning")["kassa"] == 1_250_000_00
    written = tab.exports.export(".pdf", tmp_path / "årsredovisning #1.pdf")
    assert "Året präglades av samverkan." in pdf_text(written.read_bytes())
    assert "Balansräkning" in pdf_bookmarks(written.read_bytes())
    tab.year.setCurrentIndex(tab.year.findData(LAST_YEAR - 1))
    assert tab.texts["verksamhet"].toPlainText() == ""
    tab.year.setCurrentIndex(tab.year.findData(LAST_YEAR))
    assert tab.texts["verksamhet"].toPlainText() == "Året präglades av samverkan."


def test_the_delarsrapport_cut_off_is_a_forbund_setting(page, example):
    tab = page.interim
    tab.cutoff.setText("13-45")
    assert not tab.save() and "MM-DD" in tab.message.text()
    tab.cutoff.setText("04-30")
    assert tab.save()
    assert year_report.year_report(example, TODAY.year, "delar").period_end.isoformat() == f"{TODAY.year}-04-30"


def test_every_document_comes_out_of_the_window(page, tmp_path):
    for tab, name in ((page.followup, "uppföljning"), (page.interim, "delår"), (page.annual, "år"),
                      (page.plan, "plan")):
        docx = tab.exports.export(".docx", tmp_path / f"{name}.docx")
        assert docx_headings(docx.read_bytes())[0][0] == "Title"
        assert xlsx_rows(tab.exports.export(".xlsx", tmp_path / f"{name}.xlsx").read_bytes())
    letters = page.letters
    assert letters.decisions.rowCount() >= 3 and letters.reports.rowCount() >= 1
    assert "Beslut" in pdf_text(letters.decision_letter(".pdf", tmp_path / "brev.pdf").read_bytes())
    assert docx_headings(letters.decision_letter(".docx", tmp_path / "brev.docx").read_bytes())
    assert "Påminnelse" in pdf_text(letters.reminder_letter(".pdf", tmp_path / "påminnelse.pdf").read_bytes())
    assert "Ekonomi" in pdf_bookmarks(letters.write_dossier(tmp_path / "dossier.pdf").read_bytes())
    urls = letters.reminder_mails()
    assert urls and urls == letters.opened and all(u.startswith("mailto:") for u in urls)


def test_the_insats_editor_sets_the_follow_up_fields(qtbot, example):
    from finsamdesk.services import insatser, registers
    from finsamdesk.ui.insatser.details import InsatsDetails

    row = next(r for r in insatser.list_rows(example, TODAY.year, TODAY)
               if r.name == "Vägen framåt Exempelbygd")  # from the granted own ESF application
    details = InsatsDetails()
    qtbot.addWidget(details)
    details.show_insats(insatser.load(example, row.id), registers.organisations(example), [])
    assert details.fields["esf"].isChecked() and not details.is_dirty()
    assert not details.form.isRowVisible(details._rows["structural_share"])
    details.fields["inriktning"].setCurrentIndex(details.fields["inriktning"].findData("bada"))
    assert details.form.isRowVisible(details._rows["structural_share"])
    details.fields["structural_share"].setValue(40)
    details.fields["planned_structural"].setValue(25)
    details.fields["esf"].setChecked(False)
    insatser.save(example, details.read())
    parts = {p.part: p for p in followup.follow_up(example, TODAY.year).insatser if p.insats_id == row.id}
    assert set(parts) == {"individ", "struktur"}
    assert parts["struktur"].figure(f.PLANNED).value == 25 and parts["struktur"].figure(f.ESF).value == "Nej"
    assert parts["struktur"].figure(f.BUDGET).value == row.granted * 40 // 100
