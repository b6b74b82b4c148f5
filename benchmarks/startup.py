"""Start-up: finsamdesk against a bare PySide6 window, measured side by side.

`python -m finsamdesk --file EXAMPLE --quit-when-shown` on an example file made once beforehand
(`finsamdesk demo --out EXAMPLE`), against a bare PySide6 window with a QTableView, run alternately N times
each, offscreen, in a temporary FINSAMDESK_HOME. The parent passes FINSAMDESK_T0 (time.time() just before
starting the child); the child prints `shown <seconds since T0>` when its window is first shown, and
finsamdesk also `ready <seconds>` when the file is open and its list filled. Goal: ≤ 1.5 × the bare window.

Run: `python -m benchmarks --only startup [--runs N]`.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
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
        root = str(Path(__file__).resolve().parent.parent)  # the checkout, so the child imports this finsamdesk
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
