"""Deltagare at scale: 100 000 participants (identifiers encrypted) over 50 insatser.
Measures, each beside the raw SQLite (or openpyxl) floor it cannot beat:
  the register opening (service, and the page painted), filtering per keystroke as a user types
  (id, insats name, and a name when unlocked), statistics for the förbund, and importing 10 000 rows.
Run through `python -m benchmarks --only participants`."""
from __future__ import annotations

import io
import random
import sqlite3
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

PARTICIPANTS, INSATSER, IMPORT_ROWS = 100_000, 50, 10_000
OPEN_GOAL_S, KEY_GOAL_MS, IMPORT_GOAL_S = 0.5, 50, 5.0
PASSPHRASE = "benchmärkets lösenfras"


def build(path: Path):
    """The file: 50 insatser with individual registers, 2 000 participants each; returns (db, key, ids)."""
    from finsamdesk.domain.insatser import Insats
    from finsamdesk.services import files, insatser, participants
    from finsamdesk.services.demo_participants import category_ids, invented_participants
    from finsamdesk.store import participants as store

    db = files.new_file(path, "Benchförbundet")
    key = participants.create_passphrase(db, PASSPHRASE, PASSPHRASE)
    rng, cats, ids = random.Random(4), category_ids(db), []
    for n in range(INSATSER):
        insats = insatser.save(db, Insats(f"Insats {n:02d} – Hälsolots {['Åby', 'Ängby', 'Öby'][n % 3]}",
                                          period_start=date(2020, 1, 1), period_end=date(2027, 12, 31)))
        participants.set_mode(db, insats.id, "individ")
        ids.append(insats.id)
        items = invented_participants(rng, insats.id, PARTICIPANTS // INSATSER, date(2020, 1, 1), date(2026, 10, 1),
                                      cats, today=date(2026, 12, 1))
        with db.atomic():
            store.insert_participants(db, items, key)
    return db, key, ids


def _best_ms(action, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def _verdict(value: float, goal: float, unit: str) -> str:
    return f"goal < {goal:g} {unit}  {'OK' if value < goal else 'OVER'}"


def bench_participants(runs: int = 3) -> list[str]:
    from finsamdesk.services import files, participant_files, participants

    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "deltagare.sqlite"
        start = time.perf_counter()
        db, key, insats_ids = build(path)
        lines.append(f"participants file: {PARTICIPANTS} deltagare in {INSATSER} insatser, identifiers encrypted, "
                     "built "
                     f"in {time.perf_counter() - start:.1f} s ({path.stat().st_size // 1_000_000} MB)")
        db.conn.close()
        db = files.open_file(path, create=False)

        def floor():
            conn = sqlite3.connect(path)
            conn.execute("SELECT id, insats_id, code, gender, birth_year, start, end, support_id, outcome_id, "
                         "pnr_enc IS NOT NULL, name_enc IS NOT NULL, gallrad_on FROM participant").fetchall()
            conn.close()

        def floor_packed():  # the same facts as the store reads them: nine values a row
            conn = sqlite3.connect(path)
            conn.execute("SELECT id, insats_id, code, birth_year, start, end, support_id, outcome_id, "
                         "(gender = 'man') + 2 * (pnr_enc IS NOT NULL) + 4 * (name_enc IS NOT NULL) "
                         "+ 8 * (gallrad_on IS NOT NULL) FROM participant").fetchall()
            conn.close()

        raw = _best_ms(floor, runs)
        lines.append(f"raw SQLite floor: the list's 12 columns of {PARTICIPANTS} rows (sqlite3, fetchall): "
                     f"{raw:5.0f} ms")
        raw = _best_ms(floor_packed, runs)
        lines.append(f"raw SQLite floor: the same facts as 9 values a row (as the store reads): {raw:5.0f} ms")
        ms = _best_ms(lambda: participants.Register(db), runs)
        lines.append(f"register loaded (service: rows, letters of the codes, labels):  {ms:6.0f} ms")
        lines += _page(db, key, runs)
        ms = _best_ms(lambda: participant_files.statistics(db, 2026), runs)
        lines.append(f"statistics of the förbund for a year (service):               {ms:6.0f} ms")
        ms = _best_ms(lambda: participant_files.per_insats(db, 2026), runs)
        lines.append(f"statistics per insats, {INSATSER} insatser (service):                 {ms:6.0f} ms")
        lines += _import(db, key, insats_ids[0], Path(tmp))
        db.conn.close()
    return lines


def _page(db, key, runs: int) -> list[str]:
    """The page itself, offscreen: opened and painted, then typing in the search box."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from finsamdesk.ui.participants.page import ParticipantsPage

    lines = []
    page = ParticipantsPage()
    page.resize(1300, 800)
    page.show()

    def open_page():
        page.set_database(db)
        page._asked = True  # no passphrase dialog in a benchmark
        page.reload()
        app.processEvents()

    seconds = _best_ms(open_page, runs) / 1000
    lines.append(f"register page opened and painted, locked:                     {seconds:6.2f} s   "
                 f"{_verdict(seconds, OPEN_GOAL_S, 's')}")
    page.key = key
    start = time.perf_counter()
    page.register.reload()
    app.processEvents()
    lines.append(f"  … unlocked (the list again):                                {time.perf_counter() - start:6.2f} s")

    def typing(word: str) -> tuple[float, float, int]:
        times = []
        for k in range(1, len(word) + 1):
            start = time.perf_counter()
            page.register.search.setText(word[:k])
            app.processEvents()
            times.append((time.perf_counter() - start) * 1000)
        page.register.search.clear()
        app.processEvents()
        return statistics.median(times), max(times), len(word)

    start = time.perf_counter()
    page.register.register.load_names(db, key)
    names_ms = (time.perf_counter() - start) * 1000
    for label, word in (("a deltagar-id", "D01234"), ("an insats name", "hälsolots öby"),
                        ("a name (unlocked)", "sandberg"), ("a whole personnummer", "19850312-1234")):
        median, worst, n = typing(word)
        lines.append(f"filter {len(page.register.register)} rows typing {label} ({n} keys): median {median:5.1f} ms, "
                     f"max {worst:5.1f} ms   {_verdict(worst, KEY_GOAL_MS, 'ms')}")
    lines.append(f"  (names decrypted once when a name is first typed while unlocked: {names_ms:.0f} ms)")
    page.close()
    return lines


def _import_file(rows: int) -> bytes:
    """10 000 rows as Excel writes them (shared strings, real dates)."""
    from openpyxl import Workbook

    from finsamdesk.documents.participants_excel import COLUMNS
    from finsamdesk.domain.identifiers import format_personnummer
    from finsamdesk.services.demo_participants import invented_personnummer

    rng = random.Random(7)
    wb = Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws.append([h for _, h in COLUMNS])
    used = set()
    for n in range(rows):
        gender = ("kvinna", "man")[n % 2]
        born = date(rng.randint(1962, 2008), rng.randint(1, 12), rng.randint(1, 28))
        pnr = invented_personnummer(rng, born, gender)
        while pnr in used:
            pnr = invented_personnummer(rng, born, gender)
        used.add(pnr)
        start = date(2026, rng.randint(1, 10), rng.randint(1, 28))
        ws.append([f"I{n:05d}", format_personnummer(pnr), f"Person {n}", "", None, start, None, "Sjukpenning", None,
                   start, "Skriftligt", ""])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _import(db, key, insats_id: int, tmp: Path) -> list[str]:
    from openpyxl import load_workbook

    from finsamdesk.services import participant_files, participants

    data = _import_file(IMPORT_ROWS)

    def read_floor():
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        for _ in wb.active.iter_rows(values_only=True):
            pass
        wb.close()

    floor_s = _best_ms(read_floor, 1) / 1000
    lines = [f"openpyxl floor: reading {IMPORT_ROWS} rows × 12 columns (read-only):   {floor_s:6.2f} s"]
    conn = sqlite3.connect(tmp / "floor.sqlite")
    conn.execute("CREATE TABLE t (a, b, c, d, e, f, g, h, i, j, k, l)")
    start = time.perf_counter()
    with conn:
        conn.executemany("INSERT INTO t VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", [(i,) * 12 for i in range(IMPORT_ROWS)])
    lines.append(f"raw SQLite floor: inserting {IMPORT_ROWS} rows in one transaction:    "
                 f"{time.perf_counter() - start:6.2f} s")
    conn.close()
    start = time.perf_counter()
    result = participant_files.import_participants(db, insats_id, data, key)
    seconds = time.perf_counter() - start
    lines.append(f"import {len(result.ids)} rows (read, check every row, encrypt, save):    {seconds:6.2f} s   "
                 f"{_verdict(seconds, IMPORT_GOAL_S, 's')}")
    participants.delete(db, result.ids)
    return lines
