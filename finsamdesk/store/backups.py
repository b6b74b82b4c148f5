"""Copies of a förbund's file through SQLite's backup API — consistent even while the file is open — and what a
copy holds. Copies go to `säkerhetskopior/` beside the file, named `namn-etikett-ÅÅÅÅMMDD-HHMMSS.sqlite`."""
from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import sqlite_utils

from . import paths

FOLDER = "säkerhetskopior"
# What a copy holds, as the restore dialog counts it: table and the Swedish word for its rows.
COUNTED = (("application", "ansökningar"), ("insats", "insatser"), ("participant", "deltagare"),
           ("meeting", "möten"))


def folder(path: Path) -> Path:
    return path.parent / FOLDER


def backup_path(path: Path, label: str) -> Path:
    """A name not yet taken in the backup folder (made if missing); two copies in one second get -1, -2…"""
    target_folder = folder(path)
    target_folder.mkdir(exist_ok=True)
    stem = f"{path.stem}-{label}-{datetime.now():%Y%m%d-%H%M%S}"
    target, n = target_folder / f"{stem}{path.suffix}", 1
    while target.exists():
        target, n = target_folder / f"{stem}-{n}{path.suffix}", n + 1
    return target


def _copy(src: sqlite3.Connection, target: Path) -> None:
    dst = paths.connect(target)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal/-shm beside it
    finally:
        dst.close()


def copy_file(source: Path, target: Path) -> None:
    """`source` (read-only) copied page by page over `target`."""
    src = paths.connect_read_only(source)
    try:
        _copy(src, target)
    finally:
        src.close()


def copy_database(db: sqlite_utils.Database, target: str | Path) -> None:
    """Spara kopia som: a consistent copy of the open file at `target` (replaced if it exists)."""
    target = Path(target)
    if target.exists():
        target.unlink()
    _copy(db.conn, target)


def backup_file(path: Path, label: str) -> Path:
    """A copy of the file at `path` (open or not) in the backup folder."""
    target = backup_path(path, label)
    copy_file(path, target)
    return target


def backup_database(db: sqlite_utils.Database, path: Path, label: str) -> Path:
    """A copy of the open file, as one transaction sees it, in the backup folder."""
    target = backup_path(path, label)
    _copy(db.conn, target)
    return target


def contents(path: Path) -> tuple[list[tuple[int, str]], str]:
    """Read-only: (count, word) for each kind of record the copy holds, and the latest updated_at ("" if none).
    sqlite3.Error when the copy cannot be read."""
    conn = paths.connect_read_only(path)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        present = [(table, word) for table, word in COUNTED if table in tables]
        counts = [(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0], word) for table, word in present]
        changed = [conn.execute(f"SELECT max(updated_at) FROM {table}").fetchone()[0] for table, _ in present]
        return counts, max((c for c in changed if c), default="")
    finally:
        conn.close()


def is_sound(path: Path) -> bool:
    """An SQLite file that passes quick_check (anything else, or a file that cannot be read, is not)."""
    try:
        conn = paths.connect_read_only(path)
        try:
            return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.Error:
        return False
