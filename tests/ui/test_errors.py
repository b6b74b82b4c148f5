import logging
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from finsamdesk.ui.errors import show_unexpected_error


def test_unexpected_error_dialog_copies_details_and_logs_no_message(qtbot, monkeypatch, caplog):
    def click_copy(box):
        box.clickedButton = lambda: next(b for b in box.buttons() if b.text() == "Kopiera detaljer")
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_copy)
    try:
        raise ValueError("personnummer 19121212-1212 i fel fält")
    except ValueError:
        with caplog.at_level(logging.ERROR, logger="finsamdesk"):
            show_unexpected_error(*sys.exc_info())
    assert "ValueError: personnummer" in QApplication.clipboard().text()
    assert "ValueError" in caplog.text and "19121212" not in caplog.text
