"""Rapporter: the förbund's year on paper — Uppföljning Finsam, delårsrapport, årsredovisning, verksamhetsplan
(with the underlag för medlemssamråd), and letters and dossiers."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from .followup_page import FollowUpPage
from .letters_tab import LettersTab
from .year_document_tab import YearDocumentTab

if TYPE_CHECKING:
    from sqlite_utils import Database


class ReportsPage(QWidget):
    """A Page (ui/pages.py). Public: set_database(db), reload(), tabs, followup, annual, interim, plan, letters,
    is_dirty(), save_if_dirty(); search, splitter and undo_stack are None; signal changed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.search = self.splitter = self.undo_stack = None
        self.followup = FollowUpPage(today=today)
        self.interim = YearDocumentTab("delar", today=today)
        self.annual = YearDocumentTab("arsredovisning", today=today)
        self.plan = YearDocumentTab("verksamhetsplan", today=today)
        self.letters = LettersTab(today=today)
        self.tabs = QTabWidget()
        for widget, title in ((self.followup, self.tr("Uppföljning Finsam")), (self.interim, self.tr("Delårsrapport")),
                              (self.annual, self.tr("Årsredovisning")),
                              (self.plan, self.tr("Verksamhetsplan och medlemssamråd")),
                              (self.letters, self.tr("Brev och dossier"))):
            self.tabs.addTab(widget, title)
        for tab in (self.followup, self.interim, self.annual, self.plan):
            tab.changed.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def set_database(self, db: Database) -> None:
        self.db = db
        for tab in (self.followup, self.interim, self.annual, self.plan, self.letters):
            tab.set_database(db)

    def reload(self) -> None:
        for tab in (self.followup, self.letters):
            tab.reload()

    def shown(self) -> None:
        """Figures may have changed on other pages: the follow-up and the letters are read again (prose stays)."""
        if self.db is not None:
            self.reload()

    def leave(self) -> None:
        pass

    def is_dirty(self) -> bool:
        return any(tab.is_dirty() for tab in (self.interim, self.annual, self.plan))

    def save_if_dirty(self) -> bool:
        """What is written in the document tabs is saved; False (the reason in the tab) when it cannot be."""
        for tab in (self.interim, self.annual, self.plan):
            if tab.is_dirty() and not tab.save():
                self.tabs.setCurrentWidget(tab)
                return False
        return True
