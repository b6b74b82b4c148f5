"""`finsamdesk insatser list|show|export|dossier`: the insatser the förbund finances, their money and the
revisor's dossier, without a window."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from ..domain.insatser import KINDS, STATUSES
from ..services import dossier, economy_files, insatser
from ..services.output import write_file_atomic
from .arguments import EXIT_OK, UsageError, year
from .common import EXCEL_OR_PDF, Context, cut, kr, suffix, table


def add_parsers(sub) -> None:
    i = sub.add_parser("insatser", help="insatser: lista, visa, exportera ekonomin",
                       description="Insatserna som förbundet finansierar.")
    ia = i.add_subparsers(title="åtgärder", dest="action", metavar="ÅTGÄRD", required=True)
    c = ia.add_parser("list", help="lista insatser med årets pengar", description="Lista insatserna.")
    c.add_argument("--year", type=year, metavar="ÅR", help="året för beviljat och fakturerat (standard: i år)")
    c.add_argument("--archived", action="store_true", help="ta med arkiverade insatser")
    c.set_defaults(handler=list_insatser)
    c = ia.add_parser("show", help="visa en insats", description="Visa en insats: ekonomi per år och rapporter.")
    c.add_argument("key", metavar="ID|NAMN")
    c.set_defaults(handler=show_insats)
    c = ia.add_parser("export", help="exportera en insats ekonomi (.xlsx/.pdf) eller listan (.xlsx)",
                      description="Exportera en insats ekonomi, eller utan ID listan över insatser, som Excel.")
    c.add_argument("key", metavar="ID|NAMN", nargs="?")
    c.add_argument("--out", metavar="FIL", required=True)
    c.add_argument("--year", type=year, metavar="ÅR", help="året för listan (standard: i år)")
    c.set_defaults(handler=export_insats)
    c = ia.add_parser("dossier", help="dossier för revisionen som en PDF med bokmärken",
                      description="Insatsens ansökan, beslut (protokollsutdrag), fakturor, mottagna rapporter och "
                                  "ekonomi som en PDF med bokmärken, för revisorerna.")
    c.add_argument("key", metavar="ID|NAMN")
    c.add_argument("--out", metavar="F.pdf", required=True)
    c.set_defaults(handler=write_dossier)


def list_insatser(args, ctx: Context) -> int:
    year_ = args.year or date.today().year
    rows = insatser.filter_rows(insatser.list_rows(ctx.db(), year_), insatser.RowFilter(show_archived=args.archived))
    cells = [[str(r.id), cut(r.name, 40), cut(r.owner, 24), STATUSES.get(r.status, r.status), kr(r.granted),
              kr(r.spent), kr(r.remaining), r.next_report.isoformat() if r.next_report else "",
              str(r.overdue_reports or "")] for r in sorted(rows, key=lambda r: r.name)]
    print(table(["Id", "Namn", "Insatsägare", "Status", f"Beviljat {year_}", "Fakturerat", "Kvar",
                 "Nästa rapport", "Försenade"], cells, {4, 5, 6}))
    print(f"\n{len(rows)} insatser.")
    return EXIT_OK


def show_insats(args, ctx: Context) -> int:
    db = ctx.db()
    i = insatser.find(db, args.key)
    lines = [i.name, f"Typ: {KINDS.get(i.kind, i.kind)}. Status: {STATUSES.get(i.status, i.status)}."
             + (" Arkiverad." if i.archived else ""),
             f"Insatsägare: {i.owner or '–'}. Kontakt: {i.contact or '–'}. Period: {i.period_start} – {i.period_end}."]
    for economy_year in insatser.economy_years(db, i):
        e = insatser.economy(db, i.id, economy_year)
        lines += ["", f"{economy_year}:"]
        rows = [[c, kr(e.granted.get(c, 0)), kr(e.spent.get(c, 0)), kr(e.remaining_in(c))] for c in e.categories]
        rows.append(["Summa", kr(e.granted_total), kr(e.spent_total), kr(e.remaining)])
        lines.append(table(["Kategori", "Beviljat", "Utfall", "Kvar"], rows, {1, 2, 3}))
        lines += [f"Obs: {w}" for w in e.warnings()]
    today = date.today()
    lines += ["", "Rapporter:"]
    lines.append(table(["Rapport", "Sista dag", "Mottagen"], [
        [r.title, r.due.isoformat(), r.received_on.isoformat() if r.received_on else
         ("FÖRSENAD" if r.overdue(today) else "")] for r in insatser.reports(db, i.id)]))
    print("\n".join(lines))
    return EXIT_OK


def write_dossier(args, ctx: Context) -> int:
    suffix(args.out, (".pdf",))
    db = ctx.db()
    i = insatser.find(db, args.key)
    dossier.write_dossier(db, i.id, args.out)
    print(f"Dossiern för {i.name} sparad i {args.out}.", file=sys.stderr)
    return EXIT_OK


def export_insats(args, ctx: Context) -> int:
    fmt = suffix(args.out, EXCEL_OR_PDF)
    db = ctx.db()
    if args.key is None:
        if fmt != "xlsx":
            raise UsageError("Listan över insatser exporteras som .xlsx; ange ett ID för en PDF.")
        year_ = args.year or date.today().year
        write_file_atomic(Path(args.out), economy_files.insats_list_xlsx(db, year_))
        print(f"Insatserna {year_} sparade i {args.out}.", file=sys.stderr)
        return EXIT_OK
    i = insatser.find(db, args.key)
    data = (economy_files.insats_xlsx if fmt == "xlsx" else economy_files.insats_pdf)(db, i.id)
    write_file_atomic(Path(args.out), data)
    print(f"Ekonomin för {i.name} sparad i {args.out}.", file=sys.stderr)
    return EXIT_OK
