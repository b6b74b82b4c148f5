"""Start-up: finsamdesk against a bare PySide6 window, measured side by side.

`python -m finsamdesk --file EXAMPLE --quit-when-shown` on an example file made once beforehand
(`finsamdesk demo --out EXAMPLE`), against a bare PySide6 window with a QTableView, run alternately N times
each, offscreen, in a temporary FINSAMDESK_HOME. The parent passes FINSAMDESK_T0 (time.time() just before
starting the child); the child prints `shown <seconds since T0> cpu <its CPU seconds>` when its window is first
shown, and finsamdesk also `ready …` when the file is open and the page on screen (Översikt) shows it.
Goals: shown ≤ 1.3 × the bare window, ready ≤ 2 × the bare window (medians of the wall time). The ratio is also
given round by round (the median of each round's finsamdesk time over the bare window's just before or after it;
the two take turns to start a round): on a machine whose speed drifts, from run to run or minute to minute, it
moves less than the ratio of the medians.

The children run as an installed program does: with their bytecode cached (pip and PyInstaller compile it at
install time), in a cache folder of their own (PYTHONPYCACHEPREFIX) filled by one round that is not counted,
even where PYTHONDONTWRITEBYTECODE is set. CPU seconds are printed beside the wall time: on a machine shared
with other work the wall time grows with the load, the CPU time much less; the load average is printed too.

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
    print(f"shown {time.time() - t0:.4f} cpu {time.process_time():.4f}", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
'''

SHOWN_GOAL, READY_GOAL = 1.3, 2.0
Times = dict[str, tuple[float, float | None]]  # "shown"/"ready" → (wall seconds, CPU seconds or None)


def _run_child(cmd: list[str], env: dict[str, str]) -> tuple[Times, str]:
    """The child's times by what it printed, and its error text ("" when it exited 0)."""
    env = {**env, "FINSAMDESK_T0": repr(time.time())}
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    times: Times = {}
    for line in proc.stdout.splitlines():
        words = line.split()
        if len(words) >= 2 and words[0] in ("shown", "ready"):
            try:
                cpu = float(words[3]) if len(words) >= 4 and words[2] == "cpu" else None
                times[words[0]] = (float(words[1]), cpu)
            except ValueError:
                pass
    error = "" if proc.returncode == 0 else (proc.stderr.strip().splitlines() or [f"exit {proc.returncode}"])[-1]
    return times, error


def _load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def bench_startup(runs: int) -> list[str]:
    out = [f"start-up: load average before {_load()} (1, 5, 15 min; {os.cpu_count()} CPUs)"]
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "bare_window.py"
        script.write_text(BARE_WINDOW, encoding="utf-8")
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FINSAMDESK_HOME": str(Path(tmp) / "home"),
               "PYTHONPYCACHEPREFIX": str(Path(tmp) / "bytecode")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        root = str(Path(__file__).resolve().parent.parent)  # the checkout, so the child imports this finsamdesk
        env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
        example = Path(tmp) / "exempel.sqlite"
        subprocess.run([sys.executable, "-m", "finsamdesk", "demo", "--out", str(example)], env=env, check=True,
                       capture_output=True)
        commands = {"bare": [sys.executable, str(script)],
                    "app": [sys.executable, "-m", "finsamdesk", "--file", str(example), "--quit-when-shown"]}
        results: dict[str, list[Times]] = {"bare": [], "app": []}
        pairs: list[tuple[Times, Times]] = []  # (bare, app) of one round: run one just after the other
        errors: dict[str, str] = {}
        for round_ in range(runs + 1):  # round 0 fills the bytecode cache and is not counted
            this_round: dict[str, Times] = {}
            order = ("bare", "app") if round_ % 2 else ("app", "bare")  # neither always runs just after the other
            for name in order:
                cmd = commands[name]
                times, error = _run_child(cmd, env)
                if error:
                    errors[name] = error
                elif round_ and "shown" in times:
                    results[name].append(times)
                    this_round[name] = times
            if len(this_round) == 2:
                pairs.append((this_round["bare"], this_round["app"]))
    out.append(f"start-up: load average after  {_load()}")
    for name in ("bare", "app"):
        if errors.get(name) and not results[name]:
            out.append(f"start-up {name}: failed ({errors[name]})")
    if not results["app"] or not results["bare"]:
        return out

    def wall(name: str, what: str) -> float:
        return _median([t[what][0] for t in results[name] if what in t])

    def cpu(name: str, what: str) -> float:
        return _median([c for t in results[name] if what in t and (c := t[what][1]) is not None])

    bare, bare_cpu = wall("bare", "shown"), cpu("bare", "shown")
    out.append(f"start-up, bare QTableView window, shown (median of {len(results['bare'])}): "
               f"{bare * 1000:6.0f} ms  (CPU {bare_cpu * 1000:4.0f} ms)")
    for what, goal, text in (("shown", SHOWN_GOAL, "window shown"), ("ready", READY_GOAL, "file open, page filled")):
        app, app_cpu = wall("app", what), cpu("app", what)
        ratio, cpu_ratio = app / bare, app_cpu / bare_cpu
        paired = _median([a[what][0] / b["shown"][0] for b, a in pairs if what in a])
        out.append(f"start-up, finsamdesk {text:23} (median of {len(results['app'])}): {app * 1000:6.0f} ms  "
                   f"(CPU {app_cpu * 1000:4.0f} ms)  ratio {ratio:4.2f} ×  (CPU {cpu_ratio:4.2f} ×, "
                   f"round by round {paired:4.2f} ×)  goal ≤ {goal} ×  {'OK' if ratio <= goal else 'OVER'}")
    return out
