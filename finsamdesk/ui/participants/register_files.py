"""The register's files: the import template, the import on a worker thread (every bad row reported, nothing
saved), the export (identifiers only when asked) and the registerutdrag. A mixin of RegisterTab (db, page,
message, chosen_insats, insats, model, register)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from ...domain.participants import MODES
from ...services import participant_files as files_service
from ...services import participants as service
from ...services.errors import ServiceError
from .dialogs import ExportDialog, ImportErrorsDialog


class RegisterFiles:
    def _insats_for_files(self) -> int | None:
        if self.chosen_insats is None:
            self.message.show_error(self.tr("Välj insatsen i listan Insats först."))
        return self.chosen_insats

    def save_template(self, path: str | None = None) -> None:
        insats_id = self._insats_for_files()
        if insats_id is None:
            return
        from ..file_out import save_document

        name = self.insats.currentText()[:40].replace("/", "-")
        save_document(self, self.message, self.tr("Spara importmall"), Path.home() / f"Deltagare {name}.xlsx",
                      lambda: files_service.import_template(self.db, insats_id), path,
                      saved_text=self.tr("Importmallen är sparad: %s"))

    def import_file(self, path: str | None = None) -> None:
        """Read, check and import an Excel file on a worker thread; every bad row is reported, nothing saved."""
        insats_id = self._insats_for_files()
        if insats_id is None:
            return
        if service.mode_of(self.db, insats_id) != "individ":
            self.message.show_error(self.tr("Insatsen redovisar bara antal. Välj ”%s” som redovisning först.")
                                    % MODES["individ"])
            return
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Importera deltagare"), str(Path.home()),
                                                  "Excel (*.xlsx)")
            if not path:
                return
        if service.is_protected(self.db) and self.page.key is None and not self.page.ensure_unlocked():
            self.message.show_warning(self.tr("Importen kräver upplåst register om filen har personnummer eller namn."))
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            self.message.show_error(self.tr("Filen kunde inte läsas: %s") % (exc.strerror or exc))
            return
        from ...services.files import file_path
        from ..worker import Background

        db_path, key = file_path(self.db), self.page.key

        def work(progress, cancelled):
            from ...services import files

            db = files.open_file(db_path, create=False)  # this thread's own connection
            try:
                return files_service.import_participants(db, insats_id, data, key, progress=progress,
                                                         cancelled=cancelled)
            finally:
                db.conn.close()

        self.background = Background(self, self.tr("Importerar deltagare"), work, self._imported, self._import_failed)

    def _imported(self, result) -> None:
        ids = list(result.ids)
        stored = service.snapshot(self.db, ids)
        self.page.push(self.tr("Importera %d deltagare") % len(ids), lambda: service.restore(self.db, stored),
                       lambda: service.delete(self.db, ids))
        self.reload()
        text = self.tr("%d deltagare importerades (Ctrl+Z ångrar).") % len(ids)
        if result.ignored_columns:
            self.message.show_warning(text + " " + self.tr("Kolumner som inte lästes: %s.")
                                      % ", ".join(result.ignored_columns))
        else:
            self.message.show_info(text)
        self.page.changed.emit()

    def _import_failed(self, exc: BaseException) -> bool:
        if isinstance(exc, files_service.ImportRejected):
            self.message.show_error(str(exc))
            ImportErrorsDialog(self, str(exc), exc.errors).exec()
            return True
        if isinstance(exc, ServiceError):
            self.message.show_error(str(exc))
            return True
        return False

    def export(self, path: str | None = None, with_identifiers: bool | None = None) -> None:
        ids = [self.model.row_id(r) for r in self.model.rows]
        if with_identifiers is None:
            dialog = ExportDialog(self, len(ids), self.page.key is not None)
            if not dialog.exec():
                return
            with_identifiers = dialog.with_identifiers.isChecked()
        from ..file_out import save_document

        suffix = " MED PERSONUPPGIFTER" if with_identifiers else ""
        personal = self.tr(" (innehåller personuppgifter)") if with_identifiers else ""
        save_document(self, self.message, self.tr("Exportera deltagare"), Path.home() / f"Deltagare{suffix}.xlsx",
                      lambda: files_service.export_xlsx(self.db, ids, self.page.key, with_identifiers), path,
                      saved_text=self.tr("%d deltagare sparade i ") % len(ids) + "%s" + personal + ".")

    def extract(self, path: str | None = None) -> None:
        """Registerutdrag: everything held about the selected person, in every insats, as a PDF."""
        if self.current_id is None:
            self.message.show_error(self.tr("Välj deltagaren i listan först."))
            return
        if not self.page.ensure_unlocked():
            return
        from ..file_out import save_document

        participant_id = self.current_id
        save_document(self, self.message, self.tr("Spara registerutdrag"), Path.home() / "Registerutdrag.pdf",
                      lambda: files_service.register_extract_pdf(self.db, participant_id, self.page.key), path,
                      saved_text=self.tr("Registerutdraget är sparat: %s (innehåller personuppgifter)."))

