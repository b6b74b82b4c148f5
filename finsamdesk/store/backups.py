"""Copies of a förbund's file through SQLite's backup API — consistent even while the file is open — and what a
copy holds. Copies go to `säkerhetskopior/` beside the file, named `namn-etikett-ÅÅÅÅMMDD-HHMMSS.sqlite`."""
from __future__ import annotations

import itertools
import os
import sqlite3
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.text import noun
from . import paths, sqlite_header

if TYPE_CHECKING:
    import sqlite_utils

FOLDER = "säkerhetskopior"
# What a copy holds, as the restore dialog counts it: table and the Swedish word for its rows.
COUNTED = (("application", "ansökan", "ansökningar"), ("insats", "insats", "insatser"),
           ("participant", "deltagare", "deltagare"), ("meeting", "möte", "möten"))


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


class UnsoundCopy(sqlite3.DatabaseError):
    """A copy that does not pass quick_check once written; it is removed, never put in place."""


def _partial(beside: Path) -> Path:
    """A temporary name in the folder of `beside`, hidden and not matching any backup's name."""
    return beside.with_name(f".{beside.name}.{os.getpid()}-{next(_serial)}.partial")


_serial = itertools.count()
partial_beside = _partial  # for other writers of whole files beside a target (store/working_copy.py)


def _checked_copy(src: sqlite3.Connection, beside: Path) -> Path:
    """A complete copy of `src` under a temporary name beside `beside`, checked by quick_check (removed again if
    anything fails). The caller renames it into place: a copy under its real name is always whole."""
    partial = _partial(beside)
    try:
        dst = paths.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal/-shm beside it
            dst.text_factory = bytes  # the verdict may quote text that is not UTF-8
            try:
                sound = dst.execute("PRAGMA quick_check").fetchone()[0] == b"ok"
            except UnicodeDecodeError:  # SQLite's message itself was not UTF-8: a damaged schema
                sound = False
        finally:
            dst.close()
        if not sound:
            raise UnsoundCopy("the copy does not pass quick_check")
    except BaseException:
        discard(partial)
        raise
    return partial


def discard(partial: Path) -> None:
    for leftover in (partial, partial.with_name(partial.name + "-journal")):
        leftover.unlink(missing_ok=True)


def put_in_place(partial: Path, target: Path) -> None:
    """Rename a finished copy over `target` (atomic), and make the rename itself last (the folder synced)."""
    try:
        os.replace(partial, target)
    except BaseException:
        discard(partial)
        raise
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        except OSError:
            pass
        finally:
            os.close(fd)


def _copy(src: sqlite3.Connection, target: Path) -> None:
    put_in_place(_checked_copy(src, target), target)


def staged_copy(source: Path, beside: Path) -> Path:
    """`source` (read-only) copied, complete and checked, under a temporary name beside `beside`; for a restore,
    which renames it over the file (put_in_place) once the file as it was has been kept aside."""
    src = paths.connect_read_only(source)
    try:
        return _checked_copy(src, beside)
    finally:
        src.close()


def remove_stale_partials(folder_path: Path, older_than: float = 3600) -> None:
    """Temporary copies left by a process that was killed while writing one."""
    now = time.time()
    for p in folder_path.glob(".*.partial"):
        try:
            if now - p.stat().st_mtime > older_than:
                discard(p)
        except OSError:
            pass


def copy_file(source: Path, target: Path) -> None:
    """`source` (read-only) copied page by page over `target`."""
    put_in_place(staged_copy(source, target), target)


def copy_database(db: sqlite_utils.Database, target: str | Path) -> None:
    """Spara kopia som: a consistent copy of the open file at `target` (replaced, once the copy is whole)."""
    _copy(db.conn, Path(target))


def backup_file(path: Path, label: str) -> Path:
    """A copy of the file at `path` (open or not) in the backup folder."""
    target = backup_path(path, label)
    copy_file(path, target)
    return target


def snapshot(path: Path) -> sqlite3.Connection:
    """A read-only connection to the file at `path` that holds a read transaction: the file as it is now,
    whatever is written to it afterwards (the WAL keeps the pages the snapshot still needs), until
    `backup_snapshot` copies it, on any thread, and lets it go."""
    conn = sqlite3.connect(paths.uri(path), uri=True, check_same_thread=False, isolation_level=None)
    try:
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the read transaction begins here
    except BaseException:
        conn.close()
        raise
    return conn


def backup_snapshot(held: sqlite3.Connection, path: Path, label: str) -> Path:
    """A copy, in the backup folder, of the file as `held` (from `snapshot`) sees it; `held` is closed."""
    try:
        target = backup_path(path, label)
        _copy(held, target)
        return target
    finally:
        held.close()


def backup_database(db: sqlite_utils.Database, path: Path, label: str) -> Path:
    """A copy of the open file, as one transaction sees it, in the backup folder."""
    target = backup_path(path, label)
    _copy(db.conn, target)
    return target


def contents(path: Path) -> tuple[list[tuple[int, str]], str] | None:
    """Read-only: (count, word) for each kind of record the copy holds, and the latest updated_at ("" if none);
    None for a copy that cannot be restored because it is empty, cut short or not a finsamdesk file.
    sqlite3.Error when the copy cannot be read."""
    if not sqlite_header.is_sqlite(path) or sqlite_header.cut_short(path):
        return None
    conn = paths.connect_read_only(path)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        present = [(table, one, many) for table, one, many in COUNTED if table in tables]
        if not present:
            return None
        numbers = [(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0], one, many)
                   for table, one, many in present]
        counts = [(n, noun(n, one, many)) for n, one, many in numbers]
        changed = [conn.execute(f"SELECT max(updated_at) FROM {table}").fetchone()[0] for table, _, _ in present]
        return counts, max((c for c in changed if c), default="")
    finally:
        conn.close()


def is_sound(path: Path) -> bool:
    """An SQLite file, whole, that passes quick_check (anything else, or a file that cannot be read, is not)."""
    if not sqlite_header.is_sqlite(path) or sqlite_header.cut_short(path):
        return False
    try:
        conn = paths.connect_read_only(path)
        try:
            conn.text_factory = bytes  # the verdict may quote text that is not UTF-8
            return conn.execute("PRAGMA quick_check").fetchone()[0] == b"ok"
        finally:
            conn.close()
    except (sqlite3.Error, UnicodeDecodeError):  # SQLite's message itself may not be UTF-8 in a damaged file
        return False
