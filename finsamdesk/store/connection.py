"""Opening a förbund's file: pragmas, the schema version guard, migrations with a backup first."""
from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import sqlite_utils

from .schema import SCHEMA_VERSION, migrations


class FileError(Exception):
    """A file that cannot be opened as a finsamdesk file; Swedish message for the user."""


class NewerFileError(FileError):
    pass


def _configure(db: sqlite_utils.Database) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 5000")


def file_version(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise FileError(f"{path.name} är ingen finsamdesk-fil (eller så är den skadad).") from exc
    finally:
        conn.close()


def backup_file(path: Path, label: str) -> Path:
    """A consistent copy through SQLite's backup API next to the file, in `säkerhetskopior/`."""
    folder = path.parent / "säkerhetskopior"
    folder.mkdir(exist_ok=True)
    target = folder / f"{path.stem}-{label}-{datetime.now():%Y%m%d-%H%M%S}{path.suffix}"
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def open_database(path: str | Path, *, create: bool = True) -> sqlite_utils.Database:
    """Open (or create) a förbund's file, migrate it forward, and return the connection.

    A file from a newer finsamdesk is refused without being touched; before an existing
    file is migrated, a backup copy is taken.
    """
    path = Path(path)
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise FileError(f"Filen {path} finns inte.")
    if exists:
        version = file_version(path)
        if version > SCHEMA_VERSION:
            raise NewerFileError(
                f"{path.name} är skapad av en nyare version av finsamdesk (filversion {version}, "
                f"den här versionen förstår upp till {SCHEMA_VERSION}). Uppdatera programmet; filen har inte ändrats."
            )
        if 0 < version < SCHEMA_VERSION:
            backup_file(path, f"fore-v{SCHEMA_VERSION}")
        if version == 0 and _has_foreign_tables(path):
            raise FileError(f"{path.name} är en SQLite-fil men ingen finsamdesk-fil.")
    try:
        db = sqlite_utils.Database(path)
        _configure(db)
        if db.journal_mode != "wal":
            db.enable_wal()
    except sqlite3.DatabaseError as exc:
        raise FileError(f"{path.name} kan inte öppnas: {exc}") from exc
    migrations.apply(db)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return db


def _has_foreign_tables(path: Path) -> bool:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError:
        return True
    finally:
        conn.close()
    return bool(names - {"_sqlite_migrations"})


def copy_database(db: sqlite_utils.Database, target: str | Path) -> None:
    """Spara kopia som: a consistent copy of the open file."""
    target = Path(target)
    if target.exists():
        target.unlink()
    dst = sqlite3.connect(target)
    try:
        db.conn.backup(dst)
    finally:
        dst.close()
