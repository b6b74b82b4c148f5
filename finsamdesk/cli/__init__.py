"""finsamdesk without a window: `finsamdesk [--file FIL] KOMMANDO ÅTGÄRD …` (README, "Kommandorad").

One module per area (applications, templates and demo, budget, insatser, participants, meetings), each with
`add_parsers(sub)` and its handlers `handler(args, ctx) -> int`; `program` builds the parser from them and runs
the command. Exit status: 0 done, 1 could not be done, 2 wrong input (command line, values or an input file),
130/143 interrupted. Errors are one Swedish line "fel: …" on stderr, never a traceback. No Qt is imported here.

This module stays light (the window imports `cli.arguments` for its own options): the commands load on `main`.
"""
from __future__ import annotations


def main(argv: list[str] | None = None) -> int:
    from .program import main as run

    return run(argv)
