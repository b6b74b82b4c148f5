"""Opening, creating and copying a förbund's file (one förbund = one SQLite file)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..store.database import count_rows
from .errors import ServiceError

if TYPE_CHECKING:
    import sqlite_utils

    from ..store.lock import FileLock, Holder


class FileOpenError(ServiceError):
    """The file cannot be used; the message says why and what to do."""


class NewerFileError(FileOpenError):
    """Made by a newer finsamdesk; refused without being touched."""


class DamagedFileError(FileOpenError):
    """The file fails SQLite's check; the message says to restore a backup (backups.latest_restorable)."""


class FileInUseError(FileOpenError):
    """Open for writing in another finsamdesk (this computer or another on a share); `holder` says where."""

    def __init__(self, holder: Holder) -> None:
        super().__init__(f"Filen är redan öppen i finsamdesk hos {holder.description}. Den kan öppnas "
                         "skrivskyddad, så att inget kan skrivas över.")
        self.holder = holder


class FileNotWritableError(FileOpenError):
    """The file (or its folder) cannot be written here: a read-only share, a protected file. It may be read."""


class DiskFullError(FileNotWritableError):
    """The disk the file is on is full; it may be read."""


def open_file(path: str | Path, *, create: bool = True, read_only: bool = False) -> sqlite_utils.Database:
    # sqlite-utils is imported here, after the window is shown
    from ..store import connection

    try:
        return connection.open_database(path, create=create, read_only=read_only)
    except connection.NewerFileError as exc:
        raise NewerFileError(str(exc)) from exc
    except connection.DamagedFileError as exc:
        raise DamagedFileError(str(exc)) from exc
    except connection.DiskFullError as exc:
        raise DiskFullError(str(exc)) from exc
    except connection.NotWritableError as exc:
        raise FileNotWritableError(str(exc)) from exc
    except connection.FileError as exc:
        raise FileOpenError(str(exc)) from exc


def lock_file(path: str | Path) -> FileLock:
    """The one-writer lock (store.lock.FileLock) or FileInUseError. Keep it while the file is open."""
    from ..store import lock

    try:
        return lock.FileLock.acquire(Path(path))
    except lock.FileLocked as exc:
        raise FileInUseError(exc.holder) from exc
    except OSError as exc:  # a read-only folder, a full disk: the file can still be opened read-only
        from ..store import connection

        problem = connection.cannot_write(Path(path), exc)
        errors: dict[type[Exception], type[FileOpenError]] = {
            connection.DiskFullError: DiskFullError, connection.NotWritableError: FileNotWritableError}
        raise errors.get(type(problem), FileOpenError)(str(problem)) from exc


def open_for_writing(path: str | Path, *, create: bool = True) -> tuple[sqlite_utils.Database, FileLock]:
    """(db, lock): the lock first, so that a second writer is refused before the file is touched."""
    import os

    if Path(path).exists() and not os.access(path, os.W_OK):
        raise FileNotWritableError(f"{Path(path).name} är skrivskyddad (eller så saknar du rätt att ändra den). "
                                   "Filen kan öppnas skrivskyddad.")
    held = lock_file(path)
    try:
        return open_file(path, create=create), held
    except BaseException:
        held.release()
        raise


def checkpoint(db: sqlite_utils.Database) -> None:
    """Move what the WAL holds into the file (the window calls this on a timer and when idle), so that a -wal
    deleted while the file is open loses at most what was saved since. Quiet when it cannot (read-only, busy)."""
    import sqlite3

    from ..store import connection

    try:
        connection.checkpoint(db)
    except sqlite3.Error:
        pass  # read-only, busy or full: the next one will do it; the commits are safe in the WAL meanwhile


def is_read_only(db: sqlite_utils.Database) -> bool:
    from ..store import connection

    return connection.is_read_only(db)


def known_problem(exc: BaseException) -> str | None:
    """A Swedish sentence for an error the user can act on (read-only, full disk, busy, damaged), else None."""
    from ..store import errors

    return errors.describe(exc)


def new_file(path: str | Path, forbund_name: str) -> sqlite_utils.Database:
    """A new file at `path`; an empty (0-byte) file there is taken as the place the user chose for it."""
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise FileOpenError(f"{path.name} finns redan; välj ett nytt filnamn.")
    path.unlink(missing_ok=True)  # an empty file is never opened as a new database, unless asked for here
    db = open_file(path)
    if forbund_name.strip():
        from ..domain.registers import Forbund
        from . import registers

        registers.save_forbund(db, Forbund(name=forbund_name.strip()))
    return db


def save_copy(db: sqlite_utils.Database, target: str | Path) -> Path:
    """A consistent copy of the open file at `target` (replaced if it exists, never the open file itself)."""
    target = Path(target)
    if not target.parent.is_dir():
        raise ServiceError(f"Mappen {target.parent} finns inte.")
    if target.exists() and target.resolve() == file_path(db):
        raise ServiceError("Kopian kan inte sparas över den öppna filen; välj ett annat namn.")
    from ..store import backups

    try:
        backups.copy_database(db, target)
    except OSError as exc:
        raise ServiceError(f"Kopian kunde inte sparas: {exc.strerror or exc}") from exc
    return target


def file_path(db: sqlite_utils.Database) -> Path | None:
    """The file the connection has open (resolved), or None for an in-memory database."""
    name = next((row[2] for row in db.execute("PRAGMA database_list") if row[1] == "main"), "")
    return Path(name).resolve() if name else None


def is_empty(db: sqlite_utils.Database) -> bool:
    return (count_rows(db, "application") == 0 and count_rows(db, "organisation") == 0
            and not forbund_heading(db)[0])


def forbund_heading(db: sqlite_utils.Database) -> tuple[str, bool]:
    """(the förbund's name, whether the file holds the example data): the window's title. At start-up, before the
    registers are loaded (services.registers.forbund gives the whole Forbund)."""
    from ..store import identity

    return identity.forbund_heading(db)


def working_copy_label(db: sqlite_utils.Database) -> str | None:
    """The label of the working copy this file is (the window's title shows it), None for a main file; as
    working_copies.this_copy(db).label, without loading the working copies' machinery at start-up."""
    from ..store import identity

    found = identity.identity(db)
    return str(found["label"]) if found.get("role") == identity.COPY_ROLE else None
