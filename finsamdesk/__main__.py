"""`python -m finsamdesk` / `finsamdesk`: the command line when a command is given, else the window.

    finsamdesk                          the window, on the last file (or the usual data file)
    finsamdesk FIL.sqlite               the window on that file (as a file manager opens it)
    finsamdesk [--file FIL] KOMMANDO …  a command, no window (finsamdesk --help lists them)

The first word that is not an option decides: a name ending in .sqlite or .db is a file for the window; a
command the parser knows is a command; any other existing file is a file; anything else is a mistyped command,
and the command line says so with the list of commands (exit 2), rather than a window creating a file of
that name. `--help` and `--version` without a word are the command line's. The window (PySide6) and the
commands are imported only when needed, so a command runs without Qt and the window starts without the CLI.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .cli.arguments import DATA_FILE_SUFFIXES

_OPTIONS_WITH_VALUE = ("--file",)
_COMMAND_LINE_OPTIONS = ("-h", "--help", "--version")


def first_word(argv: list[str]) -> str | None:
    """The first argument that is neither an option nor an option's value (`--file F`)."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            return argv[i + 1] if i + 1 < len(argv) else None
        if arg in _OPTIONS_WITH_VALUE:
            i += 2
            continue
        if not arg.startswith("-") or arg == "-":
            return arg
        i += 1
    return None


def wants_window(argv: list[str]) -> bool:
    word = first_word(argv)
    if word is None:
        return not any(arg in _COMMAND_LINE_OPTIONS for arg in argv)
    if Path(word).suffix.lower() in DATA_FILE_SUFFIXES:
        return True
    from .cli.program import command_names

    return word not in command_names() and Path(word).is_file()


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if wants_window(argv):
        from .app import main as app_main

        return app_main(argv)
    from .cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
