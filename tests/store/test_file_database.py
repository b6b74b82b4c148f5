"""store/database.py: the open file is a sqlite-utils Database to every caller, made on first use; the reads of the
start-up path go through the connection and give what sqlite-utils gives."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing

import pytest
import sqlite_utils

from finsamdesk.store import database
from finsamdesk.store.connection import open_database
from finsamdesk.store.schema import migrations
from finsamdesk.store.version import SCHEMA_VERSION


def test_the_file_database_is_sqlite_utils_once_asked(tmp_path):
    db = open_database(tmp_path / "f.sqlite")
    assert database.sqlite_utils_loaded(db)  # a new file is migrated through sqlite-utils
    db["organisation"].insert({"id": 1, "name": "Klippans kommun"})
    assert database.sqlite_utils_loaded(db)
    with db.atomic():
        db["organisation"].update(1, {"name": "Åstorps kommun"})
    assert db.execute("SELECT name FROM organisation").fetchall() == [("Åstorps kommun",)]
    assert database.rows(db, "SELECT id, name FROM organisation") == list(db.query("SELECT id, name FROM organisation"))
    assert database.count_rows(db, "organisation") == db["organisation"].count == 1
    db.close()
    with pytest.raises(sqlite3.ProgrammingError):
        db.conn.execute("SELECT 1")


def test_recursive_triggers_are_on_as_sqlite_utils_sets_them(tmp_path):
    """A REPLACE fires delete triggers only with recursive_triggers on: the same whether or not sqlite-utils was
    loaded yet."""
    with closing(open_database(tmp_path / "f.sqlite")) as db:
        assert db.conn.execute("PRAGMA recursive_triggers").fetchone() == (1,)
    with closing(sqlite_utils.Database(memory=True)) as plain:
        assert plain.execute("PRAGMA recursive_triggers").fetchone() == (1,)


def test_the_schema_version_counts_the_migrations():
    """A file at SCHEMA_VERSION is opened without looking at the migrations (nor importing them): the version must
    be their number."""
    with closing(sqlite_utils.Database(memory=True)) as empty:
        assert len(migrations.pending(empty)) == SCHEMA_VERSION


def test_opening_a_file_of_this_version_needs_neither_schema_nor_sqlite_utils(tmp_path):
    path = tmp_path / "f.sqlite"
    open_database(path).close()
    code = ("import sys\nfrom finsamdesk.store.connection import open_database\n"
            "db = open_database(sys.argv[1])\n"
            "print(db.conn.execute('PRAGMA user_version').fetchone()[0], 'sqlite_utils' in sys.modules,"
            " 'finsamdesk.store.schema' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(SCHEMA_VERSION), "False", "False"]


def test_the_file_database_closes_at_the_end_of_a_with_block_as_sqlite_utils_does(tmp_path):
    with open_database(tmp_path / "f.sqlite") as db:
        assert db.conn.execute("SELECT 1").fetchone() == (1,)
    with pytest.raises(sqlite3.ProgrammingError):
        db.conn.execute("SELECT 1")
