"""Opening, creating and copying a förbund's file (one förbund = one SQLite file)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.registers import Forbund
from . import registers
from .errors import ServiceError

if TYPE_CHECKING:
    import sqlite_utils


class FileOpenError(ServiceError):
    """The file cannot be used; the message says why and what to do."""


class NewerFileError(FileOpenError):
    """Made by a newer finsamdesk; refused without being touched."""


def open_file(path: str | Path, *, create: bool = True) -> sqlite_utils.Database:
    # sqlite-utils is imported here, after the window is shown
    from ..store import connection

    try:
        return connection.open_database(path, create=create)
    except connection.NewerFileError as exc:
        raise NewerFileError(str(exc)) from exc
    except connection.FileError as exc:
        raise FileOpenError(str(exc)) from exc


def new_file(path: str | Path, forbund_name: str) -> sqlite_utils.Database:
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise FileOpenError(f"{path.name} finns redan; välj ett nytt filnamn.")
    db = open_file(path)
    if forbund_name.strip():
        registers.save_forbund(db, Forbund(name=forbund_name.strip()))
    return db


def save_copy(db: sqlite_utils.Database, target: str | Path) -> Path:
    """A consistent copy of the open file at `target` (replaced if it exists, never the open file itself)."""
    target = Path(target)
    if not target.parent.is_dir():
        raise ServiceError(f"Mappen {target.parent} finns inte.")
    if target.exists() and target.resolve() == file_path(db):
        raise ServiceError("Kopian kan inte sparas över den öppna filen; välj ett annat namn.")
    from ..store import connection

    try:
        connection.copy_database(db, target)
    except OSError as exc:
        raise ServiceError(f"Kopian kunde inte sparas: {exc.strerror or exc}") from exc
    return target


def file_path(db: sqlite_utils.Database) -> Path | None:
    """The file the connection has open (resolved), or None for an in-memory database."""
    name = next((row[2] for row in db.execute("PRAGMA database_list") if row[1] == "main"), "")
    return Path(name).resolve() if name else None


def is_empty(db: sqlite_utils.Database) -> bool:
    return db["application"].count == 0 and db["organisation"].count == 0 and not registers.forbund(db).name
