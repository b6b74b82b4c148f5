"""Checks a förbundschef wants before an ansökan moves on: completeness, time plan, budget."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from itertools import pairwise

from .application import SOUGHT, Application
from .forms import (
    BudgetTable,
    ContactsTable,
    FormTemplate,
    PlaceDateTable,
    TimeplanTable,
)


@dataclass(frozen=True)
class Problem:
    where: str  # a section id or "budget", "tidplan", "period"
    message: str
    severity: str = "error"  # error | warning


def timeplan_warnings(app: Application) -> list[Problem]:
    """Gaps, overlaps and phases outside the period (warnings: the seeds have such gaps)."""
    out: list[Problem] = []
    if app.period_start and app.period_end and app.period_end < app.period_start:
        out.append(Problem("period", "Perioden slutar före den börjar.", "error"))
    for p in app.phases:
        if p.start and p.end and p.end < p.start:
            out.append(Problem("tidplan", f"Fasen ”{p.name}” slutar före den börjar.", "error"))
        if app.period_start and app.period_end and p.start and p.end and p.precision == "day" and (
                p.start < app.period_start or p.end > app.period_end):
            out.append(Problem("tidplan", f"Fasen ”{p.name}” ligger utanför insatsens period.", "warning"))
    dated = [(p.name, p.start, p.end) for p in app.phases if p.start and p.end and p.precision == "day"]
    ordered = sorted(dated, key=lambda phase: phase[1])
    for (a, _a_start, a_end), (b, b_start, _b_end) in pairwise(ordered):  # months: esf_checks.phase_coverage
        if b_start <= a_end:
            out.append(Problem("tidplan", f"Faserna ”{a}” och ”{b}” överlappar.", "warning"))
        elif (b_start - a_end).days > 1:
            first, last = a_end + timedelta(days=1), b_start - timedelta(days=1)
            span = first.isoformat() if first == last else f"{first.isoformat()}–{last.isoformat()}"
            out.append(Problem("tidplan", f"Glapp mellan ”{a}” och ”{b}”: {span} ingår i ingen fas.", "warning"))
    return out


def budget_problems(app: Application) -> list[Problem]:
    out: list[Problem] = []
    b = app.budget
    if not b.years:
        out.append(Problem("budget", "Budgeten har inga år."))
    if any(v < 0 for v in b.cells.values()):
        out.append(Problem("budget", "Budgeten har negativa belopp."))
    if b.years and not any(v for (c, col, y), v in b.cells.items() if col == SOUGHT and y in b.years):
        out.append(Problem("budget", "Inga medel är sökta: alla belopp är noll eller tomma."))
    if app.period_start and app.period_end:
        outside = [y for y in b.years if not app.period_start.year <= y <= app.period_end.year]
        for y in outside:
            if b.column_total(SOUGHT, y):
                out.append(Problem("budget", f"Budgetåret {y} ligger utanför insatsens period.", "warning"))
    stray = {y for (c, col, y) in b.cells if col == SOUGHT and y not in b.years}
    if stray:
        out.append(Problem("budget", "Belopp finns för år som inte är med i budgeten.", "warning"))
    return out


def completeness(app: Application, template: FormTemplate) -> list[Problem]:
    """What the template requires that is missing, plus budget problems (before `inkommen`)."""
    out: list[Problem] = []
    for s in template.sections:
        if not s.required:
            continue
        heading = s.short
        if s.answer != "none":
            value = app.name if s.binds == "name" else app.applicant_display if s.binds == "applicant_text" \
                else (app.esf.call.region if app.esf else "") if s.binds == "call.region" else app.text(s.id)
            if not value.strip():
                out.append(Problem(s.id, f"”{heading}” är inte ifyllt."))
        t = s.table
        if isinstance(t, ContactsTable) and len([c for c in app.contacts_for(t.role) if c.name]) < max(1, t.min_rows):
            out.append(Problem(s.id, f"”{heading}”: minst en kontaktperson behövs."))
        elif isinstance(t, TimeplanTable) and not (app.period_start and app.period_end):
            out.append(Problem(s.id, f"”{heading}”: start- och slutdatum saknas."))
        elif isinstance(t, PlaceDateTable) and not (app.place.strip() and app.signed_on):
            out.append(Problem(s.id, "Ansökan ska vara daterad: ort och datum saknas."))
        elif isinstance(t, BudgetTable):
            out.extend(budget_problems(app))
    if app.planned_women is not None and app.planned_men is not None and app.planned_participants is not None \
            and app.planned_women + app.planned_men != app.planned_participants:
        out.append(Problem("deltagare", "Kvinnor och män summerar inte till antalet planerade deltagare.", "warning"))
    out.extend(timeplan_warnings(app))
    return out


def blocking(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
