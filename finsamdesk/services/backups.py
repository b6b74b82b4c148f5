"""Säkerhetskopior: consistent copies through SQLite's backup API in `säkerhetskopior/` beside the file — when the
file is opened and once a day while it is open, the oldest automatic ones removed beyond the number to keep —
and restoring one over the file (the current file is copied aside first).

A copy holds what the file holds: personal identifiers stay encrypted in it (store/crypto.py), so a backup of a
file with a participant register is protected as the file is.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from ..store import budget as settings_store
from ..store import connection
from .errors import ServiceError, ValidationError

if TYPE_CHECKING:
    import sqlite_utils

KEEP_KEY, DEFAULT_KEEP = "backups_keep", 10
DAILY = timedelta(hours=24)
_STAMP = re.compile(r"-(\d{8}-\d{6})(?:-\d+)?\.[^.]+$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made: datetime
    automatic: bool
    size: int
    summary: str  # what it holds, e.g. "12 ansökningar · 5 insatser · 120 deltagare · 3 möten; senast ändrad …"
    readable: bool


def folder(path: Path) -> Path:
    return path.parent / "säkerhetskopior"


def keep_count(db: sqlite_utils.Database) -> int:
    return int(settings_store.get_setting(db, KEEP_KEY, str(DEFAULT_KEEP)))


def set_keep_count(db: sqlite_utils.Database, keep: int) -> None:
    if not 1 <= keep <= 200:
        raise ValidationError("Antalet säkerhetskopior ska vara mellan 1 och 200.", {"keep": "Mellan 1 och 200."})
    with db.atomic():
        settings_store.set_setting(db, KEEP_KEY, str(keep))


def make_backup(db: sqlite_utils.Database, path: Path, label: str = "auto") -> Path:
    """A consistent copy of the open file (the backup API reads it as one transaction sees it)."""
    target_folder = folder(path)
    try:
        target_folder.mkdir(exist_ok=True)
        target = target_folder / f"{path.stem}-{label}-{datetime.now():%Y%m%d-%H%M%S}{path.suffix}"
        n = 1
        while target.exists():  # two in one second
            target = target.with_name(f"{path.stem}-{label}-{datetime.now():%Y%m%d-%H%M%S}-{n}{path.suffix}")
            n += 1
        dst = sqlite3.connect(target)
        try:
            db.conn.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal/-shm beside it
        finally:
            dst.close()
    except (OSError, sqlite3.Error) as exc:
        raise ServiceError(f"Säkerhetskopian kunde inte sparas i {target_folder}: {exc}") from exc
    return target


def _order(p: Path) -> tuple:
    return _made(p), p.stat().st_mtime_ns


def _automatic(path: Path) -> list[Path]:
    """Oldest first (two made within one second are told apart by the file's time)."""
    return sorted(folder(path).glob(f"{path.stem}-auto-*{path.suffix}"), key=_order)


def rotate(path: Path, keep: int) -> list[Path]:
    """Remove the oldest automatic backups beyond `keep` (others — before a migration, before a restore — stay)."""
    old = _automatic(path)[:-keep] if keep > 0 else []
    for p in old:
        p.unlink(missing_ok=True)
    return old


def backup_now(db: sqlite_utils.Database, path: Path) -> Path:
    made = make_backup(db, path)
    rotate(path, keep_count(db))
    return made


def backup_if_due(db: sqlite_utils.Database, path: Path, now: datetime | None = None) -> Path | None:
    """The daily backup: made when the newest automatic one is a day old (or there is none)."""
    now = now or datetime.now()
    latest = _automatic(path)[-1:] if folder(path).is_dir() else []
    if latest and now - _made(latest[0]) < DAILY:
        return None
    return backup_now(db, path)


def _made(p: Path) -> datetime:
    m = _STAMP.search(p.name)
    try:
        return datetime.strptime(m[1], "%Y%m%d-%H%M%S") if m else datetime.fromtimestamp(p.stat().st_mtime)
    except ValueError:
        return datetime.fromtimestamp(p.stat().st_mtime)


def _summary(p: Path) -> tuple[str, bool]:
    """Counted straight from the copy, read-only: what a restore would bring back."""
    try:
        conn = sqlite3.connect(f"file:{p}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            parts = []
            for table, word in (("application", "ansökningar"), ("insats", "insatser"), ("participant", "deltagare"),
                                ("meeting", "möten")):
                if table in tables:
                    parts.append(f"{conn.execute(f'SELECT count(*) FROM {table}').fetchone()[0]} {word}")
            changed = [conn.execute(f"SELECT max(updated_at) FROM {t}").fetchone()[0]
                       for t in ("application", "insats", "meeting", "participant") if t in tables]
            latest = max((c for c in changed if c), default="")
            text = " · ".join(parts) + (f"; senast ändrad {latest[:16].replace('T', ' ')}" if latest else "")
            return text or "tom", True
        finally:
            conn.close()
    except sqlite3.Error:
        return "kan inte läsas (skadad eller ingen finsamdesk-fil)", False


def list_backups(path: Path) -> list[BackupInfo]:
    """Newest first, with what each holds."""
    if not folder(path).is_dir():
        return []
    out = []
    for p in folder(path).glob(f"{path.stem}-*{path.suffix}"):
        summary, readable = _summary(p)
        out.append(BackupInfo(p, _made(p), "-auto-" in p.name, p.stat().st_size, summary, readable))
    return sorted(out, key=lambda b: _order(b.path), reverse=True)


def restore(path: Path, backup: Path) -> Path | None:
    """Put `backup` in place of the file at `path` (which must not be open). The file as it was is copied aside
    first (if it can be read), as `…-fore-aterstallning-…`; that copy's path is returned."""
    if not backup.is_file():
        raise ServiceError(f"Säkerhetskopian {backup.name} finns inte.")
    try:
        connection.file_version(backup)
        check = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            sound = check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            check.close()
    except (connection.FileError, sqlite3.Error):
        sound = False
    if not sound:
        raise ServiceError(f"Säkerhetskopian {backup.name} är själv skadad; välj en annan.")
    aside = None
    if path.exists():
        folder(path).mkdir(exist_ok=True)
        aside = folder(path) / f"{path.stem}-fore-aterstallning-{datetime.now():%Y%m%d-%H%M%S}{path.suffix}"
        try:
            path.replace(aside)  # the damaged or unwanted file is kept, byte for byte
        except OSError as exc:
            raise ServiceError(f"Filen kunde inte flyttas undan före återställningen: {exc.strerror or exc}") from exc
        for extra in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            if extra.exists():
                extra.replace(aside.with_name(aside.name + extra.name[len(path.name):]))
    src, dst = sqlite3.connect(f"file:{backup}?mode=ro", uri=True), sqlite3.connect(path)
    try:
        src.backup(dst)
    except sqlite3.Error as exc:
        raise ServiceError(f"Återställningen misslyckades: {exc}") from exc
    finally:
        dst.close()
        src.close()
    return aside


def latest_restorable(path: Path) -> BackupInfo | None:
    return next((b for b in list_backups(path) if b.readable), None)
