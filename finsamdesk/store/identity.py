"""What a file is (sync_identity, migration 7): a main file, or a working copy of one (issue 17)."""
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
