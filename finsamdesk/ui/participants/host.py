"""What the Deltagare page's tabs use of the page (the page is this; a protocol, so the tabs need not import the
page that builds them)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import sqlite_utils
    from PySide6.QtCore import SignalInstance

    from ...services.changes import Change


class ParticipantsHost(Protocol):
    @property
    def db(self) -> sqlite_utils.Database | None: ...

    @property
    def key(self) -> Any: ...  # the register's FieldKey while unlocked, else None

    @property
    def changed(self) -> SignalInstance: ...

    def ensure_unlocked(self) -> bool: ...

    def push(self, change: Change) -> None: ...

    def refresh_tabs(self) -> None: ...
