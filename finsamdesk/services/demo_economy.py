"""The example förbund's economy from resources/demo/economy.json: insatser from its granted applications and
the insatser of the file, a year of invoices, reports received but one, and the budget of last year and this."""
from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ..domain.insatser import Insats, Invoice
from ..domain.money import kr
from ..domain.statuses import GRANTED
from ..store import applications as app_store
from ..store import budget as budget_store
from ..store import insatser as insats_store
from . import budget, insatser
from .demo_data import example_data

if TYPE_CHECKING:
    import sqlite_utils

BUDGET_COLUMNS = ("budget", "prognos", "utfall")
OVERRUN_PERCENT = 115  # the first insats's first category runs a little over its pace
RECEIVED_AFTER_DAYS = 20  # reports due longer ago than this are received (but the first insats's tertial)


def _month_end(year: int, month: int) -> date:
    return (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)


def create_example_economy(db: sqlite_utils.Database, today: date | None = None) -> list[Insats]:
    """Needs the example applications (services.demo.create_example_data) in the file."""
    today = today or date.today()
    made: list[Insats] = []
    for row in app_store.list_rows(db):
        if row.status in GRANTED and insats_store.insats_of_application(db, row.id) is None:
            made.append(insatser.from_application(db, row.id))
    for spec in example_data("economy")["insatser"]:
        year = today.year + spec["year"]
        insats = insatser.save(db, Insats(spec["name"], spec["kind"], owner=spec["owner"],
                                          period_start=date(year, 1, 1), period_end=date(year, 12, 31),
                                          status=spec["status"], target_group=spec["target_group"],
                                          planned_women=spec.get("planned_women"), planned_men=spec.get("planned_men"),
                                          cadence=spec.get("cadence", "manad")))
        assert insats.id is not None  # saved
        insatser.set_granted(db, insats.id, year, {c: kr(a) for c, a in spec["granted_kr"].items()})
        made.append(insats)
    follow_up = example_data("economy").get("follow_up", {})
    with db.atomic():
        for number, insats in enumerate(made):
            if insats.status != "avslutad":
                insats.status = "pagaende" if insats.period_start and insats.period_start <= today else "planerad"
            _follow_up_fields(db, insats, follow_up.get(insats.name, {}), today)
            insats_id = insats_store.save_insats(db, insats)
            _book_invoices(db, insats_id, insats, today, number)
            for report in insats_store.reports(db, insats_id):
                if report.due < today - timedelta(days=RECEIVED_AFTER_DAYS) and not (
                        number == 0 and report.kind == "tertial" and report.due.year == today.year):
                    report.received_on = report.due - timedelta(days=3 + number)
                    insats_store.save_report(db, report)
        _budgets(db, today)
    return made


def _follow_up_fields(db: sqlite_utils.Database, insats: Insats, spec: dict[str, Any], today: date) -> None:
    """Uppföljning Finsam's fields of an example insats (economy.json "follow_up"), and its structural participants
    counted this year."""
    insats.inriktning = spec.get("inriktning", insats.inriktning)
    insats.target_group = insats.target_group or spec.get("target_group", "")
    insats.esf = spec.get("esf", False)
    insats.planned_structural = spec.get("planned_structural")
    insats.structural_share = spec.get("structural_share")
    if "structural_participants" in spec and insats.id is not None:
        insats_store.set_structural_participants(db, insats.id, today.year, spec["structural_participants"])


def _book_invoices(db: sqlite_utils.Database, insats_id: int, insats: Insats, today: date, number: int) -> None:
    """Monthly invoices for the months gone by, near the granted pace (the first runs a little over)."""
    for year, by_category in insats_store.granted(db, insats_id).items():
        for month in range(1, 13):
            end = _month_end(year, month)
            if end >= today or (insats.period_start and end < insats.period_start):
                continue
            if insats.period_end and end > insats.period_end:
                continue
            for category, amount in by_category.items():
                share = amount // 12 // 100 * 100
                if number == 0 and category == next(iter(by_category)):
                    share = share * OVERRUN_PERCENT // 100 // 100 * 100
                if share:
                    insats_store.save_invoice(db, Invoice(
                        insats_id, end + timedelta(days=10) if end + timedelta(days=10) < today else end, share,
                        category, end.replace(day=1), end, f"F{year}{month:02d}-{insats_id}",
                        "", "faktura" if number % 2 == 0 else "rekvisition"))


def _budgets(db: sqlite_utils.Database, today: date) -> None:
    """The förbund's budget years of economy.json, with the kommuner weighted by their invented population."""
    data = example_data("economy")
    for spec in data["budgets"]:
        b = budget.new_year(db, today.year + spec["year"])
        for k in b.kommuner:
            k.weight = data["population"].get(k.name, 10_000)
        b.cells = {(line, column): kr(by_column[column]) for column in BUDGET_COLUMNS
                   for line, by_column in spec["kr"].items() if column in by_column}
        if "opening_equity_kr" in spec:
            b.opening_equity = kr(spec["opening_equity_kr"])
        b.insats_frame = kr(spec["insats_frame_kr"])
        b.equity_ceiling = kr(spec["equity_ceiling_kr"])
        budget_store.save_year(db, b)
