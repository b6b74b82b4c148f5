"""Säkerhetskopior: consistent copies (store/backups.py) in `säkerhetskopior/` beside the file — when the file is
opened and once a day while it is open, the oldest automatic ones removed beyond the number to keep — and
restoring one over the file (the current file is copied aside first).

A copy holds what the file holds: personal identifiers stay encrypted in it (store/crypto.py), so a backup of a
file with a participant register is protected as the file is.
"""
from __future__ import annotations

import os
import re
import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..store import backups as store
from ..store import budget as settings_store
from ..store import errors
from .errors import ServiceError, ValidationError

if TYPE_CHECKING:
    import sqlite_utils

KEEP_KEY, DEFAULT_KEEP = "backups_keep", 10
DAILY = timedelta(hours=24)
_STAMP = re.compile(r"-(\d{8}-\d{6})(?:-\d+)?\.[^.]+$")


class BackupInfo(NamedTuple):
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


_REASONS = {"full": "disken är full", "readonly": "mappen går inte att skriva i", "busy": "filen används just nu",
            "damaged": "kopian blev inte hel", "io": "ett in- eller utmatningsfel"}


def _reason(exc: BaseException) -> str:
    """Why a copy could not be written, in Swedish (never the OS's or SQLite's English)."""
    if isinstance(exc, store.UnsoundCopy):
        return "kopian klarade inte kontrollen"
    return _REASONS.get(errors.kind(exc) or "", "ett oväntat fel")


def make_backup(db: sqlite_utils.Database, path: Path, label: str = "auto") -> Path:
    """A consistent copy of the open file (the backup API reads it as one transaction sees it), written under a
    temporary name and renamed when whole and checked: a copy that fails leaves nothing behind."""
    try:
        return store.backup_database(db, path, label)
    except (OSError, sqlite3.Error) as exc:
        raise ServiceError(f"Säkerhetskopian kunde inte sparas i {folder(path)}: {_reason(exc)}. Filen är som "
                           "förut, och de tidigare säkerhetskopiorna finns kvar.") from exc


def _order(p: Path) -> tuple[datetime, int]:
    return _made(p), p.stat().st_mtime_ns


def _automatic(path: Path) -> list[Path]:
    """Oldest first (two made within one second are told apart by the file's time)."""
    return sorted(folder(path).glob(f"{path.stem}-auto-*{path.suffix}"), key=_order)


def rotate(path: Path, keep: int) -> list[Path]:
    """Remove the oldest automatic backups beyond `keep` (others — before a migration, before a restore — stay)."""
    old = _automatic(path)[:-keep] if keep > 0 else []
    for p in old:
        p.unlink(missing_ok=True)
    store.remove_stale_partials(folder(path))
    return old


def backup_now(db: sqlite_utils.Database, path: Path) -> Path:
    made = make_backup(db, path)
    rotate(path, keep_count(db))
    return made


class Snapshot:
    """The file as it was when `hold` was called, held (a read transaction) until `backup_from_disk` copies it."""

    def __init__(self, held: sqlite3.Connection):
        self._held: sqlite3.Connection | None = held

    def take(self) -> sqlite3.Connection:
        held, self._held = self._held, None
        if held is None:
            raise ValueError("the snapshot was copied or let go already")
        return held

    def release(self) -> None:
        if self._held is not None:
            self._held.close()
            self._held = None


def hold(path: Path) -> Snapshot:
    """The file at `path` as it is now, for a backup written later (`backup_from_disk(path, keep, snapshot)`): what
    is saved meanwhile does not reach that backup. Cheap (a read transaction); ServiceError when it cannot be read."""
    try:
        return Snapshot(store.snapshot(path))
    except sqlite3.Error as exc:
        raise ServiceError(f"Säkerhetskopian kunde inte sparas i {folder(path)}: {_reason(exc)}.") from exc


def backup_from_disk(path: Path, keep: int, snapshot: Snapshot | None = None) -> Path:
    """As backup_now, through a read-only connection of its own to the file at `path` — the file as `snapshot`
    holds it, or as it is now: for a thread other than the one that has the file open (the backup taken when the
    window opens a file). `keep` is keep_count(db)."""
    try:
        held = snapshot.take() if snapshot is not None else store.snapshot(path)
        made = store.backup_snapshot(held, path, "auto")
    except (OSError, sqlite3.Error) as exc:
        raise ServiceError(f"Säkerhetskopian kunde inte sparas i {folder(path)}: {_reason(exc)}.") from exc
    rotate(path, keep)
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
    if p.stat().st_size == 0:
        return "tom fil (0 byte), kan inte återställas", False
    try:
        held = store.contents(p)
    except (sqlite3.Error, UnicodeDecodeError):
        held = None
    if held is None:
        return "kan inte läsas (skadad, avklippt eller ingen finsamdesk-fil)", False
    counts, latest = held
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
    """Put `backup` in place of the file at `path` (which must not be open). The copy is written beside the file
    under a temporary name and checked; only then is the file as it was kept aside, as `…-fore-aterstallning-…`
    (that copy's path is returned), and the copy renamed over it. Killed at any moment, the file is whole: as
    it was, or the backup."""
    if not backup.is_file():
        raise ServiceError(f"Säkerhetskopian {backup.name} finns inte.")
    if not store.is_sound(backup):
        raise ServiceError(f"Säkerhetskopian {backup.name} är själv skadad; välj en annan.")
    store.remove_stale_partials(path.parent)
    try:
        staged = store.staged_copy(backup, path)
    except (OSError, sqlite3.Error) as exc:
        raise ServiceError(f"Återställningen misslyckades: {_reason(exc)}. Filen är som förut.") from exc
    try:
        aside = _keep_aside(path)
        store.put_in_place(staged, path)
    except OSError as exc:
        store.discard(staged)
        raise ServiceError(f"Återställningen misslyckades: {_reason(exc)}. Filen är som förut.") from exc
    return aside


def _keep_aside(path: Path) -> Path | None:
    """The file as it is, byte for byte, with its -wal and -shm, in the backup folder (a hard link where the
    file system has them: no copy, and the file stays in place until the restored copy replaces it)."""
    if not path.exists():
        return None
    aside = store.backup_path(path, "fore-aterstallning")
    try:
        os.link(path, aside)
    except OSError:  # no hard links here (FAT, some shares): a copy, renamed when whole
        partial = aside.with_name(f".{aside.name}.partial")
        shutil.copy2(path, partial)
        store.put_in_place(partial, aside)
    for extra in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if extra.exists():  # they belong to the file as it was, never to the restored copy
            extra.replace(aside.with_name(aside.name + extra.name[len(path.name):]))
    return aside


def latest_restorable(path: Path) -> BackupInfo | None:
    """The newest backup that is whole and passes quick_check."""
    return next((b for b in list_backups(path) if b.readable and store.is_sound(b.path)), None)
