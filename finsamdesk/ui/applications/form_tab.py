"""The editor's Formulär tab: the form template's sections in order — heading, the form's own help text, and a
line or a text box for the answer — and where the sections filled in on other tabs are."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import DateError, iso, parse_date
from ...domain.forms import BudgetTable, ContactsTable, FormTemplate, PlaceDateTable, Section, TimeplanTable
from ..date_edit import DateEdit
from ..widgets import MessageLabel

if TYPE_CHECKING:
    from .editor_host import EditorHost
    from .undo import FieldPath


def scrolled(widget: QWidget) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(widget)
    return scroll


def set_text(field: QLineEdit, value: str | None) -> None:
    """Show a value without a change signal's round trip when the field already shows it."""
    if field.text() != (value or ""):
        field.setText(value or "")


def set_plain(field: QPlainTextEdit, value: str | None) -> None:
    if field.toPlainText() != (value or ""):
        field.setPlainText(value or "")


OTHER_TAB = {BudgetTable: "Budget", TimeplanTable: "Period och tidplan", PlaceDateTable: "Period och tidplan"}


def build_form_tab(editor: EditorHost) -> QWidget:
    inner = QWidget()
    form = QVBoxLayout(inner)
    for section in editor.form_template.sections:
        if section.answer == "none" and not isinstance(section.table, ContactsTable):
            where = OTHER_TAB.get(type(section.table)) if section.table is not None else None
            if where:
                hint = QLabel(editor.tr("<b>%s</b> – fylls i under fliken %s.") % (section.short, where))
                hint.setStyleSheet("color: #555;")
                form.addWidget(hint)
            continue
        heading = QLabel(f"<b>{section.short}</b>")
        heading.setToolTip(section.heading)
        form.addWidget(heading)
        if section.heading != section.short:
            full = QLabel(section.heading)
            full.setWordWrap(True)
            full.setStyleSheet("color: #666; font-size: 90%;")
            form.addWidget(full)
        if section.help:
            help_label = QLabel(section.help)
            help_label.setWordWrap(True)
            help_label.setStyleSheet("color: #7a6a00; font-style: italic;")
            form.addWidget(help_label)
        if section.answer != "none":
            form.addWidget(_answer_widget(editor, section))
        if isinstance(section.table, ContactsTable):
            hint = QLabel(editor.tr("Kontaktpersoner fylls i under fliken Sökande och kontakter."))
            hint.setStyleSheet("color: #555;")
            form.addWidget(hint)
    form.addStretch()
    return scrolled(inner)


def _answer_widget(editor: EditorHost, section: Section) -> QWidget:
    path = (section.binds,) if section.binds else ("section", section.id)
    field: QLineEdit | QPlainTextEdit
    if section.answer == "line":
        line = field = QLineEdit()
        line.setPlaceholderText(section.short)
        line.textEdited.connect(lambda text: editor.edit(path, text, merge=True))
        editor.setters[path] = lambda value: set_text(line, value)
    else:
        text = field = QPlainTextEdit()
        text.setMinimumHeight(140)
        text.setTabChangesFocus(True)
        text.textChanged.connect(lambda: editor.edit(path, text.toPlainText(), merge=True))
        editor.setters[path] = lambda value: set_plain(text, value)
    editor.watch(field)
    field.setObjectName(f"answer_{section.id}")
    return field


def add_date_field(editor: EditorHost, form: QFormLayout, label: str, path: FieldPath, key: str) -> QLineEdit:
    """A date typed as people write it, read when the field is left; a bad date is said beside it."""
    field = DateEdit()
    field.setToolTip(editor.tr("Skriv ÅÅÅÅ-MM-DD, ÅÅÅÅMMDD eller 1 juni 2020 eller välj i kalendern."))
    field.setObjectName(f"date_{path[0]}")
    message = MessageLabel()
    editor.field_messages[key] = message

    def commit() -> None:
        try:
            value = parse_date(field.text())
        except DateError as exc:
            message.show_error(str(exc))
            return
        message.clear_message()
        editor.edit(path, value, text=label)
        set_text(field, iso(value))

    field.editingFinished.connect(commit)
    editor.setters[path] = lambda v: set_text(field, iso(v))
    editor.watch(field)
    box = QVBoxLayout()
    box.addWidget(field)
    box.addWidget(message)
    form.addRow(label, box)
    return field


def focus_name(tabs: QTabWidget, template: FormTemplate | None) -> None:
    """The cursor in the application's name (a new application is named first); else the form's first line."""
    tabs.setCurrentIndex(0)
    tab = tabs.widget(0)
    if tab is None or template is None:
        return
    named = next((s for s in template.sections if s.binds == "name"), None)
    field = (tab.findChild(QLineEdit, f"answer_{named.id}") if named else None) or tab.findChild(QLineEdit)
    if field is not None:
        field.setFocus()
        field.selectAll()
