"""Projekt och sökande: the funder and its diarienummer, the utlysning, stödsökande and the responsible unit,
period and phases to the month, planned participants, and the contact persons — only the fields the form uses."""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from ....domain.application import ContactRow, Phase
from ....domain.figures import format_percent
from ....domain.form_parts import PLACEHOLDER
from ...widgets import MessageLabel
from ..editor_tabs import _pick_contact, _save_contact, _set_role_rows
from ..form_tab import set_text
from ..row_tables import ContactsTableWidget, keep_refused
from .rows import Field, PartTable

if TYPE_CHECKING:
    from ....domain.forms import FormTemplate
    from .host import OwnHost

APPLICANT = (("name", "Organisationsnamn"), ("orgnr", "Organisationsnummer"), ("org_form", "Organisationsform"),
             ("employees", "Antal anställda"), ("phone", "Telefonnummer"), ("email", "E-post"),
             ("website", "Webbplats"), ("postal_address", "Utdelningsadress"), ("visiting_address", "Besöksadress"),
             ("account", "Bankgiro/kontonummer"), ("signatory", "Behörig företrädare"),
             ("payment_signatory", "Behörig att signera ansökan om utbetalning"),
             ("payment_email", "E-post (utbetalning)"), ("payment_phone", "Telefonnummer (utbetalning)"))
WORKPLACE = (("name", "Arbetsställe/enhet"), ("cfar", "CFAR-nummer"), ("postal_address", "Utdelningsadress"),
             ("visiting_address", "Besöksadress"))
CALL = (("name", "Utlysningens namn"), ("dnr", "Utlysningens diarienummer"), ("programme_area", "Programområde"),
        ("specific_objective", "Specifikt mål"), ("region", "Region"))
ROLES = {"projekt": "Kontaktperson för projektet", "behorig": "Behörig företrädare", "ekonomi": "Kontaktperson ekonomi"}


def used_fields(template: FormTemplate) -> set[str]:
    """Every {placeholder} the form prints (its parts and its page furniture), and the bound choices."""
    texts: list[str] = []
    for s in template.sections:
        if s.part is not None:
            texts += [c for r in s.part.rows for c in r] + list(s.part.lines) + [s.part.source]
        if s.binds:
            texts.append("{" + s.binds + "}")
    found = {m for t in texts for m in PLACEHOLDER.findall(t)}
    found |= {f"contact.{t.split(':', 1)[1]}." for t in texts if t.startswith("contacts:")}
    return found


def parse_percent(text: str) -> int | None:
    """`53`, `53,00`, `53 %` → basis points; ValueError in Swedish."""
    cleaned = text.replace("%", "").replace(",", ".").strip()
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"”{text}” är ingen andel. Skriv t.ex. 53 eller 46,5.") from None
    if not 0 <= value <= 100:
        raise ValueError("Andelen ska vara mellan 0 och 100 procent.")
    return int((value * 100).to_integral_value())


def _line(editor: OwnHost, form: QFormLayout, label: str, path: tuple[Any, ...]) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName("_".join(str(p) for p in path))
    field.textEdited.connect(lambda text: editor.edit(path, text, merge=True))
    editor.setters[path] = lambda v: set_text(field, v or "")
    editor.watch(field)
    form.addRow(label, field)
    return field


def _group(layout: QVBoxLayout, title: str) -> QFormLayout:
    group = QGroupBox(title)
    form = QFormLayout(group)
    layout.addWidget(group)
    return form


def build_project_tab(editor: OwnHost) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    used = used_fields(editor.form_template)
    form = _group(layout, editor.tr("Finansiär"))
    _line(editor, form, editor.tr("Finansiär"), ("funder",))
    _line(editor, form, editor.tr("Finansiärens diarienummer"), ("funder_dnr",))
    form = _group(layout, editor.tr("Utlysning"))
    for name, label in CALL:
        if f"call.{name}" in used and not any(s.binds == f"call.{name}" and s.answer == "choice"
                                              for s in editor.form_template.sections):
            _line(editor, form, editor.tr(label), ("esf", "call", name))
    _required_share(editor, form)
    for title, fields, attr in ((editor.tr("Stödsökande"), APPLICANT, "applicant"),
                                (editor.tr("Ansvarigt arbetsställe/enhet"), WORKPLACE, "workplace")):
        form = _group(layout, title)
        for name, label in fields:
            if f"{attr}.{name}" in used:
                _line(editor, form, editor.tr(label), ("esf", attr, name))
    if {"project.postal_address", "project.visiting_address"} & used:
        form = _group(layout, editor.tr("Projektets adresser"))
        _line(editor, form, editor.tr("Utdelningsadress"), ("esf", "postal_address"))
        _line(editor, form, editor.tr("Besöksadress"), ("esf", "visiting_address"))
    form = _group(layout, editor.tr("Period och deltagare"))
    editor.add_date_field(form, editor.tr("Startdatum"), ("period_start",), "period_start")
    editor.add_date_field(form, editor.tr("Slutdatum"), ("period_end",), "period_end")
    editor.add_date_field(form, editor.tr("Datum (ansökan)"), ("signed_on",), "signed_on")
    form.addRow(editor.tr("Deltagare"), _participants(editor))
    phases = PartTable((Field("name", "Fas"), Field("start", "Från månad", "month", width=110),
                        Field("end", "Till och med månad", "month", width=140)),
                       lambda: Phase(editor.tr("Ny fas"), precision="month"))
    phases.changed.connect(lambda rows: editor.edit(("phases",), rows, text=editor.tr("Ändra faser")))
    editor.setters[("phases",)] = phases.set_rows
    box = QGroupBox(editor.tr("Faser (månader)"))
    QVBoxLayout(box).addWidget(phases)
    layout.addWidget(box)
    _contacts(editor, layout, used)
    layout.addStretch()
    return page


def _required_share(editor: OwnHost, form: QFormLayout) -> None:
    field = QLineEdit()
    field.setObjectName("required_share")
    field.setPlaceholderText("53,00")
    message = MessageLabel()
    path = ("esf", "call", "required_cofinancing_bp")

    def commit() -> None:
        try:
            value = parse_percent(field.text())
        except ValueError as exc:
            message.show_error(str(exc))
            return
        message.clear_message()
        editor.edit(path, value, text=editor.tr("Krav på medfinansiering"))

    field.editingFinished.connect(commit)
    editor.setters[path] = lambda v: set_text(field, format_percent(v, 2).replace(" %", "") if v else "")
    editor.watch(field)
    box = QVBoxLayout()
    box.addWidget(field)
    box.addWidget(message)
    form.addRow(editor.tr("Krav på medfinansiering (%)"), box)


def _participants(editor: OwnHost) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for key, label in (("planned_participants", "Totalt"), ("planned_women", "Kvinnor"), ("planned_men", "Män")):
        field = QSpinBox()
        field.setRange(-1, 1_000_000)
        field.setSpecialValueText("–")
        field.setObjectName(key)
        field.valueChanged.connect(lambda v, k=key, t=label: editor.edit((k,), None if v < 0 else v, text=t))
        editor.setters[(key,)] = _count_setter(field)
        row.addWidget(QLabel(editor.tr(label)))
        row.addWidget(field)
    row.addStretch()
    return box


def _count_setter(field: QSpinBox) -> Callable[[Any], None]:
    return lambda value: field.setValue(-1 if value is None else value)


def _contacts(editor: OwnHost, layout: QVBoxLayout, used: set[str]) -> None:
    tables: list[ContactsTableWidget] = []
    for role, title in ROLES.items():
        if not any(u.startswith(f"contact.{role}.") for u in used):
            continue
        group = QGroupBox(editor.tr(title))
        table = ContactsTableWidget(role)
        table.changed.connect(lambda rows, r=role: _set_role_rows(editor, r, rows))
        table.from_register.connect(lambda r: _pick_contact(editor, r))
        table.to_register.connect(lambda r, row, t=table: _save_contact(editor, r, row, t))
        keep_refused(editor, f"contacts.{role}", table)
        QVBoxLayout(group).addWidget(table)
        layout.addWidget(group)
        tables.append(table)

    def show(contacts: list[ContactRow]) -> None:
        for t in tables:
            t.set_rows([c for c in contacts if c.role == t.role])

    editor.setters[("contacts",)] = show
