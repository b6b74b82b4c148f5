"""PySide6 asks of every module imported after it whether its source names "PySide6" (its `__feature__` support,
PYSIDE-2029): its import hook reads the text through inspect.getsource. For finsamdesk's ~110 modules on the way to
the first filled page that cost 12-15 ms of start-up (benchmarks/startup.py), more than a tenth of a bare window.

`install()` puts the same question, asked of the file's bytes, in the hook's place: the answer is the same for every
module with a .py file, and a module without one is asked the old way. PySide's function is private, so nothing is
changed where it is not found; tests/ui/test_pyside_import_check.py checks, for the PySide6 versions pyproject.toml
allows, that it is found and that both give the same answers.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

Check = Callable[[ModuleType], bool]


def install() -> bool:
    """Replace PySide's check (once); False where PySide has no such check."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original) or getattr(original, "reads_bytes", False):
        return False
    feature._mod_uses_pyside = bytes_check(original)  # type: ignore[attr-defined]
    return True


def bytes_check(original: Check) -> Check:
    """PySide's question ("PySide6" in the module's source?) read from the .py file's bytes, else as `original`."""

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    uses_pyside.reads_bytes = True  # type: ignore[attr-defined]
    return uses_pyside
