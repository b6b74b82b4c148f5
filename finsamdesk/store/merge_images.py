"""The three SQLite images a merge works on — the main file, the copy's base, the copy — in memory, in one APSW
connection (schemas `main`, `base`, `copy`), and what the merge needs to know of each table.

APSW is used only on in-memory images, never on a file: APSW brings its own SQLite library, and two SQLite
libraries in one process that open the same file release each other's POSIX locks (sqlite.org/howtocorrupt.html
§2.2.1). The files are read and written by Python's sqlite3 (store/working_copy.py).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from operator import itemgetter

import apsw

from .sqlite_header import without_wal

LOCAL_TABLES = frozenset({"sync_identity", "sync_copy", "protection"})  # the file's own; never merged
BOOKKEEPING = frozenset({"updated_at"})  # a save that changed nothing else is no change, and never a conflict
SCHEMAS = ("main", "base", "copy")


@dataclass(frozen=True)
class ForeignKey:
    columns: tuple[int, ...]  # positions in the child row
    parent: str
    parent_columns: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]
    pk: tuple[int, ...]  # positions of the primary key's columns
    foreign_keys: tuple[ForeignKey, ...]
    unique: tuple[tuple[int, ...], ...]  # positions of each UNIQUE index's columns (beside the key)

    def key(self, row: tuple[object, ...]) -> tuple[object, ...]:
        return self._key(row)

    @cached_property
    def _key(self) -> Callable[[tuple[object, ...]], tuple[object, ...]]:
        return _picker(self.pk)

    def significant(self, row: tuple[object, ...] | None) -> tuple[object, ...] | None:
        if row is None:
            return None
        return self._significant(row)

    @cached_property
    def _significant(self) -> Callable[[tuple[object, ...]], tuple[object, ...]]:
        """The row without its bookkeeping columns, made once per table (it runs for every row of a merge)."""
        kept = tuple(i for i, c in enumerate(self.columns) if c not in BOOKKEEPING)
        return tuple if len(kept) == len(self.columns) else _picker(kept)

    @cached_property
    def bookkeeping(self) -> tuple[int, ...]:
        """Positions of the bookkeeping columns."""
        return tuple(i for i, c in enumerate(self.columns) if c in BOOKKEEPING)

    @cached_property
    def pk_set(self) -> frozenset[int]:
        return frozenset(self.pk)

    def where_key(self, schema: str) -> str:
        return " AND ".join(f'"{self.columns[i]}" = ?' for i in self.pk)


def _picker(positions: tuple[int, ...]) -> Callable[[tuple[object, ...]], tuple[object, ...]]:
    """A function that takes these positions of a row, as a tuple (itemgetter gives a bare value for one)."""
    if len(positions) == 1:
        i = positions[0]
        return lambda row: (row[i],)
    picked: Callable[[tuple[object, ...]], tuple[object, ...]] = itemgetter(*positions)
    return picked


def open_images(main: bytes, base: bytes, copy: bytes) -> apsw.Connection:
    conn = apsw.Connection(":memory:")
    conn.execute("PRAGMA temp_store = MEMORY")  # rows(): the keys it looks up
    conn.deserialize("main", without_wal(main))
    for name, data in (("base", base), ("copy", copy)):
        conn.execute(f"ATTACH ':memory:' AS {name}")
        conn.deserialize(name, without_wal(data))
    for schema in SCHEMAS:
        _without_generated_columns(conn, schema)
    return conn


def _without_generated_columns(conn: apsw.Connection, schema: str) -> None:
    """The session extension cannot diff a table with a generated column (invoice.booked): in the images such a
    table is rebuilt without it (same columns, key and foreign keys; the value is computed from the others)."""
    for (name,) in conn.execute(f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table'").fetchall():
        info = conn.execute(f'PRAGMA {schema}.table_xinfo("{name}")').fetchall()
        if not any(r[6] in (2, 3) for r in info):
            continue
        plain = [r for r in info if r[6] == 0]
        keys = [r[1] for r in sorted((r for r in plain if r[5]), key=lambda r: r[5])]
        parts = [f'"{r[1]}" {r[2]}' + (" NOT NULL" if r[3] else "") for r in plain]
        parts.append("PRIMARY KEY (" + ", ".join(f'"{k}"' for k in keys) + ")")
        for fk in _foreign_key_rows(conn, schema, name):
            parts.append(f'FOREIGN KEY ("{fk[0]}") REFERENCES "{fk[1]}" ("{fk[2]}")')
        names = ", ".join(f'"{r[1]}"' for r in plain)
        conn.execute(f'CREATE TABLE {schema}."{name}__plain" ({", ".join(parts)})')
        conn.execute(f'INSERT INTO {schema}."{name}__plain" ({names}) SELECT {names} FROM {schema}."{name}"')
        conn.execute(f'DROP TABLE {schema}."{name}"')
        conn.execute(f'ALTER TABLE {schema}."{name}__plain" RENAME TO "{name}"')


def _foreign_key_rows(conn: apsw.Connection, schema: str, table: str) -> list[tuple[str, str, str]]:
    return [(r[3], r[2], r[4]) for r in conn.execute(f'PRAGMA {schema}.foreign_key_list("{table}")').fetchall()]


def tables(conn: apsw.Connection) -> dict[str, Table]:
    """The merged tables of the main image (every table but the file's own and SQLite's and sqlite-utils')."""
    out = {}
    for (name,) in conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table' ORDER BY name").fetchall():
        if name in LOCAL_TABLES or name.startswith(("sqlite", "_")):
            continue
        info = conn.execute(f'PRAGMA main.table_info("{name}")').fetchall()
        columns = tuple(r[1] for r in info)
        pk = tuple(columns.index(r[1]) for r in sorted((r for r in info if r[5]), key=lambda r: r[5]))
        if not pk:
            raise ValueError(f"table {name} has no primary key: the session extension cannot merge it")
        fks = tuple(ForeignKey((columns.index(child),), parent, (parent_column or "id",))
                    for child, parent, parent_column in _foreign_key_rows(conn, "main", name))
        unique = []
        for index in conn.execute(f'PRAGMA main.index_list("{name}")').fetchall():
            if index[2] and index[3] != "pk":
                cols = [r[2] for r in conn.execute(f'PRAGMA main.index_info("{index[1]}")').fetchall()]
                unique.append(tuple(columns.index(c) for c in cols))
        out[name] = Table(name, columns, pk, fks, tuple(unique))
    return out


def row(conn: apsw.Connection, schema: str, table: Table, key: tuple[object, ...]) -> tuple[object, ...] | None:
    found = conn.execute(f'SELECT * FROM {schema}."{table.name}" WHERE {table.where_key(schema)}', key).fetchone()
    return tuple(found) if found is not None else None


def rows(conn: apsw.Connection, table: Table, keys: Iterable[tuple[object, ...]]
         ) -> dict[str, dict[tuple[object, ...], tuple[object, ...]]]:
    """The rows with these keys in each schema, by key: the keys go into a temporary table, joined to the table
    in each schema — one query per schema instead of one per row."""
    width = len(table.pk)
    names = ", ".join(f"k{i}" for i in range(width))
    conn.execute(f"CREATE TEMP TABLE merge_keys ({names})")
    try:
        conn.executemany(f"INSERT INTO temp.merge_keys VALUES ({', '.join('?' * width)})", keys)
        on = " AND ".join(f's."{table.columns[p]}" = k.k{i}' for i, p in enumerate(table.pk))
        found = {}
        for schema in SCHEMAS:
            sql = f'SELECT k.*, s.* FROM temp.merge_keys AS k JOIN {schema}."{table.name}" AS s ON {on}'
            found[schema] = {r[:width]: r[width:] for r in conn.execute(sql)}
        return found
    finally:
        conn.execute("DROP TABLE temp.merge_keys")


def diff(conn: apsw.Connection, names: list[str]) -> bytes:
    """The changes that turn the base into the copy, as a changeset: SQLite's own diff, table by table."""
    session = apsw.Session(conn, "copy")
    for name in names:
        session.attach(name)
        session.diff("base", name)
    changeset = session.changeset()
    session.close()
    return changeset
