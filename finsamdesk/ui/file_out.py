"""Saving a document the user asked for: where (a file dialog unless a path is given), atomically, a PDF
opened in the system viewer, and the outcome told in the page's message line."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from ..services.errors import ServiceError
from .widgets import MessageLabel

FILTERS = {"xlsx": "Excel (*.xlsx)", "pdf": "PDF (*.pdf)", "docx": "Word (*.docx)"}


def save_document(parent: QWidget, message: MessageLabel, title: str, suggested: Path,
                  make: Callable[[], bytes], path: str | None = None, saved_text: str = "Sparad: %s") -> str | None:
    """The path written, or None when the user cancelled or it failed (the reason then shown in `message`).
    `saved_text` is what `message` says on success, with %s for the path."""
    from ..services.output import write_file_atomic

    return save_file(parent, message, title, suggested, lambda target: write_file_atomic(target, make()), path,
                     saved_text)


def save_file(parent: QWidget, message: MessageLabel, title: str, suggested: Path, write: Callable[[Path], object],
              path: str | None = None, saved_text: str = "Sparad: %s") -> str | None:
    """As save_document, for a service that writes the file itself: `write(path)`."""
    fmt = suggested.suffix.lstrip(".")
    if path is None:
        path, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), FILTERS[fmt])
        if not path:
            return None
    try:
        write(Path(path))
    except (ServiceError, OSError) as exc:
        message.show_error(str(exc))
        return None
    message.show_info(saved_text % path)
    if fmt == "pdf":
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return path
