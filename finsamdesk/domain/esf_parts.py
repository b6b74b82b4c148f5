"""The structured parts of an application on an ESF form (ESF 2014–2020 and ESF+ 2021–2027).

Everything here is data as the applicant enters it; figures are computed by esf_budget (2014–2020)
and esf_spec (ESF+), and checked by esf_checks. Money is integer öre, rates are öre per hour,
shares are basis points (5300 = 53,00 %).
"""
from __future__ import annotations

from dataclasses import dataclass, field

# Actor roles: which list of the form an organisation stands in.
ACTOR_ROLES = {
    "medfinansiar": "Medfinansiär",
    "samverkansaktor": "Samverkansaktör / stödmottagare",
    "kompetensutveckling": "Deltagande organisation i kompetensutveckling",
}
# What a co-financier contributes (ESF 2014–2020 tree kinds; ESF+ uses kontant/annat_an_pengar).
CONTRIBUTIONS = {
    "": "Inte angivet",
    "kontant": "Kontanta medel",
    "annat_an_pengar": "Bidrag i annat än pengar",
    "deltagarersattning": "Ersättning till deltagare",
}
FUNDING_KINDS = {"statsstod": "Statsstöd", "annan": "Annan finansiering"}
SECTORS = {"offentlig": "Offentlig", "privat": "Privat"}

# ESF+ budget specification: cost sections (a line's `section`) and the co-financing section.
PERSONAL = "personal"
COST_SECTIONS = {
    PERSONAL: "Personal",
    "externa": "Externa tjänster",
    "utrustning": "Utrustning och materiel och deltagarlokalerna",
    "regionalfond": "Kostnader regionalfond",
    "deltagare_arbetslosa": "Arbetslösa deltagare",
    "deltagare_anstallda": "Anställda deltagare",
}
COFINANCING = "medfinansiering"
COFIN_KINDS = {"annat_an_pengar": "Bidrag i annat än pengar", "ovrig": "Övrig medfinansiering"}
COFIN_ROLES = {"projektagare": "Projektägare - andel av kostnader",
               "samverkanspart": "Samverkanspart - andel av kostnader"}
FLAT_RATE_BASES = {"personal": "personalkostnaderna", "direkta": "de direkta kostnaderna"}

HOURS_PER_YEAR = 1720  # ESF+ standard annual working hours


@dataclass
class Applicant:
    """Stödsökande: the organisation that applies (the förbund), as printed on the form."""

    name: str = ""
    orgnr: str = ""
    org_form: str = ""  # Organisationsform, e.g. "Primärkommunala verksamheter"
    employees: str = ""  # Antal anställda as the form's classes: "1", "2-50"
    phone: str = ""
    email: str = ""
    website: str = ""
    postal_address: str = ""
    visiting_address: str = ""
    account: str = ""  # bankgiro (2014–2020) / kontonummer (ESF+)
    signatory: str = ""  # behörig företrädare for the organisation / to sign the application
    payment_signatory: str = ""  # ESF+: behörig att signera ansökan om utbetalning
    payment_email: str = ""
    payment_phone: str = ""


@dataclass
class Workplace:
    """Arbetsställe/enhet som ansvarar för projektet (ESF+: Ansvarig enhet)."""

    cfar: str = ""
    name: str = ""
    postal_address: str = ""
    visiting_address: str = ""


@dataclass
class FlatRate:
    """A flat rate the call allows: `percent_bp` of the base (personal or direct costs), e.g. indirect costs."""

    label: str
    percent_bp: int  # basis points: 1500 = 15 %
    base: str = "personal"  # personal | direkta


@dataclass
class Call:
    """Utlysningen: what the application answers, and the call's rules (reference data per call)."""

    name: str = ""
    dnr: str = ""
    programme_area: str = ""
    specific_objective: str = ""
    region: str = ""
    required_cofinancing_bp: int | None = None  # Krav på medfinansiering, basis points
    rates: dict[int, int] = field(default_factory=dict)  # enhetskostnad level → öre per hour (ESF+)
    hours_per_year: int = HOURS_PER_YEAR
    flat_rates: list[FlatRate] = field(default_factory=list)


@dataclass
class Actor:
    """An organisation in one of the form's lists (medfinansiärer, samverkansaktörer, kompetensutveckling)."""

    role: str
    name: str = ""
    orgnr: str = ""
    postal_address: str = ""
    contact: str = ""  # Kontaktperson för projektet
    cfar: str = ""
    phone: str = ""
    email: str = ""
    signatory: str = ""  # Behörig företrädare (ESF+)
    actor_type: str = ""  # Typ av aktör, as printed (ESF+)
    individuals: int | None = None  # Antal individer i kompetensutveckling
    amount: int | None = None  # a co-financier's contribution (öre); the form's list does not print it
    contribution: str = ""  # CONTRIBUTIONS key


@dataclass
class Subproject:
    name: str = ""
    forbund: str = ""
    kommuner: str = ""
    participants: int | None = None
    ages: str = ""  # "16-29"
    target_group: str = ""
    methods: str = ""
    staffing: str = ""


@dataclass
class Risk:
    risk: str = ""
    action: str = ""


@dataclass
class Funding:
    """A row of the Statsstöd or Annan finansiering table: Typ av stöd | Finansiär | Summa."""

    kind: str  # statsstod | annan
    support_type: str = ""
    funder: str = ""
    amount: int | None = None


@dataclass
class SpecLine:
    """A line of the ESF+ Budgetspecifikation.

    Cost lines: `section` in COST_SECTIONS; a personal line has level, grade (per cent) and months and its
    amount is computed from the call's rate; other cost lines carry `amount`.
    Co-financing lines: `section` = COFINANCING with sector, cofin_kind and cofin_role, and `amount`.
    """

    section: str
    bearer: str = ""  # Kostnadsbärare
    function: str = ""  # Funktion/Titel
    description: str = ""
    level: int | None = None  # Enhetskostnad
    grade: int | None = None  # Tjänstgöringsgrad, per cent
    months: int | None = None
    amount: int | None = None
    sector: str = "offentlig"
    cofin_kind: str = "ovrig"
    cofin_role: str = "projektagare"


@dataclass
class EsfParts:
    applicant: Applicant = field(default_factory=Applicant)
    workplace: Workplace = field(default_factory=Workplace)
    postal_address: str = ""  # the project's own Utdelningsadress (ESF 2014–2020, Uppgifter om projektet)
    visiting_address: str = ""
    call: Call = field(default_factory=Call)
    actors: list[Actor] = field(default_factory=list)
    subprojects: list[Subproject] = field(default_factory=list)
    risks: list[Risk] = field(default_factory=list)
    funding: list[Funding] = field(default_factory=list)
    # ESF 2014–2020: (group key, line label) → öre; the tree itself is template data.
    cost_cells: dict[tuple[str, str], int] = field(default_factory=dict)
    # ESF+: the budget specification's lines in order.
    spec_lines: list[SpecLine] = field(default_factory=list)

    def actors_in(self, role: str) -> list[Actor]:
        return [a for a in self.actors if a.role == role]

    def funding_of(self, kind: str) -> list[Funding]:
        return [f for f in self.funding if f.kind == kind]

    def lines_in(self, section: str) -> list[SpecLine]:
        return [line for line in self.spec_lines if line.section == section]
