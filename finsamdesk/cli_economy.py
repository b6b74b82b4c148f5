"""`finsamdesk budget show|export YEAR` and `finsamdesk insatser list|show|export`: the economy without a window."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from .domain.budget import COLUMN_LABELS, COLUMNS
from .domain.insatser import KINDS, STATUSES
from .domain.money import format_amount


class EconomyUsageError(Exception):
    """Bad arguments; the CLI prints the message and exits 2."""


def _kr(ore: int | None) -> str:
    return format_amount(ore, "kr", sep=" ")


def add_parsers(sub, parser_class) -> None:
    b = sub.add_parser("budget", help="förbundets budget: visa eller exportera ett år",
                       description="Förbundets budget för ett år: budget, prognos och utfall.")
    ba = b.add_subparsers(dest="action", metavar="ÅTGÄRD", parser_class=parser_class, required=True)
    c = ba.add_parser("show", help="visa årets budget", description="Visa budgeten för ett år.")
    c.add_argument("year", type=int, metavar="ÅR")
    c = ba.add_parser("export", help="exportera årets budget som Excel eller PDF",
                      description="Exportera budgeten för ett år; formatet följer filändelsen (.xlsx eller .pdf).")
    c.add_argument("year", type=int, metavar="ÅR")
    c.add_argument("--out", metavar="FIL", required=True, help="budget-2026.xlsx eller budget-2026.pdf")

    i = sub.add_parser("insatser", help="insatser: lista, visa, exportera ekonomin",
                       description="Insatserna som förbundet finansierar.")
    ia = i.add_subparsers(dest="action", metavar="ÅTGÄRD", parser_class=parser_class, required=True)
    c = ia.add_parser("list", help="lista insatser med årets pengar", description="Lista insatserna.")
    c.add_argument("--year", type=int, metavar="ÅR", help="året för beviljat och fakturerat (standard: i år)")
    c.add_argument("--archived", action="store_true", help="ta med arkiverade insatser")
    c = ia.add_parser("show", help="visa en insats", description="Visa en insats: ekonomi per år och rapporter.")
    c.add_argument("key", metavar="ID|NAMN")
    c = ia.add_parser("export", help="exportera en insats ekonomi (.xlsx/.pdf) eller listan (.xlsx)",
                      description="Exportera en insats ekonomi, eller utan ID listan över insatser, som Excel.")
    c.add_argument("key", metavar="ID|NAMN", nargs="?")
    c.add_argument("--out", metavar="FIL", required=True)
    c.add_argument("--year", type=int, metavar="ÅR", help="året för listan (standard: i år)")


def _format(path: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise EconomyUsageError(f"{path}: filen ska sluta på .xlsx eller .pdf.")
    return suffix[1:]


def budget_show(db, args) -> int:
    from .services import budget

    sheet = budget.sheet(db, args.year)
    lines = [f"Budget {args.year}" + ("" if args.year in budget.years(db) else " (inget sparat ännu)"), ""]
    rows = [[r.label, *("" if r.kind == "heading" else _kr(v) for v in r.values)] for r in sheet.rows]
    lines.append(_table(["Post", *(COLUMN_LABELS[c] for c in COLUMNS)], rows, {1, 2, 3}))
    lines += ["", "Medlemsbidrag:"]
    lines.append(_table(["Betalare", "Andel", "Belopp"],
                        [[p, s, _kr(a)] for p, a, s in budget.contributions(db, args.year)], {1, 2}))
    lines += [f"Obs: {w}" for w in sheet.warnings]
    print("\n".join(lines))
    return 0


def budget_export(db, args) -> int:
    from .services import economy_files
    from .services.output import write_file_atomic

    fmt = _format(args.out)
    data = (economy_files.budget_xlsx if fmt == "xlsx" else economy_files.budget_pdf)(db, args.year)
    write_file_atomic(Path(args.out), data)
    print(f"Budgeten för {args.year} sparad i {args.out}.", file=sys.stderr)
    return 0


def insatser_list(db, args) -> int:
    from .services import insatser

    year = args.year or date.today().year
    rows = insatser.filter_rows(insatser.list_rows(db, year), insatser.RowFilter(show_archived=args.archived))
    table = [[str(r.id), _cut(r.name, 40), _cut(r.owner, 24), STATUSES.get(r.status, r.status), _kr(r.granted),
              _kr(r.spent), _kr(r.remaining), r.next_report.isoformat() if r.next_report else "",
              str(r.overdue_reports or "")] for r in sorted(rows, key=lambda r: r.name)]
    print(_table(["Id", "Namn", "Insatsägare", "Status", f"Beviljat {year}", "Fakturerat", "Kvar",
                  "Nästa rapport", "Försenade"], table, {4, 5, 6}))
    print(f"\n{len(rows)} insatser.")
    return 0


def insatser_show(db, args) -> int:
    from .services import insatser

    i = insatser.find(db, args.key)
    lines = [i.name, f"Typ: {KINDS.get(i.kind, i.kind)}. Status: {STATUSES.get(i.status, i.status)}."
             + (" Arkiverad." if i.archived else ""),
             f"Insatsägare: {i.owner or '–'}. Kontakt: {i.contact or '–'}. Period: {i.period_start} – {i.period_end}."]
    for year in insatser.economy_years(db, i):
        e = insatser.economy(db, i.id, year)
        lines += ["", f"{year}:"]
        rows = [[c, _kr(e.granted.get(c, 0)), _kr(e.spent.get(c, 0)), _kr(e.remaining_in(c))] for c in e.categories]
        rows.append(["Summa", _kr(e.granted_total), _kr(e.spent_total), _kr(e.remaining)])
        lines.append(_table(["Kategori", "Beviljat", "Utfall", "Kvar"], rows, {1, 2, 3}))
        lines += [f"Obs: {w}" for w in e.warnings()]
    today = date.today()
    lines += ["", "Rapporter:"]
    lines.append(_table(["Rapport", "Sista dag", "Mottagen"], [
        [r.title, r.due.isoformat(), r.received_on.isoformat() if r.received_on else
         ("FÖRSENAD" if r.overdue(today) else "")] for r in insatser.reports(db, i.id)]))
    print("\n".join(lines))
    return 0


def insatser_export(db, args) -> int:
    from .services import economy_files, insatser
    from .services.output import write_file_atomic

    fmt = _format(args.out)
    if args.key is None:
        if fmt != "xlsx":
            raise EconomyUsageError("Listan över insatser exporteras som .xlsx; ange ett ID för en PDF.")
        year = args.year or date.today().year
        write_file_atomic(Path(args.out), economy_files.insats_list_xlsx(db, year))
        print(f"Insatserna {year} sparade i {args.out}.", file=sys.stderr)
        return 0
    i = insatser.find(db, args.key)
    data = (economy_files.insats_xlsx if fmt == "xlsx" else economy_files.insats_pdf)(db, i.id)
    write_file_atomic(Path(args.out), data)
    print(f"Ekonomin för {i.name} sparad i {args.out}.", file=sys.stderr)
    return 0


HANDLERS = {("budget", "show"): budget_show, ("budget", "export"): budget_export,
            ("insatser", "list"): insatser_list, ("insatser", "show"): insatser_show,
            ("insatser", "export"): insatser_export}


def _cut(text: str, n: int) -> str:
    from .cli import (
        _cut as cut,  # cli imports this module first; its helpers are ready when a command runs
    )

    return cut(text or "", n)


def _table(headers: list[str], rows: list[list[str]], right: set[int] = frozenset()) -> str:
    from .cli import _table as table

    return table(headers, rows, right)
