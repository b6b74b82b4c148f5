"""A styrelse meeting with 10 applications: the beslutsunderlag (every ansökan on its own form, joined with
bookmarks) in process, and in the window on the worker thread while the GUI thread's timer keeps ticking
(its longest gap tells whether the window froze). Run through `python -m benchmarks --only meetings`."""
from __future__ import annotations

import statistics
import tempfile
import time
from datetime import date
from itertools import pairwise
from pathlib import Path

APPLICATIONS, UNDERLAG_GOAL_S, FREEZE_GOAL_MS = 10, 2.0, 100


def build(path: Path):
    """The example förbund (its ten ansökningar, complete on three forms) and a styrelse meeting with all ten."""
    from finsamdesk.domain.meetings import Meeting
    from finsamdesk.services import applications, demo, files, meetings

    db = files.new_file(path, "x")
    demo.create_example(db)
    apps = [applications.load(db, r.id) for r in applications.list_rows(db)]
    for app in apps:  # about ten pages each, as a real ansökan
        app.sections = {key: "\n\n".join([text] * 5) for key, text in app.sections.items()}
        applications.save(db, app)
    items = [meetings.application_item(app) for app in apps]
    m = meetings.save(db, Meeting("styrelse", date.today(), "13.00", "Benchrummet", items=items[:APPLICATIONS]))
    return db, m


def bench_meetings(runs: int = 3) -> list[str]:
    from finsamdesk.services import meeting_files

    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        db, m = build(Path(tmp) / "möten.sqlite")
        count = sum(1 for i in m.items if i.application_id is not None)
        times, pages = [], 0
        for _ in range(runs):
            start = time.perf_counter()
            data = meeting_files.beslutsunderlag_pdf(db, m.id)
            times.append(time.perf_counter() - start)
        import io

        from pypdf import PdfReader

        pages = len(PdfReader(io.BytesIO(data)).pages)
        median = statistics.median(times)
        lines.append(f"beslutsunderlag, {count} ansökningar ({pages} pages, {len(data) // 1000} kB), in process, "
                     f"median of {runs}: {median:5.2f} s   goal < {UNDERLAG_GOAL_S:g} s  "
                     f"{'OK' if median < UNDERLAG_GOAL_S else 'OVER'}")
        for label, make in (("kallelse", meeting_files.kallelse_pdf), ("protokoll", meeting_files.protokoll_pdf)):
            start = time.perf_counter()
            make(db, m.id)
            lines.append(f"{label} ({len(m.items)} punkter): {(time.perf_counter() - start) * 1000:6.0f} ms")
        lines += _in_the_window(db, m, Path(tmp) / "underlag.pdf")
        db.conn.close()
    return lines


def _in_the_window(db, m, target: Path) -> list[str]:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    import PySide6.QtGui

    PySide6.QtGui.QDesktopServices.openUrl = lambda *a: True  # no PDF viewer in a benchmark
    from finsamdesk.ui.meetings.page import MeetingsPage

    page = MeetingsPage()
    page.set_database(db)
    page.show()
    page.select_meeting(m.id)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    start = time.perf_counter()
    page.beslutsunderlag(str(target))
    while page.background.running:
        app.processEvents()
        time.sleep(0.002)
    elapsed = time.perf_counter() - start
    timer.stop()
    gaps = [(b - a) * 1000 for a, b in pairwise(ticks)] or [0.0]
    page.close()
    worst = max(gaps)
    line = (f"beslutsunderlag from the window (worker thread): {elapsed:5.2f} s; the GUI thread's 10 ms timer "
            f"ticked {len(ticks)} times, longest gap {worst:4.0f} ms   goal < {FREEZE_GOAL_MS} ms  "
            f"{'OK' if worst < FREEZE_GOAL_MS else 'OVER'}")
    return [line]
