"""Exempeldata: the example förbund made from resources/demo/*.json, through the same services as by hand.

Everything in the data files is made up (names, numbers, texts) and the förbund is marked `is_example`, so
the window can say so. Nobody from the real seed documents appears. The kommuner, the region and the förbund
get invented organisationsnummer in ranges no real body uses (…-99NN) with a computed check digit;
Försäkringskassan and Arbetsförmedlingen keep their real, public numbers. Phone numbers are from the series
PTS reserves for fiction (070-17 406 xx), e-mail addresses end in the reserved top-level domain `.example`.

The ansökningar are saved, then moved by change_status step by step, so every history obeys the workflow
rules. Dates are offsets from `today` (days, or calendar years from today's year).
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ..domain.application import OWN, SOUGHT, Applicant, Application, ContactRow
from ..domain.dates import years_between
from ..domain.forms import ContactsTable
from ..domain.identifiers import luhn_check_digit
from ..domain.money import kr
from ..domain.registers import Contact, Forbund, Organisation
from ..domain.statuses import GRANTED
from ..store import applications as app_store
from ..store import registers as registers_store
from . import applications, registers
from .demo_data import example_data
from .demo_economy import create_example_economy
from .demo_meetings import create_example_meetings
from .demo_participants import create_example_participants
from .errors import ServiceError
from .templates import get_template

if TYPE_CHECKING:
    import sqlite_utils

Plan = dict[str, Any]  # one entry of applications.json's "applications"


def invented_orgnr(prefix6: str, serial3: str) -> str:
    """`prefix6`-`serial3` + check digit, e.g. invented_orgnr("212000", "991") → 212000-991N."""
    return f"{prefix6}-{serial3}{luhn_check_digit(prefix6 + serial3)}"


def _orgnr(value: str | dict[str, list[str]]) -> str:
    """A number as written, or {"invented": [prefix6, serial3]}."""
    return invented_orgnr(*value["invented"]) if isinstance(value, dict) else value


def _text(plan: Plan, section_id: str, heading: str) -> str:
    """The section's invented text from applications.json, shaped by the plan's theme and target group."""
    texts = example_data("applications")["texts"]
    if section_id in texts:
        return str(texts[section_id]).format(target=plan["target"], theme=plan["theme"])
    section = heading.split(";")[0].split(":")[0].strip().capitalize() or section_id
    return str(texts["*"]).format(section=section, name=plan["name"])


def _period(today: date, period: dict[str, int]) -> tuple[date, date]:
    """From the first of the start month to the last day of the end month (years as offsets from today's)."""
    start = date(today.year + period["start_year"], period["start_month"], 1)
    end_year, end_month = today.year + period["end_year"], period["end_month"]
    end_first = date(end_year + end_month // 12, end_month % 12 + 1, 1)
    return start, end_first - timedelta(days=1)


def _phases(app: Application, start: date, end: date) -> None:
    """The template's phases share the period evenly."""
    days = (end - start).days + 1
    n = len(app.phases)
    cursor = start
    for i, phase in enumerate(app.phases):
        phase.start = cursor
        phase.end = end if i == n - 1 else start + timedelta(days=days * (i + 1) // n - 1)
        cursor = phase.end + timedelta(days=1)


def _budget(app: Application, plan: Plan) -> None:
    """The first year's sought kr per category, a little more each following year (rounded to 1 000 kr)."""
    increase = example_data("applications")["yearly_increase"]
    for i, year in enumerate(app.budget.years):
        factor = 1.0 if i == 0 else increase ** i
        for category, amount in plan["sought_kr_first_year"].items():
            app.budget.set(category, SOUGHT, year, kr(round(amount * factor / 1000) * 1000))
    template = get_template(app.template_id)
    if plan.get("own_kr") and template.budget and template.budget.own_column:
        app.budget.set(template.budget.categories[0], OWN, None, kr(plan["own_kr"]))


def _contacts(app: Application, plan: Plan, people: dict[str, Contact]) -> None:
    """The plan's people in the template's contacts tables: the first in the first table, the rest in the
    second; a complete ansökan has someone in every table."""
    roles = [t.role for _s, t in get_template(app.template_id).tables(ContactsTable)]

    def row(role: str, person: Contact) -> ContactRow:
        return ContactRow(role, person.name, person.organisation_text, person.phone, person.email, person.id)

    for n, name in enumerate(plan["contacts"]):
        app.contacts.append(row(roles[0] if n == 0 or len(roles) == 1 else roles[1], people[name]))
    if plan.get("complete", True):
        for role in roles:
            if not app.contacts_for(role):
                app.contacts.append(row(role, people[plan["contacts"][-1]]))


def _granted(app: Application, plan: Plan) -> dict[int, int]:
    """Per budget year (index as text) its share of the sought; a part is rounded to 1 000 kr."""
    sought = app.budget.sought_by_year()
    out = {}
    for index, share in plan.get("granted_share", {}).items():
        year = app.budget.years[int(index)]
        out[year] = sought[year] if share >= 1 else round(sought[year] * share / 100_000) * 100_000
    return out


def _build(db: sqlite_utils.Database, plan: Plan, today: date, orgs: dict[str, Organisation],
           people: dict[str, Contact], places: dict[str, str]) -> Application:
    settings = example_data("applications")
    registered = today - timedelta(days=plan["registered_days_ago"])
    template = get_template(plan["template"])
    app = applications.new_application(db, plan["template"], registered)
    app.name = plan["name"]
    app.applicant_text = plan["applicant_text"]
    app.applicants = [Applicant(a["organisation"], a["role"], orgs[a["organisation"]].id) for a in plan["applicants"]]
    app.period_start, app.period_end = _period(today, plan["period"])
    _phases(app, app.period_start, app.period_end)
    app.budget.years = years_between(app.period_start, app.period_end)
    _budget(app, plan)
    text_sections = [s for s in template.sections if s.answer == "text" and not s.binds]
    for n, s in enumerate(text_sections):
        if plan.get("complete", True) or n < 3:
            app.sections[s.id] = _text(plan, s.id, s.heading)
    _contacts(app, plan, people)
    app.place = places[plan["applicants"][0]["organisation"]]
    app.signed_on = registered - timedelta(days=settings["signed_days_before_registration"])
    planned = settings["planned_participants"]
    app.planned_participants, app.planned_women, app.planned_men = planned["total"], planned["women"], planned["men"]
    applications.save(db, app)
    assert app.id is not None  # saved
    for step in plan["steps"]:
        granted = _granted(app, plan) if step["status"] in GRANTED else None
        applications.change_status(db, app.id, step["status"], registered + timedelta(days=step["day"]),
                                   step.get("note", ""), step["who"], granted)
    return applications.load(db, app.id)


def create_example_data(db: sqlite_utils.Database, today: date | None = None) -> list[Application]:
    """Fill an empty file with the example förbund, its register and ansökningar; in one transaction."""
    today = today or date.today()
    if app_store.list_rows(db) or registers_store.list_organisations(db) or registers_store.list_contacts(db):
        raise ServiceError("Exempeldata kan bara skapas i en tom fil; den här filen har redan innehåll.")
    data = example_data("registers")
    created: list[Application] = []
    with db.atomic():
        f = data["forbund"]
        registers.save_forbund(db, Forbund(f["name"], _orgnr(f["orgnr"]), f["address"], f["forbundschef"],
                                           f["default_template"], is_example=True))
        orgs: dict[str, Organisation] = {}
        for o in data["organisations"]:
            orgs[o["name"]] = Organisation(o["name"], _orgnr(o["orgnr"]), o["kind"], member=True)
            registers.save_organisation(db, orgs[o["name"]])
        people: dict[str, Contact] = {}
        for c in data["contacts"]:
            people[c["name"]] = Contact(c["name"], orgs[c["organisation"]].id, c["organisation"], c["title"],
                                        c["phone"], c["email"])
            registers.save_contact(db, people[c["name"]])
        places = {o["name"]: o.get("place", data["default_place"]) for o in data["organisations"]}
        for plan in example_data("applications")["applications"]:
            created.append(_build(db, plan, today, orgs, people, places))
    return created


def create_example(db: sqlite_utils.Database, today: date | None = None) -> list[Application]:
    """The whole example: applications, then the economy (insatser, invoices, reports, budgets), then
    deltagare (a register under the passphrase of participants.json, and counts for one insats), then the
    last beredningsgrupp and styrelse meetings."""
    from .demo_esf import create_example_own_applications

    created = create_example_data(db, today)
    create_example_economy(db, today)
    created += create_example_own_applications(db, today)
    create_example_participants(db, today)
    create_example_meetings(db, today)
    return created


def is_example_file(db: sqlite_utils.Database) -> bool:
    """True for a file made by create_example_data (the window shows a banner)."""
    return registers_store.load_forbund(db).is_example
