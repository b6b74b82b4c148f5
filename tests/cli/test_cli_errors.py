"""#12 item 10: bad input is exit 2 with a Swedish line, whatever said no — argparse, the OS, the JSON parser, a
service — and the values people type (status names, amounts, file names) are read as the list shows them."""
from __future__ import annotations

import json
import tempfile

import pytest

from finsamdesk.cli.common import kr
from finsamdesk.services import applications
from finsamdesk.store.connection import open_database
from tests.fixtures.cli import run
from tests.fixtures.participant_files import PASSPHRASE, new_register

ENGLISH = ("usage", "error:", "Traceback", "No such", "Is a directory", "Permission", "unable to", "Expecting",
           "invalid", "denied", "Errno")


def _swedish(err: str) -> None:
    assert err.startswith("fel: ") and not any(word in err for word in ENGLISH), err


@pytest.fixture
def register_file(tmp_path, monkeypatch):
    db, _key, _insats_id = new_register(tmp_path)
    db.close()
    monkeypatch.setenv("FINSAMDESK_LOSENFRAS", PASSPHRASE)
    return tmp_path / "register.sqlite"


@pytest.mark.parametrize("argv, needle", [
    (["applications", "show", "1999-999"], "ingen ansökan ”1999-999”"),
    (["applications", "export", "1999-999"], "ingen ansökan ”1999-999”"),
    (["applications", "print", "2023-001", "--out", "{tmp}/a.pdf", "--template", "nej"], "ingen formulärmall"),
    (["applications", "print", "--blank", "--out", "{tmp}/a.pdf", "--template", "nej"], "ingen formulärmall"),
    (["insatser", "show", "Finns inte"], "ingen insats ”Finns inte”"),
    (["insatser", "export", "999", "--out", "{tmp}/i.pdf"], "ingen insats"),
    (["meetings", "show", "1999-01-01"], "inget möte"),
    (["participants", "list", "--insats", "nej"], "ingen insats ”nej”"),
])
def test_an_unknown_key_template_or_insats_is_bad_input(capsys, demo_file, tmp_path, argv, needle):
    code, out, err = run(capsys, "--file", demo_file, *(a.replace("{tmp}", str(tmp_path)) for a in argv))
    assert code == 2 and needle in err and out == ""
    _swedish(err)
    assert not list(tmp_path.glob("*.pdf"))


@pytest.mark.parametrize("content, needle", [
    (b"hello, not a spreadsheet", "kan inte läsas som en Excel-fil"),
    (b"", "kan inte läsas som en Excel-fil"),
    ("wrong headers", "rubrikraden"),
])
def test_a_non_excel_file_or_wrong_headers_is_bad_input(capsys, register_file, tmp_path, content, needle):
    source = tmp_path / "deltagare.xlsx"
    if content == "wrong headers":
        from openpyxl import Workbook

        book = Workbook()
        book.active.append(["Namn", "Telefon"])
        book.active.append(["Anna", "0701"])
        book.save(source)
    else:
        source.write_bytes(content)
    code, _, err = run(capsys, "--file", register_file, "participants", "import", source, "--insats", "Steget vidare")
    assert code == 2 and needle in err
    _swedish(err)


@pytest.mark.parametrize("text, needle", [
    ('{"format": ', "(rad 1, kolumn 12): här saknas ett värde"),
    ('{"format": "finsamdesk-ansokan",', "här ska ett fältnamn inom citattecken stå"),
    ('{"format" "x"}', "här saknas ett kolon"),
    ('{"a": 1} extra', "efter slutet kommer mer text"),
    ('{"a": "oavslutad', "saknar sitt avslutande citattecken"),
    ("", "Filen är tom"),
    ("\n  \n", "Filen är tom"),
])
def test_the_json_parser_speaks_swedish(capsys, demo_file, tmp_path, text, needle):
    source = tmp_path / "ansökan #1.json"
    source.write_text(text, "utf-8")
    code, _, err = run(capsys, "--file", demo_file, "applications", "import", source)
    assert code == 2 and needle in err
    _swedish(err)


def test_files_the_os_refuses_are_said_in_swedish(capsys, demo_file, tmp_path):
    (tmp_path / "en mapp").mkdir()
    cases = [  # (argv, exit status, what the message says)
        (["applications", "import", tmp_path / "saknas.json"], 2, "saknas.json kan inte läsas: finns inte."),
        (["applications", "import", tmp_path / "en mapp"], 2, "en mapp kan inte läsas: är en mapp, inte en fil."),
        (["applications", "export", "2023-001", "--out", tmp_path / "nej" / "x.json"], 1, "Mappen"),
        (["applications", "export", "2023-001", "--out", tmp_path / "en mapp"], 2, "ska sluta på .json"),
    ]
    for argv, status, needle in cases:
        code, _, err = run(capsys, "--file", demo_file, *argv)
        assert (code, needle in err) == (status, True), err
        _swedish(err)


def test_a_folder_that_cannot_be_written_in_is_said_in_swedish(capsys, demo_file, tmp_path, monkeypatch):
    def refused(*_args, **kwargs):
        raise PermissionError(13, "Permission denied", str(kwargs.get("dir")))

    monkeypatch.setattr(tempfile, "mkdtemp", refused)  # as root the OS itself would let us
    code, _, err = run(capsys, "--file", demo_file, "applications", "export", "2023-001", "--out", tmp_path / "x.json")
    assert code == 1 and "x.json kunde inte skrivas" in err and "du saknar behörighet" in err
    _swedish(err)


def test_the_file_itself(capsys, tmp_path):
    (tmp_path / "en mapp").mkdir()
    (tmp_path / "anteckningar.txt").write_text("inte en databas", "utf-8")
    for target, needle in ((tmp_path / "saknas" / "f.sqlite", "Mappen"), (tmp_path / "en mapp", "är en mapp"),
                           (tmp_path / "finns-inte.sqlite", "finns inte"),
                           (tmp_path / "anteckningar.txt", "ingen finsamdesk-fil")):
        code, out, err = run(capsys, "--file", target, "applications", "list")
        assert code == 1 and needle in err and "skrivskydd" not in err, err  # no read-only offer for these
        _swedish(err)
    assert {p.name for p in tmp_path.iterdir()} - {"finsamdesk-home"} == {"anteckningar.txt", "en mapp"}


@pytest.mark.parametrize("typed", ["Beviljad", "beviljad", "BEVILJAD"])
def test_status_names_as_the_list_shows_them(capsys, demo_file, typed):
    code, out, _ = run(capsys, "--file", demo_file, "applications", "list", "--status", typed)
    assert code == 0 and "Beviljad" in out and "Avslag" not in out


def _at_styrelse(demo_file) -> tuple[str, dict[int, int]]:
    """An ansökan waiting for the styrelse: its diarienummer and what it seeks per year (öre)."""
    db = open_database(demo_file)
    key = next(r.diarienummer for r in applications.list_rows(db) if r.status == "styrelse")
    sought = applications.find(db, key).budget.sought_by_year()
    db.close()
    return key, sought


@pytest.mark.parametrize("typed, status", [
    ("Delvis beviljad", "delvis_beviljad"), ("delvis_beviljad", "delvis_beviljad"),
    ("DELVIS BEVILJAD", "delvis_beviljad"),
    ("Beviljad", "beviljad"), ("återtagen", "atertagen"), ("ÅTERREMITTERAD", "aterremitterad"), ("avslag", "avslag"),
])
def test_a_status_step_by_its_name(capsys, demo_file, typed, status):
    key, sought = _at_styrelse(demo_file)
    first = min(sought)
    granted = {"beviljad": [f"{y}={ore // 100}" for y, ore in sought.items()],
               "delvis_beviljad": [f"{first}={sought[first] // 200}"]}.get(status, [])
    code, out, err = run(capsys, "--file", demo_file, "applications", "status", key, typed, "--date", "2024-12-01",
                         *(["--granted", *granted] if granted else []))
    assert code == 0, err
    db = open_database(demo_file)
    assert applications.find(db, key).status == status
    db.close()
    code, _, err = run(capsys, "--file", demo_file, "applications", "list", "--status", "godkänd")
    assert code == 2 and "Beviljad, Delvis beviljad, Avslag" in err


@pytest.mark.parametrize("amount", ["1000.50", "1000,50", "1.180", "0,5"])
def test_granted_money_is_whole_kronor(capsys, demo_file, amount):
    code, _, err = run(capsys, "--file", demo_file, "applications", "status", "2023-002", "beviljad",
                       "--granted", f"2024={amount}")
    assert code == 2 and "hela kronor" in err and "läses som" in err
    _swedish(err)


def test_granted_amounts_are_said_back(capsys, demo_file):
    key, sought = _at_styrelse(demo_file)
    year = min(sought)
    tkr = sought[year] // 100_000 // 2
    code, out, err = run(capsys, "--file", demo_file, "applications", "status", key, "delvis beviljad",
                         "--granted", f"{year}={tkr} tkr")
    assert code == 0, err
    assert out.rstrip().endswith(f"beviljat {year}: {kr(tkr * 100_000)}."), out


@pytest.mark.parametrize("argv", [
    ["applications", "print", "2023-001", "--out", "x.txt"],
    ["applications", "print", "--blank", "--out", "blankett"],
    ["applications", "list", "--xlsx", "lista.csv"],
    ["applications", "export", "2023-001", "--out", "a.txt"],
    ["budget", "export", "2024", "--out", "b.csv"],
    ["insatser", "export", "1", "--out", "i.docx"],
    ["meetings", "protocol", "1", "--out", "p.PDF.txt"],
    ["participants", "export", "--out", "d.pdf"],
    ["participants", "template", "--insats", "Steget vidare", "--out", "m.xls"],
    ["demo", "--out", "exempel.txt"],
])
def test_an_output_name_that_does_not_match_the_format_is_refused(capsys, demo_file, tmp_path, monkeypatch, argv):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "--file", demo_file, *argv)
    assert code == 2 and "filen ska sluta på" in err
    _swedish(err)
    assert {p.name for p in tmp_path.iterdir()} - {"finsamdesk-home"} == {"demo.sqlite"}


def test_the_import_file_keeps_its_json_format_error_list(capsys, demo_file, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "finsamdesk-ansokan", "version": 1, "application": {"template_id": 5}}))
    code, _, err = run(capsys, "--file", demo_file, "applications", "import", bad)
    assert code == 2 and "Filen är ingen giltig ansökan" in err
    _swedish(err)


def test_an_empty_file_is_not_called_missing(capsys, tmp_path):
    """What a 0-byte file is, is the store's (#12 item 3); the CLI says it in Swedish and exits 1."""
    empty = tmp_path / "tom.sqlite"
    empty.write_bytes(b"")
    code, _, err = run(capsys, "--file", empty, "applications", "list")
    assert code == 1 and "finns inte" not in err and empty.stat().st_size == 0
    _swedish(err)
