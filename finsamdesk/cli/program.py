"""The command line's parser (made of each area's `add_parsers`) and `main`: one handler per command, called as
`handler(args, ctx) -> exit status`, and one place where whatever went wrong becomes a Swedish line "fel: …"."""
from __future__ import annotations

import argparse
import io
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from .. import __version__
from ..services import files
from ..services.errors import NotFoundError, ServiceError, ValidationError, describe_os_error
from ..services.exchange import ImportFormatError
from . import applications, budget, copies, insatser, meetings, participants, reports, templates
from .arguments import EXIT_FAILED, EXIT_OK, EXIT_USAGE, SwedishParser, UsageError, print_error
from .common import Context

AREAS = (applications, templates, budget, insatser, participants, meetings, reports, copies)  # each adds its commands
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143  # 128 + SIGINT, 128 + SIGTERM, as shells report them
WINDOW_USAGE = "finsamdesk [FIL.sqlite] [--file FIL] [--demo] [--self-test]"
BAD_INPUT = (UsageError, ValidationError, NotFoundError, ImportFormatError)


def build_parser() -> argparse.ArgumentParser:
    p = SwedishParser(
        prog="finsamdesk", allow_abbrev=False,
        description="Samordningsförbundets skrivbord. Med ett kommando arbetar finsamdesk utan fönster; "
                    f"utan kommando öppnas fönstret: {WINDOW_USAGE}.",
        epilog="Slutstatus: 0 klart, 1 kunde inte utföras, 2 felaktig inmatning, 130 eller 143 avbrutet. "
               "Hjälp för ett kommando: finsamdesk KOMMANDO --help.")
    p.add_argument("--version", action="version", version=f"finsamdesk {__version__}",
                   help="visa programmets version och avsluta")
    p.add_argument("--file", metavar="FIL", help="förbundets SQLite-fil (standard: den vanliga datafilen)")
    sub = p.add_subparsers(title="kommandon", dest="command", metavar="KOMMANDO", required=True)
    for area in AREAS:
        area.add_parsers(sub)
    for command in _leaves(p):  # `finsamdesk applications list --file F` works as well as `--file F` first
        command.add_argument("--file", metavar="FIL", default=argparse.SUPPRESS, help="förbundets SQLite-fil")
    return p


def _leaves(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    children = _subcommands(parser)
    if not children:
        yield parser
    for child in dict.fromkeys(children.values()):  # an alias would name the same parser twice
        yield from _leaves(child)


def command_names() -> list[str]:
    """The commands the parser knows (`__main__` uses them to tell a command from a file to open)."""
    return list(_subcommands(build_parser()))


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    return next((a.choices for a in parser._actions if isinstance(a.choices, dict)), {})


class Terminated(BaseException):
    """SIGTERM, raised where the command is so that it stops as Ctrl+C does: rolled back, closed, unlocked."""


@contextmanager
def _sigterm_stops_the_command() -> Iterator[None]:
    def stop(_signum, _frame):
        raise Terminated

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: leave the signal alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as exc:  # --help, --version (0) or a usage error (2), already printed
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    ctx = Context(args.file)
    with _sigterm_stops_the_command():
        try:
            return _run(args, ctx)
        finally:
            ctx.close()  # the file is closed and free for the window again, whatever happened


def _run(args, ctx: Context) -> int:
    try:
        return args.handler(args, ctx)
    except BAD_INPUT as exc:
        print_error(str(exc))
        return EXIT_USAGE
    except ServiceError as exc:
        print_error(str(exc))
        return EXIT_FAILED
    except BrokenPipeError:  # e.g. `finsamdesk applications list | head`
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        print("\nfel: avbrutet (Ctrl+C); det som inte hann sparas är inte sparat.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Terminated:
        print_error("avbrutet (programmet ombads avsluta); det som inte hann sparas är inte sparat.")
        return EXIT_TERMINATED
    except OSError as exc:
        print_error(f"{exc.filename}: {describe_os_error(exc)}." if exc.filename else f"{describe_os_error(exc)}.")
        return EXIT_FAILED
    except Exception as exc:  # noqa: BLE001 - SQLite's and everything else: a sentence, never a traceback
        known = files.known_problem(exc)
        print_error(known or _unexpected(exc))
        return EXIT_FAILED


def _silence_stdout() -> None:
    """The reader of stdout is gone: point stdout at devnull, so that Python's flush on the way out is quiet."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def _unexpected(exc: Exception) -> str:
    """A bug: its type and where it happened go to the log (never its message, which may quote personal data)."""
    import logging
    import traceback

    from ..paths import log_dir

    where = "".join(f'  File "{f.filename}", line {f.lineno}, in {f.name}\n'
                    for f in traceback.extract_tb(exc.__traceback__))
    try:
        log = log_dir() / "finsamdesk.log"
        handler = logging.FileHandler(log, encoding="utf-8")
    except OSError:
        return f"ett oväntat fel ({type(exc).__name__}) i finsamdesk."
    logger = logging.getLogger("finsamdesk.cli")
    logger.addHandler(handler)
    try:
        logger.error("Oväntat fel i kommandoraden: %s\n%s", type(exc).__name__, where)
    finally:
        logger.removeHandler(handler)
        handler.close()
    return f"ett oväntat fel ({type(exc).__name__}) i finsamdesk; var det hände står i {log}."
