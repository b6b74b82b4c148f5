"""Row identity holds across working copies (issue 17): no table hands out SQLite's max(rowid)+1, whoever adds the
table (the guard and these tests find every INTEGER PRIMARY KEY table in the schema as it is), and ids sort by when
their rows were made."""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from finsamdesk.store import ids

STORE = Path(__file__).parents[2] / "finsamdesk" / "store"


def _rowid_tables(db) -> list[tuple[str, str]]:
    sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
    names = [r[0] for r in db.execute(sql)]
    return ids.rowid_tables([(n, [(r[1], r[2], r[5]) for r in db.execute(f'PRAGMA table_info("{n}")')])
                             for n in names])


def test_every_table_keyed_by_an_integer_refuses_an_insert_without_an_id(db):
    tables = _rowid_tables(db)
    assert {"application", "invoice", "participant", "meeting", "agenda_item"} <= {t for t, _ in tables}
    for table, column in tables:
        with pytest.raises(sqlite3.IntegrityError, match=f"en rad i {table} saknar id"):
            db.execute(f'INSERT INTO "{table}" DEFAULT VALUES')
        with pytest.raises(sqlite3.IntegrityError, match="saknar id"):
            db.execute(f'INSERT INTO "{table}" ("{column}") VALUES (NULL)')


def test_a_table_added_later_is_guarded_too(tmp_path):
    """The guard is made from the schema when the file is opened: a new migration's table needs no list entry."""
    from finsamdesk.store import connection

    path = tmp_path / "ny.sqlite"
    first = connection.open_database(path)
    first.execute("CREATE TABLE later_table (id INTEGER PRIMARY KEY, note TEXT) STRICT")
    first.conn.close()
    db = connection.open_database(path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="later_table saknar id"):
            db.execute("INSERT INTO later_table (note) VALUES ('x')")
        db.execute("INSERT INTO later_table (id, note) VALUES (?, 'x')", [ids.new_id()])
    finally:
        db.conn.close()


def test_every_table_has_a_primary_key_for_the_session_extension(db):
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"):
        keys = [r for r in db.execute(f'PRAGMA table_info("{table}")') if r[5]]
        assert keys, f"{table} has no primary key: a merge cannot see its changes"


def test_no_store_module_allocates_max_plus_one():
    for module in STORE.glob("*.py"):
        if module.name == "ids.py":
            continue  # says why not
        text = module.read_text(encoding="utf-8")
        assert not re.search(r"max\(\s*(id|rowid)\s*\)", text, re.IGNORECASE), module.name


def test_ids_are_unique_time_ordered_and_fit_in_63_bits():
    burst = [ids.new_id() for _ in range(5000)] + ids.new_ids(5000)
    assert len(set(burst)) == len(burst) and burst == sorted(burst)
    assert all(0 < i < 2**63 for i in burst)
    assert ids.derived_id("application_phase", 7, 0) == ids.derived_id("application_phase", 7, 0)
    assert ids.derived_id("application_phase", 7, 0) != ids.derived_id("application_phase", 7, 1)


def test_saving_an_application_twice_keeps_its_childrens_ids(db):
    from finsamdesk.domain.application import Applicant, Application, Phase
    from finsamdesk.store import applications

    app = Application("neutral", name="Två sparningar", diarienummer="2026-001",
                      applicants=[Applicant("Kommunen")], phases=[Phase("Fas 1")])
    with db.atomic():
        applications.save(db, app)
    before = db.execute("SELECT id FROM application_applicant UNION ALL SELECT id FROM application_phase").fetchall()
    with db.atomic():
        applications.save(db, app)
    after = db.execute("SELECT id FROM application_applicant UNION ALL SELECT id FROM application_phase").fetchall()
    assert before == after and all(i > 2**32 for (i,) in after)
