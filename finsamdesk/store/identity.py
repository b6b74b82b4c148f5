"""What a file is: a main file or a working copy of one (sync_identity, migration 7, issue 17), and whose it is
(the förbund's name, and whether the file holds the example data) as the window's title says."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

MAIN_ROLE, COPY_ROLE = "main", "copy"
COLUMNS = ("file_id", "role", "origin_file_id", "copy_id", "label", "made_at", "scope", "with_register")


def identity(db: sqlite_utils.Database) -> dict[str, object]:
    row = db.conn.execute(f"SELECT {', '.join(COLUMNS)} FROM sync_identity WHERE id = 1").fetchone()
    return dict(zip(COLUMNS, row, strict=True)) if row else {}


def is_working_copy(db: sqlite_utils.Database) -> bool:
    row = db.conn.execute("SELECT role FROM sync_identity WHERE id = 1").fetchone()
    return bool(row) and row[0] == COPY_ROLE


def forbund_heading(db: sqlite_utils.Database) -> tuple[str, bool]:
    """(the förbund's name, whether the file holds the example data), read without the registers' classes: the
    window's title at start-up (store/registers.py loads the whole Forbund)."""
    row = db.conn.execute("SELECT name, is_example FROM forbund WHERE id = 1").fetchone()
    return (str(row[0] or ""), bool(row[1])) if row else ("", False)
