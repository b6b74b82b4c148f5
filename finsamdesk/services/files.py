"""Opening, creating and copying a förbund's file (one förbund = one SQLite file)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from pathlib import Path


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
    from ..store import connection  # sqlite-utils is imported here, after the window is shown

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
    target = Path(target)
    if not target.parent.is_dir():
        raise ServiceError(f"Mappen {target.parent} finns inte.")
    from ..store import connection

    try:
        connection.copy_database(db, target)
    except OSError as exc:
        raise ServiceError(f"Kopian kunde inte sparas: {exc.strerror or exc}") from exc
    return target


def is_empty(db: sqlite_utils.Database) -> bool:
    return db["application"].count == 0 and db["organisation"].count == 0 and not registers.forbund(db).name
