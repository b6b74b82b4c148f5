"""The economy as files for the styrelse and the auditor: a budget year and an insats's money, as Excel or PDF.
openpyxl and reportlab load when a file is made (start-up time)."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from . import budget, insatser, registers

if TYPE_CHECKING:
    import sqlite_utils

    from ..domain.budget import Sheet
    from ..domain.insatser import Insats, YearEconomy


def _budget_parts(db: sqlite_utils.Database, year: int) -> tuple[Sheet, list[tuple[str, int, str]], str]:
    return budget.sheet(db, year), budget.contributions(db, year), registers.forbund(db).name


def budget_xlsx(db: sqlite_utils.Database, year: int) -> bytes:
    from ..documents.economy_excel import budget_workbook

    sheet, contributions, name = _budget_parts(db, year)
    return budget_workbook(sheet, contributions, name, budget.several_years(db))


def budget_pdf(db: sqlite_utils.Database, year: int) -> bytes:
    from ..documents.economy_pdf import budget_pdf as render

    return render(*_budget_parts(db, year))


def _insats_parts(db: sqlite_utils.Database, insats_id: int) -> tuple[Insats, list[YearEconomy]]:
    insats = insatser.load(db, insats_id)
    years = [insatser.economy(db, insats_id, y) for y in insatser.economy_years(db, insats)]
    return insats, years


def insats_xlsx(db: sqlite_utils.Database, insats_id: int, today: date | None = None) -> bytes:
    from ..documents.economy_excel import insats_workbook

    insats, years = _insats_parts(db, insats_id)
    return insats_workbook(insats, years, insatser.invoices(db, insats_id), insatser.reports(db, insats_id),
                           today or date.today())


def insats_pdf(db: sqlite_utils.Database, insats_id: int, today: date | None = None) -> bytes:
    from ..documents.economy_pdf import insats_pdf as render

    insats, years = _insats_parts(db, insats_id)
    return render(insats, years, insatser.reports(db, insats_id), registers.forbund(db).name, today or date.today())


def insats_list_xlsx(db: sqlite_utils.Database, year: int) -> bytes:
    """The insatser with the year's money, as the list in the window shows them."""
    from ..documents.excel_list import write_table_xlsx
    from ..domain.insatser import KINDS, STATUSES

    rows = sorted(insatser.list_rows(db, year), key=lambda r: r.name)
    return write_table_xlsx(
        ["Namn", "Insatsägare", "Typ", "Status", "Start", "Slut", f"Beviljat {year}", f"Fakturerat {year}", "Kvar",
         "Nästa rapport", "Försenade rapporter", "Arkiverad"],
        [[r.name, r.owner, KINDS.get(r.kind, r.kind), STATUSES.get(r.status, r.status), r.period_start, r.period_end,
          r.granted, r.spent, r.remaining, r.next_report, r.overdue_reports, "ja" if r.archived else ""] for r in rows],
        money_columns={6, 7, 8}, date_columns={4, 5, 9}, sheet_title=f"Insatser {year}")
