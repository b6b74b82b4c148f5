"""Merging a working copy back (issue 17).

A main file with the example data and 10 000 participants in the register (names encrypted); a working copy with
the register is taken, every one of the 10 000 participants is changed on the copy (an end date and an outcome) and
2 000 invoices are booked there. Then the merge as the window runs it: read the copy, diff it against its base,
sort the rows (services.working_copies.preview), and write everything in one transaction (merge). Wall time of
preview + merge, median of N runs (each on fresh files). Goal: ≤ 3 s.

Run: `python -m benchmarks --only sync`.
"""
from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

GOAL_S = 3.0
PARTICIPANTS, INVOICES = 10_000, 2_000


def _files(folder: Path) -> tuple[Path, Path]:
    from finsamdesk.domain.insatser import Invoice
    from finsamdesk.domain.participants import Participant
    from finsamdesk.services import demo, files, participants
    from finsamdesk.services import working_copies as wc
    from finsamdesk.services.demo_participants import EXAMPLE_PASSPHRASE
    from finsamdesk.store import insatser as insats_store
    from finsamdesk.store import participants as participant_store

    main_path, copy_path = folder / "huvudfil.sqlite", folder / "arbetskopia.sqlite"
    db = files.new_file(main_path, "Benchmark")
    demo.create_example(db, date(2026, 12, 1))
    key = participants.unlock(db, EXAMPLE_PASSPHRASE)
    insats_id = participants.insatser(db)[0].id
    participant_store.set_mode(db, insats_id, "individ")
    with db.atomic():
        participant_store.insert_participants(db, [Participant(insats_id, start=date(2025, 1, 1), gender="kvinna",
                                                               birth_year=1980 + n % 30, name=f"Person {n}")
                                                   for n in range(PARTICIPANTS)], key)
    wc.take_copy(db, copy_path, label="Benchmark")
    db.conn.close()
    copy = files.open_file(copy_path)
    outcome = copy.execute("SELECT id FROM participant_category WHERE kind = 'utfall'").fetchone()[0]
    with copy.atomic():
        copy.execute("UPDATE participant SET end = '2026-06-30', outcome_id = ? WHERE name_enc IS NOT NULL",
                     [outcome])
        for n in range(INVOICES):
            insats_store.save_invoice(copy, Invoice(insats_id, date(2026, 1 + n % 12, 1), 100_00 + n, "Personal",
                                                    reference=f"B-{n}"))
    copy.conn.close()
    return main_path, copy_path


def _merge_once() -> tuple[float, float, int, float, float]:
    from finsamdesk.services import files
    from finsamdesk.services import working_copies as wc

    folder = Path(tempfile.mkdtemp(prefix="finsamdesk-bench-sync-"))
    try:
        main_path, copy_path = _files(folder)
        db = files.open_file(main_path)
        try:
            start, cpu_start = time.perf_counter(), time.process_time()
            preview = wc.preview(db, copy_path)
            previewed, cpu_previewed = time.perf_counter(), time.process_time()
            report = wc.merge(db, preview, {})
            done, cpu_done = time.perf_counter(), time.process_time()
        finally:
            db.conn.close()
        rows = sum(c.added + c.changed + c.deleted for c in report.counts)
        return previewed - start, done - start, rows, cpu_previewed - cpu_start, cpu_done - cpu_start
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def bench_sync(runs: int) -> list[str]:
    results = [_merge_once() for _ in range(max(1, runs))]
    preview = statistics.median(r[0] for r in results)
    total = statistics.median(r[1] for r in results)
    cpu_preview = statistics.median(r[3] for r in results)
    cpu_total = statistics.median(r[4] for r in results)
    mark = "ok" if total <= GOAL_S else "ÖVER MÅLET"
    return [f"sync: merge of {PARTICIPANTS} changed participants + {INVOICES} invoices ({results[0][2]} rows): "
            f"preview {preview:.2f} s (cpu {cpu_preview:.2f} s), preview + merge {total:.2f} s (cpu {cpu_total:.2f} s)"
            f" (median of {len(results)}; goal ≤ {GOAL_S:.0f} s wall) {mark}"]
