"""Template data for the forms an outside funder prints (ESF 2014–2020, ESF+): page header and footer,
structured parts, the cost tree and the budget specification's layout. See resources/forms/README.md.

Parts print the application's structured data through `{placeholders}`; which placeholders exist is
checked here when the template is read, so a misspelt one is a template error, not a blank on paper.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from .esf_budget import GROUP_ROLES, OVERVIEW_FIGURES, CostTree, TreeGroup, TreeLine
from .esf_parts import COST_SECTIONS, Actor, Applicant, Call, Funding, Risk, Subproject, Workplace

PART_TYPES = ("grid", "lines", "repeat", "table", "cost_tree", "specification")
BUDGET_MODELS = ("", "esf-2014-2020", "esf-plus")
PLACEHOLDER = re.compile(r"\{([a-z_.0-9]+)\}")

APP_BINDINGS = {"name", "diarienummer", "funder", "funder_dnr", "date", "period_start", "period_end", "period",
                "participants", "women", "men", "project.postal_address", "project.visiting_address"}
APP_BINDINGS |= {f"applicant.{f.name}" for f in fields(Applicant)}
APP_BINDINGS |= {f"workplace.{f.name}" for f in fields(Workplace)}
APP_BINDINGS |= {f"call.{f.name}" for f in fields(Call) if f.name not in ("rates", "flat_rates", "hours_per_year")}
CONTACT_FIELDS = ("name", "organisation", "phone", "email")
PHASE_FIELDS = ("name", "start", "end", "months")
SOURCE_FIELDS: dict[str, tuple[str, ...]] = {
    "actors": tuple(f.name for f in fields(Actor) if f.name not in ("role", "contribution")) + ("contribution",),
    "contacts": CONTACT_FIELDS,
    "risks": tuple(f.name for f in fields(Risk)),
    "funding": tuple(f.name for f in fields(Funding) if f.name != "kind"),
    "subprojects": tuple(f.name for f in fields(Subproject)),
    "phases": PHASE_FIELDS,
}
SPEC_FIGURES = ("kostnader_socialfond", "direkta_kostnader", "indirekta_kostnader", "kostnader_regionalfond",
                "regionalfond_direkta", "ersattning_deltagare", "kostnader", "offentlig_annat_an_pengar",
                "offentlig_ovrig", "offentlig_medfinansiering", "privat_annat_an_pengar", "privat_ovrig",
                "privat_medfinansiering", "medfinansiering", "stod", "medfinansiering_pct", "stod_pct", "krav_pct",
                "kostnad_per_deltagare", "deltagare")


class PartError(ValueError):
    """A part of a template that cannot be used; Swedish message (forms.TemplateError wraps it)."""


@dataclass(frozen=True)
class PageSpec:
    """Running header and footer. Lines may use {page}, {total} and the application's placeholders."""

    header_left: tuple[str, ...] = ()
    header_right: tuple[str, ...] = ()
    first_page: tuple[str, ...] = ()  # under the header, first page of the part only
    footer: tuple[str, ...] = ()
    name: str = ""  # a document part's name (an appendix with its own page numbers)
    landscape: bool = False  # the part's pages are A4 landscape (a wide budget specification)


@dataclass(frozen=True)
class Part:
    type: str
    rows: tuple[tuple[str, ...], ...] = ()  # grid (and repeat with layout grid): cells; "{x}" cells are values
    lines: tuple[str, ...] = ()  # lines (and repeat with layout lines)
    header: tuple[str, ...] = ()  # grid/table header row
    source: str = ""  # repeat/table: actors:<role>, contacts:<role>, risks, funding:<kind>, subprojects, phases
    columns: tuple[tuple[str, str], ...] = ()  # table: (header, "{field}")
    layout: str = "lines"  # repeat: lines | grid
    min_rows: int = 0  # table: empty rows printed when there is nothing
    align_right: bool = False  # grid: value cells right-aligned (figures)
    omit_empty: bool = False  # repeat/table: print nothing (not even a header) when empty

    @property
    def source_kind(self) -> str:
        return self.source.split(":", 1)[0]

    @property
    def source_key(self) -> str:
        return self.source.split(":", 1)[1] if ":" in self.source else ""

    def placeholders(self) -> list[str]:
        texts = [c for row in self.rows for c in row] + list(self.lines) + [b for _, b in self.columns]
        return [m for t in texts for m in PLACEHOLDER.findall(t)]


@dataclass(frozen=True)
class SpecRow:
    """A row of the printed budget specification (ESF+)."""

    kind: str  # figure | lines | cofinancing | flat_rates
    label: str = ""
    value: str = ""  # figure: a figure name
    section: str = ""  # lines: a cost section
    cofin: str = ""  # cofinancing: "<sector>.<kind>.<role>"
    columns: tuple[str, ...] = ()
    bold: bool = False
    omit_empty: bool = False


def texts(value: Any, where: str, error: type[ValueError] = PartError) -> tuple[str, ...]:
    """A template's list of texts (one text alone counts as a list of one); `error` names the problem in Swedish."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise error(f"{where}: ska vara en lista med texter.")
    return tuple(value)


def _only(raw: dict[str, Any], known: set[str], where: str) -> None:
    unknown = set(raw) - known
    if unknown:
        raise PartError(f"{where}: okända fält {', '.join(sorted(unknown))}.")


def parse_page(raw: Any, where: str) -> PageSpec | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise PartError(f"{where}: ska vara ett objekt.")
    _only(raw, {"header_left", "header_right", "first_page", "footer", "name", "landscape"}, where)
    if not isinstance(raw.get("name", ""), str):
        raise PartError(f"{where}.name: ska vara en text.")
    if not isinstance(raw.get("landscape", False), bool):
        raise PartError(f"{where}.landscape: ska vara true eller false.")
    spec = PageSpec(header_left=texts(raw.get("header_left"), f"{where}.header_left"),
                    header_right=texts(raw.get("header_right"), f"{where}.header_right"),
                    first_page=texts(raw.get("first_page"), f"{where}.first_page"),
                    footer=texts(raw.get("footer"), f"{where}.footer"), name=raw.get("name", ""),
                    landscape=raw.get("landscape", False))
    for line in spec.header_left + spec.header_right + spec.first_page + spec.footer:
        for name in PLACEHOLDER.findall(line):
            if name not in APP_BINDINGS and name not in ("page", "total"):
                raise PartError(f"{where}: okänt fält {{{name}}}.")
    return spec


def parse_part(raw: Any, where: str) -> Part:
    if not isinstance(raw, dict) or raw.get("type") not in PART_TYPES:
        raise PartError(f"{where}: delens ”type” ska vara en av {', '.join(PART_TYPES)}.")
    _only(raw, {"type", "rows", "lines", "header", "source", "columns", "layout", "min_rows", "align_right",
                "omit_empty"}, where)
    rows = raw.get("rows") or []
    if not isinstance(rows, list):
        raise PartError(f"{where}.rows: ska vara en lista med rader.")
    columns = raw.get("columns") or []
    if not isinstance(columns, list) or not all(isinstance(c, list) and len(c) == 2 for c in columns):
        raise PartError(f"{where}.columns: ska vara en lista med [rubrik, \"{{fält}}\"].")
    if not all(isinstance(v, str) for c in columns for v in c):
        raise PartError(f"{where}.columns: rubrik och fält ska vara texter.")
    min_rows = raw.get("min_rows", 0)
    if isinstance(min_rows, bool) or not isinstance(min_rows, int) or not 0 <= min_rows <= 50:
        raise PartError(f"{where}.min_rows: ska vara ett heltal 0–50.")
    for key in ("align_right", "omit_empty"):
        if not isinstance(raw.get(key, False), bool):
            raise PartError(f"{where}.{key}: ska vara true eller false.")
    for key in ("source", "layout"):
        if not isinstance(raw.get(key, ""), str):
            raise PartError(f"{where}.{key}: ska vara en text.")
    part = Part(
        type=raw["type"], rows=tuple(texts(r, f"{where}.rows") for r in rows),
        lines=texts(raw.get("lines"), f"{where}.lines"), header=texts(raw.get("header"), f"{where}.header"),
        source=raw.get("source", ""), columns=tuple((a, b) for a, b in columns),
        layout=raw.get("layout", "lines"), min_rows=min_rows,
        align_right=raw.get("align_right", False), omit_empty=raw.get("omit_empty", False),
    )
    if part.type in ("repeat", "table"):
        if part.source_kind not in SOURCE_FIELDS:
            raise PartError(f"{where}: ”source” ska börja med en av {', '.join(SOURCE_FIELDS)}.")
        if part.layout not in ("lines", "grid"):
            raise PartError(f"{where}: ”layout” ska vara lines eller grid.")
    return part


def check_placeholders(part: Part, where: str, figure_ok: Callable[[str], bool]) -> None:
    """Every {name} must be something the application has (inside repeat/table: the item's fields)."""
    allowed = SOURCE_FIELDS.get(part.source_kind, ()) if part.type in ("repeat", "table") else ()
    for name in part.placeholders():
        if name in allowed or name in APP_BINDINGS:
            continue
        if re.fullmatch(r"contact\.[a-z_]+\.(" + "|".join(CONTACT_FIELDS) + ")", name):
            continue
        if name.startswith("budget.") and figure_ok(name[len("budget."):]):
            continue
        raise PartError(f"{where}: okänt fält {{{name}}}.")


def parse_cost_tree(raw: Any) -> CostTree | None:
    """ESF 2014–2020 groups: {key, label, role, lines: ["Personal", {"label": "Intäkter", "sign": -1}], …}."""
    if raw is None:
        return None
    if not isinstance(raw, list) or not raw:
        raise PartError("cost_tree: ska vara en lista med grupper.")
    groups, seen = [], set()
    for i, g in enumerate(raw, start=1):
        where = f"cost_tree[{i}]"
        if not isinstance(g, dict):
            raise PartError(f"{where}: ska vara ett objekt.")
        _only(g, {"key", "label", "role", "lines", "sector", "phase", "heading"}, where)
        if not all(isinstance(g.get(k, ""), str) for k in ("key", "label", "role", "sector", "phase", "heading")):
            raise PartError(f"{where}: key, label, role, sector, phase och heading ska vara texter.")
        if not isinstance(g.get("lines", []), list):
            raise PartError(f"{where}.lines: ska vara en lista.")
        if not g.get("key") or g["key"] in seen:
            raise PartError(f"{where}: ”key” saknas eller finns redan.")
        seen.add(g["key"])
        if g.get("role") not in GROUP_ROLES:
            raise PartError(f"{where}: ”role” ska vara en av {', '.join(GROUP_ROLES)}.")
        lines = []
        for line in g.get("lines") or []:
            if isinstance(line, str):
                lines.append(TreeLine(line))
            elif isinstance(line, dict) and set(line) <= {"label", "sign"} and isinstance(line.get("label"), str) \
                    and type(line.get("sign", 1)) is int and line.get("sign", 1) in (1, -1):
                lines.append(TreeLine(line["label"], line.get("sign", 1)))
            else:
                raise PartError(f"{where}.lines: en rad är en text eller {{\"label\": …, \"sign\": -1}}.")
        if not lines:
            raise PartError(f"{where}: gruppen har inga rader.")
        groups.append(TreeGroup(g["key"], str(g.get("label", "")), g["role"], tuple(lines), str(g.get("sector", "")),
                                str(g.get("phase", "")), str(g.get("heading", ""))))
    return CostTree(tuple(groups))


def parse_specification(raw: Any) -> tuple[SpecRow, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not raw:
        raise PartError("specification: ska vara en lista med rader.")
    out = []
    for i, r in enumerate(raw, start=1):
        where = f"specification[{i}]"
        if not isinstance(r, dict) or r.get("kind") not in ("figure", "lines", "cofinancing", "flat_rates"):
            raise PartError(f"{where}: ”kind” ska vara figure, lines, cofinancing eller flat_rates.")
        _only(r, {"kind", "label", "value", "section", "cofin", "columns", "bold", "omit_empty"}, where)
        if not all(isinstance(r.get(k, ""), str) for k in ("label", "value", "section", "cofin")) or not all(
                isinstance(r.get(k, False), bool) for k in ("bold", "omit_empty")):
            raise PartError(f"{where}: label, value, section och cofin ska vara texter, bold och omit_empty "
                            "true eller false.")
        row = SpecRow(r["kind"], r.get("label", ""), r.get("value", ""), r.get("section", ""), r.get("cofin", ""),
                      texts(r.get("columns"), f"{where}.columns"), r.get("bold", False), r.get("omit_empty", False))
        if row.kind == "figure" and not spec_figure_ok(row.value):
            raise PartError(f"{where}: okänd summa ”{row.value}”.")
        if row.kind == "lines" and row.section not in COST_SECTIONS:
            raise PartError(f"{where}: okänd kostnadsgrupp ”{row.section}”.")
        if row.kind == "cofinancing" and len(row.cofin.split(".")) != 3:
            raise PartError(f"{where}: ”cofin” skrivs sektor.slag.roll, t.ex. offentlig.ovrig.projektagare.")
        out.append(row)
    return tuple(out)


def spec_figure_ok(name: str) -> bool:
    return (name in SPEC_FIGURES or name.startswith(("section.", "cofin.", "flat."))
            and bool(re.fullmatch(r"[a-z_]+\.[a-z_.0-9]+", name)))


def tree_figure_ok(tree: CostTree | None) -> Callable[[str], bool]:
    def ok(name: str) -> bool:
        if name in OVERVIEW_FIGURES:
            return True
        return name.startswith("group.") and tree is not None and name[6:] in {g.key for g in tree.groups}
    return ok


def figure_checker(model: str, tree: CostTree | None) -> Callable[[str], bool]:
    if model == "esf-2014-2020":
        return tree_figure_ok(tree)
    if model == "esf-plus":
        return spec_figure_ok
    return lambda name: False
