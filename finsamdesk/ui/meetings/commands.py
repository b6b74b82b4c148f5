"""The Möten menu: each command shows the Möten page and runs there; F5 presents the selected meeting wherever
the focus is."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from pathlib import Path

    from ..window_context import WindowContext
    from .page import MeetingsPage


def tr(text: str) -> str:
    return QCoreApplication.translate("MeetingCommands", text)


class MeetingCommands:
    """Public: build_menu(menu), page()."""

    def __init__(self, ctx: WindowContext):
        self.ctx = ctx

    def page(self) -> MeetingsPage:
        return cast("MeetingsPage", self.ctx.show_page("meetings"))

    def build_menu(self, menu: QMenu) -> None:
        add = self.ctx.add_action

        def on_page(command: Callable[[MeetingsPage], object]) -> Callable[[], object]:
            return lambda: command(self.page())

        add(menu, tr("&Nytt möte…"), on_page(lambda p: p.new_meeting()))
        add(menu, tr("&Spara mötet"), on_page(lambda p: p.save()))
        menu.addSeparator()
        add(menu, tr("Spara &kallelsen som PDF…"), on_page(lambda p: p.kallelse()))
        add(menu, tr("Spara &beslutsunderlaget som PDF…"), on_page(lambda p: p.beslutsunderlag()))
        add(menu, tr("Spara &protokollet som PDF…"), on_page(lambda p: p.protokoll()))
        add(menu, tr("Spara beslutsbre&vet som Word…"), on_page(lambda p: decision_letter(p, ".docx")))
        add(menu, tr("Spara beslutsbrevet som P&DF…"), on_page(lambda p: decision_letter(p, ".pdf")))
        menu.addSeparator()
        add(menu, tr("P&resentera mötet"), on_page(lambda p: p.present()), QKeySequence("F5"))


def decision_letter(page: MeetingsPage, suffix: str, path: str | None = None) -> Path | None:
    """The beslutsbrev of the selected agenda item's recorded styrelse decision, as .docx or PDF."""
    from ...services import report_files
    from ..reports.exports import save_with_dialog

    m, index, db = page.current, page.agenda.current_index, page.db
    meeting_id = m.id if m is not None else None
    if m is None or meeting_id is None or db is None or not 0 <= index < len(m.items):
        page.message.show_warning(tr("Välj ett möte och en punkt med ett registrerat beslut."))
        return None
    return save_with_dialog(page, page.message, tr("Spara beslutsbrev"),
                            f"Beslutsbrev {m.date.isoformat()} § {m.paragraph(index)}{suffix}",
                            lambda out: report_files.write_decision_letter(db, meeting_id, index, out), path)
