"""One writer per file: a lock file beside the förbund's file, `<name>.lock`.

Two guards, because a file may live on a network share: an OS lock on the lock file (holds against a second
instance on the same computer, released by the OS even after kill -9), and the lock file's content — who
holds it, on which computer, and a heartbeat the holder renews every minute. A lock whose heartbeat is
older than STALE_AFTER is taken over (that laptop crashed or lost the share).
"""
from __future__ import annotations

import getpass
import json
import os
import socket
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

HEARTBEAT_SECONDS = 60
STALE_AFTER = 10 * 60


@dataclass(frozen=True)
class Holder:
    host: str
    user: str
    pid: int
    since: str  # ISO time
    heartbeat: float  # time.time()

    @property
    def description(self) -> str:
        since = self.since[:16].replace("T", " kl. ").replace(":", ".")
        return f"{self.user} på datorn {self.host} (sedan {since})"


class FileLocked(Exception):
    """The file is open for writing elsewhere; `holder` says where."""

    def __init__(self, holder: Holder):
        super().__init__(holder.description)
        self.holder = holder


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _os_lock(fd: int) -> bool:
    """Take the OS lock without waiting; False if someone holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, 1 << 20, os.SEEK_SET)  # lock a byte past the content, so others can still read who holds it
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _read(path: Path) -> Holder | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8") or "{}")
        return Holder(str(data["host"]), str(data["user"]), int(data["pid"]), str(data["since"]),
                      float(data["heartbeat"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _alive(pid: int) -> bool:
    if sys.platform == "win32":
        return True  # the OS lock decides on Windows
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class FileLock:
    """Held while the window has the file open for writing. Public: holder, touch(), release()."""

    def __init__(self, path: Path, fd: int, holder: Holder):
        self.path, self._fd, self.holder = path, fd, holder

    @classmethod
    def acquire(cls, db_path: str | Path, *, now: float | None = None) -> FileLock:
        """Take the lock or raise FileLocked. A stale lock (its holder gone) is taken over."""
        path = lock_path(Path(db_path))
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _os_lock(fd):
            os.close(fd)
            raise FileLocked(_read(path) or Holder("?", "?", 0, "", 0.0))
        now = time.time() if now is None else now
        other = _read(path)
        same_host = other is not None and other.host == socket.gethostname()
        if other is not None and other.pid != os.getpid() and now - other.heartbeat < STALE_AFTER and (
                not same_host or _alive(other.pid)):
            os.close(fd)  # another computer (a network share: no OS lock there) holds it and is alive
            raise FileLocked(other)
        holder = Holder(socket.gethostname(), getpass.getuser(), os.getpid(),
                        datetime.now().isoformat(timespec="seconds"), now)
        lock = cls(path, fd, holder)
        try:
            lock._write()
        except OSError:  # a full disk: an empty lock left behind would refuse everyone
            lock.release()
            raise
        return lock

    def _write(self) -> None:
        data = json.dumps(self.holder.__dict__).encode("utf-8")
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.ftruncate(self._fd, 0)
        os.write(self._fd, data)
        os.fsync(self._fd)

    def touch(self) -> None:
        """The heartbeat: a lock that is renewed is not taken over."""
        if self._fd is None:
            return
        self.holder = Holder(self.holder.host, self.holder.user, self.holder.pid, self.holder.since, time.time())
        try:
            self._write()
        except OSError:
            pass  # a share that went away: the next open will tell

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            os.close(self._fd)
            self.path.unlink(missing_ok=True)
        except OSError:
            pass
        self._fd = None
