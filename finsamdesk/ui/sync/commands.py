"""Arkiv → Ta med en arbetskopia… and Slå ihop en arbetskopia… (issue 17). Reading the copy and merging run off
the GUI thread (ui/worker.py) on a connection of their own, with a progress bar; the dialogs are window-modal and
opened with open(), so the window (and a test) keeps running while they show."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ...services.errors import ServiceError

# Qt's classes beyond the menu (Qt, QMessageBox, QFileDialog: Python builds their enums on first use), the worker,
# the dialogs and the services (with them the store and sqlite-utils) are imported when a command runs: the window
# builds this menu before it is shown, and start-up must not pay for them (benchmarks/startup.py).
if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QDialog, QMenu

    from ...domain.sync import Choice, MergePreview, MergeReport
    from ..window_context import WindowContext
    from ..worker import Background
    from .take_dialog import TakeCopyDialog


class CopyCommands:
    """Public: build_menu(menu), take_copy(), merge_copy(path=None); the open dialog (`dialog`), the running job
    (`job`) and the last report (`report`) for tests."""

    def __init__(self, ctx: WindowContext):
        self.ctx = ctx
        self.dialog: QDialog | None = None
        self.job: Background | None = None
        self.report: MergeReport | None = None

    def build_menu(self, menu: QMenu) -> None:
        """Two entries in Arkiv, before its first separator (after Säkerhetskopior…)."""
        separator = next((a for a in menu.actions() if a.isSeparator()), None)
        for text, slot in ((menu.tr("Ta med en &arbetskopia…"), self.take_copy),
                           (menu.tr("Slå i&hop en arbetskopia…"), self.merge_copy)):
            action = self.ctx.add_action(menu, text, slot)
            if separator is not None:
                menu.removeAction(action)
                menu.insertAction(separator, action)

    def _refuse(self, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self.ctx.parent, self.ctx.parent.tr("Arbetskopia"), text)

    # ------------------------------------------------------------------ taking a copy
    def take_copy(self) -> None:
        from ...services import insatser
        from ...services import working_copies as wc
        from .take_dialog import TakeCopyDialog

        db = self.ctx.database()
        if wc.this_copy(db) is not None:
            self._refuse(self.ctx.parent.tr("Det här är en arbetskopia. Ta nya arbetskopior från huvudfilen."))
            return
        if self.ctx.read_only() or not self.ctx.leave_file():
            if self.ctx.read_only():
                self._refuse(self.ctx.parent.tr("Filen är öppnad skrivskyddad; huvudfilen måste kunna minnas "
                                                "kopian. Öppna den med skrivrätt."))
            return
        from datetime import date  # here: the window shows before datetime is needed (2.9 ms)

        rows = sorted(insatser.list_rows(db, date.today().year), key=lambda r: r.name)
        dialog = TakeCopyDialog(self.ctx.parent, self.ctx.path(), [(r.id, r.name) for r in rows if not r.archived],
                                wc.copies(db))
        dialog.accepted.connect(lambda: self._write_copy(dialog))
        self.dialog = dialog
        dialog.open()

    def _write_copy(self, dialog: TakeCopyDialog) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication, QMessageBox

        from ...services import working_copies as wc

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            info = wc.take_copy(self.ctx.database(), dialog.target_path(), insats_ids=dialog.chosen_ids(),
                                with_register=dialog.with_register.isChecked(), label=dialog.label.text())
        except ServiceError as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self.ctx.parent, dialog.windowTitle(), str(exc))
            return
        QApplication.restoreOverrideCursor()
        self.ctx.show_message(self.ctx.parent.tr("Arbetskopian ”%1” sparad i %2.").replace("%1", info.label)
                              .replace("%2", str(dialog.target_path())), 10000)

    # ------------------------------------------------------------------ merging one back
    def merge_copy(self, path: Path | None = None) -> None:
        from PySide6.QtWidgets import QFileDialog

        from ...services import working_copies as wc
        from ..worker import Background

        db = self.ctx.database()
        if wc.this_copy(db) is not None:
            self._refuse(self.ctx.parent.tr("Det här är själv en arbetskopia. Öppna huvudfilen och slå ihop "
                                            "arbetskopian där."))
            return
        if self.ctx.read_only():
            self._refuse(self.ctx.parent.tr("Filen är öppnad skrivskyddad; öppna den med skrivrätt för att slå "
                                            "ihop en arbetskopia."))
            return
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self.ctx.parent, self.ctx.parent.tr("Slå ihop en arbetskopia"),
                                                  str(self.ctx.path().parent),
                                                  self.ctx.parent.tr("finsamdesk-filer (*.sqlite)"))
            if not name:
                return
            path = Path(name)
        if not self.ctx.leave_file():
            return
        main_path, copy_path = self.ctx.path(), path

        def read(progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> MergePreview:
            from ...services import files

            own = files.open_file(main_path)
            try:
                return wc.preview(own, copy_path, progress)
            finally:
                own.close()

        self.job = Background(self.ctx.parent, self.ctx.parent.tr("Läser arbetskopian…"), read, self._review,
                              self._failed)

    def _review(self, preview: MergePreview) -> None:
        from ...services import working_copies as wc
        from .merge_dialog import MergeDialog

        dialog = MergeDialog(self.ctx.parent, preview)
        dialog.accepted.connect(lambda: self._merge(preview, dialog.choices))
        dialog.rejected.connect(lambda: wc.discard(preview))
        self.dialog = dialog
        dialog.open()

    def _merge(self, preview: MergePreview, choices: dict[int, Choice]) -> None:
        from ..worker import Background

        main_path = self.ctx.path()

        def write(progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> MergeReport:
            from ...services import backups, files
            from ...services import working_copies as wc

            own = files.open_file(main_path)
            try:
                backups.make_backup(own, main_path, "fore-sammanslagning")
                return wc.merge(own, preview, choices, progress)
            finally:
                own.close()

        self.job = Background(self.ctx.parent, self.ctx.parent.tr("Slår ihop arbetskopian…"), write, self._done,
                              self._failed)

    def _done(self, report: MergeReport) -> None:
        from .report_dialog import ReportDialog

        self.report = report
        self.ctx.set_file(self.ctx.database(), self.ctx.path(), self.ctx.lock())  # every page shows the merge
        dialog = ReportDialog(self.ctx.parent, report)
        self.dialog = dialog
        dialog.open()

    def _failed(self, exc: BaseException) -> bool:
        from PySide6.QtWidgets import QMessageBox

        if isinstance(exc, ServiceError):
            QMessageBox.warning(self.ctx.parent, self.ctx.parent.tr("Arbetskopia"), str(exc))
            return True
        return False
