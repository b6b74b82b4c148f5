"""Saving a document the user asked for: where (a file dialog unless a path is given), atomically, and a PDF
is opened in the system viewer."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

FILTERS = {"xlsx": "Excel (*.xlsx)", "pdf": "PDF (*.pdf)"}


def save_document(parent: QWidget, title: str, suggested: Path, make: Callable[[], bytes],
                  path: str | None = None) -> str | None:
    """The path written, or None when the user cancelled. ServiceError/OSError pass to the caller."""
    from ..services.output import write_file_atomic

    fmt = suggested.suffix.lstrip(".")
    if path is None:
        path, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), FILTERS[fmt])
        if not path:
            return None
    write_file_atomic(Path(path), make())
    if fmt == "pdf":
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return path
