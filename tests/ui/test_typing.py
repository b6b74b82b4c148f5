"""mypy --strict on the window's code stays under the ceiling issue 11 set (≤ 50 errors; 9 when it was set, all
in code that waits for explicit re-exports in services or for the file-safety dialogs' annotations). Lower the
ceiling as the count falls; when it reaches 0, ui joins STRICT_PACKAGES in tests/test_tooling.py."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
CEILING = 50


@pytest.mark.slow
def test_mypy_strict_on_ui_stays_under_the_ceiling(tmp_path):
    result = subprocess.run([sys.executable, "-m", "mypy", "--follow-imports=silent", "--cache-dir",
                             str(tmp_path / "mypy"), "finsamdesk/ui"], cwd=ROOT, capture_output=True, text=True,
                            timeout=600)
    errors = [line for line in result.stdout.splitlines() if re.match(r"finsamdesk/ui/\S+:\d+: error:", line)]
    assert len(errors) <= CEILING, "\n".join(errors)
