"""The Deltagare menu: each command shows the Deltagare page (on the tab it needs) and runs there."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from ..window_context import WindowContext
    from .page import ParticipantsPage
    from .register_tab import RegisterTab

REGISTER_TAB, STATISTICS_TAB = 0, 2


def tr(text: str) -> str:
    return QCoreApplication.translate("ParticipantCommands", text)


class ParticipantCommands:
    """Public: build_menu(menu), page(tab), toggle_lock()."""

    def __init__(self, ctx: WindowContext):
        self.ctx = ctx

    def page(self, tab: int | None = None) -> ParticipantsPage:
        """The Deltagare page, shown, on `tab` when one is given."""
        page = cast("ParticipantsPage", self.ctx.show_page("participants"))
        if tab is not None:
            page.tabs.setCurrentIndex(tab)
        return page

    def build_menu(self, menu: QMenu) -> None:
        add = self.ctx.add_action

        def on_page(command: Callable[[ParticipantsPage], object]) -> Callable[[], object]:
            return lambda: command(self.page())

        def on_register(command: Callable[[RegisterTab], object]) -> Callable[[], object]:
            return lambda: command(self.page(REGISTER_TAB).register)

        add(menu, tr("&Lås upp / lås registret"), self.toggle_lock, QKeySequence("Ctrl+L"))
        add(menu, tr("&Byt lösenfras…"), on_page(lambda p: p.change_passphrase()))
        menu.addSeparator()
        add(menu, tr("&Ny deltagare"), on_register(lambda r: r.new_participant()))
        add(menu, tr("Import&mall…"), on_register(lambda r: r.save_template()))
        add(menu, tr("&Importera från Excel…"), on_register(lambda r: r.import_file()))
        add(menu, tr("&Exportera till Excel…"), on_register(lambda r: r.export()))
        add(menu, tr("&Registerutdrag…"), on_register(lambda r: r.extract()))
        menu.addSeparator()
        add(menu, tr("Exportera &statistiken till Excel…"), lambda: self.page(STATISTICS_TAB).statistics.export("xlsx"))
        add(menu, tr("Spara statistiken som &PDF…"), lambda: self.page(STATISTICS_TAB).statistics.export("pdf"))
        menu.addSeparator()
        add(menu, tr("&Gallring…"), on_page(lambda p: p.gallring()))
        add(menu, tr("&Kategorier…"), on_page(lambda p: p.edit_categories()))
        add(menu, tr("Registrets i&nställningar…"), on_page(lambda p: p.edit_settings()))

    def toggle_lock(self) -> None:
        page = self.page()
        if page.key is not None:
            page.lock()
        else:
            page.ensure_unlocked()
