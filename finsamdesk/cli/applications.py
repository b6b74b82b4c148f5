"""`finsamdesk applications list|show|export|import|print|read|status`: the ansökningar without a window."""
from __future__ import annotations

import argparse
import sys
from datetime import date

from ..domain.application import OWN, SOUGHT, Application
from ..domain.dates import DateError, parse_date
from ..domain.money import AmountError, parse_amount
from ..domain.statuses import STATUSES, label
from ..domain.text import fold
from ..services import applications, exchange, registers
from ..services.errors import ServiceError
from ..services.exchange import DiarienummerTakenError
from ..services.output import write_file_atomic
from ..services.templates import get_template
from . import application_reading
from . import own_applications as own
from .arguments import EXIT_OK, UsageError, year
from .common import Context, cut, iso, kr, read_input, suffix, table

KEY_HELP = "id eller diarienummer"


def status_id(text: str) -> str:
    """An argument type: a status as the list shows it (`Beviljad`, `delvis beviljad`, any case) or its id."""
    wanted = fold(text).strip().replace("_", " ").replace("-", " ")
    for status, name in STATUSES.items():
        if wanted in (fold(name), status.replace("_", " ")):
            return status
    raise argparse.ArgumentTypeError(f"ogiltigt val ”{text}”; statusarna är: {', '.join(STATUSES.values())}.")


def add_parsers(sub) -> None:
    apps = sub.add_parser("applications", help="ansökningar: lista, visa, exportera, importera, skriv ut, byt status",
                          description="Ansökningar i förbundets fil. NYCKEL är ansökans id eller diarienummer.")
    a = apps.add_subparsers(title="åtgärder", dest="action", metavar="ÅTGÄRD", required=True)

    c = a.add_parser("list", help="lista ansökningar", description="Lista ansökningar, filtrerade om du vill.")
    c.add_argument("--status", type=status_id, metavar="STATUS",
                   help="bara ansökningar med den här statusen, t.ex. Beviljad eller \"delvis beviljad\"")
    c.add_argument("--year", type=year, metavar="ÅR", help="bara ansökningar vars period omfattar året")
    c.add_argument("--search", metavar="TEXT", default="",
                   help="fritext i diarienummer, namn och sökande (skiftläge och å ä ö spelar ingen roll)")
    c.add_argument("--kind", type=own.kind, metavar="SLAG",
                   help="bara egen (förbundets ansökningar till en extern finansiär) eller inkommen")
    c.add_argument("--xlsx", metavar="UT.xlsx", help="spara listan som Excel-fil i stället för att skriva ut den")
    c.set_defaults(handler=list_applications)

    own.add_budget_parser(a)

    c = a.add_parser("show", help="visa en ansökan", description="Visa en sammanfattning av en ansökan.")
    c.add_argument("key", metavar="NYCKEL", help=KEY_HELP)
    c.set_defaults(handler=show_application)

    c = a.add_parser("export", help="exportera en ansökan som JSON",
                     description="Exportera en ansökan som JSON (se docs/ansokan-json.md).")
    c.add_argument("key", metavar="NYCKEL", help=KEY_HELP)
    c.add_argument("--out", metavar="UT.json", help="filen att skriva (annars standard ut)")
    c.set_defaults(handler=export_application)

    c = a.add_parser("import", help="importera en ansökan från JSON",
                     description="Importera en ansökan från en JSON-fil: allt eller inget.")
    c.add_argument("path", metavar="FIL.json", help="JSON-filen")
    c.add_argument("--new-number", action="store_true",
                   help="ge ansökan nästa diarienummer för i år om numret redan används i filen")
    c.set_defaults(handler=import_application)

    c = a.add_parser("print", help="skriv ut en ansökan (eller en tom blankett) som PDF",
                     description="Skriv ut en ansökan som PDF på förbundets formulär.")
    c.add_argument("key", metavar="NYCKEL", nargs="?", help=KEY_HELP + " (behövs inte med --blank)")
    c.add_argument("--out", metavar="UT.pdf", required=True, help="PDF-filen att skriva")
    c.add_argument("--blank", action="store_true", help="skriv ut en tom blankett")
    c.add_argument("--template", metavar="MALL", help="formulärmall (id), annars ansökans egen mall")
    c.set_defaults(handler=print_application)

    application_reading.add_parser(a)

    c = a.add_parser("status", help="flytta en ansökan ett steg i beslutsgången",
                     description="Flytta en ansökan ett steg: inkommen, beredning, styrelse, beslut …")
    c.add_argument("key", metavar="NYCKEL", help=KEY_HELP)
    c.add_argument("new_status", metavar="NY_STATUS", type=status_id,
                   help="som listan visar den (skiftläget spelar ingen roll): " + ", ".join(STATUSES.values()))
    c.add_argument("--date", metavar="DATUM", help="stegets datum (standard: i dag), t.ex. 2022-11-24")
    c.add_argument("--note", metavar="TEXT", default="", help="anteckning, t.ex. paragraf i protokollet")
    c.add_argument("--who", metavar="VEM", default="", help="vem som tog steget, t.ex. Styrelsen")
    c.add_argument("--granted", metavar="ÅR=BELOPP", nargs="+", default=[],
                   help="beviljat belopp per år i hela kronor, t.ex. 2022=1180000 2023=\"1 130 tkr\"")
    c.add_argument("--granted-total", metavar="BELOPP",
                   help="egen ansökan: finansiärens beviljade stöd i hela kronor, fördelat på projektets år efter "
                        "antal månader, t.ex. \"11 782 527\"")
    c.set_defaults(handler=change_status)


def parse_granted(values: list[str]) -> dict[int, int]:
    """`2022=1180000`, `2023=1 130 tkr` → {2022: 118000000, …} (öre). Granted money is whole kronor: an amount
    with öre (`1000.50`, or `1.180` meant as thousands) is refused rather than guessed. UsageError when unreadable."""
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
        if amount % 100:
            raise UsageError(f"--granted {year_text}: ”{amount_text.strip()}” läses som {kr(amount)}; beviljat anges "
                             "i hela kronor, t.ex. 2022=1180000 eller 2022=\"1 180 tkr\".")
        granted[int(year_text)] = amount
    return granted


def _count(n: int) -> str:
    return f"{n} ansökan" if n == 1 else f"{n} ansökningar"


def list_applications(args, ctx: Context) -> int:
    db = ctx.db()
    rows = applications.filter_rows(applications.list_rows(db), applications.RowFilter(
        args.search or "", args.status or "", args.year, args.kind or ""))
    rows.sort(key=lambda r: r.diarienummer)
    if args.xlsx:
        suffix(args.xlsx, (".xlsx",))
        exchange.export_application_list_xlsx(db, rows, args.xlsx)
        print(f"Sparade {_count(len(rows))} i {args.xlsx}.")
        return EXIT_OK
    if not rows:
        print("Inga ansökningar.")
        return EXIT_OK
    cells = [[r.diarienummer, cut(r.name, 40), cut(r.applicant if r.direction != "outgoing" else f"→ {r.funder}", 30),
              f"{iso(r.period_start)}–{iso(r.period_end)}" if r.period_start or r.period_end else "",
              kr(r.sought_ore), label(r.status), iso(r.next_step)] for r in rows]
    print(table(["Dnr", "Namn", "Sökande", "Period", "Sökt", "Status", "Senaste steg"], cells, right={4}))
    print(f"\n{_count(len(rows))}, sökt totalt {kr(sum(r.sought_ore for r in rows))}.")
    return EXIT_OK


def format_budget(app: Application, unit: str, categories: tuple[str, ...], own_label: str | None) -> str:
    b = app.budget
    cats = list(categories) + sorted({c for (c, _col, _y) in b.cells} - set(categories))
    has_own = own_label is not None or any(col == OWN for (_c, col, _y) in b.cells)
    headers = ["Kostnad"] + (["Egen fin."] if has_own else []) + [str(y) for y in b.years] + ["Summa sökt"]
    rows = []
    for c in cats:
        row = [c] + ([kr(b.get(c, OWN), unit, False)] if has_own else [])
        row += [kr(b.get(c, SOUGHT, y), unit, False) for y in b.years]
        row.append(kr(b.row_total(c), unit, False))
        rows.append(row)
    total = ["Summa"] + ([kr(b.column_total(OWN), unit, False)] if has_own else [])
    total += [kr(b.column_total(SOUGHT, y), unit, False) for y in b.years] + [kr(b.sought_total(), unit, False)]
    rows.append(total)
    return table(headers, rows, right=set(range(1, len(headers)))) + f"\n(belopp i {unit})"


def _granted(amounts: dict[int, int]) -> str:
    return ", ".join(f"{y}: {kr(a)}" for y, a in sorted(amounts.items()))


def show_application(args, ctx: Context) -> int:
    app = applications.find(ctx.db(), args.key)
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
        f"Period:       {iso(app.period_start)} – {iso(app.period_end)}",
        f"Status:       {label(app.status)}",
    ]
    if app.place or app.signed_on:
        lines.append(f"Ort och datum: {app.place} {iso(app.signed_on)}".rstrip())
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
        lines += [f"  {p.name}: {iso(p.start)} – {iso(p.end)}" for p in app.phases]
    if app.outgoing:
        lines += [""] + own.show_lines(app)
    else:
        lines += ["\nBudget:", format_budget(app, unit, categories, own_label),
                  f"Sökt totalt: {kr(app.budget.sought_total())}"]
    if app.granted_by_year:
        lines.append(f"Beviljat:    {_granted(app.granted_by_year)}")
    lines.append("\nHistorik:")
    if not app.history:
        lines.append("  (inga steg än)")
    for e in app.history:
        text = f"  {e.date.isoformat()}  {label(e.status)}"
        if e.granted:
            text += " – beviljat " + _granted(e.granted)
        if e.note:
            text += f" – {e.note}"
        if e.who:
            text += f" ({e.who})"
        lines.append(text)
    print("\n".join(lines))
    return EXIT_OK


def export_application(args, ctx: Context) -> int:
    text = exchange.export_application_json(ctx.db(), args.key)
    if args.out:
        suffix(args.out, (".json",))
        write_file_atomic(args.out, text)
        print(f"Exporterade {args.key} till {args.out}.", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def import_application(args, ctx: Context) -> int:
    data = read_input(args.path, exchange.MAX_IMPORT_BYTES)
    try:
        app = exchange.import_application_json(ctx.db(write=True, create=True), data, new_number=args.new_number)
    except DiarienummerTakenError as exc:
        raise ServiceError(f"{exc} (Använd --new-number.)") from exc
    print(f"Importerade ansökan {app.diarienummer} ”{app.name}” (id {app.id}).")
    return EXIT_OK


def print_application(args, ctx: Context) -> int:
    from ..services import printing

    if not args.blank and not args.key:
        raise UsageError("Ange vilken ansökan som ska skrivas ut (id eller diarienummer), eller --blank.")
    suffix(args.out, (".pdf",))
    if args.blank and not args.key and not ctx.path.exists():
        template_id = args.template or "neutral"
        out = printing.print_blank(template_id, args.out, "")
        print(f"Skrev en tom blankett ({template_id}) till {out}.")
        return EXIT_OK
    db = ctx.db()
    if args.blank:
        template_id = args.template or (applications.find(db, args.key).template_id if args.key
                                        else registers.forbund(db).default_template)
        out = printing.print_blank(template_id, args.out, registers.forbund(db).name)
        print(f"Skrev en tom blankett ({template_id}) till {out}.")
    else:
        app = applications.find(db, args.key)
        out = printing.print_application(db, app, args.out, template_id=args.template)
        print(f"Skrev ansökan {app.diarienummer} till {out}.")
    return EXIT_OK


def change_status(args, ctx: Context) -> int:
    try:
        when = parse_date(args.date) if args.date else date.today()
    except DateError as exc:
        raise UsageError(f"--date: {exc}") from exc
    granted = parse_granted(args.granted)
    db = ctx.db(write=True)
    app = applications.find(db, args.key)
    if args.granted_total:
        if granted:
            raise UsageError("Ange antingen --granted eller --granted-total, inte båda.")
        granted = own.granted_total(app, args.granted_total)
    event = applications.change_status(db, app.id, args.new_status, when or date.today(), args.note, args.who,
                                       granted or None)
    text = f"{app.diarienummer}: {label(app.status)} → {label(event.status)} ({event.date.isoformat()})"
    print(text + (f", beviljat {_granted(event.granted)}." if event.granted else "."))
    return EXIT_OK
