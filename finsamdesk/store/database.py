"""The open file as the layers above see it: a sqlite-utils Database, made the first time more than the connection
is asked of it.

Importing sqlite-utils (with click, pluggy and dateutil) costs about 50 ms, a third of the start-up after the window
shows (benchmarks/startup.py). Opening a file and filling the first page need only the connection, so the store
reads through `db.conn` (SELECT and PRAGMA; `rows()` and `count_rows()` below) and writes through the sqlite-utils
API as before — `db["table"].insert(…)`, `db.execute`, `db.atomic()` — whose first use makes the
sqlite_utils.Database over the same connection. tests/ui/test_startup_path.py checks the path.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    import sqlite_utils


class _FileDatabase:
    """`conn` and `close()` at once; every other attribute, and db["table"], from a sqlite_utils.Database over the
    same connection, made on first use."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._database: sqlite_utils.Database | None = None

    def _loaded(self) -> sqlite_utils.Database:
        if self._database is None:
            import sqlite_utils

            # recursive_triggers was set by file_database(); no plugins may change how the file is read
            self._database = sqlite_utils.Database(self.conn, execute_plugins=False, recursive_triggers=False)
        return self._database

    def __getattr__(self, name: str) -> Any:  # only for names the object does not have itself
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._loaded(), name)

    def __getitem__(self, table: str) -> Any:
        return self._loaded()[table]

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> _FileDatabase:  # as sqlite_utils.Database: `with open_database(p) as db:` closes it
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def loaded(self) -> bool:
        """Whether sqlite-utils has been asked for yet (tests of the start-up path)."""
        return self._database is not None


def file_database(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """The connection as a sqlite_utils.Database (to every caller and to the type checker), made when first used.
    PRAGMA recursive_triggers is on, as sqlite_utils.Database(conn) sets it: a REPLACE fires delete triggers."""
    conn.execute("PRAGMA recursive_triggers = on")
    return cast("sqlite_utils.Database", _FileDatabase(conn))


def sqlite_utils_loaded(db: sqlite_utils.Database) -> bool:
    """False while `db` (from file_database) has been used through its connection only."""
    return not isinstance(db, _FileDatabase) or db.loaded


def rows(db: sqlite_utils.Database, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
    """The rows of a SELECT as dicts, as db.query gives them, read through the connection alone: for the reads on
    the start-up path."""
    cursor = db.conn.execute(sql, params)
    keys = [d[0] for d in cursor.description]
    return [dict(zip(keys, row, strict=True)) for row in cursor]


def count_rows(db: sqlite_utils.Database, table: str) -> int:
    """db[table].count, through the connection alone."""
    return int(db.conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
