"""The example förbund's own ESF applications (resources/demo/own_applications.json): one on each ESF form,
invented from start to end, made through the same services as a user. The ESF 2014–2020 one is granted and
becomes an insats; the ESF+ one waits for the funder's decision."""
from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ..domain.application import ContactRow, Phase
from ..domain.dates import add_months
from ..domain.esf import parts_of
from ..domain.esf_parts import Actor, Risk, SpecLine, Subproject
from ..domain.identifiers import luhn_check_digit
from ..domain.money import kr
from ..domain.statuses import GRANTED
from . import applications, insatser, own_applications, registers
from .demo_data import example_data
from .templates import get_template

if TYPE_CHECKING:
    import sqlite_utils

    from ..domain.application import Application
    from ..domain.registers import Contact, Organisation


def _invented(value: Any) -> str:
    """`{"invented_bankgiro": "5550123"}` → `5550-1232`, `{"invented_cfar": "1234567"}` → `12345674` (check digit)."""
    if isinstance(value, dict) and "invented_bankgiro" in value:
        digits = value["invented_bankgiro"] + luhn_check_digit(value["invented_bankgiro"])
        return f"{digits[:4]}-{digits[4:]}"
    if isinstance(value, dict) and "invented_cfar" in value:
        return str(value["invented_cfar"]) + luhn_check_digit(str(value["invented_cfar"]))
    return str(value or "")


def _period(today: date, p: dict[str, int]) -> tuple[date, date]:
    start = date(today.year + p["start_year"], p["start_month"], 1)
    return start, add_months(start, p["months"]) - timedelta(days=1)


def _phases(start: date, phases: list[list[Any]]) -> list[Phase]:
    out = []
    for name, months in phases:
        end = add_months(start, months) - timedelta(days=1)
        out.append(Phase(name, start, end, "month"))
        start = end + timedelta(days=1)
    return out


def _text(texts: dict[str, str], section_id: str, heading: str, plan: dict[str, Any]) -> str:
    template = texts.get(section_id, texts["*"])
    return template.format(section=heading.rstrip("?.:"), name=plan["name"], theme=plan["theme"],
                           target=plan["target"])


def _actor(a: dict[str, Any], orgs: dict[str, Organisation], people: dict[str, Contact], forbund: str,
           forbund_orgnr: str) -> Actor:
    name = forbund if a["organisation"] == "förbundet" else a["organisation"]
    org = orgs.get(a["organisation"])
    person = people[a["contact"]]
    return Actor(a["role"], name, org.orgnr if org else forbund_orgnr, "", person.name, "", person.phone,
                 person.email, person.name, a.get("actor_type", ""), a.get("individuals"),
                 kr(a["amount_kr"]) if "amount_kr" in a else None, a.get("contribution", ""))


def _build(db: sqlite_utils.Database, plan: dict[str, Any], today: date, orgs: dict[str, Organisation],
           people: dict[str, Contact]) -> Application:
    forbund = registers.forbund(db)
    first_step = today - timedelta(days=plan["steps"][0]["days_ago"])
    app = own_applications.new_own_application(db, plan["template"], plan["name"], first_step - timedelta(days=14))
    template = get_template(plan["template"])
    parts = parts_of(app)
    app.funder_dnr, app.signed_on = plan["funder_dnr"], first_step
    app.period_start, app.period_end = _period(today, plan["period"])
    app.phases = _phases(app.period_start, plan["phases"])
    app.planned_participants, app.planned_women, app.planned_men = plan["participants"]
    texts = example_data("own_applications")["texts"]
    for s in template.sections:
        if s.answer == "text":
            app.sections[s.id] = _text(texts, s.id, s.heading, plan)
    for section_id, choice in plan["choices"].items():
        app.sections[section_id] = "\n".join(choice) if isinstance(choice, list) else choice
    for role, name in plan["contacts"].items():
        person = people[name]
        app.contacts.append(ContactRow(role, person.name, person.organisation_text, person.phone, person.email))
    a, signer = plan["applicant"], people[plan["contacts"]["projekt"]]
    parts.applicant.name, parts.applicant.orgnr, parts.applicant.postal_address = forbund.name, forbund.orgnr, \
        forbund.address
    parts.applicant.org_form, parts.applicant.employees = a.get("org_form", ""), a.get("employees", "")
    parts.applicant.account, parts.applicant.website = _invented(a.get("account")), a.get("website", "")
    parts.applicant.phone, parts.applicant.email, parts.applicant.signatory = signer.phone, signer.email, signer.name
    if "payment" in a:
        payer = people[a["payment"]]
        parts.applicant.payment_signatory, parts.applicant.payment_email = payer.name, payer.email
        parts.applicant.payment_phone = payer.phone
    parts.workplace.cfar, parts.workplace.name = _invented(a.get("cfar")), forbund.name
    parts.workplace.postal_address = forbund.address
    call = plan["call"]
    parts.call.name, parts.call.dnr, parts.call.region = call["name"], call["dnr"], call["region"]
    parts.call.programme_area = call.get("programme_area", "")
    parts.call.specific_objective = call["specific_objective"]
    parts.call.required_cofinancing_bp = call["required_cofinancing_bp"]
    parts.actors = [_actor(x, orgs, people, forbund.name, forbund.orgnr) for x in plan["actors"]]
    parts.risks = [Risk(r, w) for r, w in plan.get("risks", [])]
    parts.subprojects = [Subproject(s["name"], forbund.name if s["forbund"] == "förbundet" else s["forbund"],
                                    s["kommuner"], s["participants"], s["ages"], "", s["methods"], "")
                         for s in plan.get("subprojects", [])]
    for key, amount in plan.get("costs_kr", {}).items():
        group, line = key.split("/")
        parts.cost_cells[(group, line)] = kr(amount)
    for x in plan.get("specification", []):
        bearer = x.get("bearer", forbund.name)
        parts.spec_lines.append(SpecLine(x["section"], bearer, x.get("function", ""), x.get("description", ""),
                                         x.get("level"), x.get("grade"), x.get("months"),
                                         kr(x["amount_kr"]) if "amount_kr" in x else None,
                                         cofin_role=x.get("cofin_role", "projektagare")))
    applications.save(db, app)
    assert app.id is not None
    for step in plan["steps"]:
        when = today - timedelta(days=step["days_ago"])
        granted = own_applications.support_by_year(applications.load(db, app.id)) \
            if step["status"] in GRANTED else None
        applications.change_status(db, app.id, step["status"], when, step.get("note", ""), step.get("who", ""),
                                   granted)
        if step["status"] in GRANTED:
            insatser.from_application(db, app.id)
    return applications.load(db, app.id)


def create_example_own_applications(db: sqlite_utils.Database, today: date | None = None) -> list[Application]:
    """The example's own applications, in one transaction (after its registers: they use its people)."""
    today = today or date.today()
    orgs = {o.name: o for o in registers.organisations(db)}
    people = {c.name: c for c in registers.contacts(db)}
    with db.atomic():
        return [_build(db, plan, today, orgs, people) for plan in example_data("own_applications")["applications"]]
