"""Use cases for ansökningar: register, save, filter, move through the workflow, delete."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..domain import checks, workflow
from ..domain.application import OUTGOING, Application, Phase, StatusEvent
from ..domain.dates import years_between
from ..domain.forms import FormTemplate
from ..domain.statuses import GRANTED
from ..domain.text import fold
from ..store import applications as store
from ..store.applications import ApplicationRow
from .errors import NotFoundError, ServiceError, ValidationError
from .templates import get_template

if TYPE_CHECKING:
    import sqlite_utils


def new_application(db: sqlite_utils.Database, template_id: str, today: date | None = None) -> Application:
    """A fresh utkast on a template with the next diarienummer of the year (not yet saved)."""
    today = today or date.today()
    template = get_template(template_id)
    app = Application(template_id=template.id, diarienummer=store.next_diarienummer(db, today.year))
    if template.timeplan:
        app.phases = [Phase(name) for name in template.timeplan.phases]
    if template.budget:
        app.budget.years = [today.year + i for i in range(template.budget.min_years)]
    return app


def create(db: sqlite_utils.Database, template_id: str, name: str = "", today: date | None = None) -> Application:
    app = new_application(db, template_id, today)
    app.name = name
    save(db, app)
    return app


def load(db: sqlite_utils.Database, app_id: int) -> Application:
    if not store.exists(db, app_id):
        raise ServiceError(f"Det finns ingen ansökan med id {app_id}.")
    return store.load(db, app_id)


def find(db: sqlite_utils.Database, key: str) -> Application:
    """By id or diarienummer (what a user types on the command line)."""
    app_id = store.find_by_diarienummer(db, key)
    if app_id is None and str(key).isdigit():
        app_id = int(key)
    if app_id is None or not store.exists(db, app_id):
        raise NotFoundError(f"Det finns ingen ansökan ”{key}” (ange id eller diarienummer).")
    return store.load(db, app_id)


def validate(db: sqlite_utils.Database, app: Application) -> None:
    fields: dict[str, str] = {}
    if not app.diarienummer.strip():
        fields["diarienummer"] = "Diarienumret behövs."
    elif store.diarienummer_taken(db, app.diarienummer.strip(), app.id):
        fields["diarienummer"] = f"Diarienumret {app.diarienummer.strip()} används redan av en annan ansökan."
    if any(v < 0 for v in app.budget.cells.values()):
        fields["budget"] = "Budgeten får inte ha negativa belopp."
    if len(set(app.budget.years)) != len(app.budget.years):
        fields["budget"] = "Ett budgetår finns två gånger."
    if app.period_start and app.period_end and app.period_end < app.period_start:
        fields["period"] = "Perioden slutar före den börjar."
    for key in ("planned_participants", "planned_women", "planned_men"):
        value = getattr(app, key)
        if value is not None and value < 0:
            fields[key] = "Antalet får inte vara negativt."
    if fields:
        raise ValidationError("Ansökan sparades inte: " + " ".join(fields.values()), fields)


def save(db: sqlite_utils.Database, app: Application) -> Application:
    """Save the whole application in one transaction (or nothing, with a ValidationError)."""
    app.diarienummer = app.diarienummer.strip()
    app.budget.years = sorted(app.budget.years)
    if app.id is not None and store.exists(db, app.id):
        if store.workflow_state(db, app.id) != (app.status, len(app.history)):
            raise ServiceError("Status och historik ändras bara genom ett steg i arbetsflödet (Nästa steg).")
        if workflow.is_locked(app.status) and store.load(db, app.id) != app:
            raise ServiceError(workflow.locked_reason(app.status))
    validate(db, app)
    get_template(app.template_id)
    with db.atomic():
        store.save(db, app)
    return app


def save_change(db: sqlite_utils.Database, app: Application, why: str, who: str,
                when: date | None = None) -> StatusEvent | None:
    """Save a change of a decided ansökan, entered in its history with who, when and why, in one
    transaction; None when nothing changed. Its status and history are the file's; the autosaves of one change
    make one entry."""
    if app.id is None or not store.exists(db, app.id):
        raise ServiceError("Ansökan finns inte i filen; spara den först.")
    stored = store.load(db, app.id)
    app.status, app.history = stored.status, stored.history
    app.diarienummer = app.diarienummer.strip()
    app.budget.years = sorted(app.budget.years)
    if stored == app:
        return None
    validate(db, app)
    try:
        event = workflow.record_change(app, why, who, when or date.today())
    except workflow.WorkflowError as exc:
        raise ServiceError(str(exc)) from exc
    with db.atomic():
        store.save(db, app)
    return event


def problems(app: Application, template: FormTemplate | None = None) -> list[checks.Problem]:
    if app.outgoing:
        from . import own_applications

        return own_applications.problems(app, template)
    return checks.completeness(app, template or get_template(app.template_id))


def change_status(db: sqlite_utils.Database, app_id: int, new_status: str, when: date, note: str = "",
                  who: str = "", granted: dict[int, int] | None = None) -> StatusEvent:
    """One workflow step, with history, in one transaction. Refuses steps that make no sense."""
    app = load(db, app_id)
    sought = None
    if new_status == "inkommen":
        blocking = checks.blocking(problems(app))
        if blocking:
            raise ServiceError("Ansökan är inte komplett:\n" + "\n".join(f"• {p.message}" for p in blocking))
    if app.outgoing:
        from . import own_applications

        if new_status == "inskickad":
            own_applications.check_before_sending(app)
        sought = own_applications.support_by_year(app)
    try:
        event = workflow.apply_step(app, new_status, when, note, who, granted, sought)
    except workflow.WorkflowError as exc:
        raise ServiceError(str(exc)) from exc
    with db.atomic():
        store.save(db, app)
    return event


def delete(db: sqlite_utils.Database, app_id: int) -> None:
    app = load(db, app_id)
    if app.status in GRANTED:
        raise ServiceError("En beviljad ansökan kan inte tas bort; den hör till förbundets diarium.")
    with db.atomic():
        store.delete(db, app_id)


def list_rows(db: sqlite_utils.Database) -> list[ApplicationRow]:
    """Every application; an own application's "sökt" is the support it asks the funder for."""
    rows = store.list_rows(db)
    if any(r.direction == OUTGOING for r in rows):
        from . import own_applications

        rows = [r._replace(sought_ore=own_applications.budget_of(store.load(db, r.id)).result.support)
                if r.direction == OUTGOING else r for r in rows]
    return rows


@dataclass(frozen=True)
class RowFilter:
    text: str = ""
    status: str = ""  # "" = all
    year: int | None = None
    direction: str = ""  # "" = both, else RECEIVED or OUTGOING


def filter_rows(rows: list[ApplicationRow], f: RowFilter) -> list[ApplicationRow]:
    """Free text (case-insensitive, å ä ö too) over diarienummer, name and applicant; status; year."""
    needle = fold(f.text).strip()
    out = []
    for r in rows:
        if f.status and r.status != f.status:
            continue
        if f.direction and r.direction != f.direction:
            continue
        if f.year is not None and f.year not in r.years:
            continue
        if needle and needle not in fold(f"{r.diarienummer}\n{r.name}\n{r.applicant}\n{r.funder}"):
            continue
        out.append(r)
    return out


def totals(rows: list[ApplicationRow]) -> tuple[int, int]:
    """What the rows add up to (öre): sökt, and beviljat of those that stand granted."""
    return sum(r.sought_ore for r in rows), sum(r.granted_total for r in rows)


def default_budget_years(app: Application) -> list[int]:
    return years_between(app.period_start, app.period_end)
