"""The benchmarks live outside the shipped package and still import (they are run by hand, never timed here)."""
import importlib
import pkgutil
from pathlib import Path

import finsamdesk

ROOT = Path(__file__).resolve().parent.parent


def test_no_benchmark_inside_the_package():
    names = [m.name for m in pkgutil.walk_packages(finsamdesk.__path__, "finsamdesk.")]
    assert not [n for n in names if "bench" in n.rsplit(".", 1)[-1]]


def test_every_benchmark_module_imports_and_is_in_the_readme():
    readme = (ROOT / "benchmarks" / "README.md").read_text(encoding="utf-8")
    modules = sorted(p.stem for p in (ROOT / "benchmarks").glob("*.py") if not p.stem.startswith("_"))
    assert modules == ["applications", "economy", "esf", "form_reading", "importers", "meetings", "participants",
                       "reports", "startup", "sync"]
    for name in modules:
        module = importlib.import_module(f"benchmarks.{name}")
        assert [f for f in dir(module) if f.startswith("bench_")], name
        assert f"`{name}.py`" in readme, name
    areas = importlib.import_module("benchmarks.__main__").AREAS
    assert {module for module, _function, _most, _default in areas.values()} == set(modules), "every module is an area"
    for module, function, _most, _default in areas.values():
        assert callable(getattr(importlib.import_module(f"benchmarks.{module}"), function)), function
