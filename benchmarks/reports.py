"""The förbund's year on paper at scale: 200 insatser, 10 000 deltagare and 10 000 invoices in one year.
Measures the årsredovisning written as .docx, PDF and Excel (goal ≤ 2 s each) and Uppföljning Finsam opening
(the service, and the page filled and painted; goal ≤ 200 ms). Run through `python -m benchmarks --only reports`."""
from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

INSATSER, PARTICIPANTS, INVOICES = 200, 10_000, 10_000
WRITE_GOAL_S, OPEN_GOAL_MS = 2.0, 200


def build(path: Path, year: int) -> None:
    from finsamdesk.services import files

    db = files.new_file(path, "Benchförbundet")
    insatser, granted, invoices, people, years = [], [], [], [], []
    for n in range(INSATSER):
        insatser.append({"id": n + 1, "name": f"Insats {n + 1} Åbergs väg", "kind": "individ" if n % 5 else "struktur",
                         "inriktning": ("individ", "struktur", "bada")[n % 3], "structural_share": 30,
                         "target_group": "Unga vuxna", "planned_women": 30, "planned_men": 20,
                         "planned_structural": 40, "owner": f"Kommun {n % 9}", "period_start": f"{year}-01-01",
                         "period_end": f"{year + 1}-12-31", "status": "pagaende", "archived": 0,
                         "participant_mode": "individ"})
        granted.append({"insats_id": n + 1, "year": year, "category": "Personal", "amount_ore": 1_000_000_00})
    for k in range(INVOICES):
        day = date(year, 1, 1) + timedelta(days=k % 360)
        invoices.append({"id": k + 1, "insats_id": k % INSATSER + 1, "date": day.isoformat(), "category": "Personal",
                         "amount_ore": 9_000_00 + k, "kind": "faktura", "reference": f"F{k}"})
    for k in range(PARTICIPANTS):
        start = date(year, 1, 1) + timedelta(days=k % 300)
        people.append({"id": k + 1, "insats_id": k % INSATSER + 1, "code": f"D{k:05d}",
                       "gender": ("kvinna", "man")[k % 2],
                       "birth_year": 1960 + k % 45, "start": start.isoformat(),
                       "end": (start + timedelta(days=90)).isoformat() if k % 3 == 0 else None})
    years.append({"year": year, "insats_frame_ore": 250_000_000_00, "opening_equity_ore": 3_000_000_00,
                  "equity_ceiling_ore": 5_000_000_00, "state_name": "Försäkringskassan (staten)",
                  "region_name": "Regionen", "note": ""})
    with db.atomic():
        db["insats"].insert_all(insatser)
        db["insats_granted"].insert_all(granted)
        db["invoice"].insert_all(invoices, batch_size=1000)
        db["participant"].insert_all(people, batch_size=1000)
        db["budget_year"].insert_all(years)
        db["budget_cell_forbund"].insert_all(
            [{"year": year, "line": line, "column_kind": column, "amount_ore": amount}
             for line, amount in (("medlemsbidrag", 240_000_000_00), ("administration", 9_000_000_00))
             for column in ("budget", "utfall")])
        db["budget_kommun"].insert_all([{"year": year, "position": i, "name": f"Kommun {i}", "weight": 1000 + i}
                                        for i in range(9)])
    db.conn.close()


def _median(action, runs: int) -> float:
    """Seconds, median of `runs`."""
    from .economy import _median_ms

    return _median_ms(action, runs) / 1000


def bench_reports(runs: int = 3) -> list[str]:
    from finsamdesk.services import files, followup, report_files

    year = date.today().year - 1
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "år.sqlite"
        build(path, year)
        lines.append(f"reports file: {INSATSER} insatser, {PARTICIPANTS} deltagare, {INVOICES} invoices in {year}")
        db = files.open_file(path, create=False)
        for suffix in (".docx", ".pdf", ".xlsx"):
            out = Path(tmp) / f"årsredovisning{suffix}"
            s = _median(lambda out=out: report_files.write_report(db, "arsredovisning", year, out), runs)
            lines.append(f"årsredovisning {suffix:5} written, median of {runs}:          {s * 1000:7.0f} ms   "
                         f"goal ≤ {WRITE_GOAL_S:.0f} s  {'OK' if s <= WRITE_GOAL_S else 'OVER'}")
        ms = _median(lambda: followup.follow_up(db, year), runs) * 1000
        lines.append(f"Uppföljning Finsam figures (service), median of {runs}:  {ms:7.0f} ms   "
                     f"goal ≤ {OPEN_GOAL_MS} ms  {'OK' if ms <= OPEN_GOAL_MS else 'OVER'}")
        lines += _page(db, year, runs)
        db.conn.close()
    return lines


def _page(db, year: int, runs: int) -> list[str]:
    """The Uppföljning page opened on the year: figures fetched, tables filled and the page painted."""
    try:
        from PySide6.QtWidgets import QApplication

        from finsamdesk.ui.reports.followup_page import FollowUpPage
    except ImportError:
        return ["Uppföljning page: not measured (no window toolkit)"]
    app = QApplication.instance() or QApplication([])
    page = FollowUpPage()
    page.resize(1366, 768)
    page.show()

    def open_page():
        page.set_database(db, year)
        page.grab()
        app.processEvents()

    ms = _median(open_page, runs) * 1000
    return [f"Uppföljning page opened and painted, median of {runs}:    {ms:7.0f} ms   "
            f"goal ≤ {OPEN_GOAL_MS} ms  {'OK' if ms <= OPEN_GOAL_MS else 'OVER'}"]
