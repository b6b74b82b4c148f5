"""The .docx files open in LibreOffice: converted headless to PDF, their headings are LibreOffice's outline
(what its navigator lists) and the PAGE fields are numbered."""
import shutil
import subprocess

import pytest

from finsamdesk.services import report_files

from .conftest import LAST_YEAR, TODAY
from .readback import pdf_bookmarks, pdf_text

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice finns inte på den här datorn "
                                                        "(apt-get install libreoffice-writer-nogui)")


def test_every_docx_opens_in_libreoffice_with_its_headings(example, tmp_path):
    made = {}
    for name, year in (("arsredovisning", LAST_YEAR), ("delar", TODAY.year), ("verksamhetsplan", TODAY.year + 1),
                       ("uppfoljning", LAST_YEAR)):
        path = tmp_path / f"{name} {year}.docx"
        report_files.write_report(example, name, year, path)
        made[path] = report_files.report_document(example, name, year)
    profile = (tmp_path / "lo-profil").as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path / "pdf"), *map(str, made)], check=True, capture_output=True, timeout=300)
    for path, document in made.items():
        pdf = (tmp_path / "pdf" / path.name).with_suffix(".pdf").read_bytes()
        assert pdf_bookmarks(pdf) == [h.text for h in document.headings()]
        text = pdf_text(pdf)
        assert "Sid 1 (" in text and document.title in text
