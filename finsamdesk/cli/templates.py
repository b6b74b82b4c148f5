"""`finsamdesk templates list` and `finsamdesk demo --out FIL.sqlite`: the forms there are, and an example file."""
from __future__ import annotations

from pathlib import Path

from ..services import files
from ..services.templates import list_templates
from .arguments import DATA_FILE_SUFFIXES, EXIT_OK, UsageError
from .common import Context, suffix, table


def add_parsers(sub) -> None:
    t = sub.add_parser("templates", help="formulärmallar", description="Formulärmallar.")
    ta = t.add_subparsers(title="åtgärder", dest="action", metavar="ÅTGÄRD", required=True)
    ta.add_parser("list", help="lista formulärmallarna",
                  description="Lista formulärmallarna.").set_defaults(handler=list_forms)

    d = sub.add_parser("demo", help="skapa en fil med exempeldata",
                       description="Skapa en ny fil med påhittade exempeldata (ett exempelförbund).")
    d.add_argument("--out", metavar="FIL.sqlite", required=True, help="den nya filen (får inte finnas)")
    d.set_defaults(handler=create_demo)


def list_forms(args, ctx: Context) -> int:
    print(table(["Id", "Namn", "Version"], [[t.id, t.name, t.version] for t in list_templates()]))
    return EXIT_OK


def create_demo(args, ctx: Context) -> int:
    from ..services.demo import create_example

    suffix(args.out, DATA_FILE_SUFFIXES)
    out = Path(args.out)
    if out.exists() and (out.is_dir() or out.stat().st_size > 0):
        raise UsageError(f"{out} finns redan; exempeldata skrivs bara till en ny fil.")
    if not out.parent.is_dir():
        raise UsageError(f"Mappen {out.parent} finns inte.")
    db = files.new_file(out, "")
    try:
        created = create_example(db)
    finally:
        db.close()
    print(f"Skapade {out} med exempeldata: {len(created)} påhittade ansökningar, insatser och budget.")
    return EXIT_OK
