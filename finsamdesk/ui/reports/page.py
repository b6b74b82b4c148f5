"""Rapporter: the förbund's year on paper — Uppföljning Finsam, delårsrapport, årsredovisning, verksamhetsplan
(with the underlag för medlemssamråd), and letters and dossiers."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from .followup_page import FollowUpPage
from .letters_tab import LettersTab
from .year_document_tab import YearDocumentTab


class ReportsPage(QWidget):
    """Public: set_database(db), reload(), tabs, followup, annual, interim, plan, letters, search (None),
    is_dirty(); signal changed."""

    changed = Signal()

    def __init__(self, parent=None, today: date | None = None):
        super().__init__(parent)
        self.db = None
        self.search = None
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

    def set_database(self, db) -> None:
        self.db = db
        for tab in (self.followup, self.interim, self.annual, self.plan, self.letters):
            tab.set_database(db)

    def reload(self) -> None:
        for tab in (self.followup, self.letters):
            tab.reload()

    def is_dirty(self) -> bool:
        return any(tab.is_dirty() for tab in (self.interim, self.annual, self.plan))
