"""finsamdesk without a window: list, show, export, import, print and move ansökningar.

    finsamdesk [--file FIL] applications list [--status S] [--year ÅR] [--search TEXT] [--xlsx UT.xlsx]
    finsamdesk [--file FIL] applications show NYCKEL
    finsamdesk [--file FIL] applications export NYCKEL [--out UT.json]
    finsamdesk [--file FIL] applications import FIL.json [--new-number]
    finsamdesk [--file FIL] applications print [NYCKEL] --out UT.pdf [--blank] [--template MALL]
    finsamdesk [--file FIL] applications status NYCKEL NY_STATUS [--date D] [--note T] [--who W]
                                                [--granted ÅR=BELOPP ...]
    finsamdesk templates list
    finsamdesk demo --out FIL.sqlite

NYCKEL is an ansökan's id or diarienummer. Exit status: 0 done, 1 could not be done,
2 wrong input (command line, values or import file). Errors are one line "fel: …" on
stderr, never a traceback. No Qt is imported here.
"""
from __future__ import annotations

import argparse
import sqlite3
import sys
from datetime import date
from pathlib import Path

from . import cli_economy, cli_meetings, cli_participants
from .domain.application import OWN, SOUGHT, Application
from .domain.dates import DateError, parse_date
from .domain.money import AmountError, format_amount, parse_amount
from .domain.workflow import STATUSES, label
from .services import applications, exchange, registers
from .services.errors import ServiceError, ValidationError
from .services.exchange import DiarienummerTakenError, ImportFormatError
from .services.files import open_file
from .services.output import write_file_atomic
from .services.templates import get_template, list_templates

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
COMMANDS = ("applications", "templates", "demo")


class UsageError(Exception):
    """Wrong input on the command line (exit 2)."""


_TRANSLATIONS = [
    ("the following arguments are required", "följande argument behövs"),
    ("unrecognized arguments", "okända argument"),
    ("invalid choice", "ogiltigt val"),
    ("choose from", "välj bland"),
    ("expected one argument", "ett värde behövs"),
    ("expected at least one argument", "minst ett värde behövs"),
    ("invalid int value", "inget heltal"),
    ("not allowed with argument", "går inte tillsammans med"),
    ("ambiguous option", "tvetydig flagga"),
    ("could match", "kan vara"),
]


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix or "Användning: ")


class _Parser(argparse.ArgumentParser):
    """argparse with Swedish headings and error lines "fel: …" (exit 2)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argument"
        self._optionals.title = "flaggor"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="visa den här hjälptexten och avsluta")

    def error(self, message):
        for en, sv in _TRANSLATIONS:
            message = message.replace(en, sv)
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"fel: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="finsamdesk", description="Samordningsförbundets ansökningar från kommandoraden.",
                epilog="Slutstatus: 0 klart, 1 kunde inte utföras, 2 felaktig inmatning.")
    p.add_argument("--file", metavar="FIL", help="förbundets SQLite-fil (standard: den vanliga datafilen)")
    sub = p.add_subparsers(dest="command", metavar="KOMMANDO", parser_class=_Parser, required=True)

    apps = sub.add_parser("applications", help="ansökningar: lista, visa, exportera, importera, skriv ut, "
                                               "byt status", description="Ansökningar i förbundets fil.")
    a = apps.add_subparsers(dest="action", metavar="ÅTGÄRD", parser_class=_Parser, required=True)

    c = a.add_parser("list", help="lista ansökningar", description="Lista ansökningar, filtrerade om du vill.")
    c.add_argument("--status", choices=list(STATUSES), help="bara ansökningar med den här statusen")
    c.add_argument("--year", type=int, metavar="ÅR", help="bara ansökningar vars period omfattar året")
    c.add_argument("--search", metavar="TEXT", default="",
                   help="fritext i diarienummer, namn och sökande (skiftläge och å ä ö spelar ingen roll)")
    c.add_argument("--xlsx", metavar="UT.xlsx", help="spara listan som Excel-fil i stället för att skriva ut den")

    c = a.add_parser("show", help="visa en ansökan", description="Visa en sammanfattning av en ansökan.")
    c.add_argument("key", metavar="NYCKEL", help="id eller diarienummer")

    c = a.add_parser("export", help="exportera en ansökan som JSON",
                     description="Exportera en ansökan som JSON (se docs/ansokan-json.md).")
    c.add_argument("key", metavar="NYCKEL", help="id eller diarienummer")
    c.add_argument("--out", metavar="UT.json", help="filen att skriva (annars standard ut)")

    c = a.add_parser("import", help="importera en ansökan från JSON",
                     description="Importera en ansökan från en JSON-fil: allt eller inget.")
    c.add_argument("path", metavar="FIL.json", help="JSON-filen")
    c.add_argument("--new-number", action="store_true",
                   help="ge ansökan nästa diarienummer för i år om numret redan används i filen")

    c = a.add_parser("print", help="skriv ut en ansökan (eller en tom blankett) som PDF",
                     description="Skriv ut en ansökan som PDF på förbundets formulär.")
    c.add_argument("key", metavar="NYCKEL", nargs="?", help="id eller diarienummer (behövs inte med --blank)")
    c.add_argument("--out", metavar="UT.pdf", required=True, help="PDF-filen att skriva")
    c.add_argument("--blank", action="store_true", help="skriv ut en tom blankett")
    c.add_argument("--template", metavar="MALL", help="formulärmall (id), annars ansökans egen mall")

    c = a.add_parser("status", help="flytta en ansökan ett steg i beslutsgången",
                     description="Flytta en ansökan ett steg: inkommen, beredning, styrelse, beslut …")
    c.add_argument("key", metavar="NYCKEL", help="id eller diarienummer")
    c.add_argument("new_status", metavar="NY_STATUS", choices=list(STATUSES),
                   help="en av: " + ", ".join(STATUSES))
    c.add_argument("--date", metavar="DATUM", help="stegets datum (standard: i dag), t.ex. 2022-11-24")
    c.add_argument("--note", metavar="TEXT", default="", help="anteckning, t.ex. paragraf i protokollet")
    c.add_argument("--who", metavar="VEM", default="", help="vem som tog steget, t.ex. Styrelsen")
    c.add_argument("--granted", metavar="ÅR=BELOPP", nargs="+", default=[],
                   help="beviljat belopp per år i kr, t.ex. 2022=1180000 2023=\"1 130 tkr\"")

    t = sub.add_parser("templates", help="formulärmallar", description="Formulärmallar.")
    ta = t.add_subparsers(dest="action", metavar="ÅTGÄRD", parser_class=_Parser, required=True)
    ta.add_parser("list", help="lista formulärmallarna", description="Lista formulärmallarna.")

    d = sub.add_parser("demo", help="skapa en fil med exempeldata",
                       description="Skapa en ny fil med påhittade exempeldata (ett exempelförbund).")
    d.add_argument("--out", metavar="FIL.sqlite", required=True, help="den nya filen (får inte finnas)")
    cli_economy.add_parsers(sub, _Parser)
    cli_participants.add_parsers(sub, _Parser)
    cli_meetings.add_parsers(sub, _Parser)
    return p


# ---------------------------------------------------------------------------- helpers

def _data_file(args) -> Path:
    if args.file:
        return Path(args.file)
    from .paths import default_data_file

    return default_data_file()


_LOCKS: list = []  # held while a command runs (released by main)


def _open(args, *, create: bool = False):
    """With the one-writer lock; when the window (or another computer) has the file, read-only, said on stderr."""
    from .services import files

    path = _data_file(args)
    try:
        db, held = files.open_for_writing(path, create=create)
    except (files.FileInUseError, files.FileNotWritableError) as exc:
        print(f"obs: {exc} Kommandot läser filen skrivskyddad.", file=sys.stderr)
        return open_file(path, create=False, read_only=True)
    _LOCKS.append(held)
    return db


def _kr(ore: int | None, unit: str = "kr", with_unit: bool = True) -> str:
    return format_amount(ore, unit, with_unit=with_unit, sep=" ")


def _date(d: date | None) -> str:
    return d.isoformat() if d else ""


def _table(headers: list[str], rows: list[list[str]], right: set[int] = frozenset()) -> str:
    widths = [len(h) for h in headers]
    for r in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, r)]

    def line(cells):
        return "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    out = [line(headers), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    return "\n".join(s.rstrip() for s in out)


def _count(n: int) -> str:
    return f"{n} ansökan" if n == 1 else f"{n} ansökningar"


def _cut(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def parse_granted(values: list[str]) -> dict[int, int]:
    """`2022=1180000`, `2023=1 130 tkr` → {2022: 118000000, …} (öre). UsageError when unreadable."""
    granted: dict[int, int] = {}
    for value in values:
        year_text, sep, amount_text = value.partition("=")
        year_text = year_text.strip()
        if not sep or not (year_text.isdigit() and len(year_text) == 4):
            raise UsageError(f"--granted ”{value}”: skriv år=belopp, t.ex. 2022=1180000.")
        if int(year_text) in granted:
            raise UsageError(f"--granted: året {year_text} finns två gånger.")
        try:
            amount = parse_amount(amount_text)
        except AmountError as exc:
            raise UsageError(f"--granted {year_text}: {exc}") from exc
        if amount is None:
            raise UsageError(f"--granted {year_text}: beloppet saknas.")
        granted[int(year_text)] = amount
    return granted


# ---------------------------------------------------------------------------- commands

def cmd_list(args) -> int:
    db = _open(args)
    try:
        rows = applications.filter_rows(applications.list_rows(db),
                                        applications.RowFilter(args.search or "", args.status or "", args.year))
        rows.sort(key=lambda r: r.diarienummer)
        if args.xlsx:
            exchange.export_application_list_xlsx(db, rows, args.xlsx)
            print(f"Sparade {_count(len(rows))} i {args.xlsx}.")
            return EXIT_OK
    finally:
        db.close()
    if not rows:
        print("Inga ansökningar.")
        return EXIT_OK
    table = [[r.diarienummer, _cut(r.name, 40), _cut(r.applicant, 30),
              f"{_date(r.period_start)}–{_date(r.period_end)}" if r.period_start or r.period_end else "",
              _kr(r.sought_ore), label(r.status), _date(r.next_step)] for r in rows]
    print(_table(["Dnr", "Namn", "Sökande", "Period", "Sökt", "Status", "Senaste steg"], table, right={4}))
    print(f"\n{_count(len(rows))}, sökt totalt {_kr(sum(r.sought_ore for r in rows))}.")
    return EXIT_OK


def format_budget(app: Application, unit: str, categories: tuple[str, ...], own_label: str | None) -> str:
    b = app.budget
    cats = list(categories) + sorted({c for (c, _col, _y) in b.cells} - set(categories))
    has_own = own_label is not None or any(col == OWN for (_c, col, _y) in b.cells)
    headers = ["Kostnad"] + (["Egen fin."] if has_own else []) + [str(y) for y in b.years] + ["Summa sökt"]
    rows = []
    for c in cats:
        row = [c] + ([_kr(b.get(c, OWN), unit, False)] if has_own else [])
        row += [_kr(b.get(c, SOUGHT, y), unit, False) for y in b.years]
        row.append(_kr(b.row_total(c), unit, False))
        rows.append(row)
    total = ["Summa"] + ([_kr(b.column_total(OWN), unit, False)] if has_own else [])
    total += [_kr(b.column_total(SOUGHT, y), unit, False) for y in b.years] + [_kr(b.sought_total(), unit, False)]
    rows.append(total)
    return _table(headers, rows, right=set(range(1, len(headers)))) + f"\n(belopp i {unit})"


def cmd_show(args) -> int:
    db = _open(args)
    try:
        app = applications.find(db, args.key)
    finally:
        db.close()
    try:
        template = get_template(app.template_id)
        template_text = f"{template.name} ({template.id})"
        unit = template.unit
        categories = template.budget.categories if template.budget else ()
        own_label = template.budget.own_column if template.budget else None
        text_ids = [s.id for s in template.sections if s.answer == "text" and not s.binds]
    except ServiceError:
        template_text, unit, categories, own_label, text_ids = f"{app.template_id} (saknas)", "kr", (), None, []
    lines = [
        f"Diarienummer: {app.diarienummer}",
        f"Namn:         {app.name}",
        f"Sökande:      {app.applicant_display}",
        f"Mall:         {template_text}",
        f"Period:       {_date(app.period_start)} – {_date(app.period_end)}",
        f"Status:       {label(app.status)}",
    ]
    if app.place or app.signed_on:
        lines.append(f"Ort och datum: {app.place} {_date(app.signed_on)}".rstrip())
    if app.planned_participants is not None:
        lines.append(f"Planerade deltagare: {app.planned_participants}")
    if text_ids:
        filled = sum(1 for s in text_ids if app.text(s).strip())
        lines.append(f"Avsnitt ifyllda: {filled} av {len(text_ids)}")
    if app.contacts:
        lines.append("\nKontaktpersoner:")
        lines += [f"  {c.name}, {c.organisation} {c.phone} {c.email}".rstrip() for c in app.contacts]
    if app.phases:
        lines.append("\nTidplan:")
        lines += [f"  {p.name}: {_date(p.start)} – {_date(p.end)}" for p in app.phases]
    lines.append("\nBudget:")
    lines.append(format_budget(app, unit, categories, own_label))
    lines.append(f"Sökt totalt: {_kr(app.budget.sought_total())}")
    if app.granted_by_year:
        granted = ", ".join(f"{y}: {_kr(a)}" for y, a in sorted(app.granted_by_year.items()))
        lines.append(f"Beviljat:    {granted}")
    lines.append("\nHistorik:")
    if not app.history:
        lines.append("  (inga steg än)")
    for e in app.history:
        text = f"  {e.date.isoformat()}  {label(e.status)}"
        if e.granted:
            text += " – beviljat " + ", ".join(f"{y}: {_kr(a)}" for y, a in sorted(e.granted.items()))
        if e.note:
            text += f" – {e.note}"
        if e.who:
            text += f" ({e.who})"
        lines.append(text)
    print("\n".join(lines))
    return EXIT_OK


def cmd_export(args) -> int:
    db = _open(args)
    try:
        text = exchange.export_application_json(db, args.key)
    finally:
        db.close()
    if args.out:
        write_file_atomic(args.out, text)
        print(f"Exporterade {args.key} till {args.out}.", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_import(args) -> int:
    try:
        data = Path(args.path).read_bytes()
    except OSError as exc:
        raise UsageError(f"{args.path} kan inte läsas: {exc.strerror or exc}") from exc
    db = _open(args, create=True)
    try:
        app = exchange.import_application_json(db, data, new_number=args.new_number)
    except DiarienummerTakenError as exc:
        raise ServiceError(f"{exc} (Använd --new-number.)") from exc
    finally:
        db.close()
    print(f"Importerade ansökan {app.diarienummer} ”{app.name}” (id {app.id}).")
    return EXIT_OK


def cmd_print(args) -> int:
    try:
        from .services import printing
    except ImportError as exc:
        raise ServiceError("Utskrift finns inte i den här versionen av finsamdesk.") from exc
    if not args.blank and not args.key:
        raise UsageError("Ange vilken ansökan som ska skrivas ut (id eller diarienummer), eller --blank.")
    path = _data_file(args)
    if args.blank and not args.key and not path.exists():
        template_id = args.template or "neutral"
        out = printing.print_blank(template_id, args.out, "")
        print(f"Skrev en tom blankett ({template_id}) till {out}.")
        return EXIT_OK
    db = _open(args)
    try:
        if args.blank:
            template_id = args.template or (applications.find(db, args.key).template_id if args.key
                                            else registers.forbund(db).default_template)
            out = printing.print_blank(template_id, args.out, registers.forbund(db).name)
            print(f"Skrev en tom blankett ({template_id}) till {out}.")
        else:
            app = applications.find(db, args.key)
            out = printing.print_application(db, app, args.out, template_id=args.template)
            print(f"Skrev ansökan {app.diarienummer} till {out}.")
    finally:
        db.close()
    return EXIT_OK


def cmd_status(args) -> int:
    try:
        when = parse_date(args.date) if args.date else date.today()
    except DateError as exc:
        raise UsageError(f"--date: {exc}") from exc
    granted = parse_granted(args.granted)
    db = _open(args)
    try:
        app = applications.find(db, args.key)
        before = app.status
        event = applications.change_status(db, app.id, args.new_status, when or date.today(), args.note, args.who,
                                           granted or None)
    finally:
        db.close()
    print(f"{app.diarienummer}: {label(before)} → {label(event.status)} ({event.date.isoformat()}).")
    return EXIT_OK


def cmd_templates(args) -> int:
    templates = list_templates()
    print(_table(["Id", "Namn", "Version"], [[t.id, t.name, t.version] for t in templates]))
    return EXIT_OK


def cmd_demo(args) -> int:
    from .services.demo import create_example

    out = Path(args.out)
    if out.exists() and out.stat().st_size > 0:
        raise UsageError(f"{out} finns redan; exempeldata skrivs bara till en ny fil.")
    db = open_file(out, create=True)
    try:
        created = create_example(db)
    finally:
        db.close()
    print(f"Skapade {out} med exempeldata: {len(created)} påhittade ansökningar, insatser och budget.")
    return EXIT_OK


HANDLERS = {
    ("applications", "list"): cmd_list, ("applications", "show"): cmd_show,
    ("applications", "export"): cmd_export, ("applications", "import"): cmd_import,
    ("applications", "print"): cmd_print, ("applications", "status"): cmd_status,
    ("templates", "list"): cmd_templates, ("demo", None): cmd_demo,
}


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    finally:
        while _LOCKS:  # the command is over: the file is free for the window again
            _LOCKS.pop().release()


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2), already printed
        return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_USAGE
    key = (args.command, getattr(args, "action", None))
    try:
        handler = (cli_economy.HANDLERS.get(key) or cli_participants.HANDLERS.get(key)
                   or cli_meetings.HANDLERS.get(key))
        if handler is not None:
            db = _open(args)
            try:
                return handler(db, args)
            finally:
                db.close()
        return HANDLERS[key](args)
    except (UsageError, ImportFormatError, ValidationError, cli_economy.EconomyUsageError,
            cli_participants.ParticipantsUsageError, cli_meetings.MeetingsUsageError) as exc:
        print(f"fel: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ServiceError as exc:
        print(f"fel: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:  # e.g. `finsamdesk applications list | head`
        return EXIT_OK
    except sqlite3.Error as exc:  # read-only, full disk, busy: a sentence, never a traceback
        from .services.files import known_problem

        print(f"fel: {known_problem(exc) or 'databasfel: ' + type(exc).__name__}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:
        print(f"fel: {exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else ""), file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
