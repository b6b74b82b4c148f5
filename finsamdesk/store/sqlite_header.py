"""What the first 100 bytes of a file say about it, read without SQLite: whether it is an SQLite file at all, and
whether it has been cut short (emptied, truncated, a copy killed half-way), which SQLite itself may take for a new,
empty database."""
from __future__ import annotations

from pathlib import Path

MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


def _header(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(HEADER_SIZE)
    except OSError:
        return b""


def is_sqlite(path: Path) -> bool:
    return _header(path)[:16] == MAGIC


def cut_short(path: Path) -> bool:
    """An SQLite file shorter than its header says: fewer than 100 bytes, not whole pages, or fewer pages than the
    header counts (when that count is valid: bytes 92–95 equal the change counter, bytes 24–27)."""
    header = _header(path)
    if header[:16] != MAGIC:
        return False
    if len(header) < HEADER_SIZE:
        return True
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    size = path.stat().st_size
    if page_size < 512 or size % page_size:
        return True
    pages = int.from_bytes(header[28:32], "big")
    counted = header[92:96] == header[24:28] and pages > 0
    return counted and pages * page_size > size


def without_wal(image: bytes) -> bytes:
    """An SQLite image (a file's bytes, a serialized database) marked as not in WAL mode (header bytes 18–19), so
    that it can be deserialized: a database in memory has no WAL."""
    if len(image) > 19 and image[18:20] == b"\x02\x02":
        return image[:18] + b"\x01\x01" + image[20:]
    return image
