"""Where the window puts a PDF it hands to the user's PDF viewer (Skriv ut, Skriv ut tomt formulär): one folder
per session in the system's temporary folder, removed when the program ends, so printouts of ansökningar (with
applicants' names and figures in them) do not pile up in /tmp. A folder left behind by a session that did not end
normally (killed, crashed) is removed by a later session once it is a day old.

    print_folder() -> Path     # made on first use, the same folder for the rest of the session
    remove()                   # what happens at exit (also callable earlier)
"""
from __future__ import annotations

import atexit
import shutil
import tempfile
import time
from pathlib import Path

PREFIX = "finsamdesk-utskrift-"
STALE_AFTER_S = 24 * 3600

_folder: Path | None = None


def print_folder() -> Path:
    """This session's folder for printouts (made, and registered for removal at exit, on first use)."""
    global _folder
    if _folder is None or not _folder.is_dir():
        if _folder is None:
            atexit.register(remove)
            _remove_stale()
        _folder = Path(tempfile.mkdtemp(prefix=PREFIX))
    return _folder


def remove() -> None:
    """Remove this session's folder and the PDFs in it (a viewer that has one open keeps reading it on Linux and
    macOS; on Windows a locked file stays and is removed by a later session)."""
    global _folder
    if _folder is not None:
        shutil.rmtree(_folder, ignore_errors=True)
        _folder = None


def _remove_stale() -> None:
    """Folders of earlier sessions that did not end normally, a day old or more (a running session's is newer:
    each printout touches it)."""
    now = time.time()
    try:
        candidates = list(Path(tempfile.gettempdir()).glob(PREFIX + "*"))
    except OSError:
        return
    for folder in candidates:
        try:
            if folder.is_dir() and now - folder.stat().st_mtime > STALE_AFTER_S:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue
