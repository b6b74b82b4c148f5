"""Word…, PDF… and Excel… for a report: where to save (a file dialog unless a path is given), written atomically
by the service, the outcome in the page's message line, and the file opened for finishing (Word) or reading."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QWidget

from ...services import report_files
from ...services.errors import ServiceError
from ..widgets import MessageLabel

FILTERS = {".docx": "Word (*.docx)", ".pdf": "PDF (*.pdf)", ".xlsx": "Excel (*.xlsx)"}
FILE_NAMES = {"uppfoljning": "Uppföljning Finsam", "delar": "Delårsrapport", "arsredovisning": "Årsredovisning",
              "verksamhetsplan": "Verksamhetsplan"}


def save_with_dialog(parent: QWidget, message: MessageLabel, title: str, suggested: str,
                     write: Callable[[Path], Path], path: str | Path | None = None,
                     open_after: bool = True) -> Path | None:
    """Ask where (unless `path`), write, say so; None when cancelled or it failed (the reason in `message`)."""
    suffix = Path(suggested).suffix
    if path is None:
        path, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / suggested), FILTERS.get(suffix, ""))
        if not path:
            return None
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        written = write(Path(path))
    except (ServiceError, OSError) as exc:
        message.show_error(str(exc))
        return None
    finally:
        QGuiApplication.restoreOverrideCursor()
    message.show_info(parent.tr("Sparad: %s") % written)
    if open_after:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))
    return written


class ExportButtons(QWidget):
    """Word…, PDF…, Excel… for the report `what()` → (name, year). Public: buttons, export(suffix, path),
    open_after (tests turn it off)."""

    def __init__(self, page: QWidget, message: MessageLabel, what: Callable[[], tuple[str, int]]):
        super().__init__(page)
        self.page, self.message, self.what = page, message, what
        self.open_after = True
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons = {}
        for suffix, text in ((".docx", self.tr("Spara som Word…")), (".pdf", self.tr("Spara som PDF…")),
                             (".xlsx", self.tr("Exportera till Excel…"))):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=suffix: self.export(s))
            layout.addWidget(button)
            self.buttons[suffix] = button

    def export(self, suffix: str, path: str | Path | None = None) -> Path | None:
        db = getattr(self.page, "db", None)
        if db is None:
            return None
        name, year = self.what()
        return save_with_dialog(self.page, self.message, self.tr("Spara %s") % FILE_NAMES[name],
                                f"{FILE_NAMES[name]} {year}{suffix}",
                                lambda p: report_files.write_report(db, name, year, p), path, self.open_after)
