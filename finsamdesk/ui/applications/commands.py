"""The Ansökan menu's commands on the main window: new, print, blank form, export the list, delete.
A mixin of MainWindow (it uses the window's db, path, applications page and status bar)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from ...services.errors import ServiceError
from ..widgets import confirm


class ApplicationCommands:
    def new_application(self) -> None:
        from ...services import applications, registers
        from ...services.templates import list_templates

        templates = list_templates()
        default = registers.forbund(self.db).default_template
        names = [t.name for t in templates]
        index = next((i for i, t in enumerate(templates) if t.id == default), 0)
        name, ok = QInputDialog.getItem(self, self.tr("Ny ansökan"), self.tr("Formulär:"), names, index, False)
        if not ok or not self.leave_file():
            return
        app = applications.create(self.db, templates[names.index(name)].id)
        self.nav.setCurrentRow(0)
        self.applications.reload(keep=app.id)
        self.applications.select_application(app.id)
        self.applications.editor.focus_first_field()

    def _selected(self) -> int | None:

        app_id = self.applications.editor.current_id
        if app_id is None:
            QMessageBox.information(self, self.tr("Ingen ansökan vald"), self.tr("Välj en ansökan i listan först."))
        return app_id

    def print_application(self) -> None:
        import tempfile

        from ...services import applications, printing

        app_id = self._selected()
        if app_id is None or not self.applications.editor.save_now():
            return
        app = applications.load(self.db, app_id)
        target = Path(tempfile.mkdtemp(prefix="finsamdesk-")) / f"ansokan-{app.diarienummer}.pdf"
        try:
            printing.print_application(self.db, app_id, target)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Skriv ut"), str(exc))
            return
        self.statusBar().showMessage(self.tr("PDF skapad: %s") % target, 8000)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def print_blank(self) -> None:
        import tempfile

        from ...services import printing, registers
        from ...services.templates import list_templates

        templates = list_templates()
        names = [t.name for t in templates]
        name, ok = QInputDialog.getItem(self, self.tr("Tomt formulär"), self.tr("Formulär:"), names, 0, False)
        if not ok:
            return
        template = templates[names.index(name)]
        target = Path(tempfile.mkdtemp(prefix="finsamdesk-")) / f"formular-{template.id}.pdf"
        try:
            printing.print_blank(template.id, target, registers.forbund(self.db).name)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Skriv ut"), str(exc))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def export_list(self) -> None:
        from ...services import exchange

        name, _ = QFileDialog.getSaveFileName(self, self.tr("Exportera listan"), str(self.path.parent / "ansokningar.xlsx"),
                                              "Excel (*.xlsx)")
        if not name:
            return
        try:
            exchange.export_application_list_xlsx(self.db, self.applications.visible_rows, name)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Exportera"), str(exc))
            return
        self.statusBar().showMessage(self.tr("Listan exporterad: %s") % name, 5000)

    def delete_application(self) -> None:
        from ...services import applications

        app_id = self._selected()
        if app_id is None:
            return
        app = applications.load(self.db, app_id)
        if not confirm(self, self.tr("Ta bort ansökan"),
                       self.tr("Vill du ta bort ansökan %s ”%s”? Det går inte att ångra.") % (app.diarienummer, app.name)):
            return
        try:
            applications.delete(self.db, app_id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Ta bort ansökan"), str(exc))
            return
        self.applications.editor.set_database(self.db)
        self.applications.reload()
