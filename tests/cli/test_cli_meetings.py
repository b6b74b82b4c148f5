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
    assert code == 0 and "4 möten." in out and out.index("2026-12-15") < out.index("2026-10-30")
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


def test_the_example_files_coming_beredningsgrupp_meeting_has_its_ansokningar_in_the_underlag(capsys, tmp_path):
    """`meetings underlag` on the example printed "Inga ansökningar": every meeting of the example was over and
    had no ansökan on its agenda. The example plans the next beredningsgrupp meeting with what waits for it."""
    path = tmp_path / "exempel.sqlite"
    db = files.new_file(path, "x")
    demo.create_example(db, date(2026, 12, 1))
    waiting = sorted(r[0] for r in db.execute(
        "SELECT diarienummer FROM application WHERE status IN ('inkommen', 'beredning')").fetchall())
    db.close()
    code, out, _ = run(capsys, "--file", path, "meetings", "list")
    coming = [line.split()[1] for line in out.splitlines() if "Beredningsgrupp" in line and "2026-12" in line]
    assert code == 0 and coming == ["2026-12-08"]
    out_file = tmp_path / "underlag.pdf"
    code, _, _ = run(capsys, "--file", path, "meetings", "underlag", coming[0], "--out", out_file)
    reader = pypdf.PdfReader(out_file)
    cover = reader.pages[0].extract_text()
    assert code == 0 and "Inga ansökningar" not in cover
    assert [o.title.split()[:3] for o in reader.outline[1:]] == [["§", str(3 + i), d] for i, d in enumerate(waiting)]
