"""`finsamdesk budget show|export ÅR`: the förbund's budget of a year without a window."""
from __future__ import annotations

import sys
from pathlib import Path

from ..domain.budget import COLUMN_LABELS, COLUMNS
from ..services import budget, economy_files
from ..services.output import write_file_atomic
from .arguments import EXIT_OK, year
from .common import EXCEL_OR_PDF, Context, kr, suffix, table


def add_parsers(sub) -> None:
    b = sub.add_parser("budget", help="förbundets budget: visa eller exportera ett år",
                       description="Förbundets budget för ett år: budget, prognos och utfall.")
    ba = b.add_subparsers(title="åtgärder", dest="action", metavar="ÅTGÄRD", required=True)
    c = ba.add_parser("show", help="visa årets budget", description="Visa budgeten för ett år.")
    c.add_argument("year", type=year, metavar="ÅR")
    c.set_defaults(handler=show_budget)
    c = ba.add_parser("export", help="exportera årets budget som Excel eller PDF",
                      description="Exportera budgeten för ett år; formatet följer filändelsen (.xlsx eller .pdf).")
    c.add_argument("year", type=year, metavar="ÅR")
    c.add_argument("--out", metavar="FIL", required=True, help="budget-2026.xlsx eller budget-2026.pdf")
    c.set_defaults(handler=export_budget)


def show_budget(args, ctx: Context) -> int:
    db = ctx.db()
    sheet = budget.sheet(db, args.year)
    lines = [f"Budget {args.year}" + ("" if args.year in budget.years(db) else " (inget sparat ännu)"), ""]
    rows = [[r.label, *("" if r.kind == "heading" else kr(v) for v in r.values)] for r in sheet.rows]
    lines.append(table(["Post", *(COLUMN_LABELS[c] for c in COLUMNS)], rows, {1, 2, 3}))
    lines += ["", "Medlemsbidrag:"]
    lines.append(table(["Betalare", "Andel", "Belopp"],
                       [[p, s, kr(a)] for p, a, s in budget.contributions(db, args.year)], {1, 2}))
    lines += [f"Obs: {w}" for w in sheet.warnings]
    print("\n".join(lines))
    return EXIT_OK


def export_budget(args, ctx: Context) -> int:
    fmt = suffix(args.out, EXCEL_OR_PDF)
    db = ctx.db()
    data = (economy_files.budget_xlsx if fmt == "xlsx" else economy_files.budget_pdf)(db, args.year)
    write_file_atomic(Path(args.out), data)
    print(f"Budgeten för {args.year} sparad i {args.out}.", file=sys.stderr)
    return EXIT_OK
