"""Säkerhetskopior: consistent copies (store/backups.py) in `säkerhetskopior/` beside the file — when the file is
opened and once a day while it is open, the oldest automatic ones removed beyond the number to keep — and
restoring one over the file (the current file is copied aside first).

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

from ..store import backups as store
from ..store import budget as settings_store
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


folder = store.folder


def keep_count(db: sqlite_utils.Database) -> int:
    return int(settings_store.get_setting(db, KEEP_KEY, str(DEFAULT_KEEP)))


def set_keep_count(db: sqlite_utils.Database, keep: int) -> None:
    if not 1 <= keep <= 200:
        raise ValidationError("Antalet säkerhetskopior ska vara mellan 1 och 200.", {"keep": "Mellan 1 och 200."})
    with db.atomic():
        settings_store.set_setting(db, KEEP_KEY, str(keep))


def make_backup(db: sqlite_utils.Database, path: Path, label: str = "auto") -> Path:
    """A consistent copy of the open file (the backup API reads it as one transaction sees it)."""
    try:
        return store.backup_database(db, path, label)
    except (OSError, sqlite3.Error) as exc:
        raise ServiceError(f"Säkerhetskopian kunde inte sparas i {folder(path)}: {exc}") from exc


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


def backup_if_due(db: sqlite_utils.Database, path: Path, now: datetime | None = None,
                  every: timedelta = DAILY) -> Path | None:
    """The daily backup (or one per `every`): made when the newest automatic one is that old (or there is none)."""
    now = now or datetime.now()
    latest = _automatic(path)[-1:] if folder(path).is_dir() else []
    if latest and now - _made(latest[0]) < every:
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
        counts, latest = store.contents(p)
    except sqlite3.Error:
        return "kan inte läsas (skadad eller ingen finsamdesk-fil)", False
    text = " · ".join(f"{n} {word}" for n, word in counts)
    if latest:
        text += f"; senast ändrad {latest[:16].replace('T', ' ')}"
    return text or "tom", True


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
    if not store.is_sound(backup):
        raise ServiceError(f"Säkerhetskopian {backup.name} är själv skadad; välj en annan.")
    aside = None
    if path.exists():
        try:
            aside = store.backup_path(path, "fore-aterstallning")
            path.replace(aside)  # the damaged or unwanted file is kept, byte for byte
        except OSError as exc:
            raise ServiceError(f"Filen kunde inte flyttas undan före återställningen: {exc.strerror or exc}") from exc
        for extra in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            if extra.exists():
                extra.replace(aside.with_name(aside.name + extra.name[len(path.name):]))
    try:
        store.copy_file(backup, path)
    except sqlite3.Error as exc:
        raise ServiceError(f"Återställningen misslyckades: {exc}") from exc
    return aside


def latest_restorable(path: Path) -> BackupInfo | None:
    return next((b for b in list_backups(path) if b.readable), None)
