"""The pages of the main window: what the window asks of a page (`Page`), and the navigation in order.

A page is a QWidget for one area. The window builds it the first time it is shown, gives it the open file
(set_database), tells it when it is shown (shown) and when another page is about to be (leave), asks it to
save what is typed before the file is left (save_if_dirty), refreshes the status bar's counts on `changed`,
remembers its `splitter` under the page's id, lets Ctrl+F focus its `search` and Ångra/Gör om act on its
`undo_stack` while it is shown. A member a page has no use for is None (search, splitter, undo_stack) or does
nothing (leave, save_if_dirty returning True).

One way to save on every page (ui/autosave.py): save_if_dirty is asked a second after the typing stops, when
another page is shown, on Ctrl+S and before the file is left; a page also saves when another of its records is
chosen. While a page cannot save what is typed, the window's title carries "*" and the page says why.

Adding a page: write the class in ui/<area>/page.py and add a PageSpec below; see BOARD.md.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:
    import sqlite_utils
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QLineEdit, QSplitter


class Page(Protocol):
    @property
    def search(self) -> QLineEdit | None: ...  # the box Ctrl+F focuses

    @property
    def splitter(self) -> QSplitter | None: ...  # its state is remembered between sessions

    @property
    def undo_stack(self) -> QUndoStack | None: ...  # active while the page is shown

    @property
    def changed(self) -> SignalInstance: ...  # the file changed: the status bar counts again

    def set_database(self, db: sqlite_utils.Database) -> None: ...

    def shown(self) -> None:
        """The page is shown (again): read what may have changed elsewhere."""

    def leave(self) -> None:
        """Another page is about to be shown."""

    def save_if_dirty(self) -> bool:
        """Save what is typed (autosave, Ctrl+S, leaving the page or the file); False when it cannot be saved as
        it is (the page shows why)."""


class OpensItems(Protocol):
    """A page whose rows lead to an application or an insats elsewhere (PageSpec.opens_items)."""

    @property
    def open_application(self) -> SignalInstance: ...

    @property
    def open_insats(self) -> SignalInstance: ...


class PageSpec(NamedTuple):  # a NamedTuple, not a dataclass: it is made before the window shows (~1 ms less)
    id: str  # ASCII: the page's name in code and in the saved settings (splitter/<id>)
    label: str  # the navigation's Swedish text; before version 0.2 it also keyed the saved settings
    module: str  # under finsamdesk.ui, imported when the page is first shown
    cls: str
    unsaved: str = ""  # asked when save_if_dirty fails as the file is left
    opens_items: bool = False


PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview", "Översikt", "overview.page", "OverviewPage", opens_items=True),
    PageSpec("applications", "Ansökningar", "applications.list_page", "ApplicationsPage",
             "Ansökan kan inte sparas som den är (se meddelandet). Kasta ändringarna?"),
    PageSpec("insatser", "Insatser", "insatser.page", "InsatserPage",
             "Insatsens uppgifter kan inte sparas som de är (se meddelandet). Kasta ändringarna?"),
    PageSpec("budget", "Budget", "budget.page", "BudgetPage"),
    PageSpec("participants", "Deltagare", "participants.page", "ParticipantsPage",
             "Deltagaren kan inte sparas som den är (se meddelandet). Kasta ändringarna?"),
    PageSpec("meetings", "Möten", "meetings.page", "MeetingsPage",
             "Mötet kan inte sparas som det är (se meddelandet). Kasta ändringarna?", opens_items=True),
    PageSpec("reports", "Rapporter", "reports.page", "ReportsPage",
             "Texterna eller beloppen till en rapport kan inte sparas som de är (se meddelandet). Kasta ändringarna?"),
    PageSpec("organisations", "Organisationer", "registers.pages", "OrganisationsPage"),
    PageSpec("contacts", "Kontaktpersoner", "registers.pages", "ContactsPage"),
)
ROW = {spec.id: row for row, spec in enumerate(PAGES)}
SPEC = {spec.id: spec for spec in PAGES}
