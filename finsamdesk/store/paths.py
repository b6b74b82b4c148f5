"""Connections to a file by its path, and nothing else. SQLite reads a name that begins with `file:` as a URI
(Debian's SQLite does so even for a plain name), and opens a file read-only only through such a URI, where `#`,
`?` and `%` have meanings of their own: `Förbund #2.sqlite` or `%41.sqlite` written into a URI as it is opens
another, new and empty, file. So every connection to a file is made here: by absolute path, or by a URI with the
path quoted."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote


def uri(path: str | Path, *, immutable: bool = False) -> str:
    """`file:` URI for `path` opened read-only (immutable: read as it lies, without the -shm; nobody may write)."""
    posix = Path(path).absolute().as_posix()
    # "/home/…" → file:///home/…; Windows "C:/…" → file:///C:/…; a share "//server/x" → file:////server/x
    # (an empty authority in every case: SQLite refuses any other)
    quoted = quote(os.fsencode(posix), safe="/")
    prefix = "file://" if posix.startswith("/") else "file:///"
    return f"{prefix}{quoted}?mode=ro" + ("&immutable=1" if immutable else "")


def absolute(path: str | Path) -> str:
    """The name to give sqlite3.connect for reading and writing: absolute, so it never begins with `file:`."""
    return str(Path(path).absolute())


def connect(path: str | Path) -> sqlite3.Connection:
    """A connection that may write (the file is made if missing)."""
    return sqlite3.connect(absolute(path))


def connect_read_only(path: str | Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A read-only connection to the file at `path` (sqlite3.OperationalError when it cannot be opened)."""
    return sqlite3.connect(uri(path, immutable=immutable), uri=True)
