"""`python -m finsamdesk` / `finsamdesk`: the command line when a subcommand is given, else the window.

The window (finsamdesk.app, PySide6) is imported only when it is needed, so every CLI
command runs without Qt.
"""
from __future__ import annotations

import sys

CLI_COMMANDS = ("applications", "templates", "demo", "budget", "insatser", "participants", "meetings")
_GLOBAL_OPTIONS_WITH_VALUE = ("--file",)


def wants_cli(argv: list[str]) -> bool:
    """True when the first word after the global options (--file F) is a CLI subcommand."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in _GLOBAL_OPTIONS_WITH_VALUE:
            i += 2
            continue
        if arg.startswith("-"):
            i += 1
            continue
        return arg in CLI_COMMANDS
    return False


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if wants_cli(argv):
        from .cli import main as cli_main

        return cli_main(argv)
    from .app import main as app_main

    return app_main(argv)


if __name__ == "__main__":
    sys.exit(main())
