"""Opening a förbund's file: pragmas, the schema version guard, migrations with a backup first."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from . import paths
from .backups import backup_file
from .schema import SCHEMA_VERSION, migrations


class FileError(Exception):
    """A file that cannot be opened as a finsamdesk file; Swedish message for the user."""


class NewerFileError(FileError):
    pass


class DamagedFileError(FileError):
    """An SQLite file that fails its check; a backup may be restored over it."""


SQLITE_HEADER = b"SQLite format 3\x00"


def _is_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == SQLITE_HEADER
    except OSError:
        return False


def _damaged(path: Path) -> DamagedFileError:
    return DamagedFileError(f"{path.name} är skadad: SQLite hittar fel i filen. Ingenting har ändrats i den. "
                            "Återställ den senaste säkerhetskopian.")


def quick_check(db: sqlite_utils.Database, path: Path) -> None:
    """SQLite's quick_check (about 0.1 s for 45 MB): raise DamagedFileError unless the file is sound."""
    try:
        result = [r[0] for r in db.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError:
        raise _damaged(path) from None
    if result != ["ok"]:
        raise _damaged(path)


def _configure(db: sqlite_utils.Database) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 5000")


def file_version(path: Path) -> int:
    conn = paths.connect_read_only(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        if _is_sqlite(path):
            raise _damaged(path) from exc
        raise FileError(f"{path.name} är ingen finsamdesk-fil.") from exc
    finally:
        conn.close()


def open_database(path: str | Path, *, create: bool = True, read_only: bool = False) -> sqlite_utils.Database:
    """Open (or create) a förbund's file, check it, migrate it forward, and return the connection.

    A file from a newer finsamdesk is refused without being touched; a damaged one is refused with
    DamagedFileError; before an existing file is migrated, a backup copy is taken. `read_only` opens an
    existing file of this version for reading only (every write then fails with SQLITE_READONLY).
    """
    path = Path(path)
    exists = path.exists() and path.stat().st_size > 0
    if not exists and (not create or read_only):
        raise FileError(f"Filen {path} finns inte.")
    if read_only:
        return _open_read_only(path)
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
        db = sqlite_utils.Database(paths.connect(path))
        _configure(db)
        if exists:
            quick_check(db, path)
        if db.journal_mode != "wal":
            db.enable_wal()
    except sqlite3.DatabaseError as exc:
        if exists and _is_sqlite(path):
            raise _damaged(path) from exc
        raise FileError(f"{path.name} kan inte öppnas: {exc}") from exc
    migrations.apply(db)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return db


def _open_read_only(path: Path) -> sqlite_utils.Database:
    version = file_version(path)
    if version != SCHEMA_VERSION:
        raise FileError(f"{path.name} har filversion {version} och kan inte öppnas skrivskyddad av den här versionen "
                        f"(som använder {SCHEMA_VERSION}); öppna den en gång med skrivrätt så uppdateras den.")
    for immutable in (False,  # a WAL file needs its -shm; in a folder we may not write in,
                      True):  # read it as it lies (nobody can be writing there, then)
        try:
            conn = paths.connect_read_only(path, immutable=immutable)
            db = sqlite_utils.Database(conn)
            _configure(db)
            db.execute("PRAGMA query_only = ON")
            quick_check(db, path)
            return db
        except sqlite3.OperationalError as exc:
            if "unable to open" not in str(exc):
                raise _damaged(path) from exc
        except sqlite3.DatabaseError as exc:
            raise _damaged(path) from exc
    raise FileError(f"{path.name} kan inte öppnas ens skrivskyddad.")


def is_read_only(db: sqlite_utils.Database) -> bool:
    return bool(db.execute("PRAGMA query_only").fetchone()[0])


def _has_foreign_tables(path: Path) -> bool:
    conn = paths.connect_read_only(path)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError:
        return True
    finally:
        conn.close()
    return bool(names - {"_sqlite_migrations"})
