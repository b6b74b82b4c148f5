"""What every command shares: the file it works on (`Context`) and the way tables and amounts are printed."""
from __future__ import annotations

import sys
from collections.abc import Collection
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.money import format_amount
from ..services import backups, files
from ..services.errors import ServiceError
from ..services.input_files import read_import_file
from .arguments import UsageError

if TYPE_CHECKING:
    import sqlite_utils

# A command that writes takes a backup first, but at most one per this while: a script running many commands
# would otherwise push every older automatic backup out of the rotation.
BACKUP_EVERY = timedelta(minutes=10)
EXCEL_OR_PDF = (".xlsx", ".pdf")  # the suffixes of a report written as Excel or PDF, as the name says


class Context:
    """The förbund's file of one command: opened on first use with the one-writer lock (read-only, said on
    stderr, when the window or another computer has it), backed up before a write, closed by `close()`."""

    def __init__(self, file: str | None):
        self.file = Path(file) if file else None
        self._db: sqlite_utils.Database | None = None
        self._lock = None

    @property
    def path(self) -> Path:
        if self.file is not None:
            return self.file
        from ..paths import default_data_file

        return default_data_file()

    def db(self, *, write: bool = False, create: bool = False) -> sqlite_utils.Database:
        """The open file. `write`: the command changes it (a backup is taken first); `create`: a missing file
        is made (otherwise it is an error)."""
        if self._db is None:
            self._db = self._open(write=write, create=create)
        return self._db

    def _open(self, *, write: bool, create: bool) -> sqlite_utils.Database:
        path = self.path
        if path.is_dir():
            raise ServiceError(f"{path} är en mapp; ange förbundets fil (.sqlite).")
        if not path.parent.is_dir():
            raise ServiceError(f"Mappen {path.parent} finns inte.")
        try:
            db, self._lock = files.open_for_writing(path, create=create)
        except (files.FileInUseError, files.FileNotWritableError) as exc:
            print(f"obs: {exc} Kommandot läser filen skrivskyddad.", file=sys.stderr)
            return files.open_file(path, create=False, read_only=True)
        if write and not files.is_empty(db):
            backups.backup_if_due(db, path, every=BACKUP_EVERY)
        return db

    def close(self) -> None:
        """Close the file (SQLite folds the WAL into it) and release the lock: the window may have it now."""
        db, lock, self._db, self._lock = self._db, self._lock, None, None
        try:
            if db is not None:
                db.close()
        finally:
            if lock is not None:
                lock.release()


def kr(ore: int | None, unit: str = "kr", with_unit: bool = True) -> str:
    """`1 130 000 kr` (plain spaces, so that columns line up in a terminal)."""
    return format_amount(ore, unit, with_unit=with_unit, sep=" ")


def iso(d: date | None) -> str:
    return d.isoformat() if d else ""


def cut(text: str | None, n: int) -> str:
    """One line of at most n characters (… when cut)."""
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def table(headers: list[str], rows: list[list[str]], right: Collection[int] = frozenset()) -> str:
    """Columns as wide as their widest cell; the columns in `right` (amounts, counts) right-aligned."""
    widths = [len(h) for h in headers]
    for r in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, r, strict=False)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths, strict=False)))

    out = [line(headers), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    return "\n".join(s.rstrip() for s in out)


def suffix(path: str, allowed: tuple[str, ...]) -> str:
    """The file's format from its name (`.xlsx` → "xlsx"); UsageError (exit 2) unless it is one of `allowed`."""
    found = Path(path).suffix.lower()
    if found not in allowed:
        names = " eller ".join(allowed) if len(allowed) <= 2 else ", ".join(allowed)
        raise UsageError(f"{path}: filen ska sluta på {names}.")
    return found[1:]


def read_input(path: str, max_bytes: int) -> bytes:
    """A file a command reads (JSON, Excel); a missing, unreadable or too big one is bad input (exit 2)."""
    try:
        return read_import_file(path, max_bytes)
    except ServiceError as exc:
        raise UsageError(str(exc)) from exc
