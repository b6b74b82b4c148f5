"""The application editor, built from the application's form template.

Every edit is an undoable command on `undo_stack`; edits are saved (one transaction each)
a second after the last keystroke, when another application is opened, and when hidden.
"""
from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import workflow
from ...domain.application import Application
from ...domain.checks import budget_problems, timeplan_warnings
from ...domain.forms import (
    FormTemplate,
)
from ...domain.money import format_amount
from ...domain.statuses import label as status_label
from ...services import applications
from ...services.errors import ServiceError, ValidationError
from ...services.templates import get_template
from ..widgets import MessageLabel
from .decided import DecisionLock, ask_change, run_workflow, show_lock
from .form_tab import add_date_field, build_form_tab, focus_name, scrolled, set_text
from .own.paths import OWN_KINDS, own_apply, own_value
from .undo import EditCommand, FieldPath, NoNativeUndo

if TYPE_CHECKING:
    import sqlite_utils
    from PySide6.QtGui import QHideEvent

    from ...domain.checks import Problem
    from .budget_table import BudgetGrid
    from .editor_tabs import HistoryTable

AUTOSAVE_MS = 1000
PENDING = "Något du skrivit kunde inte sparas (se meddelandet i rött): rätta det eller ångra med Ctrl+Z."


class ApplicationEditor(QWidget):
    saved = Signal(object)  # an id: 63 bits (store/ids.py), more than a Qt int holds
    status_changed = Signal(object)  # an id: 63 bits (store/ids.py), more than a Qt int holds

    def __init__(self, parent: QWidget | None = None, undo_stack: QUndoStack | None = None):
        super().__init__(parent)
        self.db: sqlite_utils.Database | None = None
        self.app: Application | None = None
        self.template: FormTemplate | None = None
        self.undo_stack = undo_stack or QUndoStack(self)
        self._dirty = False
        self._updating = False
        self.change_reason: str | None = None  # a recorded change of a decided application under way: why
        self.change_who = ""
        self.setters: dict[FieldPath, Callable[[Any], None]] = {}  # how each field shows a value
        self.field_messages: dict[str, MessageLabel] = {}
        self.pending_input: dict[str, Callable[[], str]] = {}  # typed text kept that is not saved, and why
        # kept up to date as the application changes; made by the tabs
        self.budget_grid: BudgetGrid | None = None
        self.per_participant: QLabel | None = None
        self.budget_problems: QLabel | None = None
        self.timeplan_warnings: QLabel | None = None
        self.history: HistoryTable | None = None
        self.own_refresh: Callable[[list[Problem]], None] | None = None  # an own application's budget and checks
        self._no_native_undo = NoNativeUndo(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_now)

        self.dnr = QLineEdit()
        self.dnr.setMaximumWidth(140)
        self.dnr.setToolTip(self.tr("Diarienummer, unikt i förbundet"))
        self.dnr_message = MessageLabel()
        self.template_label = QLabel()
        self.template_label.setStyleSheet("color: #555;")
        self.status_label = QLabel()
        self.next_button = QPushButton(self.tr("Nästa steg…"))
        self.next_button.clicked.connect(self.open_workflow)
        self.completeness = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Dnr")))
        top.addWidget(self.dnr)
        top.addWidget(self.status_label)
        top.addWidget(self.next_button)
        top.addWidget(self.completeness, 1)
        top.addWidget(self.template_label)
        self.message = MessageLabel()
        self.lock = DecisionLock()
        self.lock.change_asked.connect(self.start_change)
        self.tabs = QTabWidget()
        self.empty = QLabel(self.tr("Välj en ansökan i listan, eller skapa en ny med Ctrl+N."))
        self.empty.setStyleSheet("color: #777; padding: 24px;")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.dnr_message)
        layout.addWidget(self.lock)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.empty, 1)
        self.dnr.textEdited.connect(lambda text: self.edit(("diarienummer",), text, merge=True))
        self.setters[("diarienummer",)] = lambda v: set_text(self.dnr, v)
        self.field_messages["diarienummer"] = self.dnr_message
        self._show_enabled(False)

    # ------------------------------------------------------------------ opening and saving

    @property
    def database(self) -> sqlite_utils.Database:
        """The open file (the page acts only once set_database has given it one)."""
        assert self.db is not None, "set_database first"
        return self.db

    @property
    def widget(self) -> QWidget:
        return self

    @property
    def application(self) -> Application:
        """The open application (the tabs act only while one is open)."""
        assert self.app is not None, "no application is open"
        return self.app

    @property
    def form_template(self) -> FormTemplate:
        assert self.template is not None, "no application is open"
        return self.template

    def set_database(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.app = None
        self._dirty = False
        self.undo_stack.clear()
        self._rebuild()

    @property
    def current_id(self) -> int | None:
        return self.app.id if self.app else None

    def open_application(self, app_id: int | None) -> bool:
        """Save the open application first; False (and no switch) if it cannot be saved."""
        if self.app is not None and app_id == self.app.id:
            return True
        if not self.save_now():
            return False
        self.undo_stack.clear()
        self.change_reason = None
        self.app = applications.load(self.database, app_id) if app_id is not None else None
        self.template = get_template(self.app.template_id) if self.app else None
        self._rebuild()
        return True

    def focus_name(self) -> None:
        """The cursor in the application's name (a new application is named first); else the form's first line."""
        focus_name(self.tabs, self.template)

    def reload(self) -> None:
        if self.app is not None and self.app.id is not None:
            self.app = applications.load(self.database, self.app.id)
            self._refresh_all()

    def save_now(self) -> bool:
        """Save what is typed; False when it cannot be saved, or a field keeps text that is not saved (a budget
        cell with text that is not an amount): its message stays until the text is corrected or undone."""
        self._timer.stop()
        if self.app is None:
            return True
        if not self._dirty:
            return not self.show_pending()
        try:
            if self.change_reason is None:
                applications.save(self.database, self.app)
            elif applications.save_change(self.database, self.app, self.change_reason, self.change_who):
                self._refresh_computed()  # the history shows the change
        except ValidationError as exc:
            for field, label in self.field_messages.items():
                label.show_error(exc.fields.get(field, ""))
            self.message.show_error(str(exc))
            return False
        except ServiceError as exc:
            self.message.show_error(str(exc))
            return False
        self._dirty = False
        for label in self.field_messages.values():
            label.clear_message()
        self.message.clear_message()
        pending = self.show_pending()
        if self.app.id is not None:
            self.saved.emit(self.app.id)
        return not pending

    def show_pending(self) -> bool:
        """Show why each field keeps typed text that is not saved, and a line above the tabs (the field may be
        on another tab); True when there is some."""
        pending = {key: why() for key, why in self.pending_input.items()}
        for key, why in pending.items():
            self.field_messages[key].show_error(why)
        if any(pending.values()) or self.message.text() == PENDING:
            self.message.show_error(PENDING if any(pending.values()) else "")
        return any(pending.values())

    def hideEvent(self, event: QHideEvent) -> None:
        self.save_now()
        super().hideEvent(event)

    # ------------------------------------------------------------------ edits
    def edit(self, path: FieldPath, new: Any, *, merge: bool = False, text: str = "") -> None:
        if self._updating or self.app is None or self.locked:
            return
        old = self.value(path)
        if old == new:
            return
        self.undo_stack.push(EditCommand(self.apply, path, old, new, text or self.tr("Ändra"), merge))

    def value(self, path: FieldPath) -> Any:
        app = self.application
        kind = path[0]
        if kind == "section":
            return app.sections.get(path[1], "")
        if kind == "budget":
            return app.budget.get(path[1], path[2], path[3])
        if kind == "budget_years":
            return list(app.budget.years)
        if kind in OWN_KINDS:
            return own_value(app, path)
        return copy.deepcopy(getattr(app, kind))

    def apply(self, path: FieldPath, value: Any) -> None:
        """Set a field of the application and show it (used by undo commands in both directions)."""
        app = self.application
        kind = path[0]
        if kind == "section":
            app.sections[path[1]] = value
        elif kind == "budget":
            app.budget.set(path[1], path[2], path[3], value)
        elif kind == "budget_years":
            app.budget.years = sorted(value)
        elif kind in OWN_KINDS:
            own_apply(app, path, value)
        else:
            setattr(app, kind, value)
        self._updating = True
        try:
            setter = self.setters.get(path) or self.setters.get(path[:1])
            if setter:
                setter(value if kind != "budget" else path)
        finally:
            self._updating = False
        self._dirty = True
        self._timer.start()
        self._refresh_computed()

    # ------------------------------------------------------------------ building the tabs
    def _show_enabled(self, enabled: bool) -> None:
        self.tabs.setVisible(enabled)
        self.empty.setVisible(not enabled)
        for w in (self.dnr, self.next_button):
            w.setEnabled(enabled)
        if not enabled:
            self.lock.hide()
            self.dnr.clear()
            self.status_label.clear()
            self.completeness.clear()
            self.template_label.clear()

    def _rebuild(self) -> None:
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if page is not None:
                page.setParent(None)  # gone from findChild at once, not at the next event loop
                page.deleteLater()
        self.setters = {("diarienummer",): self.setters[("diarienummer",)]}
        self.budget_grid = self.per_participant = self.budget_problems = self.timeplan_warnings = None
        self.history = None
        self.field_messages = {"diarienummer": self.dnr_message}
        self.pending_input = {}
        self.message.clear_message()
        self.dnr_message.clear_message()
        if self.app is None:
            self._show_enabled(False)
            return
        self._show_enabled(True)
        self.own_refresh = None
        self._build_tabs()
        self._refresh_all()
        self._show_lock()

    def _build_tabs(self) -> None:
        if self.application.outgoing:  # an own application: the funder's form, its parts and its budget
            from .own.tabs import build_own_tabs

            build_own_tabs(self)
            return
        # The tabs' modules load with the first application, not at start-up.
        from .editor_tabs import (
            HistoryTable,
            build_budget_tab,
            build_people_tab,
            build_timeplan_tab,
        )

        self.tabs.addTab(build_form_tab(self), self.tr("Formulär"))
        self.tabs.addTab(scrolled(build_people_tab(self)), self.tr("Sökande och kontakter"))
        if self.form_template.budget:
            self.tabs.addTab(build_budget_tab(self), self.tr("Budget"))
        self.tabs.addTab(build_timeplan_tab(self), self.tr("Period och tidplan"))
        self.history = HistoryTable()
        self.tabs.addTab(self.history, self.tr("Historik"))

    # ------------------------------------------------------------------ a decided application
    @property
    def locked(self) -> bool:
        """Decided, and no recorded change under way: read-only (domain.workflow.is_locked)."""
        return self.app is not None and workflow.is_locked(self.app.status) and self.change_reason is None

    def _show_lock(self) -> None:
        show_lock(self)

    def start_change(self) -> None:
        """"Ändra beslutad ansökan…": who and why asked; each save then enters the change in the history."""
        if self.locked and ask_change(self):
            self._rebuild()

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self._no_native_undo)

    def add_date_field(self, form: QFormLayout, label: str, path: FieldPath, key: str) -> QLineEdit:
        return add_date_field(self, form, label, path, key)

    # ------------------------------------------------------------------ showing state
    def _refresh_all(self) -> None:
        self._updating = True
        try:
            for path, setter in self.setters.items():
                if path[0] == "budget":
                    continue
                setter(self.value(path))
        finally:
            self._updating = False
        self.template_label.setText(self.form_template.name)
        self._refresh_computed()

    def _refresh_computed(self) -> None:
        app = self.app
        if app is None:
            return
        self.status_label.setText(f"<b>{status_label(app.status)}</b>")
        problems = applications.problems(app, self.form_template)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            count = self.tr("1 sak saknas") if len(errors) == 1 else self.tr("%d saker saknas") % len(errors)
            goal = self.tr("skickas in") if app.outgoing else self.tr("bli inkommen")
            self.completeness.setText(self.tr("⚠ %s innan ansökan kan %s (se tipset)") % (count, goal))
            self.completeness.setStyleSheet("color: #8a5a00;")
        else:
            warnings = len(problems) if app.outgoing else 0
            self.completeness.setText(self.tr("✓ Komplett") + (self.tr(" – %d att granska (fliken Granskning)")
                                                                % warnings if warnings else ""))
            self.completeness.setStyleSheet("color: #2e7d32;")
        self.completeness.setToolTip("\n".join(f"• {p.message}" for p in problems))
        if self.budget_grid is not None and self.form_template.budget:
            self.budget_grid.refresh_totals()
            per = app.budget.cost_per_participant(app.planned_participants)
            if self.per_participant is not None:
                self.per_participant.setText(
                    self.tr("Kostnad per planerad deltagare: %s") % format_amount(per) if per else "")
            if self.budget_problems is not None:
                self.budget_problems.setText("\n".join(p.message for p in budget_problems(app)))
        if self.timeplan_warnings is not None:
            self.timeplan_warnings.setText("\n".join(f"⚠ {p.message}" for p in timeplan_warnings(app)))
        if self.history is not None:
            self.history.show_events(app.history)
        if self.own_refresh is not None:
            self.own_refresh(problems)

    def open_workflow(self) -> None:
        """Nästa steg… (Ctrl+Retur): the step dialog, or why no step can follow."""
        if self.app is None or not self.save_now():
            return
        if run_workflow(self, self.app) and self.app.id is not None:
            self.app = applications.load(self.database, self.app.id)
            self._rebuild()  # a decision locks the tabs
            self.status_changed.emit(self.app.id)
            self.saved.emit(self.app.id)
