"""The editor's tabs besides the form: people, budget, period and tidplan, history."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.application import Application, ContactRow, StatusEvent
from ...domain.forms import ContactsTable, PlaceDateTable
from ...domain.money import format_amount
from ...domain.registers import Contact
from ...domain.statuses import label as status_label
from ...domain.workflow import is_recorded_change
from ...services import registers
from ...services.errors import ServiceError
from ..widgets import MessageLabel, item
from .budget_table import BudgetGrid
from .form_tab import set_text
from .row_tables import (
    ApplicantsTableWidget,
    ContactsTableWidget,
    PhasesTableWidget,
    keep_refused,
    pick_from_list,
)
from .undo import ShownCommand

if TYPE_CHECKING:
    from .editor_host import EditorHost


def build_people_tab(editor: EditorHost) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    group = QGroupBox(editor.tr("Sökande parter"))
    box = QVBoxLayout(group)
    applicants = ApplicantsTableWidget()
    applicants.organisations = [o for o in registers.organisations(editor.database)]
    applicants.changed.connect(lambda rows: editor.edit(("applicants",), rows, text=editor.tr("Ändra sökande")))
    editor.setters[("applicants",)] = applicants.set_rows
    box.addWidget(applicants)
    layout.addWidget(group)
    contact_tables: list[ContactsTableWidget] = []
    for section in editor.form_template.sections:
        if not isinstance(section.table, ContactsTable):
            continue
        group = QGroupBox(section.short)
        group.setToolTip(section.heading)
        box = QVBoxLayout(group)
        table = ContactsTableWidget(section.table.role, section.table.columns)
        table.changed.connect(lambda rows, role=table.role: _set_role_rows(editor, role, rows))
        table.from_register.connect(lambda role: _pick_contact(editor, role))
        table.to_register.connect(lambda role, row, t=table: _save_contact(editor, role, row, t))
        keep_refused(editor, f"contacts.{table.role}", table)
        contact_tables.append(table)
        box.addWidget(table)
        layout.addWidget(group)

    def show_contacts(contacts: list[ContactRow]) -> None:
        for t in contact_tables:
            t.set_rows([c for c in contacts if c.role == t.role])

    editor.setters[("contacts",)] = show_contacts
    group = QGroupBox(editor.tr("Planerade deltagare"))
    form = QHBoxLayout(group)
    for key, label in (("planned_participants", "Totalt"), ("planned_women", "Kvinnor"), ("planned_men", "Män")):
        field = QSpinBox()
        field.setRange(-1, 100000)
        field.setSpecialValueText("–")
        field.setObjectName(key)
        field.valueChanged.connect(lambda v, k=key, t=label: editor.edit((k,), None if v < 0 else v, text=t))
        editor.setters[(key,)] = _spin_setter(field)
        form.addWidget(QLabel(editor.tr(label)))
        form.addWidget(field)
    form.addStretch()
    layout.addWidget(group)
    layout.addStretch()
    return page


def _spin_setter(field: QSpinBox) -> Callable[[int | None], None]:
    """Show a count; None (not given) is the spin box's special value."""
    return lambda value: field.setValue(-1 if value is None else value)


def _set_role_rows(editor: EditorHost, role: str, rows: list[ContactRow]) -> None:
    others = [c for c in editor.application.contacts if c.role != role]
    editor.edit(("contacts",), others + rows, text=editor.tr("Ändra kontakter"))


def _pick_contact(editor: EditorHost, role: str) -> None:
    people = registers.contacts(editor.database)
    orgs = {o.id: o.name for o in registers.organisations(editor.database)}
    names = [f"{p.name} – {orgs.get(p.organisation_id, p.organisation_text)}" for p in people]
    index = pick_from_list(editor.widget, editor.tr("Kontaktperson"), editor.tr("Välj ur registret:"), names)
    if index is None:
        return
    p = people[index]
    row = ContactRow(role, p.name, orgs.get(p.organisation_id, p.organisation_text), p.phone, p.email, p.id)
    _set_role_rows(editor, role, [c for c in editor.application.contacts if c.role == role] + [row])


def _save_contact(editor: EditorHost, role: str, row: int, table: ContactsTableWidget) -> None:
    """Put a typed contact row into the register and link the row to it."""
    rows = [c for c in editor.application.contacts if c.role == role]
    if not 0 <= row < len(rows) or not rows[row].name.strip():
        table.message.show_warning(editor.tr("Markera en rad med ett namn först."))
        return
    c = rows[row]
    org = next((o for o in registers.organisations(editor.database) if o.name == c.organisation), None)
    person = Contact(c.name, org.id if org else None, "" if org else c.organisation, "", c.phone, c.email)
    try:
        registers.save_contact(editor.database, person)
    except ServiceError as exc:
        table.message.show_error(str(exc))
        return
    rows[row] = ContactRow(role, c.name, c.organisation, c.phone, person.email, person.id)
    _set_role_rows(editor, role, rows)
    table.message.show_info(editor.tr("%s finns nu i kontaktregistret.") % c.name)


def build_budget_tab(editor: EditorHost) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    spec = editor.form_template.budget
    assert spec is not None  # the tab is made for a form with a budget table
    years_row = QHBoxLayout()
    years_row.addWidget(QLabel(editor.tr("Budgetår:")))
    years_label = QLabel()
    years_row.addWidget(years_label)
    year_box = QSpinBox()
    year_box.setRange(2000, 2100)
    add = QPushButton(editor.tr("Lägg till år"))
    remove = QPushButton(editor.tr("Ta bort år"))
    from_period = QPushButton(editor.tr("År från perioden"))
    for w in (year_box, add, remove, from_period):
        years_row.addWidget(w)
    years_row.addStretch()
    unit = QLabel(editor.tr("Belopp i %s. Skriv som du vill: 1 130, 1130 tkr, 550 000 kr.") % spec.unit)
    unit.setStyleSheet("color: #555;")
    grid = BudgetGrid()
    grid.setObjectName("budget_grid")
    message = MessageLabel()
    editor.budget_grid = grid
    editor.per_participant = QLabel()
    editor.budget_problems = QLabel()
    editor.budget_problems.setStyleSheet("color: #8a5a00;")
    editor.field_messages["budget"] = message

    def show_years(years: list[int]) -> None:
        years_label.setText(", ".join(map(str, years)) or editor.tr("inga"))
        grid.set_budget(spec, editor.application.budget)
        if years:
            year_box.setValue(max(years) + 1)

    def edit_cell(category: str, column: str, year: int, value: int | None) -> None:
        editor.edit(("budget", category, column, year), value, text=editor.tr("Ändra budget"))

    def refuse(category: str, column: str, year: int, typed: str, why: str) -> None:
        """Text that is not an amount stays in its cell, marked, until corrected or undone (Ctrl+Z)."""
        before = grid.refused_at(category, column, year)

        def undo() -> None:
            if before is None:
                grid.show_cell(category, column, year)
            else:
                grid.mark_refused(category, column, year, *before)

        editor.undo_stack.push(ShownCommand(editor.tr("Ändra budget"),
                                            lambda: grid.mark_refused(category, column, year, typed, why), undo))

    def change_years(years: list[int]) -> None:
        editor.edit(("budget_years",), sorted(set(years)), text=editor.tr("Ändra budgetår"))

    grid.cell_edited.connect(edit_cell)
    grid.rejected.connect(refuse)
    grid.refusals_changed.connect(editor.show_pending)
    editor.pending_input["budget"] = grid.refused_message
    add.clicked.connect(lambda: change_years(editor.application.budget.years + [year_box.value()]))
    remove.clicked.connect(lambda: change_years([y for y in editor.application.budget.years if y != year_box.value()]))
    from_period.clicked.connect(lambda: change_years(_period_years(editor.application)))
    editor.setters[("budget_years",)] = show_years
    editor.setters[("budget",)] = lambda path: grid.show_cell(path[1], path[2], path[3])
    layout.addLayout(years_row)
    layout.addWidget(unit)
    layout.addWidget(grid)
    layout.addWidget(message)
    layout.addWidget(editor.per_participant)
    layout.addWidget(editor.budget_problems)
    layout.addStretch()
    return page


def _period_years(app: Application) -> list[int]:
    if app.period_start and app.period_end and app.period_start <= app.period_end:
        return list(range(app.period_start.year, app.period_end.year + 1))
    return list(app.budget.years)


def build_timeplan_tab(editor: EditorHost) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    form = QFormLayout()
    editor.add_date_field(form, editor.tr("Startdatum"), ("period_start",), "period")
    editor.add_date_field(form, editor.tr("Slutdatum"), ("period_end",), "period_end")
    layout.addLayout(form)
    group = QGroupBox(editor.tr("Tidplan (faser)"))
    box = QVBoxLayout(group)
    phases = PhasesTableWidget()
    phases.changed.connect(lambda rows: editor.edit(("phases",), rows, text=editor.tr("Ändra tidplan")))
    editor.setters[("phases",)] = phases.set_rows
    keep_refused(editor, "phases", phases)
    editor.timeplan_warnings = QLabel()
    editor.timeplan_warnings.setStyleSheet("color: #8a5a00;")
    editor.timeplan_warnings.setWordWrap(True)
    box.addWidget(phases)
    box.addWidget(editor.timeplan_warnings)
    layout.addWidget(group)
    if any(isinstance(s.table, PlaceDateTable) for s in editor.form_template.sections):
        group = QGroupBox(editor.tr("Ort och datum"))
        place_form = QFormLayout(group)
        place = QLineEdit()
        place.setObjectName("place")
        place.textEdited.connect(lambda text: editor.edit(("place",), text, merge=True))
        editor.setters[("place",)] = lambda v: set_text(place, v)
        editor.watch(place)
        place_form.addRow(editor.tr("Ort"), place)
        editor.add_date_field(place_form, editor.tr("Datum"), ("signed_on",), "signed_on")
        layout.addWidget(group)
    layout.addStretch()
    return page


class HistoryTable(QTableWidget):
    HEADERS = ("Datum", "Steg", "Anteckning", "Vem", "Beviljat")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(self.HEADERS), parent)
        self.setHorizontalHeaderLabels(list(self.HEADERS))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def show_events(self, events: list[StatusEvent]) -> None:
        self.setRowCount(len(events))
        for r, e in enumerate(events):
            granted = ", ".join(f"{y}: {format_amount(a)}" for y, a in sorted(e.granted.items()))
            step = "Ändrad" if is_recorded_change(e) else status_label(e.status)
            for c, text in enumerate((e.date.isoformat(), step, e.note, e.who, granted)):
                self.setItem(r, c, item(text, editable=False))
        self.resizeColumnToContents(0)
        self.resizeColumnToContents(1)
        self.resizeColumnToContents(3)
