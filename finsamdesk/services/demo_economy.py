"""The example förbund's economy (invented): insatser from its granted applications, a year of invoices,
reports received but one, and the budget of last year and this year."""
from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..domain.insatser import Insats, Invoice
from ..domain.money import kr
from ..domain.statuses import GRANTED
from ..store import applications as app_store
from ..store import budget as budget_store
from ..store import insatser as insats_store
from . import budget, insatser

if TYPE_CHECKING:
    import sqlite_utils

POPULATION = {"Exempelby kommun": 31_250, "Lillåkers kommun": 12_480, "Norrmossa kommun": 8_730}  # invented


def _month_end(year: int, month: int) -> date:
    return (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)


def create_example_economy(db: sqlite_utils.Database, today: date | None = None) -> list[Insats]:
    """Needs the example applications (services.demo.create_example_data) in the file."""
    today = today or date.today()
    made: list[Insats] = []
    for row in app_store.list_rows(db):
        if row.status in GRANTED and insats_store.insats_of_application(db, row.id) is None:
            made.append(insatser.from_application(db, row.id))
    ended = insatser.save(db, Insats("Stegvis arbetsträning (avslutad)", "individ", owner="Exempelby kommun",
                                     period_start=date(today.year - 1, 1, 1), period_end=date(today.year - 1, 12, 31),
                                     status="avslutad", target_group="Unga vuxna med försörjningsstöd",
                                     planned_women=12, planned_men=12))
    insatser.set_granted(db, ended.id, today.year - 1, {"Personal": kr(3_200_000), "Lokaler": kr(400_000)})
    made.append(ended)
    kansli = insatser.save(db, Insats("Samverkansdagar för parternas personal", "kompetens", owner="Förbundet",
                                      period_start=date(today.year, 1, 1), period_end=date(today.year, 12, 31),
                                      status="pagaende", target_group="Personal hos förbundets parter",
                                      cadence="annan"))
    insatser.set_granted(db, kansli.id, today.year, {"Lokaler": kr(25_000), "Föreläsare": kr(40_000)})
    made.append(kansli)
    with db.atomic():
        for number, insats in enumerate(made):
            if insats.status != "avslutad":
                insats.status = "pagaende" if insats.period_start and insats.period_start <= today else "planerad"
            insats_store.save_insats(db, insats)
            _book_invoices(db, insats, today, number)
            for report in insats_store.reports(db, insats.id):
                if report.due < today - timedelta(days=20) and not (number == 0 and report.kind == "tertial"
                                                                      and report.due.year == today.year):
                    report.received_on = report.due - timedelta(days=3 + number)
                    insats_store.save_report(db, report)
        _budgets(db, today)
    return made


def _book_invoices(db: sqlite_utils.Database, insats: Insats, today: date, number: int) -> None:
    """Monthly invoices for the months gone by, near the granted pace (the first runs a little over)."""
    for year, by_category in insats_store.granted(db, insats.id).items():
        for month in range(1, 13):
            end = _month_end(year, month)
            if end >= today or (insats.period_start and end < insats.period_start):
                continue
            if insats.period_end and end > insats.period_end:
                continue
            for category, amount in by_category.items():
                share = amount // 12 // 100 * 100
                if number == 0 and category == next(iter(by_category)):
                    share = share * 115 // 100 // 100 * 100
                if share:
                    insats_store.save_invoice(db, Invoice(
                        insats.id, end + timedelta(days=10) if end + timedelta(days=10) < today else end, share,
                        category, end.replace(day=1), end, f"F{year}{month:02d}-{insats.id}",
                        "", "faktura" if number % 2 == 0 else "rekvisition"))


def _budgets(db: sqlite_utils.Database, today: date) -> None:
    for year, contributions in ((today.year - 1, 5_600_000), (today.year, 5_800_000)):
        b = budget.new_year(db, year)
        for k in b.kommuner:
            k.weight = POPULATION.get(k.name, 10_000)
        b.cells = {("medlemsbidrag", "budget"): kr(contributions), ("ovriga_intakter", "budget"): kr(20_000),
                   ("styrelse", "budget"): kr(180_000), ("administration", "budget"): kr(1_350_000),
                   ("revision", "budget"): kr(75_000), ("administration", "prognos"): kr(1_390_000)}
        if year < today.year:
            b.cells.update({("medlemsbidrag", "utfall"): kr(contributions), ("ovriga_intakter", "utfall"): kr(12_500),
                            ("styrelse", "utfall"): kr(171_400), ("administration", "utfall"): kr(1_362_900),
                            ("revision", "utfall"): kr(75_000)})
            b.opening_equity = kr(900_000)
        b.insats_frame = kr(contributions + 20_000 - 1_605_000)
        b.equity_ceiling = kr(1_400_000)
        budget_store.save_year(db, b)
