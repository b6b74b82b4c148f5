"""One writer per file: a lock file beside the förbund's file, `<name>.lock`.

Three guards, because a file may live on a network share and a lock file may be deleted by hand:
- An OS lock on the lock file (holds against a second instance on the same computer, released by the OS even after
  kill -9). After taking it, the lock file must still be the one at its path — its last holder may have removed it
  in between — or it is taken again; a holder removes the file while it still holds the OS lock, never after.
- On Linux, also an OS lock on one byte of the database file itself, far past its end (an open file description
  lock, which SQLite's own byte locks never touch and closing another handle never drops): deleting the lock file
  does not let a second writer in. (On Windows an open lock file cannot be deleted.)
- The lock file's content — who holds it, on which computer, and a heartbeat the holder renews every minute — for
  other computers on a share, where the OS lock may not reach. Its age is measured by the file system's clock (the
  file's modification time against a probe's), so computers whose clocks differ do not matter. A lock not renewed
  for STALE_AFTER is taken over (that laptop crashed or lost the share). Content written from this computer counts
  for nothing once the OS lock is ours: whoever wrote it no longer holds it (a reused PID does not matter).
"""
from __future__ import annotations

import getpass
import json
import os
import struct
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

HEARTBEAT_SECONDS = 60
STALE_AFTER = 10 * 60
_CONTENT_SIZE = 512  # the content is padded to this size, so rewriting it never shows a reader an empty file
_DATABASE_BYTE = 1 << 40  # where the database file is locked: past any real file and SQLite's own lock bytes


def host_name() -> str:
    """This computer's name, as socket.gethostname() gives it (from uname where there is one: the socket module
    costs start-up 3 ms)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket  # Windows

    return socket.gethostname()


class Holder(NamedTuple):
    host: str
    user: str
    pid: int
    since: str  # ISO time
    heartbeat: float  # time.time() on the holder's computer

    @property
    def description(self) -> str:
        if not self.host:
            return "någon annan (låsfilen säger inte vem)"
        since = self.since[:16].replace("T", " kl. ").replace(":", ".")
        return f"{self.user} på datorn {self.host} (sedan {since})"


UNKNOWN = Holder("", "", 0, "", 0.0)


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


def _is_at_path(fd: int, path: Path) -> bool:
    """The open lock file is still the file at `path` (not removed, not replaced, since it was opened)."""
    try:
        here, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _read_fd(fd: int) -> Holder | None:
    """Who holds the lock, read from the open lock file itself (never by path: that may be another file by now)."""
    for attempt in range(3):
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            text = os.read(fd, _CONTENT_SIZE * 2).decode("utf-8").strip()
            if not text:
                return None
            data = json.loads(text)
            return Holder(str(data["host"]), str(data["user"]), int(data["pid"]), str(data["since"]),
                          float(data["heartbeat"]))
        except (OSError, ValueError, KeyError, TypeError):
            time.sleep(0.005 * (attempt + 1))  # caught in the middle of a rewrite: read again
    return None


def _file_system_now(folder: Path) -> float:
    """The time by the clock of the file system `folder` is on (a share's server), from a probe file's mtime."""
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=".finsamdesk-klocka-")
    except OSError:
        return time.time()
    try:
        return os.fstat(fd).st_mtime
    finally:
        os.close(fd)
        os.unlink(name)


def _still_held(other: Holder, fd: int, folder: Path) -> bool:
    """Content left in a lock file whose OS lock we now hold: only another computer's, renewed lately, counts."""
    if other.host == host_name():
        return False  # a holder on this computer would hold the OS lock
    age = _file_system_now(folder) - os.fstat(fd).st_mtime
    return age < STALE_AFTER


def _lock_database(db_path: Path) -> int | None:
    """The guard on the database file itself (Linux): its descriptor, None where there is none to take, or
    FileLocked when another writer holds it."""
    try:
        import fcntl
    except ImportError:
        return None
    if not hasattr(fcntl, "F_OFD_SETLK") or not db_path.is_file():
        return None
    try:
        fd = os.open(db_path, os.O_RDWR)
    except OSError:
        return None  # not writable: opening it for writing will say so
    request = struct.pack("hhqqi4x", fcntl.F_WRLCK, os.SEEK_SET, _DATABASE_BYTE, 1, 0)
    try:
        fcntl.fcntl(fd, fcntl.F_OFD_SETLK, request)
    except OSError:
        os.close(fd)
        raise FileLocked(UNKNOWN) from None
    return fd


def _same_inode(fd: int | None, path: Path) -> bool:
    return fd is not None and _is_at_path(fd, path)


class FileLock:
    """Held while the window has the file open for writing. Public: holder, touch(), release()."""

    def __init__(self, path: Path, db_path: Path, fd: int, holder: Holder, db_fd: int | None):
        self.path, self.db_path, self._fd, self.holder, self._db_fd = path, db_path, fd, holder, db_fd

    @classmethod
    def acquire(cls, db_path: str | Path, *, now: float | None = None) -> FileLock:
        """Take the lock or raise FileLocked (OSError when the lock file cannot be made or written). A stale lock
        (its holder gone) is taken over. Nothing is left behind when the lock is not taken."""
        db_path = Path(db_path)
        path = lock_path(db_path)
        fd = _open_locked(path)
        db_fd = None
        try:
            db_fd = _lock_database(db_path)
            other = _read_fd(fd)
            if other is not None and _still_held(other, fd, path.parent):
                raise FileLocked(other)  # another computer (a share: no OS lock there) holds it and is alive
            now = time.time() if now is None else now
            holder = Holder(host_name(), getpass.getuser(), os.getpid(),
                            datetime.now().isoformat(timespec="seconds"), now)
            lock = cls(path, db_path, fd, holder, db_fd)
            lock._write()
        except FileLocked as exc:
            _let_go(fd, path, db_fd, remove=exc.holder is UNKNOWN and _read_fd(fd) is None)
            raise
        except BaseException:
            _let_go(fd, path, db_fd, remove=True)
            raise
        return lock

    def _write(self) -> None:
        data = json.dumps(self.holder._asdict()).encode("utf-8").ljust(_CONTENT_SIZE)
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.write(self._fd, data)
        os.ftruncate(self._fd, len(data))
        os.fsync(self._fd)

    def touch(self) -> None:
        """The heartbeat: a lock that is renewed is not taken over. It also puts back a lock file that was deleted
        and guards a database file that was replaced (a restore)."""
        if self._fd is None:
            return
        self.holder = Holder(self.holder.host, self.holder.user, self.holder.pid, self.holder.since, time.time())
        try:
            self._write()
            if not _is_at_path(self._fd, self.path):
                self._put_back()
            if self._db_fd is not None and not _same_inode(self._db_fd, self.db_path):
                os.close(self._db_fd)
                self._db_fd = None
            if self._db_fd is None:
                self._db_fd = _lock_database(self.db_path)
        except (OSError, FileLocked):
            pass  # a share that went away, or a file someone else now guards: the next open will tell

    def _put_back(self) -> None:
        """The lock file was deleted while held: a new one with the same content, locked, linked into place."""
        fd, name = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.")
        try:
            if not _os_lock(fd):
                raise OSError("new lock file already locked")
            old, self._fd = self._fd, fd
            self._write()
            os.link(name, self.path)  # fails if another lock file is there now
            os.close(old)
        except OSError:
            if self._fd == fd:
                self._fd = old
            os.close(fd)
            raise
        finally:
            os.unlink(name)

    def release(self) -> None:
        if self._fd is None:
            return
        _let_go(self._fd, self.path, self._db_fd, remove=True)
        self._fd = self._db_fd = None


def _open_locked(path: Path) -> int:
    """The lock file at `path`, open and OS-locked, still the one at its path; FileLocked when someone holds it."""
    for _ in range(100):
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _os_lock(fd):
            holder = _read_fd(fd)
            os.close(fd)
            raise FileLocked(holder or UNKNOWN)
        if _is_at_path(fd, path):
            return fd
        os.close(fd)  # its holder removed it before letting go: the next one is at the path
    raise FileLocked(UNKNOWN)


def _let_go(fd: int, path: Path, db_fd: int | None, *, remove: bool) -> None:
    """Remove the lock file while still holding its OS lock (so nobody can lock it in between), then close."""
    if db_fd is not None:
        os.close(db_fd)
    try:
        if remove and _is_at_path(fd, path):
            path.unlink()
    except OSError:
        pass  # Windows: an open file cannot be removed; it is removed below, once closed
    os.close(fd)
    if remove and sys.platform == "win32":
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass  # another finsamdesk has it open already
