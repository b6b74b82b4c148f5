"""The Möten menu on the main window: each command shows the Möten page and runs there; F5 presents the
selected meeting wherever the focus is. A mixin of MainWindow (nav, page(), _action)."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence


class MeetingCommands:
    def _meetings_page(self):
        from ..main_window import ROW

        self.nav.setCurrentRow(ROW["Möten"])
        return self.meetings

    def _build_meetings_menu(self, menu) -> None:
        def on_page(method: str):
            return lambda: getattr(self._meetings_page(), method)()

        self._action(menu, self.tr("&Nytt möte…"), on_page("new_meeting"))
        self._action(menu, self.tr("&Spara mötet"), on_page("save"))
        menu.addSeparator()
        self._action(menu, self.tr("&Kallelse (PDF)…"), on_page("kallelse"))
        self._action(menu, self.tr("&Beslutsunderlag (PDF)…"), on_page("beslutsunderlag"))
        self._action(menu, self.tr("&Protokoll (PDF)…"), on_page("protokoll"))
        menu.addSeparator()
        self._action(menu, self.tr("P&resentera mötet"), on_page("present"), QKeySequence("F5"))
