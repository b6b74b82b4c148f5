"""`finsamdesk participants …`: the participant register without a window.

The passphrase, where one is needed, comes from the environment variable FINSAMDESK_LOSENFRAS or is asked
for on the terminal (never as an argument: command lines end up in shell histories and process lists).
Lists printed here never show a personnummer or a name.
"""
from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from ..domain.participant_statistics import CountTable, months, percent
from ..domain.participants import MODES
from ..services import insatser, participant_files, participants
from ..services.output import write_file_atomic
from .arguments import EXIT_OK, EXIT_USAGE, UsageError, year
from .common import EXCEL_OR_PDF, Context, cut, kr, read_input, suffix, table

PASSPHRASE_ENV = "FINSAMDESK_LOSENFRAS"


def add_parsers(sub) -> None:
    p = sub.add_parser("participants", help="deltagare: mall, import, statistik, export, gallring",
                       description="Deltagarregistret. Lösenfrasen läses från FINSAMDESK_LOSENFRAS eller frågas efter.")
    pa = p.add_subparsers(title="åtgärder", dest="action", metavar="ÅTGÄRD", required=True)
    c = pa.add_parser("list", help="lista deltagare (utan personuppgifter)", description="Lista deltagare.")
    c.add_argument("--insats", metavar="ID|NAMN")
    c.add_argument("--year", type=year, metavar="ÅR")
    c.set_defaults(handler=list_participants)
    c = pa.add_parser("template", help="spara en importmall för en insats", description="Spara en importmall.")
    c.add_argument("--insats", metavar="ID|NAMN", required=True)
    c.add_argument("--out", metavar="FIL.xlsx", required=True)
    c.set_defaults(handler=save_template)
    c = pa.add_parser("import", help="importera deltagare från Excel (allt eller inget)",
                      description="Importera deltagare från en ifylld importmall. Felaktiga rader anges med nummer.")
    c.add_argument("path", metavar="FIL.xlsx")
    c.add_argument("--insats", metavar="ID|NAMN", required=True)
    c.set_defaults(handler=import_participants)
    c = pa.add_parser("stats", help="statistik per kön, ålder och utfall", description="Deltagarstatistik.")
    c.add_argument("--insats", metavar="ID|NAMN", help="en insats (standard: hela förbundet)")
    c.add_argument("--year", type=year, metavar="ÅR", help="ett år (standard: hela tiden)")
    c.add_argument("--out", metavar="FIL", help="spara som .xlsx eller .pdf")
    c.set_defaults(handler=show_statistics)
    c = pa.add_parser("export", help="exportera deltagare till Excel", description="Exportera deltagare.")
    c.add_argument("--insats", metavar="ID|NAMN")
    c.add_argument("--out", metavar="FIL.xlsx", required=True)
    c.add_argument("--with-identifiers", action="store_true",
                   help="ta med personnummer, namn och anteckningar (kräver lösenfrasen)")
    c.set_defaults(handler=export_participants)
    c = pa.add_parser("gallring", help="visa (eller gör) gallring av personuppgifter",
                      description="Visa vilka deltagare som ska gallras; med --do tas personuppgifterna bort.")
    c.add_argument("--do", action="store_true", help="gallra (annars bara förhandsvisning)")
    c.set_defaults(handler=gallring)


def _insats_id(db, key: str | None) -> int | None:
    return None if key is None else insatser.find(db, key).id


def _key(db, *, required: bool):
    """The unlocked key, or None when the file has no passphrase and none is required."""
    if not participants.is_protected(db):
        if required:
            raise UsageError("Filen har ingen lösenfras för personuppgifter; skapa en i programmet.")
        return None
    phrase = os.environ.get(PASSPHRASE_ENV)
    if phrase is None:
        if not sys.stdin.isatty():
            raise UsageError(f"Lösenfrasen behövs: sätt {PASSPHRASE_ENV} eller kör i en terminal.")
        try:
            phrase = getpass.getpass("Lösenfras: ")
        except EOFError:  # Ctrl+D
            print(file=sys.stderr)
            raise UsageError("Ingen lösenfras angavs; ingenting gjordes.") from None
    return participants.unlock(db, phrase)


def list_participants(args, ctx: Context) -> int:
    db = ctx.db()
    register = participants.Register(db)
    rows = register.filter(register.rows, participants.RowFilter(insats_id=_insats_id(db, args.insats),
                                                                 year=args.year))
    row = participants.Row
    cells = [[r[row.CODE], cut(register.insats_names.get(r[row.INSATS], ""), 36),
              "Man" if r[row.FLAGS] & row.MAN else "Kvinna", str(r[row.BIRTH_YEAR] or ""), r[row.START],
              r[row.END] or "", cut(register.category_labels.get(r[row.OUTCOME], ""), 22),
              "ja" if r[row.FLAGS] & row.HAS_PERSONNUMMER else ""] for r in reversed(rows)]
    print(table(["Deltagar-id", "Insats", "Kön", "Född", "Start", "Slut", "Utfall", "Personnr"], cells, {3}))
    print(f"\n{len(rows)} deltagare.")
    return EXIT_OK


def save_template(args, ctx: Context) -> int:
    suffix(args.out, (".xlsx",))
    db = ctx.db()
    write_file_atomic(Path(args.out), participant_files.import_template(db, _insats_id(db, args.insats)))
    print(f"Importmallen sparad i {args.out}.", file=sys.stderr)
    return EXIT_OK


def import_participants(args, ctx: Context) -> int:
    data = read_input(args.path, participant_files.MAX_IMPORT_BYTES)
    db = ctx.db(write=True)
    insats_id = _insats_id(db, args.insats)
    key = _key(db, required=False)
    try:
        result = participant_files.import_participants(db, insats_id, data, key)
    except participant_files.ImportRejected as exc:
        print(f"fel: {exc}", file=sys.stderr)
        for error in exc.errors:
            print(f"  {error}", file=sys.stderr)
        return EXIT_USAGE
    print(f"{len(result.ids)} deltagare importerades.", file=sys.stderr)
    return EXIT_OK


def _table(t: CountTable, share: bool = False) -> str:
    """Every table as the window shows it: the parts, the total, then the "varav" rows beside it."""
    headers = [t.heading, "Kvinnor", "Män", "Totalt", *(["Andel"] if share else [])]
    return table(headers, [[label, str(g.women), str(g.men), str(g.total), *([percent(t.share(g))] if share else [])]
                           for label, g, _kind in t.lines()], {1, 2, 3, 4})


def show_statistics(args, ctx: Context) -> int:
    fmt = suffix(args.out, EXCEL_OR_PDF) if args.out else None
    db = ctx.db()
    insats_id, year_ = _insats_id(db, args.insats), args.year
    if fmt:
        make = participant_files.statistics_xlsx if fmt == "xlsx" else participant_files.statistics_pdf
        write_file_atomic(Path(args.out), make(db, year_, insats_id))
        print(f"Statistiken sparad i {args.out}.", file=sys.stderr)
        return EXIT_OK
    s = participant_files.statistics(db, year_, insats_id)
    print(f"Deltagarstatistik {year_ or 'hela tiden'} – {s.scope}\n")
    print("\n\n".join([_table(s.participant_table), _table(s.ages), _table(s.outcomes, share=True)]))
    if insats_id is None:
        lines = [(line.name, MODES.get(line.mode, line.mode), line.stats)
                 for line in participant_files.per_insats(db, year_)] + [("Summa", "", s)]
        print()
        print(table(["Per insats", "Redovisning", "Kvinnor", "Män", "Totalt", "Nya", "Avslutade",
                     "Kostnad per deltagare"],
                    [[cut(name, 40), mode, *(str(n) for n in (x.participants.women, x.participants.men,
                                                               x.participants.total, x.new.total, x.ended.total)),
                      kr(x.cost_per_participant) or "–"] for name, mode, x in lines], {2, 3, 4, 5, 6, 7}))
    women, men, everyone = (months(d) or "–" for d in s.average_days)
    print(f"\nGenomsnittlig tid för avslutade: kvinnor {women}, män {men}, alla {everyone}.")
    print(f"Utfall: {kr(s.utfall) or '–'}. Kostnad per deltagare: {kr(s.cost_per_participant) or '–'}.")
    return EXIT_OK


def export_participants(args, ctx: Context) -> int:
    suffix(args.out, (".xlsx",))
    db = ctx.db()
    key = _key(db, required=True) if args.with_identifiers else None
    register = participants.Register(db)
    ids = [r[participants.Row.ID] for r in register.filter(
        register.rows, participants.RowFilter(insats_id=_insats_id(db, args.insats)))]
    participant_files.export_xlsx(db, ids, key, args.with_identifiers, Path(args.out))
    note = " (INNEHÅLLER PERSONUPPGIFTER)" if args.with_identifiers else ""
    print(f"{len(ids)} deltagare sparade i {args.out}{note}.", file=sys.stderr)
    return EXIT_OK


def gallring(args, ctx: Context) -> int:
    db = ctx.db(write=args.do)
    plan = participant_files.gallring_plan(db)
    print(table(["Deltagar-id", "Insats", "Slutdatum", "Gallras från"],
                [[p.code, cut(name, 36), p.end.isoformat(), due.isoformat()] for p, name, due in plan.items]))
    if not args.do:
        print(f"\n{len(plan.items)} deltagare ska gallras ({plan.cutoff_years} år efter avslut). "
              "Kör med --do för att ta bort deras personuppgifter.")
        return EXIT_OK
    print(f"\n{participant_files.gallra(db, plan)} deltagare gallrades.")
    return EXIT_OK
