"""Opening a förbund's file: pragmas, the schema version guard, migrations with a backup first."""
from __future__ import annotations

import itertools
import os
import shutil
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from . import errors, ids, paths, sqlite_header
from .backups import backup_file
from .database import file_database
from .version import SCHEMA_VERSION

if TYPE_CHECKING:
    import sqlite_utils


class FileError(Exception):
    """A file that cannot be opened as a finsamdesk file; Swedish message for the user."""


class NewerFileError(FileError):
    pass


class DamagedFileError(FileError):
    """An SQLite file that fails its check; a backup may be restored over it."""


class NotWritableError(FileError):
    """A sound file that cannot be written here (a read-only folder, share or file; SQLite cannot make its -shm).
    It may be opened read-only."""


class DiskFullError(NotWritableError):
    """The disk the file is on is full: nothing can be written, the file may be read."""


_FULL_BELOW = 64 * 1024  # bytes free on the file's disk below which a failure to open is the full disk's


def _damaged(path: Path, what: str = "SQLite hittar fel i filen") -> DamagedFileError:
    return DamagedFileError(f"{path.name} är skadad: {what}. Ingenting har ändrats i den. "
                            "Återställ den senaste säkerhetskopian.")


def _refuse_cut_or_foreign(path: Path) -> None:
    """An empty or cut file is damaged (SQLite would take it for a new database); a file that is not SQLite's is
    not ours. Read from the header, before SQLite sees the file."""
    if path.stat().st_size == 0:
        raise _damaged(path, "den är tom (0 byte)")
    if not sqlite_header.is_sqlite(path):
        raise FileError(f"{path.name} är ingen finsamdesk-fil.")
    if sqlite_header.cut_short(path):
        raise _damaged(path, "den är kortare än SQLite säger att den ska vara (avklippt)")


def _disk_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < _FULL_BELOW
    except OSError:
        return False


def cannot_write(path: Path, exc: BaseException) -> FileError:
    """What a failure to write while opening means for the user: a full disk, a place that cannot be written in,
    or (anything else) a file that cannot be opened. Never damage: only quick_check's verdict says that."""
    found = errors.kind(exc)
    if found == "full" or _disk_full(path):
        return DiskFullError(f"Disken där {path.name} ligger är full, så filen kan inte öppnas för att ändras. "
                             "Filen är inte skadad. Frigör utrymme och öppna den igen, eller öppna den skrivskyddad.")
    if found == "busy":
        return FileError(f"{path.name} används av ett annat program just nu. Försök igen om en stund.")
    if path.exists() and not os.access(path, os.R_OK):
        return FileError(f"Du saknar rätt att läsa {path.name}.")
    return NotWritableError(f"{path.name} kan inte öppnas för att ändras här: filen, eller mappen den ligger i, går "
                            "inte att skriva i (till exempel en skrivskyddad mapp eller nätverksenhet). Filen är inte "
                            "skadad och kan öppnas skrivskyddad.")


def _problem(path: Path, exc: sqlite3.Error | UnicodeDecodeError, *, reading: bool = False) -> FileError:
    """An SQLite error while opening an existing file: damage only when SQLite says so."""
    if errors.kind(exc) == "damaged":
        return _damaged(path) if sqlite_header.is_sqlite(path) else FileError(f"{path.name} är ingen finsamdesk-fil.")
    if reading and errors.kind(exc) not in ("full", "busy"):
        if not os.access(path, os.R_OK):
            return FileError(f"Du saknar rätt att läsa {path.name}.")
        code = getattr(exc, "sqlite_errorname", type(exc).__name__)
        return FileError(f"{path.name} kan inte läsas här, inte ens skrivskyddad (SQLite: {code}).")
    return cannot_write(path, exc)


def quick_check(db: sqlite_utils.Database, path: Path) -> None:
    """SQLite's quick_check (about 0.1 s for 45 MB): raise DamagedFileError unless the file is sound. An error that is
    not damage (the -shm cannot be made, the disk is full) is raised as it is, for the caller to tell."""
    db.conn.text_factory = _lenient_text  # the verdict may quote names or text that are not UTF-8
    try:
        result = [r[0] for r in db.conn.execute("PRAGMA quick_check").fetchall()]
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        if errors.kind(exc) == "damaged":
            raise _damaged(path) from None
        raise
    finally:
        db.conn.text_factory = str
    if result != ["ok"]:
        raise _damaged(path)


def _lenient_text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def checkpoint(db: sqlite_utils.Database) -> tuple[int, int, int]:
    """Copy what the WAL holds into the file itself (PASSIVE: waits for nobody). Until then a commit lives only in
    the -wal, and a -wal deleted while the file is open takes it with it at the next crash. (busy, frames in the
    WAL, frames copied)."""
    return tuple(db.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone())


def _configure(db: sqlite_utils.Database) -> None:
    db.conn.execute("PRAGMA foreign_keys = ON")
    db.conn.execute("PRAGMA busy_timeout = 5000")


def _reader(path: Path) -> sqlite3.Connection:
    """A read-only connection that can read: through the -shm when SQLite can make or open it, else the file as it
    lies (immutable: in a folder nobody may write in, nobody can be writing to it either)."""
    for immutable in (False, True):
        conn = None
        try:
            conn = paths.connect_read_only(path, immutable=immutable)
            conn.execute("PRAGMA user_version").fetchone()
            return conn
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            if conn is not None:
                conn.close()
            if immutable or errors.kind(exc) == "damaged":
                raise _problem(path, exc, reading=True) from exc
    raise AssertionError("unreachable")


def file_version(path: Path) -> int:
    conn = _reader(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def _backup_before_migrating(path: Path) -> None:
    try:
        backup_file(path, f"fore-v{SCHEMA_VERSION}")
    except (OSError, sqlite3.Error) as exc:
        problem = cannot_write(path, exc)
        raise type(problem)(f"Säkerhetskopian före uppdateringen av {path.name} kunde inte sparas, så filen har inte "
                            f"ändrats. {problem}") from exc


def open_database(path: str | Path, *, create: bool = True, read_only: bool = False) -> sqlite_utils.Database:
    """Open (or create) a förbund's file, check it, migrate it forward, and return the connection.

    A file from a newer finsamdesk is refused without being touched; a damaged one is refused with
    DamagedFileError; a sound one that cannot be written here with NotWritableError (DiskFullError); before an
    existing file is migrated, a backup copy is taken. `read_only` opens an existing file of this version for
    reading only (every write then fails with SQLITE_READONLY).
    """
    path = Path(path)
    exists = path.exists()
    if not exists and (not create or read_only):
        raise FileError(f"Filen {path} finns inte.")
    if exists:
        _refuse_cut_or_foreign(path)
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
            _backup_before_migrating(path)
        if version == 0 and _has_foreign_tables(path):
            raise FileError(f"{path.name} är en SQLite-fil men ingen finsamdesk-fil.")
    db = None
    try:
        db = file_database(paths.connect(path))
        _configure(db)
        if exists:
            quick_check(db, path)
        if db.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.conn.execute("PRAGMA journal_mode = wal")
        if not exists or version < SCHEMA_VERSION:  # a file at this version has every migration applied
            from .schema import migrations

            migrations.apply(db)
        db.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")  # also shows that the file can be written here
        guard_ids(db)
    except BaseException as exc:
        if db is not None:
            db.conn.close()
        if isinstance(exc, (sqlite3.Error, UnicodeDecodeError)):
            raise (_problem(path, exc) if exists else cannot_write(path, exc)) from exc
        raise
    return db


def _open_read_only(path: Path) -> sqlite_utils.Database:
    version = file_version(path)
    if version != SCHEMA_VERSION:
        raise FileError(f"{path.name} har filversion {version} och kan inte öppnas skrivskyddad av den här versionen "
                        f"(som använder {SCHEMA_VERSION}); öppna den en gång med skrivrätt så uppdateras den.")
    conn = _reader(path)
    try:
        db = file_database(conn)
        _configure(db)
        db.conn.execute("PRAGMA query_only = ON")
        quick_check(db, path)
    except BaseException as exc:
        conn.close()
        if isinstance(exc, (sqlite3.Error, UnicodeDecodeError)):
            raise _problem(path, exc, reading=True) from exc
        raise
    return db


def guard_ids(db: sqlite_utils.Database) -> None:
    """Refuse, on this connection, every INSERT that leaves a row's id to SQLite (store/ids.py says why)."""
    columns = db.conn.execute(
        "SELECT m.name, c.name, c.type, c.pk FROM sqlite_master m JOIN pragma_table_info(m.name) c "
        "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite%' ORDER BY m.name, c.cid").fetchall()
    tables = [(name, [(c, kind, pk) for _, c, kind, pk in rows])
              for name, rows in itertools.groupby(columns, key=lambda r: r[0])]
    for table, column in ids.rowid_tables(tables):
        db.conn.execute(ids.guard_sql(table, column))


def is_read_only(db: sqlite_utils.Database) -> bool:
    return bool(db.conn.execute("PRAGMA query_only").fetchone()[0])


def _has_foreign_tables(path: Path) -> bool:
    conn = _reader(path)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise _problem(path, exc, reading=True) from exc
    finally:
        conn.close()
    return bool(names - {"_sqlite_migrations"})
