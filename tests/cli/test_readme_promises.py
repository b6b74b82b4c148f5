"""README's promises for the command line (#12): every command in its Kommandorad list exists (and every command
is in the list), runs on an example file (exit 0), and says no in Swedish with the documented exit status —
2 for bad input (each placeholder given a bad value in turn, an unknown option), 1 for a file that is not there.

The commands and their placeholders are read from README itself; only the values below are this test's."""
from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from finsamdesk.cli import main
from finsamdesk.cli.program import _leaves, build_parser
from finsamdesk.services import applications, exchange, insatser, meetings, participants
from finsamdesk.services.demo_participants import EXAMPLE_PASSPHRASE
from finsamdesk.store.connection import open_database
from tests.fixtures import seed_forms
from tests.fixtures.cli import run

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = re.compile(r"usage|error|Traceback|No such|Permission|unable|denied|Errno|invalid|Expecting|arguments"
                     r"|required|expected|choose", re.IGNORECASE)
# The optional parts a run must include to be a complete request (print needs a key or --blank, the insats PDF an id).
NEEDS = {("applications", "print"): ["NYCKEL"], ("insatser", "export"): ["ID|NAMN"]}
# import (and read --save) creates a missing file; read without --save only reads the form
NOT_ON_THE_FILE = {("templates", "list"), ("demo",), ("applications", "import"), ("applications", "read")}


def readme_commands() -> list[tuple[tuple[str, ...], list[str]]]:
    """(command words, the tokens after them that are not [optional]) for each line in README's list."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Kommandorad"):]
    block = section[section.index("```sh") + 5:section.index("```", section.index("```sh") + 5)]
    known = {name for name in _command_words(build_parser())}
    found = []
    for line in block.strip().splitlines():
        words = re.sub(r"\[[^\[\]]*\]", " ", line).split()[1:]  # without "finsamdesk" and the [..] groups
        path: list[list[str]] = []
        while words and all(w in known for w in words[0].split("|")):
            path.append(words.pop(0).split("|"))
        for variant in _expand(path):
            found.append((variant, words))
    return found


def _command_words(parser) -> set[str]:
    words = set()
    for action in parser._actions:
        if isinstance(action.choices, dict):
            for name, child in action.choices.items():
                words |= {name} | _command_words(child)
    return words


def _expand(path: list[list[str]]) -> list[tuple[str, ...]]:
    variants: list[tuple[str, ...]] = [()]
    for choices in path:
        variants = [v + (c,) for v in variants for c in choices]
    return variants


def _parser_commands() -> set[tuple[str, ...]]:
    return {tuple(p.prog.split()[1:]) for p in _leaves(build_parser())}


def test_the_readme_lists_every_command_and_only_commands_that_exist():
    listed = {command for command, _words in readme_commands()}
    assert listed == _parser_commands()


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    """The example file made by `finsamdesk demo`, and good values for README's placeholders in it."""
    folder = tmp_path_factory.mktemp("readme")
    path = folder / "exempel.sqlite"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["demo", "--out", str(path)]) == 0
    db = open_database(path)
    try:
        rows = applications.list_rows(db)
        key = rows[0].diarienummer
        open_key = next(r.diarienummer for r in rows if r.status in ("inkommen", "beredning", "styrelse"))
        own_key = next(r.diarienummer for r in rows if r.direction == "outgoing")
        exported = json.loads(exchange.export_application_json(db, key))
        exported["application"]["diarienummer"] = "1999-001"
        (folder / "ny.json").write_text(json.dumps(exported), "utf-8")
        individ = next(c.id for c in participants.insatser(db) if c.mode == "individ")
        insats = insatser.find(db, str(individ))
        meeting = meetings.list_rows(db)[0].id
        year = str(insats.period_start.year)
    finally:
        db.close()
    return {"path": path, "folder": folder, "key": key, "open_key": open_key, "own_key": own_key,
            "insats": str(individ),
            "meeting": str(meeting), "year": year}


def _values(example, command, out: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(good, bad) value for each placeholder; an output file's bad value has the wrong suffix."""
    folder = example["folder"]
    template = folder / "mall.xlsx"
    keys = {("applications", "status"): example["open_key"], ("applications", "budget"): example["own_key"]}
    good = {"NYCKEL": keys.get(command, example["key"]),
            "NY_STATUS": "Återtagen", "ÅR": example["year"], "ID|NAMN": example["insats"],
            "ID|DATUM": example["meeting"], "FIL.json": str(folder / "ny.json"), "FIL.xlsx": str(template),
            "FIL.sqlite": str(out.with_suffix(".sqlite")), "FIL.docx|FIL.pdf": str(folder / "ifylld #1.docx"),
            "KOPIA.sqlite": str(out.with_name("arbetskopia.sqlite"))}
    (folder / "ifylld #1.docx").write_bytes(seed_forms.spranget_docx())
    (folder / "text.xlsx").write_text("inte ett kalkylblad", "utf-8")
    bad = {"NYCKEL": "1999-999", "NY_STATUS": "godkänd", "ÅR": "tjugo", "ID|NAMN": "Finns inte",
           "ID|DATUM": "1999-01-01", "FIL.json": str(folder / "saknas.json"), "FIL.xlsx": str(folder / "text.xlsx"),
           "FIL.sqlite": str(out.with_suffix(".txt")), "FIL.docx|FIL.pdf": str(folder / "saknas.docx"),
           "KOPIA.sqlite": str(folder / "saknas.sqlite")}
    return good, bad


def _runs(words: list[str], values: dict[str, str], out: Path, **instead: str) -> list[list[str]]:
    """Argument lists for README's `words`: options as they are, placeholders by `values` (or `instead`), and an
    output file (`UT.pdf`, `UT.xlsx|UT.pdf`) as `out` with that suffix — one list per format."""
    runs: list[list[str]] = [[]]
    for word in words:
        if word in instead:
            choices = [instead[word]]
        elif word.startswith("-"):
            choices = [word]
        elif word in values:
            choices = [values[word]]
        else:
            choices = [str(out.with_suffix(Path(alt).suffix)) for alt in word.split("|")]
        runs = [run + [choice] for run in runs for choice in choices]
    return runs


def _outputs(words: list[str], values: dict[str, str]) -> list[str]:
    return [w for w in words if not w.startswith("-") and w not in values]


@pytest.fixture
def copy(example, tmp_path, monkeypatch):
    monkeypatch.setenv("FINSAMDESK_LOSENFRAS", EXAMPLE_PASSPHRASE)
    target = tmp_path / "förbund #1.sqlite"
    shutil.copy(example["path"], target)
    return target


def _clean(err: str) -> None:
    assert not ENGLISH.search(err), err


@pytest.mark.parametrize("command, words", readme_commands(), ids=lambda v: " ".join(v) if isinstance(v, tuple)
                         else "")
def test_each_command_does_its_work_and_says_no_in_swedish(capsys, example, copy, tmp_path, command, words):
    out = tmp_path / "ut fil #1.pdf"
    good, bad = _values(example, command, out)
    if command == ("participants", "import"):  # an empty import template of the example's insats: 0 rows
        assert run(capsys, "--file", copy, "participants", "template", "--insats", example["insats"],
                   "--out", good["FIL.xlsx"])[0] == 0
    if command == ("copies", "merge"):  # a working copy of this test's file, with one new row
        assert run(capsys, "--file", copy, "copies", "take", "--out", good["KOPIA.sqlite"])[0] == 0
    words = NEEDS.get(command, []) + words
    for arguments in _runs(words, good, out):
        code, _out, err = run(capsys, "--file", copy, *command, *arguments)
        assert code == 0, (command, arguments, err)
        _clean(err)
    for placeholder in [w for w in words if w in bad]:
        arguments = _runs(words, good, out, **{placeholder: bad[placeholder]})[0]
        code, _out, err = run(capsys, "--file", copy, *command, *arguments)
        assert code == 2 and err.startswith("fel: "), (command, arguments, code, err)
        _clean(err)
    for output in _outputs(words, good):
        arguments = _runs(words, good, out, **{output: str(out.with_suffix(".txt"))})[0]
        code, _out, err = run(capsys, "--file", copy, *command, *arguments)
        assert code == 2 and "filen ska sluta på" in err, (command, err)
        _clean(err)
    code, _out, err = run(capsys, "--file", copy, *command, *_runs(words, good, out)[0], "--okänd")
    assert code == 2 and err.startswith("fel: okända argument: --okänd"), err
    _clean(err)
    if command not in NOT_ON_THE_FILE:
        missing = tmp_path / "saknas.sqlite"
        code, _out, err = run(capsys, "--file", missing, *command, *_runs(words, good, out)[0])
        assert code == 1 and "finns inte" in err and not missing.exists(), (command, err)
        _clean(err)
