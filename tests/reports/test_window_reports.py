"""The Rapporter page in the main window: reached from the navigation, its documents written, what is typed
saved when the file is left, and the beslutsbrev from the Möten menu's page; screenshots at three sizes."""
import shutil
from pathlib import Path

import pytest

from finsamdesk.services import meetings
from finsamdesk.store.connection import open_database
from finsamdesk.ui.main_window import MainWindow
from finsamdesk.ui.meetings.commands import decision_letter
from finsamdesk.ui.pages import ROW

from .conftest import TODAY
from .readback import docx_headings, pdf_text

pytestmark = pytest.mark.gui
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


@pytest.fixture
def window(qtbot, example_path, tmp_path):
    path = tmp_path / "exempel.sqlite"
    shutil.copy(example_path, path)
    w = MainWindow(open_database(path), path)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    return w


def test_the_reports_page_is_in_the_navigation_and_writes_its_documents(window, tmp_path):
    window.nav.setCurrentRow(ROW["reports"])
    page = window.page("reports")
    assert window.stack.currentWidget() is page
    page.followup.exports.open_after = False
    written = page.followup.exports.export(".docx", tmp_path / "uppföljning.docx")
    assert ("Title", page.followup.exports.page.db and f"Uppföljning Finsam {page.followup.chosen_year}") in \
        docx_headings(written.read_bytes())


def test_prose_typed_is_saved_when_the_file_is_left(window):
    page = window.show_page("reports")
    page.annual.texts["inledning"].setPlainText("Ett år av samverkan.")
    assert page.is_dirty() and page.save_if_dirty() and not page.is_dirty()
    from finsamdesk.services import year_report

    texts = year_report.texts(window.db, page.annual.chosen_year, "arsredovisning")
    assert texts["inledning"] == "Ett år av samverkan."


def test_beslutsbrev_from_the_meetings_page(window, tmp_path):
    db = window.db
    m = meetings.save(db, meetings.new_meeting(db, "styrelse", TODAY, "13.00", "Kommunhuset"))
    index = next(i for i, item in enumerate(m.items) if item.application_id is not None)
    meetings.record(db, m.id, index, "beviljad", today=TODAY)
    page = window.show_page("meetings")
    page.reload()
    page.select_meeting(m.id)
    page.agenda.items.setCurrentRow(index)
    assert not page.is_dirty()
    out = decision_letter(page, ".pdf", str(tmp_path / "beslutsbrev.pdf"))
    assert out is not None and "Beviljade medel per kalenderår" in pdf_text(Path(out).read_bytes())


@pytest.mark.parametrize("size", [(1366, 768), (1280, 720), (1920, 1080)])
def test_screenshots_of_the_reports_page(window, size):
    window.resize(*size)
    page = window.show_page("reports")
    ARTIFACTS.mkdir(exist_ok=True)
    for i in range(page.tabs.count()):
        page.tabs.setCurrentIndex(i)
        window.grab().save(str(ARTIFACTS / f"window-reports-{size[0]}x{size[1]}-{i}.png"))
    assert page.tabs.count() == 5
