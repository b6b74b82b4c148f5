"""What an own application's tab builders use of the application editor: the EditorHost registers and edits,
plus the tab widget they add their tabs to, the open application (or None), the history table, the value of a
field path and where the editor sends the problems after each change. A protocol, so the builders need not
import the editor that imports them."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from ..editor_host import EditorHost

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTabWidget

    from ....domain.application import Application
    from ....domain.checks import Problem
    from ..editor_tabs import HistoryTable
    from ..undo import FieldPath


class OwnHost(EditorHost, Protocol):
    tabs: QTabWidget
    app: Application | None
    history: HistoryTable | None
    own_refresh: Callable[[list[Problem]], None] | None

    def value(self, path: FieldPath) -> Any: ...
