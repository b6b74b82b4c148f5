"""The main window: navigation on the left, the selected page on the right, the menus, the open file.

The pages are built the first time they are shown (ui/pages.py lists them); the menus' commands are objects
that receive a WindowContext (ui/window_context.py). The services are imported inside the methods: they load
when the file is opened, after the window is on screen (start-up is measured by benchmarks/startup.py).
"""
from __future__ import annotations

import importlib
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtGui import QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from .applications.commands import ApplicationCommands
from .autosave import SaveWatcher
from .file_commands import FileCommands
from .help_menu import HelpCommands
from .meetings.commands import MeetingCommands
from .pages import PAGES, ROW, SPEC, OpensItems, Page, PageSpec
from .participants.commands import ParticipantCommands
from .settings import remember_file, restore_geometry, restore_splitter, save_geometry, save_splitter
from .sync.commands import CopyCommands
from .text_size import TextSize
from .window_context import HeldLock, WindowContext, set_shortcut

if TYPE_CHECKING:
    import sqlite_utils
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QMenu

    from .applications.list_page import ApplicationsPage
    from .budget.page import BudgetPage
    from .insatser.page import InsatserPage
    from .meetings.page import MeetingsPage
    from .overview.page import OverviewPage
    from .participants.page import ParticipantsPage
    from .registers.pages import ContactsPage, OrganisationsPage


class MainWindow(QMainWindow):
    """Public: set_file(db, path, lock), leave_file() -> bool, page(id), show_page(id), the pages (applications,
    overview, insatser, budget, participants, meetings, organisations, contacts), the menus' command objects
    (file_commands, application_commands, participant_commands, meeting_commands), db, path, lock, read_only,
    nav, stack, undo_group, focus_search(), show_application(id), show_insats(id)."""

    def __init__(self, db: sqlite_utils.Database | None, path: Path, lock: HeldLock | None = None):
        """`db` may be None: the window shows at once and the file is opened with set_file(). `lock` is the
        one-writer lock held while the file is open (None for a file opened read-only, and in tests)."""
        super().__init__()
        self.db: sqlite_utils.Database | None = None  # set_file gives the window its file, below or later
        self.path = Path(path)
        self.lock: HeldLock | None = None
        self.read_only = False
        self.read_only_label = QLabel()
        self.read_only_label.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.nav = QListWidget()
        self.stack = QStackedWidget()
        self._pages: dict[str, Page] = {}  # by id, each built when first shown or asked for
        self.undo_group = QUndoGroup(self)
        for spec in PAGES:
            self.nav.addItem(self.tr(spec.label))
            self.stack.addWidget(QWidget())
        self.nav.currentRowChanged.connect(self._show_row)
        self.path_label, self.counts_label = QLabel(), QLabel()
        self.statusBar().addWidget(self.path_label, 1)
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.nav.setFixedWidth(170)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        context = WindowContext(
            parent=self, db=lambda: self.db, path=lambda: self.path, lock=lambda: self.lock,
            read_only=lambda: self.read_only, show_message=lambda text, ms: self.statusBar().showMessage(text, ms),
            leave_file=self.leave_file, set_file=self.set_file, show_page=self.show_page)
        self.file_commands = FileCommands(context, save_typed=self._save_application)
        self.application_commands = ApplicationCommands(context, lambda: self.applications)
        self.participant_commands = ParticipantCommands(context)
        self.meeting_commands = MeetingCommands(context)
        self.copy_commands = CopyCommands(context)
        self.help_commands = HelpCommands(self, self.menuBar, lambda: self.path if self.db is not None else None)
        self.text_size = TextSize(self._text_size_changed)
        self.saving = SaveWatcher(self, self._pages.get, self._current_id)
        self._context = context
        self._menus: dict[str, QMenu] | None = self._add_menus()  # None once filled (fill_menus)
        restore_geometry(self)
        self.nav.setCurrentRow(0)
        if db is not None:
            self.fill_menus()
            self.set_file(db, self.path, lock)
            self.saving.watch()  # a window made over an open file, not at start-up: typing is noticed at once
        else:
            self.menuBar().setEnabled(False)
            self.setWindowTitle(f"{self.path.name}[*] – finsamdesk")
            self.path_label.setText(self.tr("Öppnar %s …") % self.path)

    # ------------------------------------------------------------------ menus
    def _add_menus(self) -> dict[str, QMenu]:
        """The menu bar's titles, so that the bar has its height and its words from the first frame."""
        bar = self.menuBar()
        return {key: bar.addMenu(self.tr(title)) for key, title in (
            ("arkiv", "&Arkiv"), ("redigera", "&Redigera"), ("ansokan", "A&nsökan"), ("deltagare", "&Deltagare"),
            ("moten", "&Möten"), ("visa", "&Visa"), ("hjalp", "&Hjälp"))}

    def fill_menus(self) -> None:
        """The menus' commands and their keys, once. At start-up the window is shown first and they are filled the
        moment after, before the file is opened (app.main; the menu bar is disabled until a file is open), so
        the window is on screen ~5 ms sooner; a window made over an open file, or given one, fills them at once."""
        if self._menus is None:
            return
        menus, context, self._menus = self._menus, self._context, None
        self.file_commands.build_menu(menus["arkiv"])
        self.copy_commands.build_menu(menus["arkiv"])
        redigera = menus["redigera"]
        undo = self.undo_group.createUndoAction(self, self.tr("Ångra"))
        set_shortcut(undo, QKeySequence(QKeySequence.StandardKey.Undo))
        redo = self.undo_group.createRedoAction(self, self.tr("Gör om"))
        set_shortcut(redo, QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Shift+Z"))
        redigera.addAction(undo)
        redigera.addAction(redo)
        redigera.addSeparator()
        context.add_action(redigera, self.tr("&Sök"), self.focus_search, QKeySequence.StandardKey.Find)
        context.add_action(redigera, self.tr("Spara &nu"), self.save_page, QKeySequence.StandardKey.Save)
        self.application_commands.build_menu(menus["ansokan"])
        self.participant_commands.build_menu(menus["deltagare"])
        self.meeting_commands.build_menu(menus["moten"])
        visa = menus["visa"]
        for row, spec in enumerate(PAGES):
            context.add_action(visa, self.tr(spec.label), partial(self.nav.setCurrentRow, row), f"Ctrl+{row + 1}")
        visa.addSeparator()
        set_shortcut(context.add_action(visa, self.tr("S&törre text"), self.text_size.bigger),
                     QKeySequence("Ctrl++"), QKeySequence("Ctrl+="))
        context.add_action(visa, self.tr("&Mindre text"), self.text_size.smaller, "Ctrl+-")
        context.add_action(visa, self.tr("&Normal textstorlek"), self.text_size.normal, "Ctrl+0")
        self.help_commands.build_menu(menus["hjalp"])

    def _text_size_changed(self, scale: float) -> None:
        """The navigation has a size of its own, a little larger than the text (Visa → Större text)."""
        self.nav.setStyleSheet(f"QListWidget {{ font-size: {11 * scale:.1f}pt; }} "
                               "QListWidget::item { padding: 6px; }")
        self.nav.setFixedWidth(round(170 * max(1.0, scale)))

    def _save_application(self) -> bool:
        """What is typed in the application editor, if the page has been opened (before a document is made)."""
        return self.saving.save_page("applications")

    def save_page(self) -> bool:
        """Ctrl+S: what is typed on the page in view, whichever it is; the status bar says how it went."""
        saved = self.saving.save_page(self._current_id())
        self.statusBar().showMessage(self.tr("Sparat.") if saved else self.tr(
            "Det som skrivits kan inte sparas som det är – se meddelandet på sidan."), 4000)
        return saved

    # ------------------------------------------------------------------ pages
    def page(self, page_id: str) -> Page:
        """The page `page_id` (pages.PAGES), built (and given the file) the first time it is asked for."""
        if page_id not in self._pages:
            spec = SPEC[page_id]
            page = getattr(importlib.import_module(f"{__package__}.{spec.module}"), spec.cls)()
            self._install(page_id, page)
            if self.db is not None:
                page.set_database(self.db)
        return self._pages[page_id]

    def _install(self, page_id: str, page: Page) -> None:
        spec, row = SPEC[page_id], ROW[page_id]
        placeholder = self.stack.widget(row)
        assert placeholder is not None  # every row has a placeholder until its page is built
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.stack.insertWidget(row, cast(QWidget, page))
        self._pages[page_id] = page
        if page.splitter is not None:
            restore_splitter(spec, page.splitter)
        page.changed.connect(self._update_counts)
        if page.undo_stack is not None:
            self.undo_group.addStack(page.undo_stack)
        if spec.opens_items:
            opener = cast(OpensItems, page)
            opener.open_application.connect(self.show_application)
            opener.open_insats.connect(self.show_insats)
        if hasattr(page, "open_page"):  # Översikt: its tiles open a page at a year, its meetings a meeting
            page.open_page.connect(self.show_target)

    def show_page(self, page_id: str) -> Page:
        """Navigate to the page and return it."""
        self.nav.setCurrentRow(ROW[page_id])
        return self.page(page_id)

    def _show_row(self, row: int) -> None:
        if self.db is None:  # pages are built once the file is open (start-up stays fast)
            self.stack.setCurrentIndex(row)
            return
        before = self._current_page()
        if before is not None:
            before.leave()
            self.saving.save_page(self._current_id())  # leaving a page saves what is typed on it
        page = self.page(PAGES[row].id)
        self.stack.setCurrentIndex(row)
        page.shown()
        if page.undo_stack is not None:
            self.undo_group.setActiveStack(page.undo_stack)

    @property
    def applications(self) -> ApplicationsPage:
        return cast("ApplicationsPage", self.page("applications"))

    @property
    def overview(self) -> OverviewPage:
        return cast("OverviewPage", self.page("overview"))

    @property
    def insatser(self) -> InsatserPage:
        return cast("InsatserPage", self.page("insatser"))

    @property
    def budget(self) -> BudgetPage:
        return cast("BudgetPage", self.page("budget"))

    @property
    def participants(self) -> ParticipantsPage:
        return cast("ParticipantsPage", self.page("participants"))

    @property
    def meetings(self) -> MeetingsPage:
        return cast("MeetingsPage", self.page("meetings"))

    @property
    def organisations(self) -> OrganisationsPage:
        return cast("OrganisationsPage", self.page("organisations"))

    @property
    def contacts(self) -> ContactsPage:
        return cast("ContactsPage", self.page("contacts"))

    def show_application(self, app_id: int) -> None:
        self.show_page("applications")
        self.applications.select_application(app_id)

    def show_insats(self, insats_id: int) -> None:
        self.show_page("insatser")
        self.insatser.select_insats(insats_id, self.tr("Rapporter"))

    def show_target(self, page_id: str, target: int | None) -> None:
        """Budget or Insatser at a year, or Möten at a meeting (None: the page as it is)."""
        self.show_page(page_id)
        if target is None:
            return
        if page_id == "budget":
            self.budget.show_year(target)
        elif page_id == "insatser":
            index = self.insatser.year.findData(target)
            if index >= 0:
                self.insatser.year.setCurrentIndex(index)
        elif page_id == "meetings":
            self.meetings.select_meeting(target)

    def focus_search(self) -> None:
        page = self._current_page()
        if page is not None and page.search is not None:
            page.search.setFocus()
            page.search.selectAll()

    def _current_page(self) -> Page | None:
        return self._pages.get(PAGES[self.stack.currentIndex()].id)

    def _current_id(self) -> str | None:
        """The id of the page in view (None before a file is open)."""
        return PAGES[self.stack.currentIndex()].id if self.db is not None else None

    # ------------------------------------------------------------------ the file
    def set_file(self, db: sqlite_utils.Database, path: Path, lock: HeldLock | None = None) -> None:
        from ..services import files

        if self.db is not None and self.db is not db:
            self.db.conn.close()  # the file left behind (an open handle also blocks a restore on Windows)
        if self.lock is not None and self.lock is not lock:
            self.lock.release()
        self.fill_menus()
        self.db, self.path, self.lock = db, Path(path), lock
        self.saving.forget()
        self.saving.watch_soon()  # once the page is on screen
        self.read_only = files.is_read_only(db)
        self.file_commands.backup_on_open()  # on its own thread, while the pages are filled
        self.menuBar().setEnabled(True)
        for page in self._pages.values():
            page.set_database(db)
        self._show_row(self.nav.currentRow())
        name, is_example = files.forbund_heading(db)
        example = self.tr(" [exempeldata]") if is_example else ""
        read_only = self.tr(" [skrivskyddad]") if self.read_only else ""
        copy = files.working_copy_label(db)
        working = self.tr(" [arbetskopia: %s]") % copy if copy is not None else ""
        self.setWindowTitle(f"{self.path.name}[*]{working}{example}{read_only} – finsamdesk")
        self.path_label.setText(f"{name or self.tr('(förbundet saknar namn)')} – {self.path}")
        self.read_only_label.setText(self.tr("Skrivskyddad: ändringar sparas inte") if self.read_only else "")
        self._update_counts()
        remember_file(self.path)

    def _update_counts(self) -> None:
        if self.db is None:
            return
        from ..domain.text import count
        from ..services import overview

        built = cast("ApplicationsPage | None", self._pages.get("applications"))
        total = built.total_count if built is not None else overview.application_count(self.db)
        organisations, contacts = overview.register_counts(self.db)
        self.counts_label.setText(" · ".join((
            count(total, self.tr("ansökan"), self.tr("ansökningar")),
            count(organisations, self.tr("organisation"), self.tr("organisationer")),
            count(contacts, self.tr("kontaktperson"), self.tr("kontaktpersoner")))))

    def leave_file(self) -> bool:
        """Save what is typed on every page built so far; ask when it cannot be saved."""
        from .dialogs import confirm

        for spec in _LEAVE_ORDER:
            page = self._pages.get(spec.id)
            if page is not None and not page.save_if_dirty():
                return confirm(self, self.tr("Osparade ändringar"), self.tr(spec.unsaved))
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt's name
        if self.db is not None and not self.leave_file():
            event.ignore()
            return
        self._save_layout()
        self.file_commands.finish_backup()
        if self.db is not None:
            self.db.conn.close()
            self.db = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        super().closeEvent(event)

    def _save_layout(self) -> None:
        save_geometry(self)
        for page_id, page in self._pages.items():
            if page.splitter is not None:
                save_splitter(SPEC[page_id], page.splitter)


def _leave_order() -> tuple[PageSpec, ...]:
    """The pages with something to save, the application editor last (it saves as you type)."""
    return tuple(sorted((s for s in PAGES if s.unsaved), key=lambda s: s.id == "applications"))


_LEAVE_ORDER = _leave_order()
