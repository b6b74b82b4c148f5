"""`finsamdesk report …`: the förbund's year on paper without a window — Uppföljning Finsam, delårsrapport,
årsredovisning and verksamhetsplan as .docx, .pdf or .xlsx; the beslutsbrev of a decided ansökan; påminnelser
for reports that fall due (listed with their e-mail drafts, or written as a letter)."""
from __future__ import annotations

import sys
from datetime import date, timedelta

from ..services import applications, insatser, letters, report_files
from .arguments import EXIT_OK, year
from .common import Context, cut, iso, suffix, table

DOCUMENT_FORMATS = (".docx", ".pdf", ".xlsx")
LETTER_FORMATS = (".docx", ".pdf")


def add_parsers(sub) -> None:
    r = sub.add_parser("report", help="årets dokument: Uppföljning Finsam, delårsrapport, årsredovisning, "
                                      "verksamhetsplan, beslutsbrev och påminnelser",
                       description="Förbundets dokument för ett år, räknade ur filen.")
    ra = r.add_subparsers(title="dokument", dest="action", metavar="DOKUMENT", required=True)
    for name, text in report_files.REPORTS.items():
        c = ra.add_parser(name, help=f"{text} för ett år", description=f"{text} som Word, PDF eller Excel.")
        c.add_argument("year", type=year, metavar="ÅR")
        c.add_argument("--out", metavar="FIL", required=True, help="F.docx, F.pdf eller F.xlsx")
        c.set_defaults(handler=write_report, report=name)
    c = ra.add_parser("beslutsbrev", help="beslutsbrev till sökande om styrelsens beslut",
                      description="Beslutsbrevet om en ansökans beslut: belopp per år, villkor och rapporter.")
    c.add_argument("key", metavar="NYCKEL", help="ansökans id eller diarienummer")
    c.add_argument("--out", metavar="FIL", required=True, help="F.docx eller F.pdf")
    c.set_defaults(handler=write_decision_letter)
    c = ra.add_parser("paminnelser", help="lista rapporter som ska in snart eller är försenade",
                      description="Rapporter som inte kommit in och ska lämnas inom DAGAR dagar (eller är försenade), "
                                  "med e-postutkast (mailto:) till varje kontakt.")
    c.add_argument("--days", type=int, default=30, metavar="DAGAR", help="dagar framåt (standard 30)")
    c.add_argument("--mail", action="store_true", help="skriv ut e-postutkasten som mailto:-adresser")
    c.set_defaults(handler=list_reminders)
    c = ra.add_parser("paminnelse", help="påminnelsebrev om en insats rapport",
                      description="Ett påminnelsebrev om insatsens första rapport som inte kommit in, eller om "
                                  "rapporten med id RAPPORT (se report paminnelser).")
    c.add_argument("key", metavar="ID|NAMN", help="insatsens id eller namn")
    c.add_argument("--rapport", type=int, metavar="RAPPORT", help="rapportens id (standard: den första som väntar)")
    c.add_argument("--out", metavar="FIL", required=True, help="F.docx eller F.pdf")
    c.set_defaults(handler=write_reminder)


def write_report(args, ctx: Context) -> int:
    suffix(args.out, DOCUMENT_FORMATS)
    report_files.write_report(ctx.db(), args.report, args.year, args.out)
    print(f"{report_files.REPORTS[args.report]} {args.year} sparad i {args.out}.", file=sys.stderr)
    return EXIT_OK


def write_decision_letter(args, ctx: Context) -> int:
    suffix(args.out, LETTER_FORMATS)
    db = ctx.db()
    app = applications.find(db, args.key)
    report_files.write_application_letter(db, app.id, args.out)
    print(f"Beslutsbrevet för {app.diarienummer} sparat i {args.out}.", file=sys.stderr)
    return EXIT_OK


def list_reminders(args, ctx: Context) -> int:
    db = ctx.db()
    today = date.today()
    rows, mails = [], []
    for report_id in letters.due_report_ids(db, today + timedelta(days=args.days)):
        r = letters.reminder(db, report_id, today)
        rows.append([str(report_id), iso(r.report.due), cut(r.report.title, 30), cut(r.insats, 40),
                     "försenad" if r.overdue else "", str(len(letters.reminder_mails(r)))])
        mails += [f"{report_id}  {who.name} <{who.email}>\n    {url}" for who, url in letters.reminder_mails(r)]
    print(table(["Id", "Sista dag", "Rapport", "Insats", "Läge", "E-post"], rows, {5}))
    print(f"\n{len(rows)} rapporter.")
    if args.mail and mails:
        print("\n" + "\n".join(mails))
    return EXIT_OK


def write_reminder(args, ctx: Context) -> int:
    suffix(args.out, LETTER_FORMATS)
    db = ctx.db()
    insats = insatser.find(db, args.key)
    report_id = letters.waiting_report(db, insats.id, args.rapport)
    report_files.write_reminder(db, report_id, args.out)
    print(f"Påminnelsen om {insats.name} sparad i {args.out}.", file=sys.stderr)
    return EXIT_OK
