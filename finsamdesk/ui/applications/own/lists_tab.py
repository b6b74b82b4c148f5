"""The lists of an own application: the organisations in the form's lists (medfinansiärer, samverkansaktörer /
stödmottagare, deltagande organisationer i kompetensutveckling), delprojekt, the risk table and the Typ av stöd |
Finansiär | Summa tables; each with what a reviewer would question about it under it."""
from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from ....domain.checks import Problem
from ....domain.esf_parts import ACTOR_ROLES, CONTRIBUTIONS, FUNDING_KINDS, Actor, Funding, Risk, Subproject
from ...widgets import MessageLabel
from .rows import Field, PartTable

if TYPE_CHECKING:
    from .host import OwnHost

Refresh = Callable[[list[Problem]], None]

ACTOR_FIELDS = {
    "name": Field("name", "Organisationsnamn", width=220), "orgnr": Field("orgnr", "Organisationsnummer", width=150),
    "postal_address": Field("postal_address", "Utdelningsadress"), "contact": Field("contact", "Kontaktperson"),
    "cfar": Field("cfar", "CFAR-nummer", width=90), "phone": Field("phone", "Telefon", width=110),
    "email": Field("email", "E-post"), "signatory": Field("signatory", "Behörig företrädare"),
    "actor_type": Field("actor_type", "Typ av aktör"),
    "individuals": Field("individuals", "Antal individer", "count", width=90),
    "amount": Field("amount", "Belopp (kr)", "money", width=110),
    "contribution": Field("contribution", "Bidrar med", "choice", tuple(CONTRIBUTIONS.items()), width=150),
}
TITLES = {"medfinansiar": "Medfinansiärer", "samverkansaktor": "Samverkansaktörer / stödmottagare",
          "kompetensutveckling": "Deltagande organisationer i kompetensutveckling"}


def _problems_label(refreshers: list[Refresh], where: str) -> MessageLabel:
    label = MessageLabel()

    def show(problems: list[Problem]) -> None:
        found = [p.message for p in problems if p.where == where]
        label.show_warning("\n".join(f"⚠ {m}" for m in found))

    refreshers.append(show)
    return label


def _role_fields(editor: OwnHost, role: str) -> tuple[Field, ...]:
    """The columns the form prints for this list, and (for medfinansiärer) the amount and what they give."""
    used: list[str] = []
    for part in editor.form_template.parts("actors"):
        if part.source_key == role:
            used += [name for name in part.placeholders() if name in ACTOR_FIELDS and name not in used]
    if role == "medfinansiar":
        used += [n for n in ("amount", "contribution") if n not in used]
    return tuple(ACTOR_FIELDS[n] for n in (["name"] + [u for u in used if u != "name"]))


def build_actors_tab(editor: OwnHost) -> tuple[QWidget, Refresh]:
    page = QWidget()
    layout = QVBoxLayout(page)
    refreshers: list[Refresh] = []
    tables: dict[str, PartTable] = {}
    roles = [r for r in ACTOR_ROLES if any(p.source_key == r for p in editor.form_template.parts("actors"))]
    for role in roles:
        group = QGroupBox(editor.tr(TITLES[role]))
        box = QVBoxLayout(group)
        table = PartTable(_role_fields(editor, role), partial(Actor, role, editor.tr("Ny organisation")))
        table.changed.connect(lambda rows, r=role: _set_actors(editor, r, rows))
        box.addWidget(table)
        box.addWidget(_problems_label(refreshers, f"actors:{role}"))
        layout.addWidget(group)
        tables[role] = table

    def show(actors: list[Actor]) -> None:
        for role, table in tables.items():
            table.set_rows([a for a in actors if a.role == role])

    editor.setters[("esf", "actors")] = show
    layout.addStretch()
    return page, _all_of(refreshers)


def _set_actors(editor: OwnHost, role: str, rows: list[Actor]) -> None:
    others = [a for a in editor.value(("esf", "actors")) if a.role != role]
    editor.edit(("esf", "actors"), others + rows, text=editor.tr("Ändra %s") % TITLES[role].lower())


def _list_group(editor: OwnHost, layout: QVBoxLayout, title: str, fields: tuple[Field, ...],
                make: Callable[[], Any], path: tuple[str, ...], refreshers: list[Refresh], where: str,
                keep: Callable[[Any], bool] | None = None) -> PartTable:
    group = QGroupBox(title)
    box = QVBoxLayout(group)
    table = PartTable(fields, make)

    def changed(rows: list[Any]) -> None:
        if keep is None:
            editor.edit(path, rows, text=editor.tr("Ändra %s") % title.lower())
            return
        others = [x for x in editor.value(path) if not keep(x)]
        editor.edit(path, others + rows, text=editor.tr("Ändra %s") % title.lower())

    table.changed.connect(changed)
    box.addWidget(table)
    box.addWidget(_problems_label(refreshers, where))
    layout.addWidget(group)
    return table


def build_lists_tab(editor: OwnHost) -> tuple[QWidget, Refresh]:
    page = QWidget()
    layout = QVBoxLayout(page)
    refreshers: list[Refresh] = []
    tr = editor.tr
    sub = _list_group(editor, layout, tr("Delprojekt"), (
        Field("name", "Delprojekt", width=200), Field("forbund", "Samordningsförbund", width=160),
        Field("kommuner", "Kommuner"), Field("participants", "Deltagare", "count", width=80),
        Field("ages", "Ålder", width=70), Field("target_group", "Målgrupp"), Field("methods", "Metoder"),
        Field("staffing", "Bemanning")), lambda: Subproject(tr("Nytt delprojekt")), ("esf", "subprojects"),
        refreshers, "delprojekt")
    editor.setters[("esf", "subprojects")] = sub.set_rows
    if editor.form_template.parts("risks"):
        risks = _list_group(editor, layout, tr("Riskanalys (Risk | Åtgärd)"), (
            Field("risk", "Risk"), Field("action", "Åtgärd")), lambda: Risk(), ("esf", "risks"), refreshers, "risker")
        editor.setters[("esf", "risks")] = risks.set_rows
    funding_tables: dict[str, PartTable] = {}
    for kind, title in FUNDING_KINDS.items():
        if not any(p.source_key == kind for p in editor.form_template.parts("funding")):
            continue
        funding_tables[kind] = _list_group(editor, layout, tr("%s: Typ av stöd | Finansiär | Summa") % title, (
            Field("support_type", "Typ av stöd"), Field("funder", "Finansiär"),
            Field("amount", "Summa (kr)", "money", width=120)), partial(Funding, kind), ("esf", "funding"),
            refreshers, f"funding:{kind}", keep=_of_kind(kind))

    def show_funding(rows: list[Funding]) -> None:
        for kind, table in funding_tables.items():
            table.set_rows([f for f in rows if f.kind == kind])

    editor.setters[("esf", "funding")] = show_funding
    layout.addStretch()
    return page, _all_of(refreshers)


def _all_of(refreshers: list[Refresh]) -> Refresh:
    def refresh(problems: list[Problem]) -> None:
        for r in refreshers:
            r(problems)
    return refresh


def _of_kind(kind: str) -> Callable[[Any], bool]:
    return lambda row: bool(row.kind == kind)
