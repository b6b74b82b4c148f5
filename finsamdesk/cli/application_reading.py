"""`finsamdesk applications read FIL.docx|FIL.pdf [--template MALL] [--out UT.json] [--save]`.

Reads a filled-in form into a proposed ansökan and prints it field by field with what needs a
look (the review); nothing is saved unless --save is given. --out writes the proposal as JSON
(the exchange format of `applications import`) to correct by hand first.
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..domain.form_findings import ERROR, UNPLACED
from ..services import form_reader
from ..services.output import write_file_atomic
from ..services.templates import get_template
from .arguments import EXIT_OK, UsageError
from .common import Context, cut, iso, kr, suffix

SEVERITY = {ERROR: "FEL", UNPLACED: "EJ PLACERAT"}


def add_parser(actions) -> None:
    c = actions.add_parser(
        "read", help="läs in en ifylld blankett (Word eller PDF) som ny ansökan",
        description="Läs in en ifylld blankett (.docx eller PDF med text) och visa varje fält och det som bör "
                    "kontrolleras. Inget sparas utan --save.")
    c.add_argument("path", metavar="FIL", help="blanketten: .docx eller .pdf")
    c.add_argument("--template", metavar="MALL", help="formulärmall (id) om den inte känns igen av sig själv")
    c.add_argument("--out", metavar="UT.json", help="spara förslaget som JSON (att rätta och importera)")
    c.add_argument("--save", action="store_true", help="spara som ny ansökan (utkast) i förbundets fil")
    c.set_defaults(handler=read_form)


def _summary(proposal: form_reader.Proposal) -> list[str]:
    reading = proposal.reading
    app, template = reading.app, reading.template
    score = next((s for s, tid, _n in proposal.candidates if tid == template.id), 0.0)
    chosen = "vald" if proposal.chosen_by_user else f"{round(score * 100)} % igenkänt"
    lines = [f"Fil:        {proposal.file_name}", f"Formulär:   {template.name} ({chosen})",
             f"Namn:       {app.name}", f"Sökande:    {app.applicant_text}"]
    texts = [s for s in template.sections if s.answer == "text" and not s.binds]
    lines.append(f"Avsnitt:    {sum(1 for s in texts if app.text(s.id))} av {len(texts)} ifyllda")
    lines += [f"  {cut(s.short, 28):<28} {cut(app.text(s.id).replace(chr(10), ' '), 70)}" for s in texts
              if app.text(s.id)]
    if app.contacts:
        lines.append("Kontakter:")
        lines += [f"  {c.role:<12} {c.name}, {c.organisation} {c.phone} {c.email}".rstrip() for c in app.contacts]
    if template.budget:
        unit = template.unit
        lines.append(f"Budget ({unit}):")
        order = {c: i for i, c in enumerate(template.budget.categories)}
        for (category, column, year), amount in sorted(app.budget.cells.items(),
                                                       key=lambda x: (x[0][2], order.get(x[0][0], 99))):
            where = "egen finansiering" if column == "own" else str(year)
            lines.append(f"  {cut(category, 40):<40} {where:<18} {kr(amount, unit)}")
    lines.append(f"Period:     {iso(app.period_start)} – {iso(app.period_end)}")
    lines += [f"  {p.name}: {iso(p.start)} – {iso(p.end)}" for p in app.phases]
    lines.append(f"Ort, datum: {app.place} {iso(app.signed_on)}".rstrip())
    if app.planned_participants is not None:
        lines.append(f"Planerade deltagare: {app.planned_participants}")
    lines.append("")
    if not reading.findings:
        lines.append("Inget att anmärka: allt i filen har fått en plats.")
    for f in reading.findings:
        lines.append(f"{SEVERITY.get(f.severity, 'KONTROLLERA')}: {f.message}")
    if reading.unplaced:
        lines += ["", "Text som inte kunde placeras (sparas i historiken):", *reading.unplaced]
    return lines


def read_form(args, ctx: Context) -> int:
    path = Path(args.path)
    suffix(args.path, (".docx", ".pdf"))
    if not path.is_file():
        raise UsageError(f"{args.path}: filen finns inte.")
    if args.template:
        get_template(args.template)  # an unknown id is bad input (exit 2)
    if args.out:
        suffix(args.out, (".json",))
    proposal = form_reader.read_file(path, args.template)
    print("\n".join(_summary(proposal)))
    if args.out:
        write_file_atomic(args.out, form_reader.proposal_json(proposal))
        print(f"\nFörslaget sparat som {args.out}.", file=sys.stderr)
    if args.save:
        saved = form_reader.save_proposal(ctx.db(write=True, create=True), proposal)
        print(f"\nSparad som ansökan {saved.diarienummer} (id {saved.id}), utkast.")
    return EXIT_OK
