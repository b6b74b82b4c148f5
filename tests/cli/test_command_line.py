"""`finsamdesk …` as a newcomer meets it (#12 item 9): a command or the window, a typo is an error with the list
of commands, `--help` and `--version`, and argparse in Swedish — also for the window's own options."""
from __future__ import annotations

import argparse
import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from finsamdesk.__main__ import wants_window
from finsamdesk.app import _parse
from finsamdesk.cli import main
from finsamdesk.cli.arguments import SWEDISH
from finsamdesk.cli.program import command_names
from tests.fixtures.cli import run

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = ("usage:", "error:", "invalid", "arguments", "required", "expected", "choose", "Traceback")


def _finsamdesk(tmp_path, *argv, timeout=60):
    """`python -m finsamdesk argv…` in tmp_path, headless; a window that opened would hang until the timeout."""
    env = {**os.environ, "FINSAMDESK_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT),
           "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "finsamdesk", *map(str, argv)], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=timeout)


def test_a_mistyped_command_is_an_error_with_the_commands_and_creates_nothing(tmp_path):
    result = _finsamdesk(tmp_path, "aplications")
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("fel: okänt kommando ”aplications”. Menade du ”applications”?")
    assert all(name in result.stderr for name in command_names())
    assert list(tmp_path.iterdir()) == []


def test_a_file_and_an_unknown_word_is_no_window_either(tmp_path):
    result = _finsamdesk(tmp_path, "--file", tmp_path / "f.sqlite", "foo")
    assert result.returncode == 2 and "okänt kommando ”foo”" in result.stderr
    assert not (tmp_path / "f.sqlite").exists()


def test_a_data_file_opens_in_the_window(tmp_path):
    """`finsamdesk FIL.sqlite`, as a file manager opens it: the window on that file (here created and shown)."""
    target = tmp_path / "Förbund #2 och %41.sqlite"
    result = _finsamdesk(tmp_path, target, "--quit-when-shown", timeout=120)
    assert result.returncode == 0, result.stderr
    assert "ready" in result.stdout and target.exists()


@pytest.mark.parametrize("argv, window", [
    ([], True),
    (["förbund.sqlite"], True),
    (["FÖRBUND.DB"], True),
    (["--file", "x.sqlite"], True),
    (["--demo"], True),
    (["--self-test"], True),
    (["x.sqlite", "--help"], True),  # the window's own help
    (["--help"], False),
    (["-h"], False),
    (["--version"], False),
    (["applications", "list"], False),
    (["--file", "förbund", "templates", "list"], False),
    (["aplications"], False),
    (["--file", "x.sqlite", "foo"], False),
    (["finns-inte.txt"], False),
])
def test_window_or_command(argv, window):
    assert wants_window(argv) is window


def test_an_existing_file_is_opened_but_a_command_wins_over_a_file_of_its_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "förbund.fil").write_bytes(b"")
    (tmp_path / "applications").write_bytes(b"")
    assert wants_window(["förbund.fil"]) is True
    assert wants_window(["applications", "list"]) is False


def test_version_and_help_list_the_commands(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == "finsamdesk 0.1.0"
    code, out, _ = run(capsys, "--help")
    assert code == 0 and out.startswith("Användning: finsamdesk")
    usage = "finsamdesk [FIL.sqlite] [--file FIL] [--demo] [--self-test]"
    assert "kommandon:" in out and usage in " ".join(out.split())
    for name in ("applications", "templates", "demo", "budget", "insatser", "participants", "meetings"):
        assert f"\n    {name}" in out
    assert not any(word in out for word in ENGLISH)


@pytest.mark.parametrize("argv", [
    ["--bogus"], ["applications"], ["applications", "show"], ["applications", "list", "--year"],
    ["applications", "list", "--year", "tjugo"], ["budget", "show", "2026", "extra"], ["applications", "lst"],
    ["meetings", "protocol", "1"], ["participants", "export", "--with-identifiers", "x"], ["--file"],
])
def test_usage_errors_are_swedish_with_the_usage_line(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    first, usage = err.splitlines()[0], err.splitlines()[1]
    assert first.startswith("fel: ") and usage.startswith("Användning: finsamdesk")
    assert "Användning: Användning:" not in err and not any(word in err for word in ENGLISH), err


def test_the_window_options_are_swedish_too(capsys):
    assert _parse(["förbund.sqlite"]).file == Path("förbund.sqlite")
    assert _parse(["--file", "a.sqlite"]).file == Path("a.sqlite")
    for argv in (["--bogus"], ["a.sqlite", "extra"], ["--file", "a.sqlite", "b.sqlite"], ["--demo", "a.sqlite"]):
        with pytest.raises(SystemExit) as stop:
            _parse(argv)
        assert stop.value.code == 2
        err = capsys.readouterr().err
        assert err.startswith("fel: ") and "Användning: finsamdesk" in err
        assert not any(word in err for word in ENGLISH), err
    with pytest.raises(SystemExit) as stop:
        _parse(["--help"])
    out = capsys.readouterr().out
    assert stop.value.code == 0 and "Användning:" in out and "--self-test" in out and "flaggor:" in out


def test_every_message_of_this_pythons_argparse_has_a_swedish_text():
    """argparse says everything through _() / ngettext(): a new Python with new messages fails here first."""
    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    messages = {arg.value for node in ast.walk(tree)
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext")
                for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)}
    assert messages and not messages - set(SWEDISH), sorted(messages - set(SWEDISH))


def test_main_accepts_the_arguments_of_the_process(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["finsamdesk", "templates", "list"])
    assert main() == 0 and "neutral" in capsys.readouterr().out


def test_the_demo_leaves_no_temporary_folder(tmp_path):
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {**os.environ, "FINSAMDESK_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT),
           "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(temp)}
    result = subprocess.run([sys.executable, "-m", "finsamdesk", "--demo", "--quit-when-shown"], env=env,
                            cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "ready" in result.stdout, result.stderr
    assert list(temp.iterdir()) == []
