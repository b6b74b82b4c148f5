"""The Deltagare menu on the main window: each command shows the Deltagare page and runs there.
A mixin of MainWindow (it uses the window's nav, page() and _action)."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence


class ParticipantCommands:
    def _participants_page(self, tab: int | None = None):
        from ..main_window import ROW

        self.nav.setCurrentRow(ROW["Deltagare"])
        page = self.participants
        if tab is not None:
            page.tabs.setCurrentIndex(tab)
        return page

    def _build_participants_menu(self, menu) -> None:
        def on_page(method: str, tab: int | None = 0):
            return lambda: getattr(self._participants_page(tab), method)()

        def on_register(method: str):
            return lambda: getattr(self._participants_page(0).register, method)()

        self.lock_action = self._action(menu, self.tr("&Lås upp / lås registret"), self.toggle_participant_lock,
                                        QKeySequence("Ctrl+L"))
        self._action(menu, self.tr("&Byt lösenfras…"), on_page("change_passphrase", None))
        menu.addSeparator()
        self._action(menu, self.tr("&Ny deltagare"), on_register("new_participant"))
        self._action(menu, self.tr("Import&mall…"), on_register("save_template"))
        self._action(menu, self.tr("&Importera från Excel…"), on_register("import_file"))
        self._action(menu, self.tr("&Exportera till Excel…"), on_register("export"))
        self._action(menu, self.tr("&Registerutdrag…"), on_register("extract"))
        menu.addSeparator()
        self._action(menu, self.tr("&Statistik till Excel…"),
                     lambda: self._participants_page(2).statistics.export("xlsx"))
        self._action(menu, self.tr("Statistik som &PDF…"), lambda: self._participants_page(2).statistics.export("pdf"))
        menu.addSeparator()
        self._action(menu, self.tr("&Gallring…"), on_page("gallring", None))
        self._action(menu, self.tr("&Kategorier…"), on_page("edit_categories", None))
        self._action(menu, self.tr("Registrets i&nställningar…"), on_page("edit_settings", None))

    def toggle_participant_lock(self) -> None:
        page = self._participants_page()
        if page.key is not None:
            page.lock()
        else:
            page.ensure_unlocked()
