"""Use cases for the förbund's own applications to an outside funder (ESF 2014–2020, ESF+).

An own application is an Application with direction OUTGOING on a template whose budget model is an ESF
one. It is saved, listed, exported and printed like any other; here is what is its own: a new one with the
call's defaults, the computed budget with its warnings, the step to the funder and, when granted, the insats
whose money per year feeds the Insatser, Budget and Översikt pages.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from ..domain import checks, esf, esf_checks
from ..domain.application import OUTGOING, Application, Phase
from ..domain.checks import Problem
from ..domain.esf import EsfResult
from ..domain.esf_parts import Call, EsfParts
from ..domain.forms import FormTemplate
from ..store import applications as store
from .errors import ServiceError
from .templates import get_template, list_templates

if TYPE_CHECKING:
    import sqlite_utils

DEFAULT_PHASES = ("Analys- och planeringsfas", "Genomförandefas", "Avslutsfas")


def own_templates() -> list[FormTemplate]:
    return [t for t in list_templates() if t.outgoing]


def call_from_defaults(defaults: dict[str, Any]) -> Call:
    """A new application's utlysning from the template's `call_defaults` (the rates are reference data)."""
    call = Call()
    call.required_cofinancing_bp = defaults.get("required_cofinancing_bp")
    call.hours_per_year = int(defaults.get("hours_per_year", call.hours_per_year))
    call.rates = {int(level): int(rate) for level, rate in (defaults.get("rates") or {}).items()}
    return call


def new_own_application(db: sqlite_utils.Database, template_id: str, name: str = "",
                        today: date | None = None) -> Application:
    """An utkast on an outside funder's form (not saved): the förbund's next diarienummer, the funder, the
    call's defaults, and the three ESF phases to fill in with months."""
    today = today or date.today()
    template = get_template(template_id)
    if not template.outgoing:
        raise ServiceError(f"Mallen ”{template.name}” är ett formulär för ansökningar till förbundet, "
                           "inte för en egen ansökan.")
    app = Application(template_id=template.id, name=name, diarienummer=store.next_diarienummer(db, today.year),
                      direction=OUTGOING, funder=template.funder)
    app.esf = EsfParts(call=call_from_defaults(template.call_defaults))
    app.phases = [Phase(p, precision="month") for p in DEFAULT_PHASES]
    return app


@dataclass
class OwnBudget:
    """The computed budget of an own application, with everything a reviewer would question."""

    app: Application
    template: FormTemplate
    result: EsfResult
    problems: list[Problem] = field(default_factory=list)

    def at(self, where: str) -> list[Problem]:
        return [p for p in self.problems if p.where == where or p.where.startswith(where + ".")]


def budget_of(app: Application, template: FormTemplate | None = None) -> OwnBudget:
    """Pure: compute and check (fast enough to run on every keystroke of the editor)."""
    template = template or get_template(app.template_id)
    result = esf.compute(app, template)
    found = esf_checks.problems(app, template, result)
    return OwnBudget(app, template, result, found)


def problems(app: Application, template: FormTemplate | None = None) -> list[Problem]:
    """Completeness (the template's required questions) and the ESF checks."""
    template = template or get_template(app.template_id)
    return checks.completeness(app, template) + budget_of(app, template).problems


def support_by_year(app: Application, template: FormTemplate | None = None) -> dict[int, int]:
    """The support asked for, spread over the period's calendar years by months (what a decision is checked
    against, and the default of the granted amounts)."""
    result = budget_of(app, template).result
    return esf.spread_by_year(result.support, app.period_start, app.period_end)


def granted_split(app: Application, granted_total: int) -> dict[int, int]:
    """A granted total spread like the period's months (the decision dialog's default)."""
    return esf.spread_by_year(granted_total, app.period_start, app.period_end)


def check_before_sending(app: Application) -> None:
    blocking = checks.blocking(problems(app))
    if blocking:
        raise ServiceError("Ansökan kan inte skickas in ännu:\n" + "\n".join(f"• {p.message}" for p in blocking))


def insats_money(app: Application) -> dict[int, dict[str, int]]:
    """Per calendar year: the förbund's own co-financing and the granted support (see domain esf.insats_money)."""
    template = get_template(app.template_id)
    b = budget_of(app, template)
    own = esf.own_cofinancing(app, template, b.result)
    return esf.insats_money(own, b.result.support, app.granted_by_year)

