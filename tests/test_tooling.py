"""The tools in pyproject.toml keep the code as it is: mypy strict on the packages that are clean, ruff on all.

mypy reads [tool.mypy] (strict); `--follow-imports=silent` checks what the package imports without reporting
errors that live outside it. A package joins STRICT_PACKAGES when it reaches 0 errors and never leaves it.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STRICT_PACKAGES = ["finsamdesk/domain"]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
@pytest.mark.parametrize("package", STRICT_PACKAGES)
def test_mypy_strict_finds_nothing(package, tmp_path):
    result = _run("mypy", "--follow-imports=silent", "--cache-dir", str(tmp_path / "mypy"), package)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_finds_nothing():
    result = _run("ruff", "check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr
