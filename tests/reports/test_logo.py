"""The förbund's logo set in Förbundets inställningar, then printed on its documents (PDF and Word)."""
import io

import docx
import pypdf

from finsamdesk.services import report_data, report_files

from .conftest import LAST_YEAR
from .test_letters_and_dossier import _decision


def _png(path, width=120, height=40):
    from PySide6.QtGui import QColor, QImage

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a6f97"))
    assert image.save(str(path), "PNG")
    return path


def _pdf_images(data: bytes) -> int:
    return sum(len(page.images) for page in pypdf.PdfReader(io.BytesIO(data)).pages[:1])


def _docx_header_pictures(data: bytes) -> int:
    d = docx.Document(io.BytesIO(data))
    return sum(len(p._element.findall(".//{http://schemas.openxmlformats.org/drawingml/2006/picture}pic"))
               for p in d.sections[0].header.paragraphs)


def test_a_logo_set_in_the_forbunds_settings_is_on_the_beslutsbrev_and_the_arsredovisning(qtbot, example, tmp_path):
    from finsamdesk.ui.registers.forbund_dialog import ForbundDialog

    meeting_id, index = _decision(example)
    before = tmp_path / "utan.pdf"
    report_files.write_decision_letter(example, meeting_id, index, before)
    assert _pdf_images(before.read_bytes()) == 0

    dialog = ForbundDialog(example)
    qtbot.addWidget(dialog)
    assert not dialog.logo_remove.isEnabled()
    dialog.choose_logo(str(_png(tmp_path / "logga å.png")))
    assert dialog.logo_preview.pixmap() is not None and not dialog.logo_preview.pixmap().isNull()
    assert report_data.logo(example) is None, "nothing is saved before Spara"
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert report_data.logo(example) == (tmp_path / "logga å.png").read_bytes()

    pdf = tmp_path / "beslutsbrev.pdf"
    report_files.write_decision_letter(example, meeting_id, index, pdf)
    assert _pdf_images(pdf.read_bytes()) == 1
    for suffix in (".pdf", ".docx"):
        out = tmp_path / f"årsredovisning{suffix}"
        report_files.write_report(example, "arsredovisning", LAST_YEAR, out)
        if suffix == ".pdf":
            assert _pdf_images(out.read_bytes()) == 1
        else:
            assert _docx_header_pictures(out.read_bytes()) == 1
    letter = tmp_path / "beslutsbrev.docx"
    report_files.write_decision_letter(example, meeting_id, index, letter)
    assert _docx_header_pictures(letter.read_bytes()) == 1

    again = ForbundDialog(example)
    qtbot.addWidget(again)
    assert again.logo_remove.isEnabled()
    again.remove_logo()
    again.accept()
    assert report_data.logo(example) is None


def test_a_file_that_is_no_picture_or_too_big_is_refused_in_swedish_and_changes_nothing(qtbot, example, tmp_path):
    from finsamdesk.ui.registers.forbund_dialog import ForbundDialog

    report_data.set_logo(example, _png(tmp_path / "gammal.png").read_bytes())
    dialog = ForbundDialog(example)
    qtbot.addWidget(dialog)
    text = tmp_path / "logga.png"
    text.write_text("inte en bild")
    dialog.choose_logo(str(text))
    assert "PNG- eller JPEG-bild" in dialog.messages["logo"].text()
    big = tmp_path / "stor.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 2_100_000)
    dialog.choose_logo(str(big))
    assert "större än 2 MB" in dialog.messages["logo"].text()
    broken = tmp_path / "trasig.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"junk" * 10)
    dialog.choose_logo(str(broken))
    assert "går inte att läsa" in dialog.messages["logo"].text()
    dialog.choose_logo(str(tmp_path / "finns inte.png"))
    assert "gick inte att läsa" in dialog.messages["logo"].text()
    dialog.accept()
    assert report_data.logo(example) == (tmp_path / "gammal.png").read_bytes()
