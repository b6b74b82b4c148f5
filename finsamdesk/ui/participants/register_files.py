"""The register's files: the import template, the import on a worker thread (every bad row reported, nothing
saved), the export (identifiers only when asked) and the registerutdrag. The register tab owns one and says,
at each command, which insats, rows or participant it is about."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from ...domain.participants import MODES
from ...services import participant_files as files_service
from ...services import participants as service
from ...services.errors import ServiceError
from ...services.input_files import read_import_file
from ..file_out import save_document, save_file
from ..widgets import MessageLabel
from .dialogs import ExportDialog, ImportErrorsDialog

if TYPE_CHECKING:
    import sqlite_utils

    from ...services.participants import FieldKey
    from ..worker import Background


def tr(text: str) -> str:
    return QCoreApplication.translate("RegisterFiles", text)


class RegisterFiles:
    """Public: save_template(insats_id, insats_name, path), import_file(insats_id, path), export(ids, path,
    with_identifiers), extract(participant_id, path); `background` is the running import (tests wait for it).

    `db` and `key` give the open file and the register's key (None while locked), `ensure_unlocked` asks for
    the passphrase, `imported(ids)` is called after an import with the new participants' ids."""

    def __init__(self, parent: QWidget, message: MessageLabel, db: Callable[[], sqlite_utils.Database],
                 key: Callable[[], FieldKey | None], ensure_unlocked: Callable[[], bool],
                 imported: Callable[[list[int]], None]):
        self.parent, self.message = parent, message
        self._db, self._key, self._ensure_unlocked, self._imported_ids = db, key, ensure_unlocked, imported
        self.background: Background | None = None
        self._handed_key: list[FieldKey | None] = []

    def save_template(self, insats_id: int, insats_name: str, path: str | None = None) -> None:
        name = insats_name[:40].replace("/", "-")
        db = self._db()
        save_document(self.parent, self.message, tr("Spara importmall"), Path.home() / f"Deltagare {name}.xlsx",
                      lambda: files_service.import_template(db, insats_id), path,
                      saved_text=tr("Importmallen är sparad: %s"))

    def import_file(self, insats_id: int, path: str | None = None) -> None:
        """Read, check and import an Excel file on a worker thread; every bad row is reported, nothing saved."""
        db = self._db()
        if service.mode_of(db, insats_id) != "individ":
            self.message.show_error(tr("Insatsen redovisar bara antal. Välj ”%s” som redovisning först.")
                                    % MODES["individ"])
            return
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.parent, tr("Importera deltagare"), str(Path.home()),
                                                  "Excel (*.xlsx)")
            if not path:
                return
        if service.is_protected(db) and self._key() is None and not self._ensure_unlocked():
            self.message.show_warning(tr("Importen kräver upplåst register om filen har personnummer eller namn."))
        try:
            data = read_import_file(path, files_service.MAX_IMPORT_BYTES)
        except ServiceError as exc:
            self.message.show_error(str(exc))
            return
        from ...services.files import file_path
        from ..worker import Background

        db_path = file_path(db)
        assert db_path is not None  # the open file is on disk
        self._handed_key = handed = [self._key()]  # taken by the job; emptied if the register locks first

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> files_service.ImportResult:
            from ...services import files

            key = handed.pop() if handed else None
            own = files.open_file(db_path, create=False)  # this thread's own connection
            try:
                return files_service.import_participants(own, insats_id, data, key, progress=progress,
                                                         cancelled=cancelled)
            finally:
                own.conn.close()

        self.background = Background(self.parent, tr("Importerar deltagare"), work, self._imported,
                                     self._import_failed)

    def forget_key(self) -> None:
        """The register is locked: a running import stops (it would go on with the key) and lets go of it."""
        self._handed_key.clear()
        if self.background is not None and self.background.running:
            self.background.job.cancel.set()

    def _imported(self, result: files_service.ImportResult) -> None:
        ids = list(result.ids)
        self._imported_ids(ids)
        text = tr("%d deltagare importerades (Ctrl+Z ångrar).") % len(ids)
        if result.ignored_columns:
            self.message.show_warning(text + " " + tr("Kolumner som inte lästes: %s.")
                                      % ", ".join(result.ignored_columns))
        else:
            self.message.show_info(text)

    def _import_failed(self, exc: BaseException) -> bool:
        if isinstance(exc, files_service.ImportRejected):
            self.message.show_error(str(exc))
            ImportErrorsDialog(self.parent, str(exc), exc.errors).exec()
            return True
        if isinstance(exc, ServiceError):
            self.message.show_error(str(exc))
            return True
        return False

    def export(self, ids: list[int], path: str | None = None, with_identifiers: bool | None = None) -> None:
        if with_identifiers is None:
            dialog = ExportDialog(self.parent, len(ids), self._key() is not None)
            if not dialog.exec():
                return
            with_identifiers = dialog.with_identifiers.isChecked()
        suffix = " MED PERSONUPPGIFTER" if with_identifiers else ""
        personal = tr(" (innehåller personuppgifter)") if with_identifiers else ""
        db, identifiers = self._db(), bool(with_identifiers)
        save_file(self.parent, self.message, tr("Exportera deltagare"), Path.home() / f"Deltagare{suffix}.xlsx",
                  lambda target: files_service.export_xlsx(db, ids, self._key(), identifiers, target), path,
                  saved_text=tr("%d deltagare sparade i ") % len(ids) + "%s" + personal + ".")

    def extract(self, participant_id: int, path: str | None = None) -> None:
        """Registerutdrag: everything held about the person, in every insats, as a PDF."""
        if not self._ensure_unlocked():
            return
        db = self._db()
        save_document(self.parent, self.message, tr("Spara registerutdrag"), Path.home() / "Registerutdrag.pdf",
                      lambda: files_service.register_extract_pdf(db, participant_id, self._key()), path,
                      saved_text=tr("Registerutdraget är sparat: %s (innehåller personuppgifter)."))
