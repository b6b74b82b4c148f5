"""The last line of defence: an unexpected error becomes a Swedish dialog and a log entry."""
from __future__ import annotations

import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox


def _tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def show_unexpected_error(exc_type, exc, tb) -> None:
    """sys.excepthook: log the type and where it happened (never the message or source lines, which may
    quote personal data), show the message in a dialog with "Kopiera detaljer"."""
    import logging  # not at start-up: the window shows first

    frames = "".join(f'  File "{f.filename}", line {f.lineno}, in {f.name}\n' for f in traceback.extract_tb(tb))
    logging.getLogger("finsamdesk").error("Oväntat fel %s\n%s", exc_type.__name__, frames)
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    box = QMessageBox(QMessageBox.Icon.Critical, _tr("Ett fel inträffade"),
                      _tr("Något gick fel i finsamdesk. Det du har sparat finns kvar i filen.") + "\n\n"
                      + f"{exc_type.__name__}: {exc}")
    copy = box.addButton(_tr("Kopiera detaljer"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is copy:
        QApplication.clipboard().setText(details)
