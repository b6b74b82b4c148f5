"""The Ansökan menu's commands: new, next step, print, blank form, export the list, delete, insats from the
application. They act on the Ansökningar page they are given.

Like the services, Qt's dialogs are imported when a command runs: the menus are built before the window is
first shown, and importing a Qt class creates its enums (start-up is measured by benchmarks/startup.py)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from ...services.errors import ServiceError

if TYPE_CHECKING:
    from ..insatser.page import InsatserPage
    from ..window_context import WindowContext
    from .editor import ApplicationEditor
    from .list_page import ApplicationsPage


def tr(text: str) -> str:
    return QCoreApplication.translate("ApplicationCommands", text)


class ApplicationCommands:
    """Public: build_menu(menu) and the commands new_application(), print_application(), print_blank(),
    export_list(), delete_application(), insats_from_application()."""

    def __init__(self, ctx: WindowContext, page: Callable[[], ApplicationsPage]):
        """`page` gives the Ansökningar page (built when first asked for)."""
        self.ctx = ctx
        self._page = page

    @property
    def page(self) -> ApplicationsPage:
        return self._page()

    @property
    def editor(self) -> ApplicationEditor:
        """The page's editor (made when the first file is opened; the menus wait for that)."""
        assert self.page.editor is not None
        return self.page.editor

    def build_menu(self, menu: QMenu) -> None:
        add = self.ctx.add_action
        add(menu, tr("&Ny ansökan…"), self.new_application, QKeySequence.StandardKey.New)
        add(menu, tr("Ny &egen ansökan (ESF)…"), self.new_own_application)  # Ctrl+Shift+N is Arkiv → Ny fil
        add(menu, tr("Nästa &steg…"), lambda: self.editor.open_workflow(), "Ctrl+Return")
        add(menu, tr("Ändra &beslutad ansökan…"), lambda: self.editor.start_change())
        add(menu, tr("Skriv &ut…"), self.print_application, QKeySequence.StandardKey.Print)
        add(menu, tr("Skriv ut &tomt formulär…"), self.print_blank)
        add(menu, tr("Spara som &Word…"), self.save_word)
        add(menu, tr("&Läs in ifylld blankett…"), self.read_form, "Ctrl+Shift+O")
        add(menu, tr("&Exportera listan till Excel…"), self.export_list)
        add(menu, tr("Exportera egen ansökans &budget till Excel…"), self.export_own_budget)
        menu.addSeparator()
        add(menu, tr("&Ta bort ansökan…"), self.delete_application)
        menu.addSeparator()
        add(menu, tr("Skapa &insats från ansökan…"), self.insats_from_application)

    def new_application(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from ...services import applications, registers
        from ...services.templates import list_templates

        db = self.ctx.database()
        templates = [t for t in list_templates() if not t.outgoing]  # the förbund's own ESF forms are not offered
        default = registers.forbund(db).default_template
        names = [t.name for t in templates]
        index = next((i for i, t in enumerate(templates) if t.id == default), 0)
        name, ok = QInputDialog.getItem(self.ctx.parent, tr("Ny ansökan"), tr("Formulär:"), names, index, False)
        if not ok or not self.ctx.leave_file():
            return
        app_id = applications.create(db, templates[names.index(name)].id).id
        assert app_id is not None  # saved
        self.ctx.show_page("applications")
        self.page.reload(keep=app_id)
        self.page.select_application(app_id)
        self.editor.focus_name()

    def new_own_application(self) -> None:
        """The förbund's own application to an outside funder, on the funder's form (ESF 2014–2020 or ESF+)."""
        from PySide6.QtWidgets import QInputDialog

        from ...services import applications, own_applications

        db = self.ctx.database()
        templates = own_applications.own_templates()
        names = [t.name for t in templates]
        name, ok = QInputDialog.getItem(self.ctx.parent, tr("Ny egen ansökan"), tr("Finansiärens formulär:"), names,
                                        len(names) - 1, False)
        if not ok or not self.ctx.leave_file():
            return
        app = own_applications.new_own_application(db, templates[names.index(name)].id)
        applications.save(db, app)
        assert app.id is not None
        self.ctx.show_page("applications")
        self.page.reload(keep=app.id)
        self.page.select_application(app.id)
        self.editor.focus_name()

    def export_own_budget(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from ...services import applications, esf_files

        app_id = self._selected()
        if app_id is None or not self.editor.save_now():
            return
        app = applications.load(self.ctx.database(), app_id)
        if not app.outgoing:
            QMessageBox.information(self.ctx.parent, tr("Budget till Excel"),
                                    tr("Ansökan %s är en inkommen ansökan; exportera listan i stället.")
                                    % app.diarienummer)
            return
        suggested = str(self.ctx.path().parent / f"budget-{app.diarienummer}.xlsx")
        name, _ = QFileDialog.getSaveFileName(self.ctx.parent, tr("Budget till Excel"), suggested, "Excel (*.xlsx)")
        if not name:
            return
        try:
            esf_files.export_budget_xlsx(self.ctx.database(), app_id, name)
        except ServiceError as exc:
            QMessageBox.warning(self.ctx.parent, tr("Budget till Excel"), str(exc))
            return
        self.ctx.show_message(tr("Budgeten exporterad: %s") % name, 5000)

    def _selected(self) -> int | None:
        from PySide6.QtWidgets import QMessageBox

        app_id = self.editor.current_id
        if app_id is None:
            QMessageBox.information(self.ctx.parent, tr("Ingen ansökan vald"), tr("Välj en ansökan i listan först."))
        return app_id

    def print_application(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from ...services import applications, printing
        from ..print_folder import print_folder

        app_id = self._selected()
        if app_id is None or not self.editor.save_now():
            return
        db = self.ctx.database()
        app = applications.load(db, app_id)
        target = print_folder() / f"ansokan-{app.diarienummer or app_id}.pdf"
        try:
            printing.print_application(db, app_id, target)
        except ServiceError as exc:
            QMessageBox.warning(self.ctx.parent, tr("Skriv ut"), str(exc))
            return
        self.ctx.show_message(tr("PDF skapad: %s") % target, 8000)
        _open_in_viewer(target)

    def print_blank(self) -> None:
        from PySide6.QtWidgets import QInputDialog, QMessageBox

        from ...services import printing, registers
        from ...services.templates import list_templates
        from ..print_folder import print_folder

        templates = [t for t in list_templates() if not t.outgoing]  # the förbund's own ESF forms are not offered
        names = [t.name for t in templates]
        name, ok = QInputDialog.getItem(self.ctx.parent, tr("Tomt formulär"), tr("Formulär:"), names, 0, False)
        if not ok:
            return
        template = templates[names.index(name)]
        target = print_folder() / f"formular-{template.id}.pdf"
        try:
            printing.print_blank(template.id, target, registers.forbund(self.ctx.database()).name)
        except ServiceError as exc:
            QMessageBox.warning(self.ctx.parent, tr("Skriv ut"), str(exc))
            return
        _open_in_viewer(target)

    def save_word(self) -> None:
        """Spara som Word: the ansökan as a .docx form the applicant can go on filling in."""
        from ...services import applications, printing
        from ..file_out import save_file

        app_id = self._selected()
        if app_id is None or not self.editor.save_now():
            return
        db = self.ctx.database()
        app = applications.load(db, app_id)
        suggested = self.ctx.path().parent / f"ansokan-{app.diarienummer or app_id}.docx"
        save_file(self.ctx.parent, self.editor.message, tr("Spara som Word"), suggested,
                  lambda target: printing.save_application_word(db, app_id, target), saved_text=tr("Sparad: %s"))

    def read_form(self, path: str | None = None) -> int | None:
        """Läs in ifylld blankett: a received .docx/PDF reviewed side by side, then saved as a new ansökan.
        Returns the new ansökan's id, or None."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

        from ...services import form_reader
        from .read_form_dialog import ReadFormDialog

        if self.ctx.read_only():
            QMessageBox.information(self.ctx.parent, tr("Läs in ifylld blankett"),
                                    tr("Filen är öppnad skrivskyddad; en inläst blankett kan inte sparas."))
            return None
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.ctx.parent, tr("Läs in ifylld blankett"),
                                                  str(self.ctx.path().parent),
                                                  tr("Ifyllda blanketter (*.docx *.pdf);;Alla filer (*)"))
        if not path or not self.ctx.leave_file():
            return None
        template_id: str | None = None
        while True:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                proposal = form_reader.read_file(path, template_id)
                break
            except form_reader.UnrecognisedForm as exc:
                QApplication.restoreOverrideCursor()
                template_id = self._choose_template(str(exc))
                if template_id is None:
                    return None
            except ServiceError as exc:
                QApplication.restoreOverrideCursor()
                QMessageBox.warning(self.ctx.parent, tr("Läs in ifylld blankett"), str(exc))
                return None
        QApplication.restoreOverrideCursor()
        dialog = ReadFormDialog(self.ctx.database(), proposal, self.ctx.parent)
        if not dialog.exec() or dialog.saved is None or dialog.saved.id is None:
            return None
        app_id = dialog.saved.id
        self.ctx.show_page("applications")
        self.page.reload(keep=app_id)
        self.page.select_application(app_id)
        self.ctx.show_message(tr("Inläst från %s som ansökan %s.") % (proposal.file_name, dialog.saved.diarienummer),
                              8000)
        return app_id

    def _choose_template(self, why: str) -> str | None:
        from PySide6.QtWidgets import QInputDialog

        from ...services.form_reader import received_templates

        templates = received_templates()
        names = [t.name for t in templates]
        name, ok = QInputDialog.getItem(self.ctx.parent, tr("Läs in ifylld blankett"),
                                        why + "\n\n" + tr("Läs den som:"), names, 0, False)
        return templates[names.index(name)].id if ok else None

    def export_list(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from ...services import exchange

        name, _ = QFileDialog.getSaveFileName(self.ctx.parent, tr("Exportera listan"),
                                              str(self.ctx.path().parent / "ansokningar.xlsx"), "Excel (*.xlsx)")
        if not name:
            return
        try:
            exchange.export_application_list_xlsx(self.ctx.database(), self.page.visible_rows, name)
        except ServiceError as exc:
            QMessageBox.warning(self.ctx.parent, tr("Exportera"), str(exc))
            return
        self.ctx.show_message(tr("Listan exporterad: %s") % name, 5000)

    def delete_application(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from ...services import applications
        from ..dialogs import confirm

        app_id = self._selected()
        if app_id is None:
            return
        db = self.ctx.database()
        app = applications.load(db, app_id)
        if not confirm(self.ctx.parent, tr("Ta bort ansökan"),
                       tr("Vill du ta bort ansökan %s ”%s”? Det går inte att ångra.") % (app.diarienummer, app.name)):
            return
        try:
            applications.delete(db, app_id)
        except ServiceError as exc:
            QMessageBox.warning(self.ctx.parent, tr("Ta bort ansökan"), str(exc))
            return
        self.editor.set_database(db)
        self.page.reload()

    def insats_from_application(self) -> None:
        app_id = self.page.editor.current_id if self.page.editor else None
        insatser = cast("InsatserPage", self.ctx.show_page("insatser"))
        insatser.from_application(app_id)


def _open_in_viewer(pdf: Path) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf)))
