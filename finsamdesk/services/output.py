"""Writing a file the user asked for: next to the target, then renamed over it."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import ServiceError


def write_file_atomic(path: str | Path, data: bytes | str) -> Path:
    """A crash or a full disk leaves the old file or the new one, never half of one."""
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if path.is_dir():
        raise ServiceError(f"{path} är en mapp; ange ett filnamn.")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ServiceError(f"Mappen {folder} finns inte.")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except PermissionError as exc:
        tmp.unlink(missing_ok=True)
        raise ServiceError(f"{path.name} kunde inte skrivas; är filen öppen i ett annat program?") from exc
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ServiceError(f"{path.name} kunde inte skrivas: {exc.strerror or exc}") from exc
    return path
