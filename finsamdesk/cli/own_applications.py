"""`finsamdesk applications budget NYCKEL`: an own application's budget as the funder computes it, with what a
reviewer would question; and the own application's part of `applications show`."""
from __future__ import annotations

from ..domain.application import Application
from ..domain.esf_report import BudgetLine, detail_lines, overview_lines
from ..services import applications, esf_files, own_applications
from ..services.errors import ServiceError
from .arguments import EXIT_OK
from .common import Context, kr, suffix, table

KINDS = {"egen": "outgoing", "egna": "outgoing", "inkommen": "received", "inkomna": "received"}


def kind(text: str) -> str:
    """An argument type: `egen` (own applications) or `inkommen` (received ones)."""
    import argparse

    found = KINDS.get(text.strip().lower())
    if found is None:
        raise argparse.ArgumentTypeError(f"ogiltigt val ”{text}”; välj egen eller inkommen.")
    return found


def add_budget_parser(actions) -> None:
    c = actions.add_parser("budget", help="visa en egen ansökans budget som finansiären räknar den",
                           description="Visa en egen ESF-ansökans budget: översikten, kostnaderna eller "
                                       "budgetspecifikationen och vad en granskare skulle fråga om.")
    c.add_argument("key", metavar="NYCKEL", help="id eller diarienummer")
    c.add_argument("--xlsx", metavar="UT.xlsx", help="spara budgeten som Excel-fil med formler i stället")
    c.set_defaults(handler=budget_command)


def _own(db, key: str) -> Application:
    app = applications.find(db, key)
    if not app.outgoing:
        raise ServiceError(f"Ansökan {app.diarienummer} är en inkommen ansökan; budgeten visas med "
                           "`applications show`.")
    return app


def _rows(lines: list[BudgetLine]) -> list[list[str]]:
    return [["  " * line.level + line.label, line.detail, line.amount] for line in lines]


def budget_text(app: Application) -> str:
    b = own_applications.budget_of(app)
    out = [f"{app.diarienummer} {app.name} – {b.template.name}"]
    if app.funder_dnr:
        out[0] += f", {app.funder} dnr {app.funder_dnr}"
    out += ["", table(["Översikt", "", "Belopp"], _rows(overview_lines(app, b.template, b.result)), right={2})]
    out += ["", table(["Budget", "", "Belopp"], _rows(detail_lines(app, b.template, b.result)), right={2})]
    out += ["", f"Sökt stöd: {kr(b.result.support)}, kostnader {kr(b.result.costs)}, "
                f"medfinansiering {kr(b.result.cofinancing)}."]
    if b.problems:
        out += ["", "Att granska:"]
        out += [f"  {'FEL' if p.severity == 'error' else '!'} {p.message}" for p in b.problems]
    else:
        out += ["", "Inget att anmärka."]
    return "\n".join(out)


def budget_command(args, ctx: Context) -> int:
    db = ctx.db()
    app = _own(db, args.key)
    if args.xlsx:
        suffix(args.xlsx, (".xlsx",))
        out = esf_files.export_budget_xlsx(db, app.diarienummer, args.xlsx)
        print(f"Sparade budgeten för {app.diarienummer} i {out}.")
        return EXIT_OK
    print(budget_text(app))
    return EXIT_OK


def granted_total(app: Application, text: str) -> dict[int, int]:
    """`--granted-total 11782527`: the funder's one sum, spread over the project's years by months."""
    from ..domain.money import AmountError, parse_amount
    from .arguments import UsageError

    if not app.outgoing:
        raise UsageError("--granted-total gäller egna ansökningar; ange --granted ÅR=BELOPP för en inkommen.")
    try:
        amount = parse_amount(text)
    except AmountError as exc:
        raise UsageError(f"--granted-total: {exc}") from exc
    if not amount or amount % 100:
        raise UsageError("--granted-total: ange beviljat stöd i hela kronor, t.ex. \"11 782 527\".")
    split = own_applications.granted_split(app, amount)
    if not split:
        raise UsageError("--granted-total: ansökan har ingen projektperiod att fördela stödet på.")
    return split


def show_lines(app: Application) -> list[str]:
    """The own application's lines of `applications show`: the funder and what is asked for."""
    b = own_applications.budget_of(app)
    lines = [f"Egen ansökan till {app.funder or 'extern finansiär'}" +
             (f", dnr {app.funder_dnr}" if app.funder_dnr else ""),
             f"Sökt stöd:    {kr(b.result.support)} (kostnader {kr(b.result.costs)}, medfinansiering "
             f"{kr(b.result.cofinancing)})"]
    warnings = [p for p in b.problems if p.severity == "warning"]
    errors = [p for p in b.problems if p.severity == "error"]
    if warnings or errors:
        lines.append(f"Att granska:  {len(errors)} fel, {len(warnings)} varningar (se applications budget)")
    return lines
