"""Reading a file the user chose to import: refused before it is read when it is bigger than the import takes
(a file of gigabytes would otherwise be read whole into memory first), and OS errors in Swedish."""
from __future__ import annotations

from pathlib import Path

from .errors import ServiceError, describe_os_error

MB = 1024 * 1024


def read_import_file(path: str | Path, max_bytes: int) -> bytes:
    """The file's bytes, or a ServiceError that says why not (too big, missing, not readable)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ServiceError(f"{path.name} är {size / MB:.0f} MB; högst {max_bytes // MB} MB kan läsas in.")
        return path.read_bytes()
    except OSError as exc:
        raise ServiceError(f"{path.name} kan inte läsas: {describe_os_error(exc)}.") from exc
