"""argparse in Swedish, for the command line and the window's own options (app.py).

argparse writes its words through gettext (`argparse._`, `argparse.ngettext`); while one of our parsers is
built, parses or formats help, those two names point at the Swedish table below, so every message argparse
makes — `usage:`, `error:`, "the following arguments are required" … — comes out in Swedish whatever the
user's locale. A test checks that the table covers every message of the running Python's argparse.
Standard library only: the window imports this before it shows.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
DATA_FILE_SUFFIXES = (".sqlite", ".db")  # a förbund's file, as the window's Öppna dialog filters them


class UsageError(Exception):
    """Wrong input on the command line or in a file given to a command (exit 2); the message is Swedish."""


SWEDISH = {
    "usage: ": "Användning: ",
    "positional arguments": "argument",
    "options": "flaggor",
    "optional arguments": "flaggor",
    "subcommands": "underkommandon",  # Python 3.13's argparse says these three as well
    "%(heading)s:": "%(heading)s:",
    " (default: %(default)s)": " (förval: %(default)s)",
    "show this help message and exit": "visa den här hjälptexten och avsluta",
    "show program's version number and exit": "visa programmets version och avsluta",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "%(prog)s: error: %(message)s\n": "fel: %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "obs: %(message)s\n",
    "unrecognized arguments: %s": "okända argument: %s",
    "the following arguments are required: %s": "följande argument behövs: %s",
    "one of the arguments %s is required": "ett av argumenten %s behövs",
    "ambiguous option: %(option)s could match %(matches)s": "flaggan %(option)s är tvetydig; den kan vara %(matches)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ogiltigt val %(value)r (välj bland %(choices)s)",
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)":
        "ogiltigt val %(value)r; menade du %(closest)r? (välj bland %(choices)s)",
    "invalid %(type)s value: %(value)r": "ogiltigt värde %(value)r",
    "expected one argument": "ett värde behövs",
    "expected at most one argument": "högst ett värde",
    "expected at least one argument": "minst ett värde behövs",
    "expected %s argument": "%s värde behövs",
    "expected %s arguments": "%s värden behövs",
    "not allowed with argument %s": "går inte tillsammans med %s",
    "ignored explicit argument %r": "värdet %r hör inte till flaggan",
    "unexpected option string: %s": "oväntad flagga: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "okänt kommando %(parser_name)r (välj bland %(choices)s)",
    "can't open '%(filename)s': %(error)s": "”%(filename)s” kan inte öppnas: %(error)s",
    "option '%(option)s' is deprecated": "flaggan ”%(option)s” kommer att tas bort",
    "argument '%(argument_name)s' is deprecated": "argumentet ”%(argument_name)s” kommer att tas bort",
    "command '%(parser_name)s' is deprecated": "kommandot ”%(parser_name)s” kommer att tas bort",
    # mistakes in a program's own parser, never caused by what a user typed; Swedish all the same
    "conflicting option string: %s": "flaggan finns redan: %s",
    "conflicting option strings: %s": "flaggorna finns redan: %s",
    "conflicting subparser: %s": "kommandot finns redan: %s",
    "conflicting subparser alias: %s": "kommandonamnet finns redan: %s",
    ".__call__() not defined": ".__call__() saknas",
    "'required' is an invalid argument for positionals": "'required' går inte för argument utan flagga",
    "mutually exclusive arguments must be optional": "argument som utesluter varandra måste vara flaggor",
    "%r is not callable": "%r kan inte anropas",
    "cannot merge actions - two groups are named %r": "två grupper heter %r",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r":
        "ogiltig flagga %(option)r: ska börja med %(prefix_chars)r",
    "dest= is required for options like %r": "dest= behövs för flaggor som %r",
    "invalid conflict_resolution value: %r": "ogiltigt conflict_resolution: %r",
    "cannot have multiple subparser arguments": "bara en uppsättning kommandon går",
    'argument "-" with mode %r': 'argumentet "-" med läget %r',
}


def _gettext(message: str) -> str:
    return SWEDISH.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


@contextmanager
def in_swedish() -> Iterator[None]:
    """argparse's messages in Swedish while the block runs (the previous words are put back after)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _gettext, _ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class _Formatter(argparse.HelpFormatter):
    def __init__(self, prog: str):
        super().__init__(prog, max_help_position=32)


class SwedishParser(argparse.ArgumentParser):
    """An ArgumentParser that speaks Swedish; a usage error is "fel: …" and the usage line on stderr, exit 2."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        with in_swedish():
            super().__init__(*args, **kwargs)

    def parse_args(self, args=None, namespace=None):
        with in_swedish():
            return super().parse_args(args, namespace)

    def parse_known_args(self, args=None, namespace=None):
        with in_swedish():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with in_swedish():
            return super().format_usage()

    def format_help(self) -> str:
        with in_swedish():
            return super().format_help()

    def error(self, message: str):
        self.exit(EXIT_USAGE, f"fel: {message}\n{self.format_usage()}")

    def _check_value(self, action, value):
        """An unknown command or action is named with the ones there are (and the nearest, for a typo)."""
        if isinstance(action.choices, dict) and value not in action.choices:  # a set of commands
            raise argparse.ArgumentError(None, unknown_word(value, list(action.choices), self.prog,
                                                            top=action.dest == "command"))
        return super()._check_value(action, value)


def unknown_word(word: str, known: list[str], prog: str, *, top: bool) -> str:
    import difflib  # on a mistyped word, not at every start

    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    hint = f" Menade du ”{close[0]}”?" if close else ""
    if top:
        return f"okänt kommando ”{word}”.{hint} Kommandona är: {', '.join(known)}."
    return f"okänd åtgärd ”{word}” för {prog.split()[-1]}.{hint} Åtgärderna är: {', '.join(known)}."


def year(text: str) -> int:
    """An argument type: a year such as 2026."""
    text = text.strip()
    if not (text.isdigit() and len(text) == 4 and 1900 <= int(text) <= 2200):
        raise argparse.ArgumentTypeError(f"”{text}” är inget årtal; skriv t.ex. 2026.")
    return int(text)


def print_error(message: str) -> None:
    print(f"fel: {message}", file=sys.stderr)
