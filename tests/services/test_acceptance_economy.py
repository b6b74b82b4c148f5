"""Issue 3's 'done when', on a real file: budget from the contributions, two example applications granted,
a year of invoices, what is left and which reports are due, the budget handed over as PDF and Excel."""
import io
from datetime import date

import openpyxl
import pypdf

from finsamdesk.domain.insatser import Invoice
from finsamdesk.domain.money import kr
from finsamdesk.services import (
    applications,
    budget,
    demo,
    economy_files,
    files,
    insatser,
    overview,
)
from tests.fixtures.closing import close_at_end

TODAY = date(2026, 11, 24)


def test_a_year_of_the_forbund_economy(tmp_path):
    db = close_at_end(files.new_file(tmp_path / "förbund.sqlite", "x"))
    demo.create_example_data(db, TODAY)

    b = budget.load_year(db, 2027)
    b.cells = {("medlemsbidrag", "budget"): kr(6_000_000), ("styrelse", "budget"): kr(200_000),
               ("administration", "budget"): kr(1_400_000), ("revision", "budget"): kr(80_000)}
    b.insats_frame, b.opening_equity, b.equity_ceiling = kr(4_320_000), kr(1_000_000), kr(1_200_000)
    budget.save_year(db, b)
    split = dict((payer, amount) for payer, amount, _ in budget.contributions(db, 2027))
    assert split["Försäkringskassan (staten)"] == kr(3_000_000) and split["Region Exempel"] == kr(1_500_000)

    waiting = [r for r in applications.list_rows(db) if r.status in ("styrelse", "beredning")]
    assert len(waiting) == 2
    made = []
    for row in waiting:
        app = applications.load(db, row.id)
        if app.status == "beredning":
            applications.change_status(db, app.id, "styrelse", date(2026, 12, 1))
        sought = app.budget.sought_by_year()
        applications.change_status(db, app.id, "beviljad", date(2026, 12, 10), granted={2027: sought[2027]})
        made.append(insatser.from_application(db, app.id))

    for insats in made:
        categories = insatser.economy(db, insats.id, 2027).granted
        for month in range(1, 13):
            for category, amount in categories.items():
                insatser.save_invoice(db, Invoice(insats.id, date(2027, month, 28), amount // 12 // 100 * 100,
                                                  category, date(2027, month, 1), date(2027, month, 28)))
        e = insatser.economy(db, insats.id, 2027)
        assert 0 <= e.remaining < kr(100) * len(categories) * 12 and not e.warnings()

    o = overview.overview(db, date(2027, 12, 1))
    assert o.granted == sum(insatser.economy(db, i.id, 2027).granted_total for i in made)
    assert o.remaining == o.granted - o.spent and o.spent > 0
    assert all(d.report.due <= date(2027, 12, 31) for d in o.due)  # overdue or due within 30 days
    assert any(d.report.overdue(date(2027, 12, 1)) for d in o.due)  # nobody marked T1/T2 2027 received

    pdf = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(economy_files.budget_pdf(db, 2027))).pages)
    pdf = " ".join(pdf.replace("\u202f", " ").split())
    assert "Budget 2027" in pdf and "Medlemsbidrag 6 000 000 kr" in pdf and "Summa 100 % 6 000 000 kr" in pdf
    ws = openpyxl.load_workbook(io.BytesIO(economy_files.budget_xlsx(db, 2027)))["Budget 2027"]
    assert any(str(c.value).startswith("=") for row in ws.iter_rows() for c in row)
