"""Benchmarks: `python -m finsamdesk.bench [--runs N]` prints figures next to their goals.

(a) Start-up: `python -m finsamdesk --file EXAMPLE --quit-when-shown` on an example file made once
    beforehand (`finsamdesk demo --out EXAMPLE`), against a bare PySide6 window with
    a QTableView, run alternately N times each, offscreen, in a temporary FINSAMDESK_HOME. The
    parent passes FINSAMDESK_T0 (time.time() just before starting the child); the child prints
    `shown <seconds since T0>` when its window is first shown. Goal: ≤ 1.5 × the bare window.
(b) Printing an ansökan of about ten pages in process (median of N). Goal: < 0.3 s.
(c) Filtering 5 000 ansökningar with services.applications.filter_rows for each prefix of
    "språnget", as a user types it. Goal: < 50 ms per keystroke.

Speed is measured here, never asserted in tests (DESIGN.md).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

BARE_WINDOW = r'''
import os, sys, time
t0 = float(os.environ.get("FINSAMDESK_T0", time.time()))
from PySide6.QtCore import QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv)
w = QMainWindow()
view = QTableView()
view.setModel(QStandardItemModel(10, 5))
w.setCentralWidget(view)
w.resize(1000, 700)
w.show()
def shown():
    print(f"shown {time.time() - t0:.4f}", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
'''

STARTUP_GOAL = 1.5
READY: list[float] = []  # finsamdesk's "ready" times: the file opened and the list filled
PRINT_GOAL_S = 0.3
FILTER_GOAL_MS = 50.0


def _run_child(cmd: list[str], env: dict[str, str]) -> tuple[float | None, float, str]:
    """(shown seconds from the child, or None; wall time start-to-exit; error text)."""
    env = {**env, "FINSAMDESK_T0": repr(time.time())}
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    wall = time.perf_counter() - start
    shown = None
    for line in proc.stdout.splitlines():
        if line.startswith("shown "):
            try:
                shown = float(line.split()[1])
            except (IndexError, ValueError):
                pass
        elif line.startswith("ready "):
            READY.append(float(line.split()[1]))
    error = "" if proc.returncode == 0 else (proc.stderr.strip().splitlines() or [f"exit {proc.returncode}"])[-1]
    return shown, wall, error


def bench_startup(runs: int) -> list[str]:
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "bare_window.py"
        script.write_text(BARE_WINDOW, encoding="utf-8")
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FINSAMDESK_HOME": str(Path(tmp) / "home")}
        root = str(Path(__file__).resolve().parent.parent)
        env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
        example = Path(tmp) / "exempel.sqlite"
        subprocess.run([sys.executable, "-m", "finsamdesk", "demo", "--out", str(example)], env=env, check=True,
                       capture_output=True)
        app_cmd = [sys.executable, "-m", "finsamdesk", "--file", str(example), "--quit-when-shown"]
        bare_cmd = [sys.executable, str(script)]
        results: dict[str, list[tuple[float | None, float]]] = {"app": [], "bare": []}
        errors: dict[str, str] = {}
        for _ in range(runs):
            for name, cmd in (("bare", bare_cmd), ("app", app_cmd)):
                shown, wall, error = _run_child(cmd, env)
                if error:
                    errors[name] = error
                else:
                    results[name].append((shown, wall))
    for name in ("bare", "app"):
        if errors.get(name) and not results[name]:
            out.append(f"start-up {name:4}: failed ({errors[name]})")
    if not results["app"] or not results["bare"]:
        return out
    use_shown = all(s is not None for s, _ in results["app"] + results["bare"])
    kind = "shown" if use_shown else "wall"

    def median(name):
        return statistics.median(s if use_shown else w for s, w in results[name])

    bare, app = median("bare"), median("app")
    ratio = app / bare if bare else float("inf")
    out.append(f"start-up, bare QTableView window ({kind}, median of {len(results['bare'])}): {bare * 1000:8.0f} ms")
    out.append(f"start-up, finsamdesk on example  ({kind}, median of {len(results['app'])}): {app * 1000:8.0f} ms")
    out.append(f"start-up ratio finsamdesk / bare: {ratio:5.2f} ×   goal ≤ {STARTUP_GOAL} ×  "
               f"{'OK' if ratio <= STARTUP_GOAL else 'OVER'}")
    if READY:
        out.append(f"  finsamdesk with the example file opened and its list filled (ready, median): "
                   f"{statistics.median(READY) * 1000:8.0f} ms")
    if not use_shown:
        out.append("  (no 'shown <s>' line from a child: wall time start-to-exit used instead)")
    return out


LONG_PARAGRAPH = (
    "Insatsen bygger på samverkan mellan kommunen, Arbetsförmedlingen, Försäkringskassan och regionen. "
    "Deltagarna får en gemensam kartläggning, en individuell plan och stöd i varje steg mot arbete eller "
    "studier – med ”täta uppföljningar” och en kontaktperson som håller ihop insatserna. "
)


def _long_application(db):
    from .domain.application import SOUGHT, ContactRow
    from .domain.money import kr
    from .services import applications
    from .services.templates import get_template

    app = applications.new_application(db, "nnv-skane-2020", date(2021, 1, 5))
    app.name = "Trappan – en väg vidare för fler målgrupper till arbetsmarknaden (benchmark)"
    app.applicant_text = "Exempelby kommun tillsammans med Arbetsförmedlingen."
    template = get_template(app.template_id)
    text_sections = [s for s in template.sections if s.answer == "text" and not s.binds]
    for i, s in enumerate(text_sections):
        paragraphs = 2 if i % 3 else 3
        app.sections[s.id] = "\n\n".join(
            (f"{s.short.upper()} DEL {p + 1}\n" if p % 4 == 0 else "") + LONG_PARAGRAPH * 3 +
            ("\n- punkt ett\n- punkt två\n- punkt tre" if p % 3 == 0 else "") for p in range(paragraphs))
    app.contacts = [ContactRow("insatsagare", "Karin Exempelsson", "Exempelby kommun", "070-1740605",
                               "karin.exempelsson@exempelby.example")]
    app.period_start, app.period_end = date(2022, 1, 1), date(2023, 12, 31)
    app.budget.years = [2022, 2023]
    for c in template.budget.categories:
        for y in app.budget.years:
            app.budget.set(c, SOUGHT, y, kr(120_000))
    app.place, app.signed_on = "Exempelby", date(2021, 1, 5)
    return applications.save(db, app)


def bench_printing(runs: int) -> list[str]:
    try:
        from .services import printing
    except ImportError:
        return ["printing: skipped (finsamdesk.services.printing is not there yet)"]
    from .store.connection import open_database

    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "print.sqlite")
        app = _long_application(db)
        times, pages = [], None
        for i in range(runs):
            start = time.perf_counter()
            out = printing.print_application(db, app, Path(tmp) / f"a{i}.pdf")
            times.append(time.perf_counter() - start)
            if pages is None:
                pages = _page_count(out.read_bytes())
        db.close()
    median = statistics.median(times)
    first = times[0]
    page_text = f"{pages} pages" if pages else "pages unknown"
    return [f"printing one ansökan ({page_text}), median of {runs}: {median * 1000:8.0f} ms "
            f"(first {first * 1000:.0f} ms)   goal < {PRINT_GOAL_S * 1000:.0f} ms  {'OK' if median < PRINT_GOAL_S else 'OVER'}"]


def _page_count(data: bytes) -> int | None:
    try:
        import io

        from pypdf import PdfReader
        return len(PdfReader(io.BytesIO(data)).pages)
    except Exception:  # noqa: BLE001 - pypdf is a test dependency only
        import re
        return len(re.findall(rb"/Type\s*/Page[^s]", data)) or None


def _rows(n: int):
    """5 000 rows as the store returns them (built in memory: filtering is what is measured)."""
    from .domain.application import diarienummer
    from .domain.statuses import STATUSES
    from .store.applications import ApplicationRow

    words = ["Språnget", "Hälsolots", "Åbergs väg", "Motivation", "Samverkansteam", "Ängelholms modell",
             "Digital vägledning", "Arbetsträning", "Föräldrastöd", "Kartläggning"]
    applicants = ["Exempelby kommun", "Lillåkers kommun", "Region Exempel", "Arbetsförmedlingen",
                  "Försäkringskassan", "Norrmossa kommun"]
    statuses = list(STATUSES)
    rows = []
    for i in range(n):
        year = 2015 + i % 10
        rows.append(ApplicationRow(
            i + 1, diarienummer(year, i % 997 + 1), f"{words[i % len(words)]} {i} – insats för fler målgrupper",
            f"{applicants[i % len(applicants)]} tillsammans med {applicants[(i + 2) % len(applicants)]}",
            date(year, 1, 1), date(year + 1, 12, 31), (i % 50 + 1) * 10_000_00, statuses[i % len(statuses)],
            date(year - 1, 11, 1), "neutral"))
    return rows


def bench_filter(n: int = 5000) -> list[str]:
    from .services.applications import RowFilter, filter_rows

    rows = _rows(n)
    word = "språnget"
    per_key, hits = [], 0
    for k in range(1, len(word) + 1):
        prefix = word[:k]
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            found = filter_rows(rows, RowFilter(prefix))
            best = min(best, time.perf_counter() - start)
        per_key.append(best * 1000)
        hits = len(found)
    worst, median = max(per_key), statistics.median(per_key)
    return [f"filter {n} ansökningar, per keystroke of ”{word}”: median {median:6.1f} ms, max {worst:6.1f} ms "
            f"({hits} hits)   goal < {FILTER_GOAL_MS:.0f} ms  {'OK' if worst < FILTER_GOAL_MS else 'OVER'}"]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m finsamdesk.bench",
                                description="Mät start, utskrift, filtrering, ekonomi, deltagare och möten i stor skala.")
    p.add_argument("--runs", type=int, default=5, help="antal körningar per mätning (standard 5)")
    p.add_argument("--only", choices=["startup", "print", "filter", "economy", "participants", "meetings"],
                   help="bara en mätning")
    args = p.parse_args(argv)
    lines: list[str] = []
    if args.only in (None, "filter"):
        lines += bench_filter()
    if args.only in (None, "print"):
        lines += bench_printing(args.runs)
    if args.only in (None, "economy"):
        from .bench_economy import bench_economy

        lines += bench_economy(args.runs)
    if args.only in (None, "participants"):
        from .bench_participants import bench_participants

        lines += bench_participants(min(args.runs, 3))
    if args.only in (None, "meetings"):
        from .bench_meetings import bench_meetings

        lines += bench_meetings(min(args.runs, 3))
    if args.only in (None, "startup"):
        lines += bench_startup(args.runs)
    print("finsamdesk benchmarks (python %s, %s)" % (sys.version.split()[0], sys.platform))
    print("-" * 100)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
