"""Importers under attack (issue 12 item 7): each hostile .xlsx imported in a fresh process, with its peak memory
and time, and the fuzz tests at full size (at least 2 000 JSON and 300 Excel inputs), with what the inputs did.

Run through `python -m benchmarks --only importers` (about 5–10 minutes). The hostile files are made by
tests/fixtures/hostile_xlsx.py, so this runs from the checkout.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PEAK_GOAL_MB = 300
REFERENCE_ROWS = 100_000  # the largest real file: a hostile one may take as long, not longer
FULL = {"json": 2_000, "xlsx": 300}

# name → Python expression (over `h`, tests.fixtures.hostile_xlsx) making the file
HOSTILE = {
    f"reference: a real file of {REFERENCE_ROWS:,} rows".replace(",", " "):
        f"__import__('benchmarks.participants', fromlist=['x'])._import_file({REFERENCE_ROWS})",
    "zip bomb: 1 MiB, one cell of 1 GiB": "h.bomb(1024, 'sheet')",
    "zip bomb: shared string of 1 GiB": "h.bomb(1024, 'shared')",
    "3 million shared strings (8 MB)": "h.many_strings_bomb(3_000_000)",
    "1.45 million shared strings (31 MB)": "h.many_strings_bomb(1_450_000)",
    "1 490 rows of 1 000 numbers (1.49 M cells)": "h.xlsx([[*h.valid_row(i), *[1] * 988] for i in range(1490)])",
    "490 000 shared strings (10 MB)": "h.many_strings_bomb(490_000)",
    "4 500 rows of 1 000 numbers": "h.xlsx([[*h.valid_row(i), *[1] * 988] for i in range(4500)])",
    "3 000 names of 32 000 characters (96 MB)":
        "h.xlsx([['N', None, 'x' * 32_000, 'Kvinna', None, '2026-01-15']] * 3000)",
    "a name of 50 MB": "h.xlsx([['N1', None, 'x' * 50_000_000, 'Kvinna', None, '2026-01-15']])",
    "1e400 as personnummer": "h.xlsx([['X', ('raw', '<v>1e400</v>'), None, 'Kvinna', None, '2026-01-15']])",
    "bad shared-string index": "h.xlsx([[('s', 5), None, None, 'Kvinna', None, '2026-01-15']], shared=['a'])",
    "<dimension> says 2 of 6 rows": "h.xlsx([h.valid_row(i) for i in range(1, 6)], dimension='A1:L2')",
}

_CHILD = """
import sys, threading, time
sys.path.insert(0, {root!r})
from pathlib import Path
from tests.fixtures.participant_files import TODAY, new_register
from finsamdesk.services import participant_files
from finsamdesk.services.errors import ServiceError
import openpyxl, finsamdesk.documents.participants_import
db, key, insats = new_register(Path({folder!r}))
data = Path({file!r}).read_bytes()


def rss_kb():
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:"))


peak, running = [rss_kb()], [True]
before = peak[0]


def sample():  # the peak of this process while the import runs (ru_maxrss is scrypt's, from the unlock)
    while running[0]:
        peak[0] = max(peak[0], rss_kb())
        time.sleep(0.005)


threading.Thread(target=sample, daemon=True).start()
start = time.perf_counter()
try:
    what = "imported %d" % len(participant_files.import_participants(db, insats, data, key, TODAY).ids)
except ServiceError as exc:
    what = "refused: " + " ".join(str(exc).split())[:110]
except BaseException as exc:
    what = "UNCAUGHT " + type(exc).__name__
seconds = time.perf_counter() - start
running[0] = False
peak[0] = max(peak[0], rss_kb())
print(max(0, peak[0] - before) // 1024, seconds, what, sep="\\t")
"""


def _hostile_line(name: str, make: str, reference_s: float = 0.0) -> tuple[str, float]:
    sys.path.insert(0, str(ROOT))
    from tests.fixtures import hostile_xlsx as h  # noqa: F401 - used by `make`

    data = eval(make, {"h": h})  # noqa: S307 - the expressions above
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "fientlig.xlsx"
        file.write_bytes(data)
        del data
        code = _CHILD.format(root=str(ROOT), folder=folder, file=str(file))
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT)
        size = file.stat().st_size
    if done.returncode != 0:
        return f"  {name:38s} CRASHED: {done.stderr.strip().splitlines()[-1:]}", 0.0
    grew, seconds, what = done.stdout.strip().split("\t")
    grew_mb, seconds_f = int(grew), float(seconds)
    fast = not reference_s or seconds_f <= 1.2 * reference_s
    verdict = "OK" if grew_mb < PEAK_GOAL_MB and fast and "UNCAUGHT" not in what else "OVER"
    return f"  {name:38s} {size / 1e6:5.2f} MB file  +{grew_mb:5d} MB  {seconds_f:5.1f} s  {verdict}  {what}", seconds_f


def _fuzz_lines() -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "fuzz.json"
        env = {**os.environ, "FINSAMDESK_FUZZ": "1", "FINSAMDESK_FUZZ_REPORT": str(report),
               "QT_QPA_PLATFORM": "offscreen"}
        done = subprocess.run([sys.executable, "-m", "pytest", "-q",
                               "tests/services/test_fuzz_json.py", "tests/services/test_fuzz_excel.py",
                               "tests/services/test_fuzz_templates.py"],
                              capture_output=True, text=True, check=False, cwd=ROOT, env=env)
        counts = json.loads(report.read_text(encoding="utf-8")) if report.exists() else []
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-200:]
    lines = [f"  pytest at full size: {summary}"]
    for importer in ("json", "xlsx", "template"):
        rows = [(what, n) for kind, what, n in counts if kind == importer]
        total = sum(n for _, n in rows)
        goal = FULL.get(importer)
        verdict = "" if goal is None else f"  goal ≥ {goal}  {'OK' if total >= goal else 'UNDER'}"
        lines.append(f"  {importer}: {total} inputs{verdict}")
        lines += [f"      {n:6d}  {what}" for what, n in sorted(rows, key=lambda r: -r[1])]
    failed = done.returncode != 0
    lines.append(f"  uncaught exceptions or broken properties: {'SEE pytest output above' if failed else 0}")
    return lines


def bench_importers(runs: int = 1) -> list[str]:
    lines = [f"importers: hostile .xlsx, each in a fresh process (goal: < {PEAK_GOAL_MB} MB more memory, no "
             "slower than the largest real file, refused with a Swedish message)"]
    reference_s = 0.0
    for name, make in HOSTILE.items():
        line, seconds = _hostile_line(name, make, reference_s)
        reference_s = reference_s or seconds
        lines.append(line)
    lines.append("importers: the fuzz tests at full size (FINSAMDESK_FUZZ=1)")
    lines += _fuzz_lines()
    return lines
