"""What the program needs at run time ships with it: every folder of resources/ in the wheel and the bundle."""
import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _resource_folders() -> set[str]:
    return {p.name for p in (ROOT / "resources").iterdir() if p.is_dir() and not p.name.startswith((".", "_"))}


def test_the_pyinstaller_spec_bundles_every_resource_folder():
    spec = (ROOT / "packaging" / "finsamdesk.spec").read_text(encoding="utf-8")
    bundled = set(re.findall(r'\(str\(ROOT / "resources" / "(\w+)"\), "resources/\1"\)', spec))
    assert bundled == _resource_folders() >= {"forms", "fonts", "demo"}


def test_setup_maps_all_of_resources_into_the_package():
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    setup = next(n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "setup")
    keywords = {k.arg: ast.literal_eval(k.value) for k in setup.keywords if k.arg != "packages"}
    assert keywords["package_dir"] == {"finsamdesk._resources": "resources"}
    assert keywords["package_data"] == {"finsamdesk._resources": ["**/*"]}
