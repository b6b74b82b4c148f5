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

from .domain.participants import months, percent

PASSPHRASE_ENV = "FINSAMDESK_LOSENFRAS"


class ParticipantsUsageError(Exception):
    """Bad arguments; the CLI prints the message and exits 2."""


def add_parsers(sub, parser_class) -> None:
    p = sub.add_parser("participants", help="deltagare: mall, import, statistik, export, gallring",
                       description="Deltagarregistret. Lösenfrasen läses från FINSAMDESK_LOSENFRAS eller frågas efter.")
    pa = p.add_subparsers(dest="action", metavar="ÅTGÄRD", parser_class=parser_class, required=True)
    c = pa.add_parser("list", help="lista deltagare (utan personuppgifter)", description="Lista deltagare.")
    c.add_argument("--insats", metavar="ID|NAMN")
    c.add_argument("--year", type=int, metavar="ÅR")
    c = pa.add_parser("template", help="spara en importmall för en insats", description="Spara en importmall.")
    c.add_argument("--insats", metavar="ID|NAMN", required=True)
    c.add_argument("--out", metavar="FIL.xlsx", required=True)
    c = pa.add_parser("import", help="importera deltagare från Excel (allt eller inget)",
                      description="Importera deltagare från en ifylld importmall. Felaktiga rader anges med nummer.")
    c.add_argument("path", metavar="FIL.xlsx")
    c.add_argument("--insats", metavar="ID|NAMN", required=True)
    c = pa.add_parser("stats", help="statistik per kön, ålder och utfall", description="Deltagarstatistik.")
    c.add_argument("--insats", metavar="ID|NAMN", help="en insats (standard: hela förbundet)")
    c.add_argument("--year", type=int, metavar="ÅR", help="ett år (standard: hela tiden)")
    c.add_argument("--out", metavar="FIL", help="spara som .xlsx eller .pdf")
    c = pa.add_parser("export", help="exportera deltagare till Excel", description="Exportera deltagare.")
    c.add_argument("--insats", metavar="ID|NAMN")
    c.add_argument("--out", metavar="FIL.xlsx", required=True)
    c.add_argument("--with-identifiers", action="store_true",
                   help="ta med personnummer, namn och anteckningar (kräver lösenfrasen)")
    c = pa.add_parser("gallring", help="visa (eller gör) gallring av personuppgifter",
                      description="Visa vilka deltagare som ska gallras; med --do tas personuppgifterna bort.")
    c.add_argument("--do", action="store_true", help="gallra (annars bara förhandsvisning)")


def _insats_id(db, key: str | None) -> int | None:
    if key is None:
        return None
    from .services import insatser

    return insatser.find(db, key).id


def _key(db, *, required: bool):
    """The unlocked key, or None when the file has no passphrase and none is required."""
    from .services import participants

    if not participants.is_protected(db):
        if required:
            raise ParticipantsUsageError("Filen har ingen lösenfras för personuppgifter; skapa en i programmet.")
        return None
    phrase = os.environ.get(PASSPHRASE_ENV)
    if phrase is None:
        if not sys.stdin.isatty():
            raise ParticipantsUsageError(f"Lösenfrasen behövs: sätt {PASSPHRASE_ENV} eller kör i en terminal.")
        phrase = getpass.getpass("Lösenfras: ")
    return participants.unlock(db, phrase)


def participants_list(db, args) -> int:
    from .services import participants

    register = participants.Register(db)
    rows = register.filter(register.rows, participants.RowFilter(insats_id=_insats_id(db, args.insats),
                                                                 year=args.year))
    row = participants.Row
    table = [[r[row.CODE], _cut(register.insats_names.get(r[row.INSATS], ""), 36), "Man" if r[row.FLAGS] & row.MAN else "Kvinna",
              str(r[row.BIRTH_YEAR] or ""), r[row.START], r[row.END] or "",
              _cut(register.category_labels.get(r[row.OUTCOME], ""), 22),
              "ja" if r[row.FLAGS] & row.HAS_PERSONNUMMER else ""] for r in reversed(rows)]
    print(_table(["Deltagar-id", "Insats", "Kön", "Född", "Start", "Slut", "Utfall", "Personnr"], table, {3}))
    print(f"\n{len(rows)} deltagare.")
    return 0


def participants_template(db, args) -> int:
    from .services import participant_files
    from .services.output import write_file_atomic

    write_file_atomic(Path(args.out), participant_files.import_template(db, _insats_id(db, args.insats)))
    print(f"Importmallen sparad i {args.out}.", file=sys.stderr)
    return 0


def participants_import(db, args) -> int:
    from .services import participant_files

    insats_id = _insats_id(db, args.insats)
    key = _key(db, required=False)
    try:
        result = participant_files.import_participants(db, insats_id, Path(args.path).read_bytes(), key)
    except participant_files.ImportRejected as exc:
        print(f"fel: {exc}", file=sys.stderr)
        for error in exc.errors:
            print(f"  {error}", file=sys.stderr)
        return 2
    print(f"{len(result.ids)} deltagare importerades.", file=sys.stderr)
    return 0


def participants_stats(db, args) -> int:
    from .services import participant_files
    from .services.output import write_file_atomic

    insats_id, year = _insats_id(db, args.insats), args.year
    if args.out:
        suffix = Path(args.out).suffix.lower()
        if suffix not in (".xlsx", ".pdf"):
            raise ParticipantsUsageError(f"{args.out}: filen ska sluta på .xlsx eller .pdf.")
        make = participant_files.statistics_xlsx if suffix == ".xlsx" else participant_files.statistics_pdf
        write_file_atomic(Path(args.out), make(db, year, insats_id))
        print(f"Statistiken sparad i {args.out}.", file=sys.stderr)
        return 0
    s = participant_files.statistics(db, year, insats_id)
    print(f"Deltagarstatistik {year or 'hela tiden'} – {s.scope}\n")
    print(_table(["", "Kvinnor", "Män", "Totalt"], [[label, str(g.women), str(g.men), str(g.total)] for label, g in (
        ("Deltagare", s.participants), ("varav nya", s.new), ("varav avslutade", s.ended))], {1, 2, 3}))
    print()
    print(_table(["Ålder vid start", "Kvinnor", "Män", "Totalt"],
                 [[label, str(g.women), str(g.men), str(g.total)] for label, g in s.age_bands], {1, 2, 3}))
    print()
    print(_table(["Utfall vid avslut", "Kvinnor", "Män", "Totalt", "Andel"],
                 [[label, str(g.women), str(g.men), str(g.total), percent(s.outcome_share(label))]
                  for label, g in s.outcomes], {1, 2, 3, 4}))
    women, men, everyone = (months(d) or "–" for d in s.average_days)
    print(f"\nGenomsnittlig tid för avslutade: kvinnor {women}, män {men}, alla {everyone}.")
    from .cli import _kr

    print(f"Utfall: {_kr(s.utfall) or '–'}. Kostnad per deltagare: {_kr(s.cost_per_participant) or '–'}.")
    return 0


def participants_export(db, args) -> int:
    from .services import participant_files, participants
    from .services.output import write_file_atomic

    key = _key(db, required=True) if args.with_identifiers else None
    register = participants.Register(db)
    ids = [r[participants.Row.ID] for r in register.filter(register.rows,
                                                           participants.RowFilter(insats_id=_insats_id(db, args.insats)))]
    write_file_atomic(Path(args.out), participant_files.export_xlsx(db, ids, key, args.with_identifiers))
    note = " (INNEHÅLLER PERSONUPPGIFTER)" if args.with_identifiers else ""
    print(f"{len(ids)} deltagare sparade i {args.out}{note}.", file=sys.stderr)
    return 0


def participants_gallring(db, args) -> int:
    from .services import participant_files

    plan = participant_files.gallring_plan(db)
    print(_table(["Deltagar-id", "Insats", "Slutdatum", "Gallras från"],
                 [[p.code, _cut(name, 36), p.end.isoformat(), due.isoformat()] for p, name, due in plan.items]))
    if not args.do:
        print(f"\n{len(plan.items)} deltagare ska gallras ({plan.cutoff_years} år efter avslut). "
              "Kör med --do för att ta bort deras personuppgifter.")
        return 0
    print(f"\n{participant_files.gallra(db, plan)} deltagare gallrades.")
    return 0


HANDLERS = {("participants", "list"): participants_list, ("participants", "template"): participants_template,
            ("participants", "import"): participants_import, ("participants", "stats"): participants_stats,
            ("participants", "export"): participants_export, ("participants", "gallring"): participants_gallring}


def _cut(text: str, n: int) -> str:
    from .cli import _cut as cut

    return cut(text or "", n)


def _table(headers: list[str], rows: list[list[str]], right: set[int] = frozenset()) -> str:
    from .cli import _table as table

    return table(headers, rows, right)
