"""`finsamdesk meetings list|show|kallelse|underlag|protocol`: a meeting's documents without a window."""
from __future__ import annotations

import sys
from pathlib import Path

from ..domain.meetings import BOARD_DECISIONS, KINDS, RECOMMENDATIONS, ROLES
from ..services import meeting_files, meetings
from ..services.output import write_file_atomic
from .arguments import EXIT_OK
from .common import Context, cut, suffix, table

DOCUMENTS = {  # action: (what it is, how it is made, what is said when saved)
    "kallelse": ("kallelse med dagordning", meeting_files.kallelse_pdf, "Sparade kallelsen"),
    "underlag": ("beslutsunderlag: ansökningarna", meeting_files.beslutsunderlag_pdf, "Sparade beslutsunderlaget"),
    "protocol": ("protokoll", meeting_files.protokoll_pdf, "Sparade protokollet"),
}


def add_parsers(sub) -> None:
    p = sub.add_parser("meetings", help="möten: lista, visa, kallelse, beslutsunderlag, protokoll",
                       description="Beredningsgruppens och styrelsens möten.")
    pa = p.add_subparsers(title="åtgärder", dest="action", metavar="ÅTGÄRD", required=True)
    pa.add_parser("list", help="lista mötena", description="Lista mötena, nyast först.").set_defaults(
        handler=list_meetings)
    c = pa.add_parser("show", help="visa ett möte med dagordning", description="Visa ett möte.")
    c.add_argument("key", metavar="ID|DATUM")
    c.set_defaults(handler=show_meeting)
    for name, (text, _make, _said) in DOCUMENTS.items():
        c = pa.add_parser(name, help=f"{text} som PDF", description=f"Spara mötets {text} som PDF.")
        c.add_argument("key", metavar="ID|DATUM")
        c.add_argument("--out", metavar="FIL.pdf", required=True)
        c.set_defaults(handler=save_document)


def list_meetings(args, ctx: Context) -> int:
    rows = sorted(meetings.list_rows(ctx.db()), key=lambda r: (r.date, r.id), reverse=True)
    print(table(["Id", "Datum", "Tid", "Slag", "Plats", "Punkter", "Registrerade"],
                [[str(r.id), r.date.isoformat(), r.time, KINDS.get(r.kind, r.kind), cut(r.place, 30), str(r.items),
                  str(r.recorded)] for r in rows], {5, 6}))
    print(f"\n{len(rows)} möten.")
    return EXIT_OK


def show_meeting(args, ctx: Context) -> int:
    m = meetings.find(ctx.db(), args.key)
    outcomes = {**RECOMMENDATIONS, **BOARD_DECISIONS}
    people = (f"Plats: {m.place or '–'}. Ordförande: {m.chair or '–'}. Sekreterare: {m.secretary or '–'}. "
              f"Justerare: {m.adjusters or '–'}.")
    lines = [f"{m.title} {m.time}".strip(), people, "", "Mötesdeltagare:"]
    lines += [f"  {a.name}, {a.organisation} ({ROLES.get(a.role, a.role).lower()})"
              + ("" if a.present else " – frånvarande") for a in m.attendees] or ["  (inga)"]
    lines += ["", "Dagordning:"]
    for i, item in enumerate(m.items):
        state = f" – {outcomes.get(item.outcome, item.outcome)}" + (" (registrerad)" if item.recorded else "") \
            if item.outcome else ""
        lines.append(f"  § {m.paragraph(i)} {item.title}{state}")
    print("\n".join(lines))
    return EXIT_OK


def save_document(args, ctx: Context) -> int:
    _text, make, said = DOCUMENTS[args.action]
    suffix(args.out, (".pdf",))
    db = ctx.db()
    m = meetings.find(db, args.key)
    write_file_atomic(Path(args.out), make(db, m.id))
    print(f"{said} för {m.title.lower()} i {args.out}.", file=sys.stderr)
    return EXIT_OK
