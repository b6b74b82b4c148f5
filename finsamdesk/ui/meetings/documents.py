"""A meeting's documents: kallelse and protokoll as PDF, and the beslutsunderlag (every ansökan of the agenda on
its own form, joined with bookmarks) made off the GUI thread. The Möten page says which meeting."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ...domain.meetings import KINDS, Meeting
from ...services.errors import ServiceError
from ..file_out import save_document
from ..widgets import MessageLabel

if TYPE_CHECKING:
    import sqlite_utils
    from PySide6.QtWidgets import QWidget

    from ..worker import Background


def tr(text: str) -> str:
    return QCoreApplication.translate("MeetingDocuments", text)


class MeetingDocuments:
    """Public: kallelse(m, path), protokoll(m, path), beslutsunderlag(m, path); `background` is the running
    beslutsunderlag (tests wait for it). A path of None asks where; PDFs are opened when written."""

    def __init__(self, parent: QWidget, message: MessageLabel, db: Callable[[], sqlite_utils.Database]):
        self.parent, self.message, self._db = parent, message, db
        self.background: Background | None = None

    def _document(self, label: str, m: Meeting, make: Callable[[sqlite_utils.Database, int], bytes],
                  path: str | None) -> None:
        if m.id is None:
            return
        meeting_id, db = m.id, self._db()
        save_document(self.parent, self.message, tr("Spara %s") % label.lower(),
                      Path.home() / f"{label} {KINDS[m.kind].lower()} {m.date.isoformat()}.pdf",
                      lambda: make(db, meeting_id), path)

    def kallelse(self, m: Meeting, path: str | None = None) -> None:
        from ...services import meeting_files

        self._document(tr("Kallelse"), m, meeting_files.kallelse_pdf, path)

    def protokoll(self, m: Meeting, path: str | None = None) -> None:
        from ...services import meeting_files

        self._document(tr("Protokoll"), m, meeting_files.protokoll_pdf, path)

    def beslutsunderlag(self, m: Meeting, path: str | None = None) -> None:
        from PySide6.QtWidgets import QFileDialog

        from ...services.files import file_path
        from ..worker import Background

        if path is None:
            suggested = Path.home() / f"Beslutsunderlag {KINDS[m.kind].lower()} {m.date.isoformat()}.pdf"
            path, _ = QFileDialog.getSaveFileName(self.parent, tr("Spara beslutsunderlag"), str(suggested),
                                                  "PDF (*.pdf)")
            if not path:
                return
        db_path, meeting_id, target = file_path(self._db()), m.id, Path(path)
        assert db_path is not None and meeting_id is not None  # a file on disk, a saved meeting

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Path:
            from ...services import files, meeting_files

            db = files.open_file(db_path, create=False)
            try:
                return meeting_files.write_beslutsunderlag(db, meeting_id, target, progress, cancelled)
            finally:
                db.conn.close()

        def done(written: Path) -> None:
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            self.message.show_info(tr("Sparad: %s") % written)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))

        def failed(exc: BaseException) -> bool:
            if isinstance(exc, (ServiceError, OSError)):
                self.message.show_error(str(exc))
                return True
            return False

        self.background = Background(self.parent, tr("Beslutsunderlag"), work, done, failed)
