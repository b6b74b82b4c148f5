"""The insats: what the förbund finances, its yearly money, its invoices and the reports it owes."""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from datetime import date

from .dates import add_months, years_between
from .insats_reports import DEFAULT_TERTIAL_DAYS as DEFAULT_TERTIAL_DAYS  # the reports an insats owes live there
from .insats_reports import REPORT_KINDS as REPORT_KINDS
from .insats_reports import TERTIALS as TERTIALS
from .insats_reports import Report as Report
from .insats_reports import is_overdue as is_overdue
from .insats_reports import merge_obligations as merge_obligations
from .insats_reports import report_obligations as report_obligations

KINDS = {"individ": "Individinriktad", "struktur": "Strukturinriktad", "kompetens": "Kompetensutveckling"}
# Uppföljning Finsam's inriktning. An insats with both parts is registered there once for each part.
INRIKTNINGAR = {"individ": "Individinriktad", "struktur": "Strukturövergripande",
                "bada": "Både individinriktad och strukturövergripande"}
PART_LABELS = {"individ": "individinriktad", "struktur": "strukturövergripande"}
STATUSES = {"planerad": "Planerad", "pagaende": "Pågående", "avslutad": "Avslutad"}
CADENCES = {"manad": "Varje månad", "varannan": "Varannan månad", "annan": "Enligt överenskommelse"}
INVOICE_KINDS = {"faktura": "Faktura", "rekvisition": "Rekvisition"}
DEFAULT_CATEGORIES = ("Personal", "Lokaler", "Övrigt")


@dataclass
class Insats:
    name: str
    kind: str = "individ"
    owner_id: int | None = None  # organisation register
    owner: str = ""  # as shown; the register's name when owner_id is set
    contact_id: int | None = None
    contact: str = ""
    period_start: date | None = None
    period_end: date | None = None
    status: str = "planerad"
    target_group: str = ""
    planned_women: int | None = None
    planned_men: int | None = None
    cadence: str = "manad"
    note: str = ""
    archived: bool = False
    application_ids: list[int] = field(default_factory=list)
    id: int | None = None
    inriktning: str = ""  # a key of INRIKTNINGAR; "" = follows `kind` (see inriktning_of)
    esf: bool = False  # ESF-finansierad (Uppföljning Finsam)
    planned_structural: int | None = None  # budgeted participants of the strukturövergripande part
    structural_share: int | None = None  # per cent of the money that is the strukturövergripande part (both parts)

    @property
    def years(self) -> list[int]:
        return years_between(self.period_start, self.period_end)

    @property
    def parts(self) -> tuple[str, ...]:
        """The parts Uppföljning Finsam registers: ("individ",), ("struktur",) or both."""
        chosen = inriktning_of(self)
        return ("individ", "struktur") if chosen == "bada" else (chosen,)


def inriktning_of(insats: Insats) -> str:
    """The insats's inriktning; when none is chosen, an individinriktad kind is individinriktad and the others
    (strukturinriktad, kompetensutveckling for the parties' staff) are strukturövergripande."""
    if insats.inriktning in INRIKTNINGAR:
        return insats.inriktning
    return "individ" if insats.kind == "individ" else "struktur"


@dataclass
class Invoice:
    insats_id: int
    date: date
    amount: int  # öre
    category: str = ""
    period_start: datetime.date | None = None  # (the field `date` hides the type in the class body)
    period_end: datetime.date | None = None
    reference: str = ""
    note: str = ""
    kind: str = "faktura"
    id: int | None = None


class InsatsError(ValueError):
    """Bad insats data; Swedish message meant for the user."""


def validate_insats(insats: Insats) -> dict[str, str]:
    """Errors per field name (empty: may be saved)."""
    errors: dict[str, str] = {}
    if not insats.name.strip():
        errors["name"] = "Insatsen behöver ett namn."
    if insats.kind not in KINDS:
        errors["kind"] = "Välj vilken sorts insats det är."
    if insats.status not in STATUSES:
        errors["status"] = "Välj en status."
    if insats.period_start and insats.period_end and insats.period_end < insats.period_start:
        errors["period"] = "Perioden slutar före den börjar."
    if insats.inriktning and insats.inriktning not in INRIKTNINGAR:
        errors["inriktning"] = "Välj inriktning."
    for name, value in (("planned_women", insats.planned_women), ("planned_men", insats.planned_men),
                        ("planned_structural", insats.planned_structural)):
        if value is not None and value < 0:
            errors[name] = "Antalet kan inte vara negativt."
    if insats.structural_share is not None and not 0 <= insats.structural_share <= 100:
        errors["structural_share"] = "Andelen ska vara mellan 0 och 100 procent."
    return errors


def invoice_problems(invoice: Invoice, insats: Insats) -> tuple[dict[str, str], dict[str, str]]:
    """(errors, warnings) per field. A date outside the insats's period is a warning, not an error."""
    errors: dict[str, str] = {}
    warnings: dict[str, str] = {}
    if invoice.amount is None:
        errors["amount"] = "Beloppet behövs."
    elif invoice.amount < 0:
        errors["amount"] = "Beloppet får inte vara negativt. En kreditfaktura bokas som en notering på fakturan."
    elif invoice.amount == 0:
        errors["amount"] = "Beloppet är noll."
    if invoice.kind not in INVOICE_KINDS:
        errors["kind"] = "Välj faktura eller rekvisition."
    if invoice.period_start and invoice.period_end and invoice.period_end < invoice.period_start:
        errors["period"] = "Perioden slutar före den börjar."
    start, end = insats.period_start, insats.period_end
    if invoice.date and start and end and not start <= invoice.date <= add_months(end, 3):
        warnings["date"] = (f"Fakturadatumet {invoice.date.isoformat()} ligger utanför insatsens period "
                            f"({start.isoformat()} – {end.isoformat()}).")
    covered = invoice.period_start or invoice.date
    if covered and start and end and not start <= covered <= end:
        warnings["period"] = f"Perioden fakturan avser ligger utanför insatsens period ({start} – {end})."
    return errors, warnings


@dataclass
class YearEconomy:
    """One insats's money in one calendar year, by cost category (öre)."""

    year: int
    granted: dict[str, int] = field(default_factory=dict)
    spent: dict[str, int] = field(default_factory=dict)
    prognos: int | None = None  # the year's expected utfall; None: not given

    @property
    def categories(self) -> list[str]:
        return list(dict.fromkeys([*self.granted, *self.spent]))

    @property
    def granted_total(self) -> int:
        return sum(self.granted.values())

    @property
    def spent_total(self) -> int:
        return sum(self.spent.values())

    @property
    def remaining(self) -> int:
        return self.granted_total - self.spent_total

    def remaining_in(self, category: str) -> int:
        return self.granted.get(category, 0) - self.spent.get(category, 0)

    @property
    def prognos_or_granted(self) -> int:
        return self.granted_total if self.prognos is None else self.prognos

    def warnings(self) -> list[str]:
        out = [f"Utfallet för {c or '(ingen kategori)'} är {_kr(self.spent[c] - self.granted.get(c, 0))} över beviljat."
               for c in self.categories if self.spent.get(c, 0) > self.granted.get(c, 0)]
        if self.spent_total > self.granted_total:
            out.append(f"Utfallet {self.year} är {_kr(self.spent_total - self.granted_total)} över beviljat.")
        if self.prognos is not None and self.prognos > self.granted_total:
            out.append(f"Prognosen {self.year} är {_kr(self.prognos - self.granted_total)} över beviljat.")
        return out


def _kr(ore: int) -> str:
    from .money import format_kr

    return format_kr(ore)


def split_granted(granted_total: int, sought_by_category: dict[str, int]) -> dict[str, int]:
    """A granted year total spread over the sought categories in proportion (largest remainder, exact sum).
    Amounts in whole kronor where the total is whole kronor."""
    sought = {c: a for c, a in sought_by_category.items() if a > 0}
    total_sought = sum(sought.values())
    if not sought or granted_total <= 0:
        return {DEFAULT_CATEGORIES[-1]: granted_total} if granted_total > 0 else {}
    if total_sought == granted_total:
        return dict(sought)
    unit = 100 if granted_total % 100 == 0 else 1
    units = granted_total // unit
    exact = {c: units * a / total_sought for c, a in sought.items()}
    floors = {c: int(v) for c, v in exact.items()}
    left = units - sum(floors.values())
    for c in sorted(exact, key=lambda c: exact[c] - floors[c], reverse=True)[:left]:
        floors[c] += 1
    return {c: v * unit for c, v in floors.items() if v}
