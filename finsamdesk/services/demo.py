"""Exempeldata: an invented förbund with parter, contact persons and ansökningar in every status.

Everything here is made up (names, numbers, texts) and the förbund is marked `is_example`,
so the window can say so. Nobody from the real seed documents appears. The kommuner, the
region and the förbund get invented organisationsnummer in ranges no real body uses
(…-99NN) with valid check digits; Försäkringskassan and Arbetsförmedlingen keep their real,
public numbers. Phone numbers are from the series PTS reserves for fiction (070-17 406 xx),
e-mail addresses end in the reserved top-level domain `.example`.

The ansökningar are made through the same services as by hand (save, then change_status
step by step), so every history obeys the workflow rules. Dates are relative to `today`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..domain.application import OWN, SOUGHT, Applicant, Application, ContactRow
from ..domain.dates import years_between
from ..domain.forms import ContactsTable
from ..domain.identifiers import luhn_check_digit
from ..domain.money import kr
from ..domain.registers import Contact, Forbund, Organisation
from ..domain.statuses import DECIDED, GRANTED
from ..store import applications as app_store
from ..store import registers as registers_store
from . import applications, registers
from .errors import ServiceError
from .templates import get_template

if TYPE_CHECKING:
    import sqlite_utils

EXAMPLE_FORBUND_NAME = "Samordningsförbundet Exempelbygd (exempeldata)"


def invented_orgnr(prefix6: str, serial3: str) -> str:
    """`prefix6`-`serial3` + check digit, e.g. invented_orgnr("212000", "991") → 212000-991N."""
    digits = prefix6 + serial3
    return f"{prefix6}-{serial3}{luhn_check_digit(digits)}"


# Name, orgnr, kind (all are members). FK and AF are the real public numbers.
ORGANISATIONS = [
    ("Försäkringskassan", "202100-5521", "forsakringskassan"),
    ("Arbetsförmedlingen", "202100-2114", "arbetsformedlingen"),
    ("Region Exempel", invented_orgnr("232100", "991"), "region"),
    ("Exempelby kommun", invented_orgnr("212000", "991"), "kommun"),
    ("Lillåkers kommun", invented_orgnr("212000", "992"), "kommun"),
    ("Norrmossa kommun", invented_orgnr("212000", "993"), "kommun"),
]

PLACES = {"Exempelby kommun": "Exempelby", "Lillåkers kommun": "Lillåker", "Norrmossa kommun": "Norrmossa",
          "Region Exempel": "Exempelstad"}

# Name, organisation, title. Invented people.
CONTACTS = [
    ("Karin Exempelsson", "Exempelby kommun", "Processledare"),
    ("Anders Testberg", "Arbetsförmedlingen", "Arbetsmarknadskonsult"),
    ("Maria Provström", "Försäkringskassan", "Samverkanssamordnare"),
    ("Johan Demosson", "Lillåkers kommun", "Enhetschef"),
    ("Lena Fiktivsdotter", "Region Exempel", "Verksamhetsutvecklare"),
    ("Ola Påhittsson", "Norrmossa kommun", "Områdeschef"),
    ("Eva Exempelgren", "Exempelby kommun", "Socialsekreterare"),
    ("Nils Modellund", "Lillåkers kommun", "Projektledare"),
]


def _email(name: str, org: str) -> str:
    local = name.lower().replace(" ", ".")
    for a, b in (("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e")):
        local = local.replace(a, b)
    domain = org.lower().split()[0].replace("å", "a").replace("ä", "a").replace("ö", "o")
    return f"{local}@{domain}.example"


@dataclass
class _Plan:
    template_id: str
    name: str
    applicants: list[tuple[str, str]]  # organisation name, role
    applicant_text: str
    theme: str  # a few words used in the texts
    target: str  # the target group in a phrase
    period: tuple[int, int, int, int]  # start year offset, start month, end year offset, end month (last day)
    yearly_kr: dict[str, int]  # category index → kr per year (sought)
    own_kr: int
    registered_days_ago: int
    steps: list[tuple[str, int, str]] = field(default_factory=list)  # status, days after registration, note
    granted_share: dict[int, float] = field(default_factory=dict)  # budget year offset → share of sought
    contacts: tuple[int, ...] = (0, 1)
    complete: bool = True


def _plans() -> list[_Plan]:
    ink, ber, sty = ("inkommen", 0, "Registrerad."), ("beredning", 14, ""), ("styrelse", 35, "")
    return [
        _Plan("nnv-skane-2020", "Trappan Exempelby – stegvis mot arbete och studier",
              [("Exempelby kommun", "huvudman"), ("Arbetsförmedlingen", "medsokande")],
              "Exempelby kommun tillsammans med Arbetsförmedlingen.",
              "stegvis väg mot arbete", "unga vuxna 18–29 år som står långt från arbetsmarknaden",
              (0, 1, 1, 12), {"0": 620_000, "1": 85_000, "4": 40_000}, 150_000, 420,
              [ink, ("beredning", 20, "Beredningsgruppen föreslår bifall."),
               ("styrelse", 41, ""), ("beviljad", 48, "Beviljas för första året.")],
              {0: 1.0}, contacts=(0, 1, 2)),
        _Plan("burlov-staffanstorp-v5", "Hälsolots Lillåker",
              [("Lillåkers kommun", "huvudman"), ("Region Exempel", "medsokande")],
              "Lillåkers kommun, Arbetsmarknadsenheten",
              "hälsolots med samordnat stöd", "personer med långvarig sjukskrivning och oklar arbetsförmåga",
              (0, 3, 1, 2), {"0": 540_000, "1": 30_000, "2": 45_000}, 0, 380,
              [ink, ber, sty, ("delvis_beviljad", 45, "Beviljas med reducerad personalbudget.")],
              {0: 0.8}, contacts=(3, 4, 2)),
        _Plan("neutral", "Digital vägledning för unga i Norrmossa",
              [("Norrmossa kommun", "huvudman")], "",
              "digital vägledning", "unga 16–24 år som varken arbetar eller studerar",
              (0, 1, 0, 12), {"0": 310_000, "3": 60_000, "4": 25_000}, 40_000, 300,
              [ink, ber, sty, ("avslag", 42, "Bedöms ligga inom ordinarie uppdrag.")], contacts=(5,)),
        _Plan("nnv-skane-2020", "Motivationsgrupp Lillåker",
              [("Lillåkers kommun", "huvudman")], "Lillåkers kommun.",
              "gruppverksamhet för motivation", "personer med försörjningsstöd sedan mer än två år",
              (1, 1, 1, 12), {"0": 380_000, "5": 20_000}, 0, 120,
              [ink, ("atertagen", 30, "Sökande drar tillbaka ansökan inför omarbetning.")], contacts=(7,)),
        _Plan("neutral", "Arbetsträning i Region Exempels kök",
              [("Region Exempel", "huvudman"), ("Försäkringskassan", "medsokande")], "",
              "arbetsträning i storkök", "personer som är eller har varit sjukskrivna",
              (1, 1, 1, 12), {"0": 450_000, "1": 120_000}, 60_000, 110,
              [ink, ber, sty, ("aterremitterad", 42, "Budgeten behöver specificeras närmare.")],
              contacts=(4, 2)),
        _Plan("burlov-staffanstorp-v5", "Samverkansteam Exempelby",
              [("Exempelby kommun", "huvudman"), ("Försäkringskassan", "medsokande"),
               ("Arbetsförmedlingen", "medsokande")],
              "Exempelby kommun, Socialförvaltningen",
              "samverkansteam med gemensam kartläggning", "personer med behov av samordnade insatser",
              (1, 1, 2, 12), {"0": 820_000, "1": 40_000, "2": 60_000, "5": 90_000}, 0, 60,
              [ink, ber, sty], contacts=(6, 2, 1)),
        _Plan("nnv-skane-2020", "Hälsa och arbete i Norrmossa",
              [("Norrmossa kommun", "huvudman"), ("Region Exempel", "medsokande")],
              "Norrmossa kommun och Region Exempel.",
              "hälsofrämjande arbetsförberedelse", "personer med psykisk ohälsa som vill närma sig arbete",
              (1, 1, 2, 12), {"0": 560_000, "2": 50_000, "4": 30_000}, 80_000, 40,
              [ink, ("beredning", 10, "")], contacts=(5, 4)),
        _Plan("neutral", "Språkstöd på arbetsplatsen",
              [("Arbetsförmedlingen", "huvudman"), ("Exempelby kommun", "medsokande")], "",
              "språkstöd kopplat till praktik", "nyanlända med kort utbildning",
              (1, 3, 1, 12), {"0": 290_000, "2": 35_000}, 0, 12, [ink], contacts=(1, 0)),
        _Plan("burlov-staffanstorp-v5", "Föräldrastöd och arbete (utkast)",
              [("Lillåkers kommun", "huvudman")], "Lillåkers kommun",
              "stöd till föräldrar på väg mot arbete", "föräldrar med försörjningsstöd",
              (1, 8, 2, 6), {"0": 210_000}, 0, 3, [], contacts=(7,), complete=False),
        _Plan("neutral", "Gemensam kartläggning Norrmossa",
              [("Norrmossa kommun", "huvudman"), ("Försäkringskassan", "medsokande")], "",
              "gemensam kartläggning", "personer i behov av samordnad rehabilitering",
              (0, 5, 1, 4), {"0": 360_000, "2": 20_000, "3": 40_000}, 25_000, 330,
              [ink, ber, sty, ("aterremitterad", 40, "Komplettera med implementeringsplan."),
               ("beredning", 60, "Komplettering inkommen."), ("styrelse", 80, ""),
               ("beviljad", 86, "Beviljas för båda åren.")],
              {0: 1.0, 1: 1.0}, contacts=(5, 2)),
    ]


def _texts(plan: _Plan, section_id: str, heading: str) -> str:
    """A few short invented paragraphs for a section, shaped by the plan's theme."""
    common = {
        "bakgrund": (f"I kommunen och hos parterna ser vi en växande grupp {plan.target}. "
                     f"Stödet finns i dag hos flera aktörer men är inte samordnat.\n\n"
                     f"Insatsen prövar {plan.theme} i samverkan mellan parterna."),
        "syfte": f"Syftet är att pröva {plan.theme} och att göra stödet sammanhållet för deltagarna.",
        "verksamhetside": (f"Idén är {plan.theme}, där parterna arbetar i ett gemensamt team med "
                           "en plan per deltagare."),
        "mal": ("Mål på individnivå:\n- minst 30 procent går till arbete eller studier\n"
                "- minst 60 procent gör en stegförflyttning\n\n"
                "Mål på organisationsnivå: ett gemensamt arbetssätt som kan tas över av ordinarie verksamhet."),
        "malgrupp": f"Målgruppen är {plan.target}. Vi räknar med cirka 40 deltagare per år.",
        "malgrupper": f"Målgruppen är {plan.target}.",
        "deltagare": "Cirka 40 deltagare per år, i grupper om cirka 10 personer.",
        "aktiviteter": ("Insatsen består av tre delar:\n1. Kartläggning och individuell plan.\n"
                        "2. Gruppaktiviteter två dagar i veckan.\n3. Stöd vid praktik och övergång.\n\n"
                        "Aktiviteterna skiljer sig från i dag genom att parterna planerar tillsammans."),
        "samverkan": "Parterna deltar i en lokal styrgrupp och i gemensamma ärendedragningar varje månad.",
    }
    if section_id in common:
        return common[section_id]
    short = heading.split(";")[0].split(":")[0].strip().capitalize() or section_id
    return (f"{short}: beskrivs här med påhittad exempeltext för insatsen ”{plan.name}”. "
            "Ansvaret ligger hos huvudmannen och följs upp i styrgruppen.")


def _period(today: date, plan: _Plan) -> tuple[date, date]:
    sy, sm, ey, em = plan.period
    start = date(today.year + sy, sm, 1)
    end_first = date(today.year + ey + (em // 12), em % 12 + 1, 1)
    return start, end_first - timedelta(days=1)


def _phases(app: Application, start: date, end: date) -> None:
    if not app.phases:
        return
    days = (end - start).days + 1
    n = len(app.phases)
    cursor = start
    for i, phase in enumerate(app.phases):
        phase.start = cursor
        phase.end = end if i == n - 1 else start + timedelta(days=days * (i + 1) // n - 1)
        cursor = phase.end + timedelta(days=1)


def _build(db: sqlite_utils.Database, plan: _Plan, today: date, orgs: dict[str, Organisation],
           people: list[Contact]) -> Application:
    registered = today - timedelta(days=plan.registered_days_ago)
    template = get_template(plan.template_id)
    app = applications.new_application(db, plan.template_id, registered)
    app.name = plan.name
    app.applicant_text = plan.applicant_text
    app.applicants = [Applicant(name, role, orgs[name].id) for name, role in plan.applicants]
    start, end = _period(today, plan)
    app.period_start, app.period_end = start, end
    _phases(app, start, end)
    app.budget.years = years_between(start, end)
    categories = template.budget.categories if template.budget else ()
    for i, year in enumerate(app.budget.years):
        factor = 1.0 if i == 0 else 1.03 ** i  # a little more each year
        for index, amount in plan.yearly_kr.items():
            app.budget.set(categories[int(index)], SOUGHT, year, kr(round(amount * factor / 1000) * 1000))
    if plan.own_kr and template.budget and template.budget.own_column:
        app.budget.set(categories[0], OWN, None, kr(plan.own_kr))
    text_sections = [s for s in template.sections if s.answer == "text" and not s.binds]
    for n, s in enumerate(text_sections):
        if plan.complete or n < 3:
            app.sections[s.id] = _texts(plan, s.id, s.heading)
    roles = [t.role for _s, t in template.tables(ContactsTable)]
    for n, index in enumerate(plan.contacts):
        person = people[index]
        role = roles[0] if n == 0 or len(roles) == 1 else roles[1]
        app.contacts.append(ContactRow(role, person.name, person.organisation_text, person.phone, person.email,
                                       person.id))
    if plan.complete:
        for role in roles:  # every contacts table gets at least one person
            if not app.contacts_for(role):
                p = people[plan.contacts[-1]]
                app.contacts.append(ContactRow(role, p.name, p.organisation_text, p.phone, p.email, p.id))
    app.place = PLACES.get(plan.applicants[0][0], "Exempelby")
    app.signed_on = registered - timedelta(days=2)
    app.planned_participants, app.planned_women, app.planned_men = 40, 22, 18
    applications.save(db, app)
    for status, offset, note in plan.steps:
        granted = None
        if status in GRANTED:
            sought = app.budget.sought_by_year()
            granted = {}
            for year_offset, share in plan.granted_share.items():
                year = app.budget.years[year_offset]
                granted[year] = sought[year] if share >= 1 else round(sought[year] * share / 100_000) * 100_000
        who = "Styrelsen" if status in (*DECIDED, "aterremitterad") \
            else "Beredningsgruppen" if status in ("beredning", "styrelse") else "Förbundschefen"
        applications.change_status(db, app.id, status, registered + timedelta(days=offset), note, who, granted)
    return applications.load(db, app.id)


def create_example_data(db: sqlite_utils.Database, today: date | None = None) -> list[Application]:
    """Fill an empty file with the example förbund; everything in one transaction."""
    today = today or date.today()
    if app_store.list_rows(db) or registers_store.list_organisations(db) or registers_store.list_contacts(db):
        raise ServiceError("Exempeldata kan bara skapas i en tom fil; den här filen har redan innehåll.")
    created: list[Application] = []
    with db.atomic():
        registers.save_forbund(db, Forbund(
            EXAMPLE_FORBUND_NAME, invented_orgnr("222000", "991"), "Box 1, 999 99 Exempelby",
            "Sara Påhittad (exempel)", "neutral", is_example=True))
        orgs: dict[str, Organisation] = {}
        for name, orgnr, kind in ORGANISATIONS:
            org = Organisation(name, orgnr, kind, member=True)
            registers.save_organisation(db, org)
            orgs[name] = org
        people = []
        for i, (name, org_name, title) in enumerate(CONTACTS):
            person = Contact(name, orgs[org_name].id, org_name, title, f"070-17406{5 + i:02d}",
                             _email(name, org_name))
            registers.save_contact(db, person)
            people.append(person)
        for plan in _plans():
            created.append(_build(db, plan, today, orgs, people))
    return created


def create_example(db: sqlite_utils.Database, today: date | None = None) -> list[Application]:
    """The whole example: applications, then the economy (insatser, invoices, reports, budgets), then
    deltagare (a register under demo_participants.EXAMPLE_PASSPHRASE, and counts for one insats), then the last
    beredningsgrupp and styrelse meetings."""
    from .demo_economy import create_example_economy
    from .demo_meetings import create_example_meetings
    from .demo_participants import create_example_participants

    created = create_example_data(db, today)
    create_example_economy(db, today)
    create_example_participants(db, today)
    create_example_meetings(db, today)
    return created


def is_example_file(db: sqlite_utils.Database) -> bool:
    """True for a file made by create_example_data (the window shows a banner)."""
    return registers_store.load_forbund(db).is_example
