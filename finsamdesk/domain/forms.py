"""Form templates: a förbund's application form as data (see resources/forms/README.md).

A template is a JSON object. `parse_template` turns it into a FormTemplate and
reports every problem in Swedish; nothing in here reads files.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import Any

ANSWER_KINDS = ("none", "line", "text")
BINDINGS = ("name", "applicant_text")
TABLE_TYPES = ("contacts", "budget", "timeplan", "place_date", "signature")


class TemplateError(ValueError):
    """A template file that cannot be used; the message names the problem in Swedish."""


@dataclass(frozen=True)
class ContactsTable:
    role: str
    columns: tuple[str, ...] = ("Namn", "Organisation", "Telefonnr", "E-post")
    min_rows: int = 0


@dataclass(frozen=True)
class BudgetTable:
    categories: tuple[str, ...]
    header_label: str = "Budget"
    own_column: str | None = None
    year_label: str = "Sökta medel {year}"
    total_label: str = "Summa"
    unit: str = "kr"
    unit_row: bool = False
    min_years: int = 1


@dataclass(frozen=True)
class TimeplanTable:
    style: str = "ranges"  # ranges: label | YYYYMMDD-YYYYMMDD ; start_end: Startdatum:/Slutdatum: lines
    period_label: str = "Period"
    phases: tuple[str, ...] = ()
    start_label: str = "Startdatum:"
    end_label: str = "Slutdatum:"
    date_style: str = "compact"  # compact | iso | text


@dataclass(frozen=True)
class PlaceDateTable:
    signature: str = "....."


@dataclass(frozen=True)
class SignatureTable:
    lines: tuple[str, ...] = ("Ort och datum", "Underskrift", "Namnförtydligande")


Table = ContactsTable | BudgetTable | TimeplanTable | PlaceDateTable | SignatureTable


@dataclass(frozen=True)
class Section:
    id: str
    heading: str = ""
    help: str = ""
    answer: str = "text"
    binds: str | None = None
    table: Table | None = None
    paragraphs: tuple[str, ...] = ()  # fixed text printed before the answer
    after: tuple[str, ...] = ()  # fixed text printed after the answer/table
    required: bool = False
    new_page: bool = False
    inline: bool = False  # answer printed on the heading's line (B-S "Huvudman: …: answer")

    @property
    def short(self) -> str:
        """A short name for the editor and messages: `Syfte; ange syftet…` → `Syfte`."""
        head = re.split(r"[:;]", self.heading, maxsplit=1)[0].strip()
        return head or self.heading or self.id

    @property
    def is_fixed(self) -> bool:
        return self.answer == "none" and self.table is None


@dataclass(frozen=True)
class FormTemplate:
    id: str
    name: str
    title: str
    sections: tuple[Section, ...]
    header: tuple[str, ...] = ()
    subtitle: tuple[str, ...] = ()
    version: str = ""
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def section(self, section_id: str) -> Section:
        for s in self.sections:
            if s.id == section_id:
                return s
        raise KeyError(section_id)

    def tables(self, kind: type) -> list[tuple[Section, Any]]:
        return [(s, s.table) for s in self.sections if isinstance(s.table, kind)]

    @property
    def budget(self) -> BudgetTable | None:
        found = self.tables(BudgetTable)
        return found[0][1] if found else None

    @property
    def timeplan(self) -> TimeplanTable | None:
        found = self.tables(TimeplanTable)
        return found[0][1] if found else None

    @property
    def contact_roles(self) -> list[tuple[str, ContactsTable]]:
        return [(s.heading, t) for s, t in self.tables(ContactsTable)]

    @property
    def unit(self) -> str:
        return self.budget.unit if self.budget else "kr"


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TemplateError(f"{where}: ska vara en lista med texter.")
    return tuple(value)


def _table(raw: Any, where: str) -> Table | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or raw.get("type") not in TABLE_TYPES:
        raise TemplateError(f"{where}: tabellens ”type” ska vara en av {', '.join(TABLE_TYPES)}.")
    kind = raw["type"]
    classes: dict[str, type[Table]] = {"contacts": ContactsTable, "budget": BudgetTable, "timeplan": TimeplanTable,
                                       "place_date": PlaceDateTable, "signature": SignatureTable}
    cls = classes[kind]
    declared = {f.name: f for f in fields(cls)}
    args: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "type":
            continue
        if key not in declared:
            raise TemplateError(f"{where}: okänt fält ”{key}” i tabellen.")
        expected = declared[key].type
        if "tuple" in str(expected):
            args[key] = _strings(value, f"{where}.{key}")
        elif "bool" in str(expected) and not isinstance(value, bool):
            raise TemplateError(f"{where}.{key}: ska vara true eller false.")
        elif "int" in str(expected) and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            raise TemplateError(f"{where}.{key}: ska vara ett heltal ≥ 0.")
        elif "str" in str(expected) and not (isinstance(value, str) or value is None and "None" in str(expected)):
            raise TemplateError(f"{where}.{key}: ska vara en text.")
        else:
            args[key] = value
    try:
        table = cls(**args)
    except TypeError as exc:
        raise TemplateError(f"{where}: saknat fält i tabellen ({exc}).") from exc
    if isinstance(table, BudgetTable):
        if not table.categories:
            raise TemplateError(f"{where}: budgeten behöver minst en kostnadsrad (”categories”).")
        if table.unit not in ("kr", "tkr"):
            raise TemplateError(f"{where}: enheten ska vara ”kr” eller ”tkr”.")
        if "{year}" not in table.year_label:
            raise TemplateError(f"{where}: ”year_label” ska innehålla {{year}}.")
    if isinstance(table, TimeplanTable) and table.style not in ("ranges", "start_end"):
        raise TemplateError(f"{where}: tidplanens ”style” ska vara ”ranges” eller ”start_end”.")
    if isinstance(table, TimeplanTable) and table.date_style not in ("compact", "iso", "text", "text_short"):
        raise TemplateError(f"{where}: ”date_style” ska vara compact, iso, text eller text_short.")
    return table


def parse_template(raw: Any) -> FormTemplate:
    if not isinstance(raw, dict):
        raise TemplateError("Mallen ska vara ett JSON-objekt.")
    for key in ("id", "name", "title", "sections"):
        if not raw.get(key):
            raise TemplateError(f"Mallen saknar ”{key}”.")
    for key in ("id", "name", "title"):
        if not isinstance(raw[key], str):
            raise TemplateError(f"Mallens ”{key}” ska vara en text.")
    if not isinstance(raw["sections"], list):
        raise TemplateError("”sections” ska vara en lista.")
    sections, seen = [], set()
    known = set(Section.__dataclass_fields__)
    for i, s in enumerate(raw["sections"], start=1):
        where = f"Avsnitt {i}"
        if not isinstance(s, dict) or not s.get("id") or not isinstance(s["id"], str):
            raise TemplateError(f"{where}: saknar ”id”.")
        where = f"Avsnitt {i} (”{s['id']}”)"
        unknown = set(s) - known
        if unknown:
            raise TemplateError(f"{where}: okända fält {', '.join(sorted(unknown))}.")
        if s["id"] in seen:
            raise TemplateError(f"{where}: id:t finns redan.")
        seen.add(s["id"])
        answer = s.get("answer", "text")
        if answer not in ANSWER_KINDS:
            raise TemplateError(f"{where}: ”answer” ska vara en av {', '.join(ANSWER_KINDS)}.")
        binds = s.get("binds")
        if binds is not None and binds not in BINDINGS:
            raise TemplateError(f"{where}: ”binds” ska vara en av {', '.join(BINDINGS)}.")
        for key in ("heading", "help"):
            if not isinstance(s.get(key, ""), str):
                raise TemplateError(f"{where}: ”{key}” ska vara en text.")
        for key in ("required", "new_page", "inline"):
            if not isinstance(s.get(key, False), bool):
                raise TemplateError(f"{where}: ”{key}” ska vara true eller false.")
        sections.append(Section(
            id=s["id"], heading=s.get("heading", ""), help=s.get("help", ""), answer=answer,
            binds=binds, table=_table(s.get("table"), where),
            paragraphs=_strings(s.get("paragraphs"), where), after=_strings(s.get("after"), where),
            required=bool(s.get("required", False)), new_page=bool(s.get("new_page", False)),
            inline=bool(s.get("inline", False)),
        ))
    budgets = [s for s in sections if isinstance(s.table, BudgetTable)]
    if len(budgets) > 1:
        raise TemplateError("Mallen får ha högst en budgettabell.")
    if not any(s.binds == "name" for s in sections):
        raise TemplateError("Mallen behöver ett avsnitt med ”binds”: ”name” (insatsens namn).")
    return FormTemplate(
        id=str(raw["id"]), name=str(raw["name"]), title=str(raw["title"]), sections=tuple(sections),
        header=_strings(raw.get("header"), "header"), subtitle=_strings(raw.get("subtitle"), "subtitle"),
        version=str(raw.get("version", "")), description=str(raw.get("description", "")),
        extra={k: v for k, v in raw.items() if k not in {"id", "name", "title", "sections", "header",
                                                        "subtitle", "version", "description"}},
    )
