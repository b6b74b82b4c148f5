"""What the file can do to a save, in words for the user: a read-only file, a full disk, a busy or damaged
file. Everything else is a bug and gets the error dialog. Classified by SQLite's error name (the same names
whatever driver), or the OS error number."""
from __future__ import annotations

import errno
import sqlite3

SAVED_BEFORE = " Det som sparats tidigare finns kvar i filen."
MESSAGES = {
    "readonly": "Filen är öppnad skrivskyddad (eller så får programmet inte skriva i den); ändringen sparades inte.",
    "full": "Disken är full: ändringen sparades inte." + SAVED_BEFORE + " Frigör utrymme och försök igen.",
    "busy": "Filen används av ett annat program just nu; ändringen sparades inte. Försök igen om en stund.",
    "damaged": "Filen verkar vara skadad; ändringen sparades inte. Återställ den senaste säkerhetskopian "
               "(Arkiv → Säkerhetskopior…).",
    "io": "Filen kunde inte skrivas (ett in- eller utmatningsfel, kanske en nätverksenhet som försvann)."
          + SAVED_BEFORE,
}
_BY_SQLITE = {"SQLITE_READONLY": "readonly", "SQLITE_FULL": "full", "SQLITE_BUSY": "busy", "SQLITE_LOCKED": "busy",
              "SQLITE_CORRUPT": "damaged", "SQLITE_NOTADB": "damaged", "SQLITE_IOERR": "io", "SQLITE_CANTOPEN": "io",
              "SQLITE_PERM": "readonly"}
_BY_ERRNO = {errno.ENOSPC: "full", errno.EROFS: "readonly", errno.EACCES: "readonly", errno.EPERM: "readonly",
             errno.EIO: "io"}


def kind(exc: BaseException) -> str | None:
    """"readonly" | "full" | "busy" | "damaged" | "io" for an error the user can do something about, else None."""
    if isinstance(exc, UnicodeDecodeError) and b"malformed" in (exc.object or b""):
        return "damaged"  # SQLite's own message held bytes that are not UTF-8 (a damaged schema), so Python failed
    if isinstance(exc, sqlite3.Error):
        name = getattr(exc, "sqlite_errorname", "") or ""
        for prefix, found in _BY_SQLITE.items():
            if name.startswith(prefix):
                return found
        text = str(exc).lower()  # drivers that give no name
        if "readonly" in text or "read-only" in text:
            return "readonly"
        if "disk is full" in text or "database or disk is full" in text:
            return "full"
        if "malformed" in text or "not a database" in text or "could not decode to utf-8" in text:
            return "damaged"
        if "locked" in text:
            return "busy"
        return None
    if isinstance(exc, OSError):
        return _BY_ERRNO.get(exc.errno)
    return None


def describe(exc: BaseException) -> str | None:
    found = kind(exc)
    return MESSAGES[found] if found else None
