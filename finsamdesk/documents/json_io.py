"""An ansökan as a JSON file: the interchange format of docs/ansokan-json.md.

`application_to_dict` and `application_from_dict` are exact inverses for everything
the format carries (amounts as integer öre, dates as ISO text). Reading checks every
field and reports all problems at once, each with its JSON path, in Swedish.
Nothing here touches the database: matching applicants' organisations against the
register is done through the `resolve_organisation` callback the service passes in.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from ..domain.application import (
    APPLICANT_ROLES,
    OWN,
    SOUGHT,
    Applicant,
    Application,
    Budget,
    ContactRow,
    Phase,
    StatusEvent,
)
from ..domain.registers import Organisation
from ..domain.statuses import STATUSES
from .esf_json import VERSION_2_KEYS, read_version_2, write_version_2
from .json_checks import MISSING, Checker, ImportFormatError, parse_json

FORMAT = "finsamdesk-ansokan"
VERSION = 2  # 2: own applications (direction, funder, the ESF parts) and phases to the month

APPLICATION_KEYS = (
    "template_id", "diarienummer", "name", "applicant_text", "applicants", "period_start", "period_end",
    "sections", "contacts", "phases", "budget", "place", "signed_on", "planned_participants",
    "planned_women", "planned_men", "status", "history",
)

# (name, orgnr) of the organisation named in the file → organisation id in the register, or None.
OrganisationResolver = Callable[[str, str], "int | None"]


# ---------------------------------------------------------------------------- writing

def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _cell_order(item: tuple[tuple[str, str, int], int]) -> tuple[int, int, str]:
    (category, column, year), _ = item
    return (0 if column == OWN else 1, year, category)


def application_to_dict(app: Application, organisations: Mapping[int, Organisation] | None = None
                        ) -> dict[str, Any]:
    """The whole ansökan as JSON-ready data (no floats; dates ISO; amounts integer öre).

    `organisations` maps organisation ids to the register's organisations, so an applicant
    linked to the register carries the organisation's name and organisationsnummer.
    """
    organisations = organisations or {}

    def applicant(a: Applicant) -> dict[str, Any]:
        org = organisations.get(a.organisation_id) if a.organisation_id is not None else None
        name, orgnr = (org.name, org.orgnr) if org else (a.organisation_name, a.orgnr)
        return {"name": a.name, "role": a.role,
                "organisation": {"name": name, "orgnr": orgnr} if org or name or orgnr else None}

    data = {
        "format": FORMAT,
        "version": VERSION,
        "application": {
            "template_id": app.template_id,
            "diarienummer": app.diarienummer,
            "name": app.name,
            "applicant_text": app.applicant_text,
            "applicants": [applicant(a) for a in app.applicants],
            "period_start": _iso(app.period_start),
            "period_end": _iso(app.period_end),
            "sections": {k: v for k, v in app.sections.items() if v},
            "contacts": [{"role": c.role, "name": c.name, "organisation": c.organisation, "phone": c.phone,
                          "email": c.email} for c in app.contacts],
            "phases": [{"name": p.name, "start": _iso(p.start), "end": _iso(p.end),
                        **({"precision": p.precision} if p.precision != "day" else {})} for p in app.phases],
            "budget": {
                "years": sorted(app.budget.years),
                "cells": [{"category": c, "column": col, "year": None if col == OWN else y, "amount_ore": int(v)}
                          for (c, col, y), v in sorted(app.budget.cells.items(), key=_cell_order)],
            },
            "place": app.place,
            "signed_on": _iso(app.signed_on),
            "planned_participants": app.planned_participants,
            "planned_women": app.planned_women,
            "planned_men": app.planned_men,
            "status": app.status,
            "history": [{"status": e.status, "date": e.date.isoformat(), "note": e.note, "who": e.who,
                         "granted": {str(y): int(a) for y, a in sorted(e.granted.items())}}
                        for e in app.history],
        },
    }
    return write_version_2(app, data)


def application_to_json(app: Application, organisations: Mapping[int, Organisation] | None = None) -> str:
    """Pretty-printed UTF-8 JSON text (å ä ö as they are), ending with a newline."""
    return json.dumps(application_to_dict(app, organisations), ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------------------- reading

def _read_applicants(r: Checker, raw: Any, resolve: OrganisationResolver | None) -> list[Applicant]:
    out = []
    for i, item in enumerate(r.lst(raw, "applicants")):
        path = f"applicants[{i}]"
        a = r.obj(item, path)
        if a is None:
            continue
        r.unknown(a, ("name", "role", "organisation"), path)
        name = r.text(a.get("name", MISSING), f"{path}.name", required=True)
        role = a.get("role", "huvudman")
        if not isinstance(role, str) or role not in APPLICANT_ROLES:
            r.bad(f"{path}.role", f"ska vara en av {', '.join(APPLICANT_ROLES)}")
            role = "huvudman"
        org_id, org_name, orgnr = None, "", ""
        org = a.get("organisation")
        if org is not None:
            o = r.obj(org, f"{path}.organisation")
            if o is not None:
                r.unknown(o, ("name", "orgnr"), f"{path}.organisation")
                org_name = r.text(o.get("name", MISSING), f"{path}.organisation.name")
                orgnr = r.text(o.get("orgnr", MISSING), f"{path}.organisation.orgnr")
                if resolve is not None and (org_name.strip() or orgnr.strip()):
                    org_id = resolve(org_name, orgnr)
        out.append(Applicant(name, role, org_id, org_name, orgnr))  # as written, also when linked
    return out


def _read_sections(r: Checker, raw: Any) -> dict[str, str]:
    if raw is MISSING or raw is None:
        return {}
    sections = r.obj(raw, "sections")
    out: dict[str, str] = {}
    for key, value in (sections or {}).items():
        if value is None:
            r.bad(f"sections.{key}", "ska vara en text")
        elif text := r.text(value, f"sections.{key}"):
            out[key] = text
    return out


def _read_contacts(r: Checker, raw: Any) -> list[ContactRow]:
    out = []
    for i, item in enumerate(r.lst(raw, "contacts")):
        path = f"contacts[{i}]"
        c = r.obj(item, path)
        if c is None:
            continue
        r.unknown(c, ("role", "name", "organisation", "phone", "email"), path)
        out.append(ContactRow(
            r.text(c.get("role", MISSING), f"{path}.role", required=True),
            r.text(c.get("name", MISSING), f"{path}.name"),
            r.text(c.get("organisation", MISSING), f"{path}.organisation"),
            r.text(c.get("phone", MISSING), f"{path}.phone"),
            r.text(c.get("email", MISSING), f"{path}.email"),
        ))
    return out


def _read_phases(r: Checker, raw: Any) -> list[Phase]:
    out = []
    for i, item in enumerate(r.lst(raw, "phases")):
        path = f"phases[{i}]"
        p = r.obj(item, path)
        if p is None:
            continue
        r.unknown(p, ("name", "start", "end", "precision"), path)
        precision = p.get("precision", "day")
        if precision not in ("day", "month"):
            r.bad(f"{path}.precision", "ska vara ”day” eller ”month”")
            precision = "day"
        phase = Phase(r.text(p.get("name", MISSING), f"{path}.name", required=True),
                      r.date(p.get("start"), f"{path}.start"), r.date(p.get("end"), f"{path}.end"), precision)
        if phase.start and phase.end and phase.end < phase.start:
            r.bad(f"{path}.end", "ligger före start")
        out.append(phase)
    return out


def _read_budget(r: Checker, raw: Any) -> Budget:
    budget = Budget()
    if raw is MISSING or raw is None:
        return budget
    b = r.obj(raw, "budget")
    if b is None:
        return budget
    r.unknown(b, ("years", "cells"), "budget")
    for i, y in enumerate(r.lst(b.get("years"), "budget.years")):
        budget_year = r.year(y, f"budget.years[{i}]")
        if budget_year is None:
            continue
        if budget_year in budget.years:
            r.bad(f"budget.years[{i}]", f"året {budget_year} finns redan")
        else:
            budget.years.append(budget_year)
    budget.years.sort()
    for i, item in enumerate(r.lst(b.get("cells"), "budget.cells")):
        path = f"budget.cells[{i}]"
        c = r.obj(item, path)
        if c is None:
            continue
        r.unknown(c, ("category", "column", "year", "amount_ore"), path)
        category = r.text(c.get("category", MISSING), f"{path}.category", required=True)
        column = c.get("column")
        year: int | None = None
        if column == OWN:
            if c.get("year") is not None:
                r.bad(f"{path}.year", "ska vara null i kolumnen ”own” (egen finansiering gäller hela insatsen)")
        elif column == SOUGHT:
            year = r.year(c.get("year"), f"{path}.year")
        else:
            r.bad(f"{path}.column", "ska vara ”own” eller ”sought”")
            column = None
        amount = r.amount(c.get("amount_ore", MISSING), f"{path}.amount_ore")
        if not category or column is None or amount is None or (column == SOUGHT and year is None):
            continue
        if budget.get(category, column, year) is not None:
            r.bad(path, "samma kostnadsrad, kolumn och år finns redan")
            continue
        budget.set(category, column, year, amount)
    return budget


def _read_history(r: Checker, raw: Any) -> list[StatusEvent]:
    out: list[StatusEvent] = []
    for i, item in enumerate(r.lst(raw, "history")):
        path = f"history[{i}]"
        e = r.obj(item, path)
        if e is None:
            continue
        r.unknown(e, ("status", "date", "note", "who", "granted"), path)
        status = e.get("status")
        if not isinstance(status, str) or status not in STATUSES:
            status = None
            r.bad(f"{path}.status", f"ska vara en av {', '.join(STATUSES)}")
        when = r.date(e.get("date"), f"{path}.date", required=True)
        granted: dict[int, int] = {}
        raw_granted = e.get("granted")
        if raw_granted is not None:
            g = r.obj(raw_granted, f"{path}.granted")
            for key, value in (g or {}).items():
                if not (isinstance(key, str) and re.fullmatch(r"[0-9]{4}", key) and 1900 <= int(key) <= 2200):
                    r.bad(f"{path}.granted.{key}", "nyckeln ska vara ett årtal, t.ex. \"2024\"")
                    continue
                amount = r.amount(value, f"{path}.granted.{key}")
                if amount is not None:
                    granted[int(key)] = amount
        if out and when and out[-1].date and when < out[-1].date:
            r.bad(f"{path}.date", "ligger före föregående steg")
        out.append(StatusEvent(status if status in STATUSES else "utkast", when or date.min,
                               r.text(e.get("note", MISSING), f"{path}.note"),
                               r.text(e.get("who", MISSING), f"{path}.who"), granted))
    return out


def application_from_dict(d: Any, resolve_organisation: OrganisationResolver | None = None) -> Application:
    """Read an ansökan; raise ImportFormatError listing every bad field with its JSON path.

    Applicants' organisations are linked through `resolve_organisation(name, orgnr)` when it
    is given (the service matches the register); the organisation as the file has it (name, orgnr) is kept
    in any case, so that it is exported again as it was when there is no link. Contacts are snapshots.
    """
    r = Checker()
    if not isinstance(d, dict):
        raise ImportFormatError(["Filen ska innehålla ett JSON-objekt { … }."])
    if d.get("format") != FORMAT:
        raise ImportFormatError([f"format: ska vara ”{FORMAT}” (det här är ingen ansökan från finsamdesk)"])
    version = d.get("version")
    if type(version) is not int:
        raise ImportFormatError(["version: ska vara ett heltal"])
    if version > VERSION:
        raise ImportFormatError([f"version: filen har version {version}, den här versionen av finsamdesk "
                                 f"läser upp till version {VERSION}. Uppdatera programmet."])
    if version < 1:
        raise ImportFormatError([f"version: okänd version {version}"])
    r.unknown(d, ("format", "version", "application"), "")
    raw = d.get("application")
    if not isinstance(raw, dict):
        raise ImportFormatError(["application: saknas eller är inget objekt { … }"])
    r.unknown(raw, APPLICATION_KEYS + (VERSION_2_KEYS if version >= 2 else ()), "application")

    def get(key: str) -> Any:
        return raw.get(key, MISSING)

    app = Application(template_id=r.text(get("template_id"), "template_id", required=True))
    app.diarienummer = r.text(get("diarienummer"), "diarienummer")
    app.name = r.text(get("name"), "name")
    app.applicant_text = r.text(get("applicant_text"), "applicant_text")
    app.applicants = _read_applicants(r, get("applicants"), resolve_organisation)
    app.period_start = r.date(get("period_start"), "period_start")
    app.period_end = r.date(get("period_end"), "period_end")
    if app.period_start and app.period_end and app.period_end < app.period_start:
        r.bad("period_end", "ligger före period_start")
    app.sections = _read_sections(r, get("sections"))
    app.contacts = _read_contacts(r, get("contacts"))
    app.phases = _read_phases(r, get("phases"))
    app.budget = _read_budget(r, get("budget"))
    app.place = r.text(get("place"), "place")
    app.signed_on = r.date(get("signed_on"), "signed_on")
    for key in ("planned_participants", "planned_women", "planned_men"):
        setattr(app, key, r.count(get(key), key))
    status = raw.get("status", "utkast")
    if not isinstance(status, str) or status not in STATUSES:
        r.bad("status", f"ska vara en av {', '.join(STATUSES)}")
        status = "utkast"
    app.status = status
    app.history = _read_history(r, get("history"))
    if version >= 2:
        read_version_2(r, raw, app)
    if app.history and all(e.status in STATUSES for e in app.history) and app.history[-1].status != app.status:
        r.bad("status", f"ska vara samma som sista steget i history (”{app.history[-1].status}”)")
    if r.errors:
        raise ImportFormatError(r.errors)
    return app


def application_from_json(text: str | bytes, resolve_organisation: OrganisationResolver | None = None
                          ) -> Application:
    """Parse JSON text; bad JSON is an ImportFormatError with its line and column."""
    return application_from_dict(parse_json(text), resolve_organisation)
