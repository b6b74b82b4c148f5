"""ui/pyside_import_check.py: PySide's question of every imported module ("does its source name PySide6?"), asked
of the file's bytes instead of through inspect, gives the same answers; and PySide, in the versions pyproject.toml
allows, has the check where install() looks for it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CODE = r'''
import json, sys
import PySide6.QtWidgets
import finsamdesk.ui.main_window, finsamdesk.services.overview, finsamdesk.ui.overview.page  # ours, with and without Qt
import sqlite_utils, json as _json  # a library, the standard library
from finsamdesk.ui import pyside_import_check
feature = sys.modules["shibokensupport.feature"]
original = feature._mod_uses_pyside
fast = pyside_import_check.bytes_check(original)
answers = {name: (original(m), fast(m)) for name, m in list(sys.modules.items()) if m is not None}
installed = [pyside_import_check.install(), pyside_import_check.install()]
print(json.dumps({"answers": answers, "installed": installed,
                  "reads_bytes": getattr(feature._mod_uses_pyside, "reads_bytes", False)}))
'''


def test_the_bytes_give_pysides_answers_and_install_finds_the_check(tmp_path):
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)}
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, env=env, cwd=tmp_path,
                         timeout=120, check=True)
    result = json.loads(out.stdout.splitlines()[-1])
    differ = {name: pair for name, pair in result["answers"].items() if pair[0] != pair[1]}
    assert differ == {}
    answers = result["answers"]
    assert answers["finsamdesk.ui.main_window"] == [True, True]  # names PySide6
    assert answers["finsamdesk.services.overview"] == [False, False]  # does not
    assert len(answers) > 200
    assert result["installed"] == [True, False] and result["reads_bytes"]  # found, and replaced once
