"""The main window: navigation on the left, the selected area on the right, menus for the file.

The services are imported inside the methods: they load when the file is opened, after the
window is on screen (start-up is measured to the shown window by benchmarks/startup.py).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from .. import paths
from .applications.commands import ApplicationCommands
from .applications.list_page import ApplicationsPage
from .file_commands import FileCommands
from .meetings.commands import MeetingCommands
from .participants.commands import ParticipantCommands
from .widgets import confirm

MAX_RECENT = 8

# The navigation, in order: (label, (module under finsamdesk.ui, class)) or None for the applications page,
# which is built at once. The others are built the first time they are shown. A page offers
# set_database(db) and `search` (the box Ctrl+F focuses); it may offer reload(), `splitter` (its state is
# remembered) and a `changed` signal (the status bar counts are refreshed).
PAGES: tuple[tuple[str, tuple[str, str] | None], ...] = (
    ("Översikt", ("overview.page", "OverviewPage")),
    ("Ansökningar", None),
    ("Insatser", ("insatser.page", "InsatserPage")),
    ("Budget", ("budget.page", "BudgetPage")),
    ("Deltagare", ("participants.page", "ParticipantsPage")),
    ("Möten", ("meetings.page", "MeetingsPage")),
    ("Organisationer", ("registers.pages", "OrganisationsPage")),
    ("Kontaktpersoner", ("registers.pages", "ContactsPage")),
)
ROW = {label: row for row, (label, _factory) in enumerate(PAGES)}


def settings() -> QSettings:
    return QSettings(str(paths.settings_file()), QSettings.Format.IniFormat)


def recent_files() -> list[str]:
    value = settings().value("recent_files", [])
    return [value] if isinstance(value, str) else list(value or [])


def remember_file(path: Path) -> None:
    items = [str(path)] + [p for p in recent_files() if p != str(path)]
    settings().setValue("recent_files", items[:MAX_RECENT])


class MainWindow(FileCommands, ApplicationCommands, ParticipantCommands, MeetingCommands, QMainWindow):
    """Public: set_file(db, path), open_path(path), leave_file() -> bool, page(row), the pages
    `applications` (ApplicationsPage), `organisations`, `contacts`, and one method per menu command
    (new_file, open_file_dialog, save_copy, edit_forbund, new_application, print_application, print_blank,
    export_list, delete_application, focus_search)."""

    def __init__(self, db, path: Path, lock=None):
        """`db` may be None: the window shows at once and the file is opened with set_file(). `lock` is the
        one-writer lock held while the file is open (None for a file opened read-only, and in tests)."""
        super().__init__()
        self.db, self.path, self.lock = db, Path(path), lock
        self.read_only = False
        self.read_only_label = QLabel()
        self.read_only_label.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.nav = QListWidget()
        self.stack = QStackedWidget()
        self.applications = ApplicationsPage()
        self.applications.counts_changed.connect(lambda *_: self._update_counts())
        self._pages: dict[int, QWidget] = {ROW["Ansökningar"]: self.applications}  # the others: when first shown
        self.undo_group = QUndoGroup(self)
        self.undo_group.addStack(self.applications.undo_stack)
        for label, factory in PAGES:
            self.nav.addItem(self.tr(label))
            self.stack.addWidget(self.applications if factory is None else QWidget())
        self.nav.currentRowChanged.connect(self._show_page)
        self.path_label, self.counts_label = QLabel(), QLabel()
        self.statusBar().addWidget(self.path_label, 1)
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.nav.setFixedWidth(170)
        self.nav.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 6px; }")
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.resize(1280, 820)
        geometry = settings().value("window_geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._restore_splitter(ROW["Ansökningar"])
        self.nav.setCurrentRow(0)
        self._start_file_timers()
        if db is not None:
            self.set_file(db, self.path, lock)
        else:
            self.menuBar().setEnabled(False)
            self.setWindowTitle(f"{self.path.name} – finsamdesk")
            self.path_label.setText(self.tr("Öppnar %s …") % self.path)

    # ------------------------------------------------------------------ menus
    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:

        bar = self.menuBar()
        arkiv = bar.addMenu(self.tr("&Arkiv"))
        self._action(arkiv, self.tr("&Ny fil…"), self.new_file, "Ctrl+Shift+N")
        self._action(arkiv, self.tr("&Öppna…"), self.open_file_dialog, QKeySequence.StandardKey.Open)
        self._action(arkiv, self.tr("Spara &kopia som…"), self.save_copy)
        self._action(arkiv, self.tr("Säker&hetskopior…"), self.show_backups)
        self.recent_menu = arkiv.addMenu(self.tr("&Senaste filer"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        arkiv.addSeparator()
        self._action(arkiv, self.tr("Förbundets &inställningar…"), self.edit_forbund)
        arkiv.addSeparator()
        self._action(arkiv, self.tr("&Avsluta"), self.close, QKeySequence.StandardKey.Quit)
        redigera = bar.addMenu(self.tr("&Redigera"))
        undo = self.undo_group.createUndoAction(self, self.tr("Ångra"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_group.createRedoAction(self, self.tr("Gör om"))
        redo.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Shift+Z")])
        redigera.addAction(undo)
        redigera.addAction(redo)
        redigera.addSeparator()
        self._action(redigera, self.tr("&Sök"), self.focus_search, QKeySequence.StandardKey.Find)
        self._action(redigera, self.tr("Spara &nu"), lambda: self.applications.editor.save_now(),
                     QKeySequence.StandardKey.Save)
        ansokan = bar.addMenu(self.tr("A&nsökan"))
        self._action(ansokan, self.tr("&Ny ansökan…"), self.new_application, QKeySequence.StandardKey.New)
        self._action(ansokan, self.tr("Nästa &steg…"), lambda: self.applications.editor.open_workflow(), "Ctrl+Return")
        self._action(ansokan, self.tr("Skriv &ut…"), self.print_application, QKeySequence.StandardKey.Print)
        self._action(ansokan, self.tr("Skriv ut &tomt formulär…"), self.print_blank)
        self._action(ansokan, self.tr("&Exportera listan till Excel…"), self.export_list)
        ansokan.addSeparator()
        self._action(ansokan, self.tr("&Ta bort ansökan…"), self.delete_application)
        ansokan.addSeparator()
        self._action(ansokan, self.tr("Skapa &insats från ansökan…"), self.insats_from_application)
        self._build_participants_menu(bar.addMenu(self.tr("&Deltagare")))
        self._build_meetings_menu(bar.addMenu(self.tr("&Möten")))
        visa = bar.addMenu(self.tr("&Visa"))
        for row, (label, _factory) in enumerate(PAGES):
            self._action(visa, self.tr(label), lambda _=False, r=row: self.nav.setCurrentRow(r), f"Ctrl+{row + 1}")

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for name in recent_files():
            action = self.recent_menu.addAction(name)
            action.setEnabled(Path(name).exists())
            action.triggered.connect(lambda _=False, n=name: self.open_path(Path(n)))
        if not self.recent_menu.actions():
            self.recent_menu.addAction(self.tr("(inga)")).setEnabled(False)

    def page(self, row: int) -> QWidget:
        """The page of navigation row `row`, built (and given the file) the first time it is asked for."""
        if row not in self._pages:
            import importlib

            module, name = PAGES[row][1]
            page = getattr(importlib.import_module(f"{__package__}.{module}"), name)()
            placeholder = self.stack.widget(row)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.stack.insertWidget(row, page)
            self._pages[row] = page
            self._restore_splitter(row)
            if hasattr(page, "changed"):
                page.changed.connect(self._update_counts)
            if hasattr(page, "undo_stack"):
                self.undo_group.addStack(page.undo_stack)
            if hasattr(page, "open_application"):
                page.open_application.connect(self.show_application)
                page.open_insats.connect(self.show_insats)
            if self.db is not None:
                page.set_database(self.db)
        return self._pages[row]

    @property
    def organisations(self):
        return self.page(ROW["Organisationer"])

    @property
    def contacts(self):
        return self.page(ROW["Kontaktpersoner"])

    @property
    def overview(self):
        return self.page(ROW["Översikt"])

    @property
    def insatser(self):
        return self.page(ROW["Insatser"])

    @property
    def budget(self):
        return self.page(ROW["Budget"])

    @property
    def participants(self):
        return self.page(ROW["Deltagare"])

    @property
    def meetings(self):
        return self.page(ROW["Möten"])

    def _restore_splitter(self, row: int) -> None:
        state = settings().value(f"splitter/{PAGES[row][0]}")
        splitter = getattr(self._pages[row], "splitter", None)
        if state is not None and splitter is not None:
            splitter.restoreState(state)

    def _save_layout(self) -> None:
        store = settings()
        store.setValue("window_geometry", self.saveGeometry())
        for row, page in self._pages.items():
            if getattr(page, "splitter", None) is not None:
                store.setValue(f"splitter/{PAGES[row][0]}", page.splitter.saveState())

    # ------------------------------------------------------------------ the file
    def set_file(self, db, path: Path, lock=None) -> None:
        from ..services import registers

        if self.lock is not None and self.lock is not lock:
            self.lock.release()
        self.db, self.path, self.lock = db, Path(path), lock
        self.menuBar().setEnabled(True)
        for page in self._pages.values():
            page.set_database(db)
        self._show_page(self.nav.currentRow())
        forbund = registers.forbund(db)
        example = self.tr(" [exempeldata]") if forbund.is_example else ""
        from ..services.files import is_read_only

        self.read_only = is_read_only(db)
        read_only = self.tr(" [skrivskyddad]") if self.read_only else ""
        self.setWindowTitle(f"{self.path.name}{example}{read_only} – finsamdesk")
        self.path_label.setText(f"{forbund.name or self.tr('(förbundet saknar namn)')} – {self.path}")
        self.read_only_label.setText(self.tr("Skrivskyddad: ändringar sparas inte") if self.read_only else "")
        self._update_counts()
        remember_file(self.path)
        self._backup_on_open()

    def _update_counts(self) -> None:
        if self.db is None:
            return
        from ..services import registers

        self.counts_label.setText(self.tr("%d ansökningar · %d organisationer · %d kontaktpersoner") % (
            self.applications.total_count,
            len(registers.organisations(self.db)), len(registers.contacts(self.db))))

    def leave_file(self) -> bool:
        """Save what is typed; ask if it cannot be saved."""

        insatser = self._pages.get(ROW["Insatser"])
        if insatser is not None and not insatser.save_details_if_dirty():
            return confirm(self, self.tr("Osparade ändringar"),
                           self.tr("Insatsens uppgifter kan inte sparas som de är (se meddelandet). Kasta ändringarna?"))
        participants = self._pages.get(ROW["Deltagare"])
        if participants is not None and not participants.register.save_if_dirty():
            return confirm(self, self.tr("Osparade ändringar"),
                           self.tr("Deltagaren kan inte sparas som den är (se meddelandet). Kasta ändringarna?"))
        meetings = self._pages.get(ROW["Möten"])
        if meetings is not None and not meetings.save_if_dirty():
            return confirm(self, self.tr("Osparade ändringar"),
                           self.tr("Mötet kan inte sparas som det är (se meddelandet). Kasta ändringarna?"))
        if self.applications.editor is None or self.applications.editor.save_now():
            return True
        return confirm(self, self.tr("Osparade ändringar"),
                       self.tr("Ansökan kan inte sparas som den är (se meddelandet). Kasta ändringarna?"))

    def edit_forbund(self) -> None:
        from .registers.forbund_dialog import ForbundDialog

        if ForbundDialog(self.db, self).exec():
            self.set_file(self.db, self.path)

    # ------------------------------------------------------------------ applications
    def _show_page(self, row: int) -> None:
        if self.db is None:  # pages are built once the file is open (start-up stays fast)
            self.stack.setCurrentIndex(row)
            return
        insatser = self._pages.get(ROW["Insatser"])
        if insatser is not None and self.stack.currentWidget() is insatser:
            insatser.save_details_if_dirty()
        page = self.page(row)
        self.stack.setCurrentIndex(row)
        if page is not self.applications and hasattr(page, "reload"):
            page.reload()
        if hasattr(page, "undo_stack"):
            self.undo_group.setActiveStack(page.undo_stack)

    def show_application(self, app_id: int) -> None:
        self.nav.setCurrentRow(ROW["Ansökningar"])
        self.applications.select_application(app_id)

    def show_insats(self, insats_id: int) -> None:
        self.nav.setCurrentRow(ROW["Insatser"])
        self.insatser.select_insats(insats_id, self.tr("Rapporter"))

    def insats_from_application(self) -> None:
        app_id = self.applications.editor.current_id if self.applications.editor else None
        self.nav.setCurrentRow(ROW["Insatser"])
        self.insatser.from_application(app_id)

    def focus_search(self) -> None:
        page = self.stack.currentWidget()
        if getattr(page, "search", None) is not None:
            page.search.setFocus()
            page.search.selectAll()

    def closeEvent(self, event) -> None:
        if self.db is not None and not self.leave_file():
            event.ignore()
            return
        self._save_layout()
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        super().closeEvent(event)
