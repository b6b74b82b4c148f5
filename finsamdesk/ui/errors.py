"""The last line of defence: an unexpected error becomes a Swedish dialog and a log entry. What the file can do
to a save (read-only, full disk, busy, damaged) is no bug: it gets its own plain message instead, once —
repeated ones within a short while go to the status bar, so an autosave does not stack dialogs."""
from __future__ import annotations

import time
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox


def _tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


REPEAT_SECONDS = 20
_last_shown: dict[str, float] = {}


def show_known_problem(exc: BaseException) -> bool:
    """A read-only file, a full disk…: a warning in words the user can act on. False if `exc` is no such error."""
    import logging

    from ..services.files import known_problem

    message = known_problem(exc)
    if message is None:
        return False
    logging.getLogger("finsamdesk").warning("Kunde inte spara: %s", type(exc).__name__)
    now = time.monotonic()
    window = QApplication.activeWindow() or next(
        (w for w in QApplication.topLevelWidgets() if hasattr(w, "statusBar") and w.isVisible()), None)
    if now - _last_shown.get(message, -REPEAT_SECONDS) < REPEAT_SECONDS:
        if window is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(message, 10_000)
        return True
    _last_shown[message] = now
    QMessageBox.warning(window, _tr("Ändringen sparades inte"), message)
    return True


def show_unexpected_error(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """sys.excepthook: log the type and where it happened (never the message or source lines, which may
    quote personal data), show the message in a dialog with "Kopiera detaljer"."""
    import logging  # not at start-up: the window shows first

    if show_known_problem(exc):
        return
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
