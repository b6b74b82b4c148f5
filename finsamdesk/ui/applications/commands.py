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
        add(menu, tr("Nästa &steg…"), lambda: self.editor.open_workflow(), "Ctrl+Return")
        add(menu, tr("Skriv &ut…"), self.print_application, QKeySequence.StandardKey.Print)
        add(menu, tr("Skriv ut &tomt formulär…"), self.print_blank)
        add(menu, tr("&Exportera listan till Excel…"), self.export_list)
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

    def _selected(self) -> int | None:
        from PySide6.QtWidgets import QMessageBox

        app_id = self.editor.current_id
        if app_id is None:
            QMessageBox.information(self.ctx.parent, tr("Ingen ansökan vald"), tr("Välj en ansökan i listan först."))
        return app_id

    def print_application(self) -> None:
        import tempfile

        from PySide6.QtWidgets import QMessageBox

        from ...services import applications, printing

        app_id = self._selected()
        if app_id is None or not self.editor.save_now():
            return
        db = self.ctx.database()
        app = applications.load(db, app_id)
        target = Path(tempfile.mkdtemp(prefix="finsamdesk-")) / f"ansokan-{app.diarienummer}.pdf"
        try:
            printing.print_application(db, app_id, target)
        except ServiceError as exc:
            QMessageBox.warning(self.ctx.parent, tr("Skriv ut"), str(exc))
            return
        self.ctx.show_message(tr("PDF skapad: %s") % target, 8000)
        _open_in_viewer(target)

    def print_blank(self) -> None:
        import tempfile

        from PySide6.QtWidgets import QInputDialog, QMessageBox

        from ...services import printing, registers
        from ...services.templates import list_templates

        templates = [t for t in list_templates() if not t.outgoing]  # the förbund's own ESF forms are not offered
        names = [t.name for t in templates]
        name, ok = QInputDialog.getItem(self.ctx.parent, tr("Tomt formulär"), tr("Formulär:"), names, 0, False)
        if not ok:
            return
        template = templates[names.index(name)]
        target = Path(tempfile.mkdtemp(prefix="finsamdesk-")) / f"formular-{template.id}.pdf"
        try:
            printing.print_blank(template.id, target, registers.forbund(self.ctx.database()).name)
        except ServiceError as exc:
            QMessageBox.warning(self.ctx.parent, tr("Skriv ut"), str(exc))
            return
        _open_in_viewer(target)

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
        from ..widgets import confirm

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
