"""`finsamdesk meetings list|show|kallelse|underlag|protocol`: a meeting's documents without a window."""
from __future__ import annotations

import sys
from pathlib import Path

from .domain.meetings import BOARD_DECISIONS, KINDS, RECOMMENDATIONS, ROLES


def add_parsers(sub, parser_class) -> None:
    p = sub.add_parser("meetings", help="möten: lista, visa, kallelse, beslutsunderlag, protokoll",
                       description="Beredningsgruppens och styrelsens möten.")
    pa = p.add_subparsers(dest="action", metavar="ÅTGÄRD", parser_class=parser_class, required=True)
    pa.add_parser("list", help="lista mötena", description="Lista mötena, nyast först.")
    c = pa.add_parser("show", help="visa ett möte med dagordning", description="Visa ett möte.")
    c.add_argument("key", metavar="ID|DATUM")
    for name, text in (("kallelse", "kallelse med dagordning"), ("underlag", "beslutsunderlag: ansökningarna"),
                       ("protocol", "protokoll")):
        c = pa.add_parser(name, help=f"{text} som PDF", description=f"Spara mötets {text} som PDF.")
        c.add_argument("key", metavar="ID|DATUM")
        c.add_argument("--out", metavar="FIL.pdf", required=True)


def meetings_list(db, args) -> int:
    from .services import meetings

    rows = sorted(meetings.list_rows(db), key=lambda r: (r.date, r.id), reverse=True)
    print(_table(["Id", "Datum", "Tid", "Slag", "Plats", "Punkter", "Registrerade"],
                 [[str(r.id), r.date.isoformat(), r.time, KINDS.get(r.kind, r.kind), _cut(r.place, 30), str(r.items),
                   str(r.recorded)] for r in rows], {5, 6}))
    print(f"\n{len(rows)} möten.")
    return 0


def meetings_show(db, args) -> int:
    from .services import meetings

    m = meetings.find(db, args.key)
    outcomes = {**RECOMMENDATIONS, **BOARD_DECISIONS}
    people = (f"Plats: {m.place or '–'}. Ordförande: {m.chair or '–'}. Sekreterare: {m.secretary or '–'}. "
              f"Justerare: {m.adjusters or '–'}.")
    lines = [f"{m.title} {m.time}".strip(), people, "", "Deltagare:"]
    lines += [f"  {a.name}, {a.organisation} ({ROLES.get(a.role, a.role).lower()})" + ("" if a.present else " – frånvarande")
              for a in m.attendees] or ["  (inga)"]
    lines += ["", "Dagordning:"]
    for i, item in enumerate(m.items):
        state = f" – {outcomes.get(item.outcome, item.outcome)}" + (" (registrerad)" if item.recorded else "") \
            if item.outcome else ""
        lines.append(f"  § {m.paragraph(i)} {item.title}{state}")
    print("\n".join(lines))
    return 0


def _write(db, args, make, label: str) -> int:
    from .services import meetings
    from .services.output import write_file_atomic

    if Path(args.out).suffix.lower() != ".pdf":
        raise MeetingsUsageError(f"{args.out}: filen ska sluta på .pdf.")
    m = meetings.find(db, args.key)
    write_file_atomic(Path(args.out), make(db, m.id))
    print(f"{label} för {m.title.lower()} i {args.out}.", file=sys.stderr)
    return 0


def meetings_kallelse(db, args) -> int:
    from .services import meeting_files

    return _write(db, args, meeting_files.kallelse_pdf, "Sparade kallelsen")


def meetings_underlag(db, args) -> int:
    from .services import meeting_files

    return _write(db, args, meeting_files.beslutsunderlag_pdf, "Sparade beslutsunderlaget")


def meetings_protocol(db, args) -> int:
    from .services import meeting_files

    return _write(db, args, meeting_files.protokoll_pdf, "Sparade protokollet")


class MeetingsUsageError(Exception):
    """Bad arguments; the CLI prints the message and exits 2."""


HANDLERS = {("meetings", "list"): meetings_list, ("meetings", "show"): meetings_show,
            ("meetings", "kallelse"): meetings_kallelse, ("meetings", "underlag"): meetings_underlag,
            ("meetings", "protocol"): meetings_protocol}


def _cut(text: str, n: int) -> str:
    from .cli import _cut as cut

    return cut(text or "", n)


def _table(headers: list[str], rows: list[list[str]], right: set[int] = frozenset()) -> str:
    from .cli import _table as table

    return table(headers, rows, right)
