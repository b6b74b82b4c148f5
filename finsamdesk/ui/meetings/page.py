"""Möten: the list of meetings and the selected one in tabs (Mötet, Dagordning), its documents (kallelse,
beslutsunderlag, protokoll) and the projector mode (F5)."""
from __future__ import annotations

import copy
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.meetings import BOARD_DECISIONS, KINDS, RECOMMENDATIONS, Attendee, same_person
from ...domain.statuses import GRANTED
from ...domain.text import count as counted
from ...services import meeting_changes as changes
from ...services import meetings as service
from ...services.changes import Change
from ...services.errors import ServiceError, ValidationError
from ..dialogs import confirm
from ..empty_hint import EmptyHint
from ..picker import pick
from ..rows_model import Column, RowsModel
from ..undo import push
from ..widgets import MessageLabel, list_view
from .agenda import AgendaTab
from .documents import MeetingDocuments
from .list_filter import MeetingsFilter
from .meeting_form import MeetingForm, NewMeetingDialog

if TYPE_CHECKING:
    import sqlite_utils
    from PySide6.QtCore import QModelIndex

    from ...domain.meetings import Meeting
    from ..worker import Background
    from .presentation import PresentationWindow

COLUMNS = (
    Column("Datum", lambda r: f"{r.date.isoformat()} {r.time}".strip(), key=lambda r: (r.date, r.time)),
    Column("Slag", lambda r: KINDS.get(r.kind, r.kind)),
    Column("Plats", lambda r: r.place, tooltip=True),
    Column("Punkter", lambda r: str(r.items), key=lambda r: r.items, right=True),
    Column("Ansökningar", lambda r: str(r.applications), key=lambda r: r.applications, right=True),
    Column("Registrerade", lambda r: str(r.recorded), key=lambda r: r.recorded, right=True),
)


class MeetingsPage(QWidget):
    """Public: set_database(db), reload(), select_meeting(id), current (the Meeting being edited), model, table,
    tabs, form, agenda, message, undo_stack, splitter, search, and the commands new_meeting(kind, when, time,
    place), save(), delete_meeting(), propose(), record(index), kallelse(path), protokoll(path),
    beslutsunderlag(path), present(); signals changed, open_application(id), open_insats(id)."""

    changed = Signal()
    open_application = Signal(object)  # an id: 63 bits (store/ids.py), more than a Qt int holds
    open_insats = Signal(object)  # an id: 63 bits (store/ids.py), more than a Qt int holds

    def __init__(self, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.db: sqlite_utils.Database | None = None
        self.today = today or date.today()
        self.current: Meeting | None = None
        self.saved: Meeting | None = None  # the meeting as stored, to tell whether the form changed it
        self.presentation: PresentationWindow | None = None
        self.undo_stack = QUndoStack(self)
        self.model = RowsModel(COLUMNS, self, sort=(0, Qt.SortOrder.DescendingOrder))
        self.table = list_view(self.model, (150, 140, 200, 70, 100, 100), stretch=2, sort_column=0, descending=True)
        self.filter = MeetingsFilter(self.model, self.table, lambda: self.current.id if self.current else None)
        # the list's year and search (Ctrl+F)
        self.search = self.filter.search
        self.new_button, self.delete_button = QPushButton(self.tr("Nytt möte…")), QPushButton(self.tr("Ta bort…"))
        self.save_button = QPushButton(self.tr("Spara mötet"))
        self.pdf_button = QPushButton(self.tr("Spara som PDF"))  # one name for every export: a menu of three
        pdf_menu = QMenu(self.pdf_button)
        self.pdf_button.setMenu(pdf_menu)
        pdf_menu.addAction(self.tr("Kallelse…"), lambda: self.kallelse())
        pdf_menu.addAction(self.tr("Beslutsunderlag…"), lambda: self.beslutsunderlag())
        pdf_menu.addAction(self.tr("Protokoll…"), lambda: self.protokoll())
        self.present_button = QPushButton(self.tr("Presentera (F5)"))
        actions = QHBoxLayout()
        for button in (self.new_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.save_button, self.pdf_button, self.present_button):
            actions.addWidget(button)
        self.form, self.agenda = MeetingForm(), AgendaTab()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.agenda, self.tr("Dagordning"))
        self.tabs.addTab(self.form, self.tr("Mötet och mötesdeltagare"))
        self.tabs.setEnabled(False)
        self.message = MessageLabel()
        self.documents = MeetingDocuments(self, self.message, lambda: self.database)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(self.filter.bar)
        top_layout.addWidget(self.table)
        top_layout.addLayout(actions)
        top_layout.addWidget(self.message)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.empty = EmptyHint(self.tabs, self._hint)
        self.splitter.addWidget(self.empty)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([230, 570])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.new_button.clicked.connect(lambda: self.new_meeting())
        self.delete_button.clicked.connect(self.delete_meeting)
        self.save_button.clicked.connect(self.save)
        self.present_button.clicked.connect(self.present)
        self.agenda.propose_requested.connect(self.propose)
        self.agenda.record_requested.connect(self.record)
        self.agenda.open_application.connect(self.open_application)
        self.form.from_register.clicked.connect(self._add_from_register)
        for button in (self.pdf_button, self.present_button, self.save_button, self.delete_button):
            button.setEnabled(False)

    # ------------------------------------------------------------------ the list

    @property
    def database(self) -> sqlite_utils.Database:
        """The open file (the page acts only once set_database has given it one)."""
        assert self.db is not None, "set_database first"
        return self.db

    def set_database(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.current = self.saved = None
        self.undo_stack.clear()
        self.reload()

    def reload(self) -> None:
        if self.db is None:
            return
        self.filter.set_rows(service.list_rows(self.database))

    def shown(self) -> None:
        self.reload()

    def leave(self) -> None:
        pass

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        meeting_id = self.model.row_id(current.row()) if current.isValid() else None
        if self.current is not None and meeting_id == self.current.id:
            return
        if not self.save_if_dirty():
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(self.model.row_of(self.current.id if self.current is not None else None))
            self.table.selectionModel().blockSignals(False)
            return
        if meeting_id is not None:
            self._show(service.load(self.database, meeting_id))

    def select_meeting(self, meeting_id: int | None) -> None:
        if self.model.row_of(meeting_id) < 0:  # filtered away: show every meeting
            self.filter.show_all()
        self.table.selectRow(self.model.row_of(meeting_id))

    def _insatser(self) -> list[tuple[int, str]]:
        from ...services import insatser

        return sorted(((r.id, r.name) for r in insatser.list_rows(self.database, self.today.year, self.today)
                       if not r.archived), key=lambda t: t[1])

    def _show(self, m: Meeting, keep_item: int | None = None) -> None:
        self.current, self.saved = m, copy.deepcopy(m)
        self.tabs.setEnabled(True)
        for button in (self.pdf_button, self.present_button, self.save_button, self.delete_button):
            button.setEnabled(True)
        self.form.show_meeting(m)
        index = self.agenda.current_index if keep_item is None else keep_item
        self.agenda.show_meeting(m, self._insatser(), max(0, index))
        self.tabs.setTabText(0, self.tr("Dagordning – %s") % m.title)

    def _hint(self) -> str:
        if self.model.rowCount() == 0:
            return self.tr("Här planeras beredningsgruppens och styrelsens möten. Börja med Nytt möte…: "
                           "dagordningen föreslås från ansökningarna som väntar.")
        return self.tr("Välj ett möte i listan, eller planera ett nytt med Nytt möte…")

    # ------------------------------------------------------------------ editing
    def _read(self) -> Meeting | None:
        """The meeting as the tabs show it, or None (the messages say why)."""
        if self.current is None or not self.agenda.commit():
            return None
        return self.form.read(self.current)

    def is_dirty(self) -> bool:
        if self.current is None:
            return False
        read = self._read()
        return read is None or read != self.saved or bool(self.form.merged)  # a row listed twice goes on saving

    def save_if_dirty(self) -> bool:
        return not self.is_dirty() or self.save()

    def save(self) -> bool:
        if self.current is None:
            self.message.show_error(self.tr("Välj ett möte i listan först."))
            return False
        m = self._read()
        if m is None:
            self.tabs.setCurrentWidget(self.form)
            return False
        merged = self.form.merged
        try:
            self._push(changes.edit(self.database, m))
        except ValidationError as exc:
            self.form.show_errors(exc.fields)
            self.message.show_error(str(exc) + self._where(exc.fields))
            return False
        self._show(m)
        self.message.show_info(" ".join([self.tr("Sparat."), *merged]))
        self.reload()
        self.changed.emit()
        return True

    def _where(self, fields: dict[str, str]) -> str:
        """Shows the tab and row the problem is on when it is with the attendees, and says so."""
        if "attendees" not in fields:
            return ""
        self.tabs.setCurrentWidget(self.form)
        row = self.form.unnamed_row()
        if row is not None:
            self.form.select_attendee(row)
            return " " + self.tr("Skriv ett namn på rad %d under fliken ”%s”.") % (
                row + 1, self.tabs.tabText(self.tabs.indexOf(self.form)))
        return ""

    def new_meeting(self, kind: str | None = None, when: date | None = None, time: str = "", place: str = "") -> None:
        """Plan a meeting: the agenda is proposed from what is waiting for that body."""
        if not self.save_if_dirty():
            return
        if kind is None:
            dialog = NewMeetingDialog(self, self.today)
            if not dialog.exec() or dialog.chosen is None:
                return
            kind, when, time, place = dialog.chosen
        assert when is not None, "a meeting has a date"
        m, change = changes.plan(self.database, kind, when, time, place)
        self._push(change)
        self.current = None
        self.reload()
        self.select_meeting(m.id)
        waiting = sum(1 for i in m.items if i.kind == "ansokan")
        self.message.show_info(self.tr("Mötet är planerat med %s som väntar. Ändra dagordningen och "
                                       "lägg till mötesdeltagare.") % counted(waiting, self.tr("ansökan"),
                                                                              self.tr("ansökningar")))
        self.changed.emit()

    def delete_meeting(self) -> None:
        m = self.current
        if m is None or m.id is None or not confirm(self, self.tr("Ta bort möte"),
                                                    self.tr("Ta bort mötet %s?") % m.title):
            return
        try:
            self._push(changes.delete(self.database, m.id))
        except ServiceError as exc:
            self.message.show_error(str(exc))
            return
        self.current = self.saved = None
        self.tabs.setEnabled(False)
        self.reload()
        self.message.show_info(self.tr("Mötet är borttaget (Ctrl+Z ångrar)."))
        self.changed.emit()

    def propose(self) -> None:
        m = self._read()
        if m is None:
            return
        new = service.proposals(self.database, m.kind, m.date, m)
        if not new:
            self.agenda.message.show_info(self.tr("Inget mer väntar på %s.") % KINDS[m.kind].lower())
            return
        self.agenda.add_items(new)
        self.agenda.message.show_info(self.tr("%s lades till; spara mötet.") % counted(
            len(new), self.tr("punkt"), self.tr("punkter")))

    def _add_from_register(self) -> None:
        from ...services import registers

        listed = self.form.attendee_list()
        contacts = [c for c in registers.contacts(self.database)
                    if not any(same_person(Attendee(c.name, contact_id=c.id), a) for a in listed)]
        if not contacts:
            self.form.messages["attendees"].show_error(
                self.tr("Alla i kontaktregistret står redan bland mötesdeltagarna.") if listed
                else self.tr("Kontaktregistret är tomt."))
            return
        names = [f"{c.name} ({c.organisation_text})" if c.organisation_text else c.name for c in contacts]
        chosen = pick(self, self.tr("Lägg till mötesdeltagare"), self.tr("Kontaktperson:"), names)
        contact_id = contacts[chosen].id if chosen is not None else None
        if contact_id is not None:
            self.form.add_attendee(service.attendee_from_contact(self.database, contact_id))

    def record(self, index: int) -> None:
        """Carry out the item's recommendation or decision on its ansökan (asks first: it is not undone here)."""
        if not self.save_if_dirty() or self.current is None or self.current.id is None:
            return
        meeting_id = self.current.id
        item = self.current.items[index]
        labels = RECOMMENDATIONS if self.current.kind == "beredning" else BOARD_DECISIONS
        if not confirm(self, self.tr("Registrera"), self.tr(
                "Registrera ”%s” för %s? Ansökan får steget i sin historik med mötets datum%s.") % (
                labels.get(item.outcome, item.outcome), item.title,
                self.tr(" och en insats med de beviljade beloppen") if item.outcome in GRANTED
                else "")):
            return
        try:
            made = service.record(self.database, meeting_id, index, item.outcome, item.granted, item.outcome_text,
                                  item.jav, self.today)
        except (ServiceError, ValidationError) as exc:
            self.agenda.message.show_error(str(exc))
            return
        self.undo_stack.clear()  # edits before the decision can no longer be undone over it
        self._show(service.load(self.database, meeting_id), index)
        text = self.tr("Registrerat.")
        if made is not None:
            text += " " + self.tr("Insatsen ”%s” har de beviljade beloppen.") % made.name
        self.agenda.message.show_info(text)
        self.reload()
        self.changed.emit()

    # ------------------------------------------------------------------ documents and the projector
    def _chosen(self) -> Meeting | None:
        """The selected meeting with what is typed in it saved, or None (a message says why)."""
        if self.current is None:
            self.message.show_error(self.tr("Välj ett möte i listan först."))
            return None
        return self.current if self.save_if_dirty() else None

    @property
    def background(self) -> Background | None:
        """The beslutsunderlag being made (tests wait for it)."""
        return self.documents.background

    def kallelse(self, path: str | None = None) -> None:
        m = self._chosen()
        if m is not None:
            self.documents.kallelse(m, path)

    def protokoll(self, path: str | None = None) -> None:
        m = self._chosen()
        if m is not None:
            self.documents.protokoll(m, path)

    def beslutsunderlag(self, path: str | None = None) -> None:
        """Every ansökan of the agenda on its own form, in one PDF with bookmarks, made off the GUI thread."""
        m = self._chosen()
        if m is not None:
            self.documents.beslutsunderlag(m, path)

    def present(self) -> None:
        """The projector mode: one agenda item a page, arrow keys to move, Esc to leave."""
        from .presentation import PresentationWindow

        m = self._chosen()
        if m is None:
            return
        self.presentation = PresentationWindow(service.slides(self.database, m), m.title)
        self.presentation.present(beside=self.window().screen())

    # ------------------------------------------------------------------ undo
    def _push(self, change: Change) -> None:
        push(self.undo_stack, change, self.database, self._after_undo_or_redo)

    def _after_undo_or_redo(self) -> None:
        keep = self.current.id if self.current is not None else None
        self.current = self.saved = None
        self.reload()
        if keep is not None and self.model.row_of(keep) >= 0:
            self.select_meeting(keep)
        self.changed.emit()
