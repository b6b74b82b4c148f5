"""The layer rules of DESIGN.md hold, checked by import-linter from pyproject.toml."""

import re
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _lint_imports() -> list[str]:
    script = Path(sysconfig.get_path("scripts")) / "lint-imports"
    if script.exists():
        return [str(script)]
    # Fallback: same interpreter, import-linter's console entry point.
    return [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())"]


def test_import_contracts_are_kept():
    result = subprocess.run(
        [*_lint_imports(), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"lint-imports failed:\n{output}"
    assert "broken" in output.lower() and "0 broken" in output.lower(), output


def test_pyside6_pinned_below_6_12():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = [d for d in project["dependencies"] if re.match(r"PySide6(-Essentials)?\b", d)]
    assert pins, "PySide6 is not a dependency"
    for pin in pins:
        assert "<6.12" in pin.replace(" ", ""), f"{pin!r} must pin PySide6 below 6.12 (crashes CPython 3.11)"
