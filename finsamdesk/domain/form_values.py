"""What a form's `{placeholder}` prints for an application (pure; the PDF and the editor share it).

    fill("Antal deltagare: {participants}, varav {women} kvinnor", lambda n: app_value(app, n, figures))
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from .application import Application, Phase
from .dates import iso
from .esf_parts import CONTRIBUTIONS, Actor, EsfParts, Funding
from .figures import Figures
from .form_parts import PLACEHOLDER, Part
from .money import format_amount

NBSP = "\u00a0"


def fill(text: str, value: Callable[[str], str]) -> str:
    return PLACEHOLDER.sub(lambda m: value(m.group(1)), text)


def split_placeholders(text: str) -> list[tuple[bool, str]]:
    """(is_value, text) pieces: the fixed label text and the placeholders, in order."""
    out, pos = [], 0
    for m in PLACEHOLDER.finditer(text):
        if m.start() > pos:
            out.append((False, text[pos:m.start()]))
        out.append((True, m.group(1)))
        pos = m.end()
    if pos < len(text):
        out.append((False, text[pos:]))
    return out


def _count(n: int | None) -> str:
    return "" if n is None else str(n)


def _money(ore: int | None) -> str:
    return format_amount(ore, "kr", sep=" ") if ore is not None else ""


def month_span(phase: Phase) -> str:
    """`2020-09 – 2021-01` for a month phase, ISO dates otherwise."""
    if not phase.start and not phase.end:
        return ""
    def fmt(d: date | None) -> str:
        if d is None:
            return ""
        return d.strftime("%Y-%m") if phase.precision == "month" else iso(d)

    return f"{fmt(phase.start)} – {fmt(phase.end)}"


def app_value(app: Application, name: str, figures: Figures | None = None) -> str:
    parts = app.esf or EsfParts()
    if name.startswith("budget."):
        return figures.text(name[len("budget."):]) if figures else ""
    head, _, rest = name.partition(".")
    if head == "applicant":
        return str(getattr(parts.applicant, rest, ""))
    if head == "workplace":
        return str(getattr(parts.workplace, rest, ""))
    if head == "call":
        value = getattr(parts.call, rest, "")
        return "" if value is None else str(value)
    if head == "project":
        return parts.postal_address if rest == "postal_address" else parts.visiting_address
    if head == "contact":
        role, _, field = rest.partition(".")
        first = next(iter(app.contacts_for(role)), None)
        return getattr(first, field, "") if first else ""
    simple: dict[str, Any] = {
        "name": app.name, "diarienummer": app.diarienummer, "funder": app.funder, "funder_dnr": app.funder_dnr,
        "date": iso(app.signed_on), "period_start": iso(app.period_start), "period_end": iso(app.period_end),
        "period": f"{iso(app.period_start)} - {iso(app.period_end)}" if app.period_start or app.period_end else "",
        "participants": _count(app.planned_participants), "women": _count(app.planned_women),
        "men": _count(app.planned_men),
    }
    return str(simple.get(name, ""))


def item_value(item: Any, name: str) -> str:
    """A field of one row of a list part: an actor, a contact, a risk, a funding row, a delprojekt, a phase."""
    if isinstance(item, Phase):
        return month_span(item) if name == "months" else iso(getattr(item, name)) if name in ("start", "end") \
            else item.name
    if isinstance(item, (Actor, Funding)) and name == "amount":
        return _money(item.amount)
    if isinstance(item, Actor) and name == "contribution":
        return CONTRIBUTIONS.get(item.contribution, "") if item.contribution else ""
    value = getattr(item, name, "")
    return _count(value) if isinstance(value, int) or value is None else str(value)


def items_of(app: Application, part: Part) -> list[Any]:
    """The rows a repeat or table part prints."""
    parts = app.esf or EsfParts()
    kind, key = part.source_kind, part.source_key
    lists: dict[str, Callable[[], list[Any]]] = {
        "actors": lambda: parts.actors_in(key),
        "contacts": lambda: app.contacts_for(key),
        "risks": lambda: list(parts.risks),
        "funding": lambda: parts.funding_of(key),
        "subprojects": lambda: list(parts.subprojects),
        "phases": lambda: list(app.phases),
    }
    return lists[kind]()


def selected_options(app: Application, section_id: str, binds: str | None) -> list[str]:
    if binds == "call.region":
        region = (app.esf or EsfParts()).call.region
        return [region] if region else []
    return app.selected(section_id)

