"""The form of an own application: the funder's groups and questions in the form's order, a text box per
question, the choice questions as radio buttons or check boxes, and where each structured part is filled in."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ....domain.forms import Section
from ..form_tab import set_plain, set_text

if TYPE_CHECKING:
    from .host import OwnHost

# where a part is edited: the tab that holds it
PART_TABS = {"actors": "Aktörer", "contacts": "Projekt och sökande", "risks": "Delprojekt och risker",
             "subprojects": "Delprojekt och risker", "phases": "Projekt och sökande",
             "funding": "Delprojekt och risker"}


def _label(text: str, style: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if style:
        label.setStyleSheet(style)
    return label


def _part_tab(section: Section) -> str:
    part = section.part
    if part is None:
        return ""
    if part.type in ("cost_tree", "specification") or any("{budget." in c for r in part.rows for c in r) \
            or any("{budget." in line for line in part.lines):
        return "Budget"
    if part.type in ("repeat", "table"):
        return PART_TABS.get(part.source_kind, "")
    return "Projekt och sökande"


def build_form_tab(editor: OwnHost) -> QWidget:
    """Questions and choices in the form's order; the parts filled in on other tabs named in one line per run."""
    inner = QWidget()
    layout = QVBoxLayout(inner)
    layout.addWidget(_label(f"<b>{editor.tr('Namn på projektet')}</b>"))
    name = QLineEdit()
    name.setObjectName("answer_name")
    name.textEdited.connect(lambda text: editor.edit(("name",), text, merge=True))
    editor.setters[("name",)] = lambda v: set_text(name, v)
    editor.watch(name)
    layout.addWidget(name)
    pending: dict[str, list[str]] = {}  # tab → the headings of the parts it holds, not yet said

    def flush() -> None:
        for tab, headings in pending.items():
            names = " · ".join(h for h in headings if h) or editor.tr("Uppgifterna")
            layout.addWidget(_label(editor.tr("%s – fylls i under fliken <i>%s</i>.") % (names, editor.tr(tab)),
                                    "color: #555;"))
        pending.clear()

    for section in editor.form_template.sections:
        tab = _part_tab(section)
        if tab and section.answer == "none" and section.style != "group":
            pending.setdefault(tab, []).append(section.heading)
            continue
        flush()
        if section.style == "group" and section.heading:
            layout.addWidget(_label(f"<b>{section.heading}</b>", "font-size: 120%; margin-top: 10px;"))
        elif section.heading:
            layout.addWidget(_label(f"<b>{section.heading}</b>" if section.answer != "none" else section.heading,
                                    "" if section.answer != "none" else "color: #444;"))
        for paragraph in section.paragraphs:
            layout.addWidget(_label(paragraph.lstrip("#- "), "color: #666; font-size: 90%;"))
        if section.answer in ("text", "line"):
            layout.addWidget(_text_field(editor, section))
        elif section.answer in ("choice", "checkboxes"):
            layout.addWidget(_choices(editor, section))
        if tab:
            pending.setdefault(tab, []).append("")
    flush()
    layout.addStretch()
    return inner


def _text_field(editor: OwnHost, section: Section) -> QPlainTextEdit:
    path = ("section", section.id)
    field = QPlainTextEdit()
    field.setMinimumHeight(110 if section.answer == "text" else 36)
    field.setTabChangesFocus(True)
    field.setObjectName(f"answer_{section.id}")
    field.textChanged.connect(lambda: editor.edit(path, field.toPlainText(), merge=True))
    editor.setters[path] = lambda v: set_plain(field, v)
    editor.watch(field)
    return field


def _choices(editor: OwnHost, section: Section) -> QWidget:
    """One radio button per option (choice; ticking the chosen one again clears it) or a check box per option."""
    box = QWidget()
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    columns = max(1, section.columns)
    single = section.answer == "choice"
    path: tuple[Any, ...] = ("esf", "call", "region") if section.binds == "call.region" else ("section", section.id)
    buttons: list[QCheckBox | QRadioButton] = []
    group = QButtonGroup(box)
    group.setExclusive(False)
    for i, option in enumerate(section.options):
        button: QCheckBox | QRadioButton = QRadioButton(option) if single else QCheckBox(option)
        button.setObjectName(f"choice_{section.id}_{i}")
        group.addButton(button, i)
        grid.addWidget(button, i // columns, i % columns)
        buttons.append(button)

    def chosen() -> list[str]:
        return [b.text() for b in buttons if b.isChecked()]

    def clicked(button: QAbstractButton) -> None:
        if single:
            for other in buttons:
                if other is not button:
                    other.setChecked(False)
        editor.edit(path, "\n".join(chosen()), text=editor.tr("Ändra val"))

    def show(value: str) -> None:
        picked = [line for line in (value or "").split("\n") if line]
        for b in buttons:
            b.setChecked(b.text() in picked)

    group.buttonClicked.connect(clicked)
    editor.setters[path] = show
    return box
