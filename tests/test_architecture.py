"""The layer rules of DESIGN.md hold, checked by import-linter from pyproject.toml, and they bite.

Contracts: the layers (every module in one), ui and cli never import store or documents, no import cycle, only
ui and app import PySide6, domain is pure. grimp (import-linter's graph) sees imports inside functions and under
TYPE_CHECKING as well as at the top of a module; the cycle test below names the modules of any cycle.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
CONTRACTS = PYPROJECT["tool"]["importlinter"]["contracts"]

def _lint_imports() -> list[str]:
    script = Path(sysconfig.get_path("scripts")) / "lint-imports"
    if script.exists():
        return [str(script)]
    # Fallback: same interpreter, import-linter's console entry point.
    return [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())"]


def _run_lint_imports(cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*_lint_imports(), "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env=env)


def test_import_contracts_are_kept():
    result = _run_lint_imports(ROOT)
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"lint-imports failed:\n{output}"
    assert "broken" in output.lower() and "0 broken" in output.lower(), output


def _graph() -> grimp.ImportGraph:
    return grimp.build_graph("finsamdesk", cache_dir=None)


def _layers() -> list[str]:
    [layers] = [c["layers"] for c in CONTRACTS if c["type"] == "layers"]
    return [name.strip() for layer in layers for name in layer.split("|")]


def test_every_module_is_in_a_layer():
    layers = _layers()
    outside = sorted(m for m in _graph().modules if m != "finsamdesk"
                     and not any(m == layer or m.startswith(layer + ".") for layer in layers))
    assert not outside, f"modules in no layer of pyproject.toml's layers contract: {outside}"


def test_ui_and_cli_are_forbidden_store_and_documents():
    forbidden = [c for c in CONTRACTS if c["type"] == "forbidden"
                 and {"finsamdesk.ui", "finsamdesk.cli"} <= set(c["source_modules"])]
    assert forbidden and {"finsamdesk.store", "finsamdesk.documents"} <= set(forbidden[0]["forbidden_modules"])


def _cycles(edges: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components with more than one module (or a module importing itself): every
    module of a component reaches every other through imports. Iterative Tarjan."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1 or node in edges.get(node, ()):
                    found.append(component)
    return found


def test_cycle_finder_finds_cycles_through_any_path():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e"}, "f": {"d"}}
    assert sorted(map(sorted, _cycles(edges))) == [["a", "b", "c"], ["e"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_also_through_imports_inside_functions():
    graph = _graph()
    edges = {m: set(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    cycles = [sorted(c) for c in _cycles(edges)]
    assert not cycles, f"import cycles (imports inside functions count too): {cycles}"


def test_function_level_imports_are_in_the_graph():
    """A cycle hidden in a function is still a cycle: grimp records imports inside functions (the example
    generator imports its parts at the top today; services.meetings imports registers inside a function)."""
    details = _graph().get_import_details(importer="finsamdesk.services.meetings",
                                          imported="finsamdesk.services.registers")
    assert details and all(d["line_number"] > 200 for d in details)


def test_the_contracts_bite(tmp_path):
    """A copy of the package with a forbidden import in ui, one in cli and a cycle hidden in a function is refused
    by the same contracts."""
    shutil.copytree(ROOT / "finsamdesk", tmp_path / "finsamdesk", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    with (tmp_path / "finsamdesk" / "ui" / "widgets.py").open("a", encoding="utf-8") as f:
        f.write("\nfrom ..store import applications as _store  # noqa\n")
    cli = tmp_path / "finsamdesk" / ("cli" if (tmp_path / "finsamdesk" / "cli").is_dir() else "cli.py")
    cli_module = cli / "__init__.py" if cli.is_dir() else cli
    with cli_module.open("a", encoding="utf-8") as f:
        f.write("\nfrom ..documents import json_io as _json  # noqa\n" if cli.is_dir()
                else "\nfrom .documents import json_io as _json  # noqa\n")
    with (tmp_path / "finsamdesk" / "domain" / "money.py").open("a", encoding="utf-8") as f:
        f.write("\n\ndef _hidden():\n    from . import budget  # noqa\n")
    env = {**__import__("os").environ, "PYTHONPATH": str(tmp_path)}
    result = _run_lint_imports(tmp_path, env)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert re.search(r"ui and cli use services and domain only: no store, no documents BROKEN", output), output
    assert "finsamdesk.ui.widgets -> finsamdesk.store.applications" in output, output
    assert re.search(r"finsamdesk\.cli(\.__init__)? -> finsamdesk\.documents\.json_io", output), output
    assert "No import cycles BROKEN" in output and ".money" in output, output


def test_pyside6_pinned_below_6_12():
    project = PYPROJECT["project"]
    pins = [d for d in project["dependencies"] if re.match(r"PySide6(-Essentials)?\b", d)]
    assert pins, "PySide6 is not a dependency"
    for pin in pins:
        assert "<6.12" in pin.replace(" ", ""), f"{pin!r} must pin PySide6 below 6.12 (crashes CPython 3.11)"
