"""`finsamdesk meetings …`: list, show and the three documents as PDF."""
from __future__ import annotations

from datetime import date

import pypdf
import pytest

from finsamdesk.services import demo, files, meetings
from tests.fixtures.cli import run


@pytest.fixture
def meeting_file(tmp_path):
    path = tmp_path / "möten.sqlite"
    db = files.new_file(path, "x")
    demo.create_example(db, date(2026, 12, 1))
    meetings.save(db, meetings.new_meeting(db, "styrelse", date(2026, 12, 15), "13.00", "Kommunhuset"))
    db.close()
    return path


def test_list_show_and_documents(capsys, meeting_file, tmp_path):
    code, out, _ = run(capsys, "--file", meeting_file, "meetings", "list")
    assert code == 0 and "3 möten." in out and out.index("2026-12-15") < out.index("2026-11-01")
    code, out, _ = run(capsys, "--file", meeting_file, "meetings", "show", "2026-12-15")
    assert code == 0 and "§ 9 Mötets öppnande" in out and "Ansökan 2026-004" in out and "Birgitta Ordfeldt" in out
    for action, word in (("kallelse", "Kallelse"), ("protocol", "Protokoll"), ("underlag", "Beslutsunderlag")):
        out_file = tmp_path / f"{action}.pdf"
        code, _, err = run(capsys, "--file", meeting_file, "meetings", action, "2026-12-15", "--out", out_file)
        assert code == 0 and str(out_file) in err
        assert word in pypdf.PdfReader(out_file).pages[0].extract_text()
    code, _, err = run(capsys, "--file", meeting_file, "meetings", "protocol", "99", "--out", tmp_path / "x.pdf")
    assert code == 2 and "Det finns inget möte ”99”" in err  # an unknown meeting is bad input (#12)
    code, _, err = run(capsys, "--file", meeting_file, "meetings", "protocol", "2026-12-15", "--out",
                       tmp_path / "x.txt")
    assert code == 2 and ".pdf" in err
