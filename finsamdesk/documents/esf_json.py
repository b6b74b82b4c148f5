"""The ESF parts of an own application in the JSON interchange format (version 2, docs/ansokan-json.md).

`esf_to_dict` and `esf_from_dict` are exact inverses. Reading reports every problem with its JSON path
through the reader of json_io (passed in), so one import lists all errors at once.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import fields
from typing import Any

from ..domain.application import DIRECTIONS, RECEIVED, Application
from ..domain.esf_parts import (
    ACTOR_ROLES,
    COFIN_KINDS,
    COFIN_ROLES,
    COFINANCING,
    CONTRIBUTIONS,
    COST_SECTIONS,
    FLAT_RATE_BASES,
    FUNDING_KINDS,
    SECTORS,
    Actor,
    Applicant,
    Call,
    EsfParts,
    FlatRate,
    Funding,
    Risk,
    SpecLine,
    Subproject,
    Workplace,
)
from .json_checks import Checker

ESF_KEYS = ("applicant", "workplace", "project_postal_address", "project_visiting_address", "call", "actors",
            "subprojects", "risks", "funding", "costs", "specification")
CALL_TEXT = ("name", "dnr", "programme_area", "specific_objective", "region")
ACTOR_TEXT = ("name", "orgnr", "postal_address", "contact", "cfar", "phone", "email", "signatory", "actor_type")
SUBPROJECT_TEXT = ("name", "forbund", "kommuner", "ages", "target_group", "methods", "staffing")
SPEC_TEXT = ("bearer", "function", "description")
MAX_RATE = 10**7  # öre per hour (100 000 kr/h): nothing real is above it
VERSION_2_KEYS = ("direction", "funder", "funder_diarienummer", "esf")


def write_version_2(app: Application, data: dict[str, Any]) -> dict[str, Any]:
    """Add what version 2 carries; a received application with nothing of it stays version 1, so an older
    finsamdesk still reads it."""
    if app.direction == RECEIVED and app.esf is None and all(p.precision == "day" for p in app.phases):
        data["version"] = 1
        return data
    data["application"].update({"direction": app.direction, "funder": app.funder,
                                "funder_diarienummer": app.funder_dnr,
                                "esf": esf_to_dict(app.esf) if app.esf is not None else None})
    return data


def read_version_2(r: Checker, raw: dict[str, Any], app: Application) -> None:
    direction = raw.get("direction", RECEIVED)
    if direction not in DIRECTIONS:
        r.bad("direction", f"ska vara en av {', '.join(DIRECTIONS)}")
        direction = RECEIVED
    app.direction = direction
    app.funder = r.text(raw.get("funder"), "funder")
    app.funder_dnr = r.text(raw.get("funder_diarienummer"), "funder_diarienummer")
    app.esf = esf_from_dict(r, raw.get("esf"))


def _text_fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def esf_to_dict(parts: EsfParts) -> dict[str, Any]:
    call = parts.call
    return {
        "applicant": {k: getattr(parts.applicant, k) for k in _text_fields(Applicant)},
        "workplace": {k: getattr(parts.workplace, k) for k in _text_fields(Workplace)},
        "project_postal_address": parts.postal_address,
        "project_visiting_address": parts.visiting_address,
        "call": {**{k: getattr(call, k) for k in CALL_TEXT},
                 "required_cofinancing_bp": call.required_cofinancing_bp, "hours_per_year": call.hours_per_year,
                 "rates": {str(level): rate for level, rate in sorted(call.rates.items())},
                 "flat_rates": [{"label": r.label, "percent_bp": r.percent_bp, "base": r.base}
                                for r in call.flat_rates]},
        "actors": [{"role": a.role, **{k: getattr(a, k) for k in ACTOR_TEXT}, "individuals": a.individuals,
                    "amount_ore": a.amount, "contribution": a.contribution} for a in parts.actors],
        "subprojects": [{**{k: getattr(s, k) for k in SUBPROJECT_TEXT}, "participants": s.participants}
                        for s in parts.subprojects],
        "risks": [{"risk": r.risk, "action": r.action} for r in parts.risks],
        "funding": [{"kind": f.kind, "support_type": f.support_type, "funder": f.funder, "amount_ore": f.amount}
                    for f in parts.funding],
        "costs": [{"group": g, "line": line, "amount_ore": amount}
                  for (g, line), amount in parts.cost_cells.items()],
        "specification": [{"section": s.section, **{k: getattr(s, k) for k in SPEC_TEXT}, "level": s.level,
                           "grade": s.grade, "months": s.months, "amount_ore": s.amount, "sector": s.sector,
                           "cofin_kind": s.cofin_kind, "cofin_role": s.cofin_role} for s in parts.spec_lines],
    }


def _choice(r: Checker, value: Any, allowed: Mapping[str, str], path: str, default: str) -> str:
    if value is None:
        return default
    if not isinstance(value, str) or value not in allowed:
        names = ", ".join(k or '""' for k in allowed)
        r.bad(path, f"ska vara en av {names}")
        return default
    return value


def _small(r: Checker, value: Any, path: str, upper: int) -> int | None:
    if value is None:
        return None
    if type(value) is not int or not 0 <= value <= upper:
        r.bad(path, f"ska vara ett heltal 0–{upper} eller null")
        return None
    return value


def _texts_into(r: Checker, obj: object, raw: dict[str, Any], names: tuple[str, ...], path: str) -> None:
    for k in names:
        setattr(obj, k, r.text(raw.get(k), f"{path}.{k}"))


def _items(r: Checker, raw: Any, path: str, known: tuple[str, ...]) -> Iterator[tuple[str, dict[str, Any]]]:
    for i, item in enumerate(r.lst(raw, path)):
        d = r.obj(item, f"{path}[{i}]")
        if d is not None:
            r.unknown(d, known, f"{path}[{i}]")
            yield f"{path}[{i}]", d


def _read_call(r: Checker, raw: Any, path: str) -> Call:
    call = Call()
    d = r.obj(raw, path) if raw is not None else {}
    if not d:
        return call
    r.unknown(d, (*CALL_TEXT, "required_cofinancing_bp", "hours_per_year", "rates", "flat_rates"), path)
    _texts_into(r, call, d, CALL_TEXT, path)
    call.required_cofinancing_bp = _small(r, d.get("required_cofinancing_bp"), f"{path}.required_cofinancing_bp",
                                          10_000)
    hours = _small(r, d.get("hours_per_year", call.hours_per_year), f"{path}.hours_per_year", 8784)
    call.hours_per_year = hours or call.hours_per_year
    rates = r.obj(d.get("rates", {}), f"{path}.rates") or {}
    for level, rate in rates.items():
        if not (isinstance(level, str) and level.isdigit() and 0 < int(level) < 100):
            r.bad(f"{path}.rates.{level}", "nivån ska vara ett heltal 1–99 (som text)")
            continue
        value = _small(r, rate, f"{path}.rates.{level}", MAX_RATE)
        if value is not None:
            call.rates[int(level)] = value
    for p, f in _items(r, d.get("flat_rates"), f"{path}.flat_rates", ("label", "percent_bp", "base")):
        bp = _small(r, f.get("percent_bp"), f"{p}.percent_bp", 10_000)
        call.flat_rates.append(FlatRate(r.text(f.get("label"), f"{p}.label", required=True), bp or 0,
                                        _choice(r, f.get("base"), FLAT_RATE_BASES, f"{p}.base", "personal")))
    return call


def esf_from_dict(r: Checker, raw: Any) -> EsfParts | None:
    """Read the `esf` object with json_io's reader `r` (errors collected there); None when absent."""
    if raw is None:
        return None
    d = r.obj(raw, "esf")
    if d is None:
        return None
    r.unknown(d, ESF_KEYS, "esf")
    parts = EsfParts()
    for name, cls, attr in (("applicant", Applicant, "applicant"), ("workplace", Workplace, "workplace")):
        block = r.obj(d.get(name, {}), f"esf.{name}") or {}
        r.unknown(block, _text_fields(cls), f"esf.{name}")
        _texts_into(r, getattr(parts, attr), block, _text_fields(cls), f"esf.{name}")
    parts.postal_address = r.text(d.get("project_postal_address"), "esf.project_postal_address")
    parts.visiting_address = r.text(d.get("project_visiting_address"), "esf.project_visiting_address")
    parts.call = _read_call(r, d.get("call"), "esf.call")
    for p, a in _items(r, d.get("actors"), "esf.actors", ("role", *ACTOR_TEXT, "individuals", "amount_ore",
                                                           "contribution")):
        actor = Actor(_choice(r, a.get("role"), ACTOR_ROLES, f"{p}.role", "medfinansiar"))
        _texts_into(r, actor, a, ACTOR_TEXT, p)
        actor.individuals = r.count(a.get("individuals"), f"{p}.individuals")
        actor.amount = r.amount(a["amount_ore"], f"{p}.amount_ore") if a.get("amount_ore") is not None else None
        actor.contribution = _choice(r, a.get("contribution"), CONTRIBUTIONS, f"{p}.contribution", "")
        parts.actors.append(actor)
    for p, s in _items(r, d.get("subprojects"), "esf.subprojects", (*SUBPROJECT_TEXT, "participants")):
        sub = Subproject()
        _texts_into(r, sub, s, SUBPROJECT_TEXT, p)
        sub.participants = r.count(s.get("participants"), f"{p}.participants")
        parts.subprojects.append(sub)
    for p, x in _items(r, d.get("risks"), "esf.risks", ("risk", "action")):
        parts.risks.append(Risk(r.text(x.get("risk"), f"{p}.risk"), r.text(x.get("action"), f"{p}.action")))
    for p, f in _items(r, d.get("funding"), "esf.funding", ("kind", "support_type", "funder", "amount_ore")):
        amount = r.amount(f["amount_ore"], f"{p}.amount_ore") if f.get("amount_ore") is not None else None
        parts.funding.append(Funding(_choice(r, f.get("kind"), FUNDING_KINDS, f"{p}.kind", "annan"),
                                     r.text(f.get("support_type"), f"{p}.support_type"),
                                     r.text(f.get("funder"), f"{p}.funder"), amount))
    for p, c in _items(r, d.get("costs"), "esf.costs", ("group", "line", "amount_ore")):
        key = (r.text(c.get("group"), f"{p}.group", required=True), r.text(c.get("line"), f"{p}.line", required=True))
        amount = r.amount(c.get("amount_ore"), f"{p}.amount_ore")
        if key in parts.cost_cells:
            r.bad(p, "samma grupp och rad finns redan")
        elif amount is not None and all(key):
            parts.cost_cells[key] = amount
    sections = {**COST_SECTIONS, COFINANCING: ""}
    for p, s in _items(r, d.get("specification"), "esf.specification",
                       ("section", *SPEC_TEXT, "level", "grade", "months", "amount_ore", "sector", "cofin_kind",
                        "cofin_role")):
        line = SpecLine(_choice(r, s.get("section"), sections, f"{p}.section", "externa"))
        _texts_into(r, line, s, SPEC_TEXT, p)
        line.level = _small(r, s.get("level"), f"{p}.level", 99)
        line.grade = _small(r, s.get("grade"), f"{p}.grade", 100)
        line.months = _small(r, s.get("months"), f"{p}.months", 600)
        line.amount = r.amount(s["amount_ore"], f"{p}.amount_ore") if s.get("amount_ore") is not None else None
        line.sector = _choice(r, s.get("sector"), SECTORS, f"{p}.sector", "offentlig")
        line.cofin_kind = _choice(r, s.get("cofin_kind"), COFIN_KINDS, f"{p}.cofin_kind", "ovrig")
        line.cofin_role = _choice(r, s.get("cofin_role"), COFIN_ROLES, f"{p}.cofin_role", "projektagare")
        parts.spec_lines.append(line)
    return parts
