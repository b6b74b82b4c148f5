"""`finsamdesk copies take|list|merge`: working copies for another laptop, and merging them back (issue 17)."""
from __future__ import annotations

import sys
from pathlib import Path

from ..domain import sync as rules
from ..domain.sync import MergePreview, MergeReport
from ..services import insatser
from ..services import working_copies as wc
from .arguments import EXIT_OK, UsageError
from .common import Context, suffix, table

CHOICES = {"main": rules.MAIN, "copy": rules.COPY}


def add_parsers(sub) -> None:
    c = sub.add_parser("copies", help="arbetskopior: ta med en kopia till en annan dator, slå ihop den igen",
                       description="Arbetskopior av filen för en annan dator, och sammanslagning tillbaka.")
    ca = c.add_subparsers(title="åtgärder", dest="action", metavar="ÅTGÄRD", required=True)
    t = ca.add_parser("take", help="ta en arbetskopia", description="Spara en arbetskopia av filen, hela eller "
                      "bara vissa insatser, med eller utan deltagarregistret. Huvudfilen minns kopian.")
    t.add_argument("--out", metavar="FIL", required=True, help="arbetskopians filnamn (.sqlite)")
    t.add_argument("--insats", metavar="ID|NAMN", action="append", help="bara den här insatsen (kan upprepas)")
    t.add_argument("--without-register", action="store_true", help="utan deltagarregistret (inga personuppgifter)")
    t.add_argument("--label", metavar="NAMN", default="", help="vem eller vad kopian är för, t.ex. Anna")
    t.set_defaults(handler=take_copy)
    lst = ca.add_parser("list", help="visa utlämnade arbetskopior", description="Arbetskopior som är ute.")
    lst.set_defaults(handler=list_copies)
    m = ca.add_parser("merge", help="slå ihop en arbetskopia med filen",
                      description="Slå ihop en arbetskopia med huvudfilen. Finns konflikter skrivs ingenting förrän "
                                  "du väljer sida med --keep.")
    m.add_argument("copy", metavar="KOPIA.sqlite", help="arbetskopian")
    m.add_argument("--keep", choices=sorted(CHOICES), help="vid konflikt: huvudfilens (main) eller kopians (copy)")
    m.add_argument("--dry-run", action="store_true", help="visa vad som skulle hända, utan att skriva")
    m.set_defaults(handler=merge_copy)


def take_copy(args, ctx: Context) -> int:
    suffix(args.out, (".sqlite",))
    db = ctx.db(write=True)
    ids = [insatser.find(db, key).id for key in args.insats] if args.insats else None
    info = wc.take_copy(db, Path(args.out), insats_ids=[i for i in ids if i is not None] if ids else None,
                        with_register=not args.without_register, label=args.label)
    print(f"Arbetskopian ”{info.label}” ({info.scope_text}) sparad i {args.out}.", file=sys.stderr)
    return EXIT_OK


def list_copies(args, ctx: Context) -> int:
    rows = [[c.label, c.made_at.replace("T", " "), c.scope_text, (c.merged_at or "").replace("T", " "),
             str(c.merges)] for c in wc.copies(ctx.db())]
    print(table(["Arbetskopia", "Tagen", "Innehåll", "Senast ihopslagen", "Gånger"], rows, {4}) if rows
          else "Inga arbetskopior är ute.")
    return EXIT_OK


def merge_copy(args, ctx: Context) -> int:
    db = ctx.db(write=not args.dry_run)
    preview = wc.preview(db, Path(args.copy))
    try:
        print(describe_preview(preview))
        if args.dry_run or preview.nothing_to_do:
            return EXIT_OK
        if preview.conflicts and not args.keep:
            raise UsageError(f"{len(preview.conflicts)} konflikter: välj --keep main (huvudfilens) eller --keep copy "
                             "(kopians). Ingenting har skrivits.")
        choices: dict[int, rules.Choice] = {c.id: CHOICES[args.keep] for c in preview.conflicts}
        report = wc.merge(db, preview, choices)
    finally:
        wc.discard(preview)
    print(describe_report(report))
    return EXIT_OK


def _counts(counts: list[rules.TableCount]) -> str:
    rows = [[rules.table_word(c.table), str(c.added), str(c.changed), str(c.deleted)] for c in counts]
    return table(["Vad", "Nya", "Ändrade", "Borttagna"], rows, {1, 2, 3}) if rows else "Inga ändringar."


def describe_preview(preview: MergePreview) -> str:
    lines = [f"Arbetskopia ”{preview.copy.label}” ({preview.copy.scope_text})", "", _counts(preview.counts)]
    if preview.already_there:
        lines.append(f"{preview.already_there} ändringar finns redan i huvudfilen.")
    lines += [f"Får nytt nummer: {r.what} {r.old} → {r.new}" for r in preview.renumbered]
    lines += preview.notes
    for c in preview.conflicts:
        lines += ["", f"Konflikt {c.id}: {c.label} — {rules.KIND_WORDS[c.kind]}"]
        rows = [[rules.column_word(col), *(wc.shown(c, side, col) for side in ("main", "copy", "base"))]
                for col in c.differing]
        lines.append(table(["Fält", "Huvudfilen", "Kopian", "Bas"], rows, set()))
    return "\n".join(lines)


def describe_report(report: MergeReport) -> str:
    lines = [f"Arbetskopian ”{report.copy.label}” är ihopslagen.", "", _counts(report.counts)]
    lines += [f"Fick nytt nummer: {r.what} {r.old} → {r.new}" for r in report.renumbered]
    if report.conflicts_resolved:
        lines.append(f"Konflikter: {report.conflicts_resolved} ({report.kept_main} huvudfilens, "
                     f"{report.took_copy} kopians).")
    lines += report.notes
    return "\n".join(lines)

