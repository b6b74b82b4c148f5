"""File names with #, ?, %41, &, ', å and spaces open that file and no other: writing, reading read-only,
refusing a newer file, the backup before a migration, the list of backups and a restore."""
from __future__ import annotations

import shutil
import sqlite3
import sys
from datetime import date
from pathlib import Path

import pytest

from finsamdesk.domain.insatser import Insats
from finsamdesk.services import backups, files, insatser, registers
from finsamdesk.store.schema import SCHEMA_VERSION

FIXTURES = Path(__file__).parents[1] / "fixtures" / "db_versions"
NAMES = ["Förbund #2.sqlite", "vad?.sqlite", "%41.sqlite", "a&b 'c' å.sqlite", "100% #1 ?x=y&z.sqlite"]
if sys.platform == "win32":  # names Windows does not allow
    NAMES = [n for n in NAMES if "?" not in n]


def _made(path: Path) -> Path:
    db = files.new_file(path, "Samordningsförbundet Filnamn")
    insatser.save(db, Insats("Namninsatsen", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31)))
    db.conn.close()
    return path


def _names(db) -> list[str]:
    return [r.name for r in insatser.list_rows(db, 2026)]


@pytest.fixture(params=NAMES)
def named(request, tmp_path) -> Path:
    return _made(tmp_path / request.param)


def test_the_file_opens_for_writing_and_read_only_with_its_content(named):
    db, held = files.open_for_writing(named, create=False)
    try:
        assert _names(db) == ["Namninsatsen"]
    finally:
        db.conn.close()
        held.release()
    reader = files.open_file(named, create=False, read_only=True)
    try:
        assert files.is_read_only(reader) and _names(reader) == ["Namninsatsen"]
    finally:
        reader.conn.close()
    assert all(p.name.startswith(named.name) for p in named.parent.iterdir()), "no other file was made"


def test_a_newer_file_is_refused_and_keeps_its_version(named):
    with sqlite3.connect(named) as conn:
        conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = named.read_bytes()
    with pytest.raises(files.NewerFileError, match="nyare version"):
        files.open_file(named)
    with pytest.raises(files.FileOpenError):
        files.open_file(named, create=False, read_only=True)
    assert named.read_bytes() == before
    conn = sqlite3.connect(named)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 99
    finally:
        conn.close()


@pytest.mark.parametrize("name", NAMES)
def test_an_old_file_is_backed_up_before_it_is_migrated(tmp_path, name):
    path = tmp_path / name
    shutil.copy(FIXTURES / "v1.sqlite", path)
    db = files.open_file(path)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        db.conn.close()
    [backup] = backups.list_backups(path)
    assert not backup.automatic and backup.readable and backup.summary.startswith("1 ansökan;")


def test_backups_are_listed_with_what_they_hold_and_restored(named):
    db = files.open_file(named)
    made = backups.backup_now(db, named)
    insatser.save(db, Insats("Efter kopian", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31)))
    db.conn.close()
    [listed] = backups.list_backups(named)
    assert listed.path == made and listed.readable and listed.summary.startswith("0 ansökningar · 1 insats ")
    aside = backups.restore(named, made)
    assert aside is not None and aside.exists()
    restored = files.open_file(named, create=False)
    try:
        assert _names(restored) == ["Namninsatsen"]
    finally:
        restored.conn.close()


@pytest.mark.skipif(sys.platform == "win32", reason="':' is not allowed in a Windows file name")
def test_a_relative_name_that_begins_with_file_colon_is_a_name_not_a_uri(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    db = files.new_file("file:Förbund %41.sqlite", "Samordningsförbundet Kolon")
    try:
        files.save_copy(db, "file:kopia %41.sqlite")
    finally:
        db.conn.close()
    assert {"file:Förbund %41.sqlite", "file:kopia %41.sqlite"} <= {p.name for p in tmp_path.iterdir()}
    assert not list(tmp_path.glob("Förbund*")) and not list(tmp_path.glob("kopia*"))
    reader = files.open_file("file:kopia %41.sqlite", create=False, read_only=True)
    try:
        assert registers.forbund(reader).name == "Samordningsförbundet Kolon"
    finally:
        reader.conn.close()
