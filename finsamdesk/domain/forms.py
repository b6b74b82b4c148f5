"""Form templates: a förbund's application form as data (see resources/forms/README.md).

A template is a JSON object. `parse_template` turns it into a FormTemplate and
reports every problem in Swedish; nothing in here reads files.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import Any

from .esf_budget import CostTree
from .form_parts import (
    BUDGET_MODELS,
    PageSpec,
    Part,
    PartError,
    SpecRow,
    check_placeholders,
    figure_checker,
    parse_cost_tree,
    parse_page,
    parse_part,
    parse_specification,
    texts,
)

ANSWER_KINDS = ("none", "line", "text", "choice", "checkboxes")
BINDINGS = ("name", "applicant_text", "call.region")
STYLES = ("", "group", "subgroup", "question", "title")
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
    style: str = ""  # "" (as the local forms) | group | subgroup | question | title (outside funders' forms)
    options: tuple[str, ...] = ()  # choice / checkboxes
    columns: int = 1  # checkboxes: options per printed row
    choice_style: str = "boxes"  # boxes: every option with ☒/☐ | text: only the chosen option
    part: Part | None = None  # a structured part (stödsökande, medfinansiärer, risks, budget …)
    document_part: PageSpec | None = None  # the section starts an appendix with its own header and page numbers
    aliases: tuple[str, ...] = ()  # other headings that start this section in a received form
    participants: bool = False  # the answer states the planned number of participants ("ca 60 individer")

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
    direction: str = "received"  # outgoing: the förbund applies to an outside funder on this form
    funder: str = ""
    budget_model: str = ""  # "" | esf-2014-2020 | esf-plus
    page: PageSpec | None = None  # running header and footer as the funder's form has them
    cost_tree: CostTree | None = None  # esf-2014-2020
    specification: tuple[SpecRow, ...] = ()  # esf-plus: the printed Budgetspecifikation
    call_defaults: dict[str, Any] = field(default_factory=dict)  # a new application's utlysning data
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

    def parts(self, source_kind: str = "") -> list[Part]:
        """The structured parts, optionally only those over one kind of list (actors, risks …)."""
        return [s.part for s in self.sections if s.part is not None
                and (not source_kind or s.part.source_kind == source_kind)]

    @property
    def outgoing(self) -> bool:
        return self.direction == "outgoing"


def _strings(value: Any, where: str) -> tuple[str, ...]:
    return texts(value, where, TemplateError)


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
        for key in ("required", "new_page", "inline", "participants"):
            if not isinstance(s.get(key, False), bool):
                raise TemplateError(f"{where}: ”{key}” ska vara true eller false.")
        sections.append(_section(s, where, answer, binds))
    template = _outside_funder(raw, sections)
    budgets = [s for s in sections if isinstance(s.table, BudgetTable)]
    if len(budgets) > 1:
        raise TemplateError("Mallen får ha högst en budgettabell.")
    named = any(s.binds == "name" for s in sections) or any("name" in s.part.placeholders() for s in sections
                                                             if s.part is not None)
    if not named:
        raise TemplateError("Mallen behöver ett avsnitt med ”binds”: ”name” (insatsens namn) eller en del med {name}.")
    return FormTemplate(
        id=str(raw["id"]), name=str(raw["name"]), title=str(raw["title"]), sections=tuple(sections),
        header=_strings(raw.get("header"), "header"), subtitle=_strings(raw.get("subtitle"), "subtitle"),
        version=str(raw.get("version", "")), description=str(raw.get("description", "")),
        extra={k: v for k, v in raw.items() if k not in {"id", "name", "title", "sections", "header",
                                                        "subtitle", "version", "description", *OUTSIDE_KEYS}},
        **template,
    )


OUTSIDE_KEYS = ("direction", "funder", "budget_model", "page", "cost_tree", "specification", "call_defaults")


def _section(s: dict[str, Any], where: str, answer: str, binds: str | None) -> Section:
    try:
        part = parse_part(s["part"], f"{where}.part") if s.get("part") is not None else None
        document_part = parse_page(s.get("document_part"), f"{where}.document_part")
    except PartError as exc:
        raise TemplateError(str(exc)) from exc
    options = _strings(s.get("options"), f"{where}.options")
    if answer in ("choice", "checkboxes") and not options:
        raise TemplateError(f"{where}: ett val behöver ”options”.")
    style = s.get("style", "")
    if style not in STYLES:
        raise TemplateError(f"{where}: ”style” ska vara en av {', '.join(x for x in STYLES if x)}.")
    columns = s.get("columns", 1)
    if isinstance(columns, bool) or not isinstance(columns, int) or not 1 <= columns <= 6:
        raise TemplateError(f"{where}: ”columns” ska vara ett heltal 1–6.")
    if s.get("choice_style", "boxes") not in ("boxes", "text"):
        raise TemplateError(f"{where}: ”choice_style” ska vara boxes eller text.")
    return Section(
        id=s["id"], heading=s.get("heading", ""), help=s.get("help", ""), answer=answer,
        binds=binds, table=_table(s.get("table"), where),
        paragraphs=_strings(s.get("paragraphs"), where), after=_strings(s.get("after"), where),
        required=bool(s.get("required", False)), new_page=bool(s.get("new_page", False)),
        inline=bool(s.get("inline", False)), style=style, options=options, columns=columns,
        choice_style=s.get("choice_style", "boxes"), part=part, document_part=document_part,
        aliases=_strings(s.get("aliases"), f"{where}.aliases"), participants=bool(s.get("participants", False)),
    )


def _outside_funder(raw: dict[str, Any], sections: list[Section]) -> dict[str, Any]:
    """The template fields of an outside funder's form, checked against each other."""
    direction = raw.get("direction", "received")
    if direction not in ("received", "outgoing"):
        raise TemplateError("”direction” ska vara received (ansökan till förbundet) eller outgoing (egen ansökan).")
    model = raw.get("budget_model", "")
    if model not in BUDGET_MODELS:
        raise TemplateError(f"”budget_model” ska vara en av {', '.join(m for m in BUDGET_MODELS if m)}.")
    try:
        tree = parse_cost_tree(raw.get("cost_tree"))
        specification = parse_specification(raw.get("specification"))
        page = parse_page(raw.get("page"), "page")
        if model == "esf-2014-2020" and tree is None:
            raise TemplateError("En mall med budget_model esf-2014-2020 behöver ”cost_tree”.")
        if model == "esf-plus" and not specification:
            raise TemplateError("En mall med budget_model esf-plus behöver ”specification”.")
        ok = figure_checker(model, tree)
        for i, s in enumerate(sections, start=1):
            if s.part is not None:
                check_placeholders(s.part, f"Avsnitt {i} (”{s.id}”).part", ok)
    except PartError as exc:
        raise TemplateError(str(exc)) from exc
    defaults = _call_defaults(raw.get("call_defaults", {}))
    return {"direction": direction, "funder": str(raw.get("funder", "")), "budget_model": model, "page": page,
            "cost_tree": tree, "specification": specification, "call_defaults": defaults}


def _call_defaults(raw: Any) -> dict[str, Any]:
    """A new application's utlysning: required_cofinancing_bp, hours_per_year, rates {"level": öre/h}."""
    if not isinstance(raw, dict):
        raise TemplateError("”call_defaults” ska vara ett objekt.")

    def whole(value: Any, upper: int) -> bool:
        return type(value) is int and 0 <= value <= upper

    unknown = set(raw) - {"required_cofinancing_bp", "hours_per_year", "rates", "rates_note"}
    if unknown:
        raise TemplateError(f"call_defaults: okända fält {', '.join(sorted(unknown))}.")
    if raw.get("required_cofinancing_bp") is not None and not whole(raw["required_cofinancing_bp"], 10_000):
        raise TemplateError("call_defaults.required_cofinancing_bp: ett heltal 0–10000 (baspunkter, 5300 = 53 %).")
    if "hours_per_year" in raw and not (whole(raw["hours_per_year"], 8784) and raw["hours_per_year"]):
        raise TemplateError("call_defaults.hours_per_year: ett heltal 1–8784.")
    rates = raw.get("rates", {})
    if not isinstance(rates, dict) or not all(isinstance(k, str) and k.isdigit() and 0 < int(k) < 100
                                              and whole(v, 10**7) for k, v in rates.items()):
        raise TemplateError("call_defaults.rates: nivå (text, 1–99) → timpris i öre (heltal).")
    if not isinstance(raw.get("rates_note", ""), str):
        raise TemplateError("call_defaults.rates_note: ska vara en text.")
    return dict(raw)
