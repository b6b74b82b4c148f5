"""Opening a förbund's file from the window. A file that cannot simply be opened is handed to
ui/opening_questions.py, which asks what to do instead; a sound file asks nothing, and start-up does not load the
message box's types (~1.5 ms)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def open_interactively(parent: QWidget | None, path: Path, *, create: bool = True):
    """(db, lock) — lock None when read-only — or None when the user gave up (messages were shown)."""
    from ..services import files

    try:
        return files.open_for_writing(path, create=create)
    except (files.FileInUseError, files.FileNotWritableError) as exc:
        from .opening_questions import read_only_instead

        return read_only_instead(parent, path, exc)
    except (files.NewerFileError, files.FileOpenError) as exc:
        from .opening_questions import cannot_open

        return cannot_open(parent, path, exc)
