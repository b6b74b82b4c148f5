"""Writing a file the user asked for: next to the target, then renamed over it.

Nothing of it passes through the system temp folder: a file with personal data is only ever where the user
chose to put it (a kill mid-write leaves the hidden `.NAME.…tmp` folder there, never in /tmp).
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from .errors import ServiceError, describe_os_error


def _os_error(path: Path, exc: OSError) -> ServiceError:
    if isinstance(exc, PermissionError):
        return ServiceError(f"{path.name} kunde inte skrivas: du saknar behörighet i mappen, eller så är filen "
                            "öppen i ett annat program.")
    return ServiceError(f"{path.name} kunde inte skrivas: {describe_os_error(exc)}.")


@contextmanager
def atomic_output(path: str | Path) -> Iterator[tuple[IO[bytes], Path]]:
    """(file object, scratch folder), both beside `path`: what the block writes into the file object is renamed
    over `path` when the block ends; the scratch folder is for a writer that streams through files of its own.
    On an error nothing is renamed and both are removed. A crash or a full disk leaves the old file or the new
    one, never half of one."""
    path = Path(path)
    if path.is_dir():
        raise ServiceError(f"{path} är en mapp; ange ett filnamn.")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ServiceError(f"Mappen {folder} finns inte.")
    try:
        scratch = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder))
    except OSError as exc:
        raise _os_error(path, exc) from exc
    try:
        tmp = scratch / "ny"
        try:
            fh = open(tmp, "wb")  # noqa: SIM115 - closed below, before the rename
        except OSError as exc:
            raise _os_error(path, exc) from exc
        with fh:
            yield fh, scratch
            try:
                fh.flush()
                os.fsync(fh.fileno())
            except OSError as exc:
                raise _os_error(path, exc) from exc
        try:
            os.replace(tmp, path)
        except OSError as exc:
            raise _os_error(path, exc) from exc
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def write_file_atomic(path: str | Path, data: bytes | str) -> Path:
    """`data` as the file `path`, written beside it and renamed over it."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    with atomic_output(path) as (fh, _scratch):
        try:
            fh.write(data)
        except OSError as exc:
            raise _os_error(Path(path), exc) from exc
    return Path(path)
