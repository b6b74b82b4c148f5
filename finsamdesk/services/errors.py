"""Errors the services raise with Swedish messages a window or the CLI can show as they are."""
from __future__ import annotations

import errno


class ServiceError(Exception):
    """Something the user asked for cannot be done; the message says why, in Swedish."""


class ValidationError(ServiceError):
    """Bad input: `fields` maps a field name to its message (shown next to the field)."""

    def __init__(self, message: str, fields: dict[str, str] | None = None):
        super().__init__(message)
        self.fields = fields or {}


class NotFoundError(ServiceError):
    """What the user named (an ansökan, insats, möte, formulärmall …) is not there: bad input, not a failure."""


_OS_ERRORS = {
    errno.ENOENT: "finns inte",
    errno.EISDIR: "är en mapp, inte en fil",
    errno.ENOTDIR: "en del av sökvägen är ingen mapp",
    errno.EACCES: "du saknar behörighet",
    errno.EPERM: "du saknar behörighet",
    errno.ENOSPC: "disken är full",
    errno.EDQUOT: "diskkvoten är slut",
    errno.EROFS: "filsystemet är skrivskyddat",
    errno.ENAMETOOLONG: "namnet är för långt",
    errno.EEXIST: "finns redan",
    errno.EIO: "ett in- eller utmatningsfel (kanske en nätverksenhet som försvann)",
    errno.EMFILE: "för många öppna filer",
    errno.EBUSY: "används av ett annat program",
    errno.EINVAL: "ogiltigt namn eller värde",
    errno.ELOOP: "för många symboliska länkar",
    errno.EXDEV: "kan inte flyttas mellan diskar",
}


def describe_os_error(exc: OSError) -> str:
    """What the operating system said, in Swedish ("finns inte", "du saknar behörighet" …), without the name."""
    if exc.errno in _OS_ERRORS:
        return _OS_ERRORS[exc.errno]
    return f"operativsystemet svarade med felkod {exc.errno}" if exc.errno else "ett fel i operativsystemet"
