"""What the editor's tab builders (form_tab, editor_tabs) use of the application editor: the open application and
its form, one edit per change, and the registers a tab fills in — how each field shows a value (`setters`), where
a field's message goes (`field_messages`), and the budget and tidplan labels the editor keeps up to date. A
protocol, so the builders need not import the editor that imports them."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import sqlite_utils
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

    from ...domain.application import Application
    from ...domain.forms import FormTemplate
    from ..widgets import MessageLabel
    from .budget_table import BudgetGrid
    from .undo import FieldPath


class EditorHost(Protocol):
    setters: dict[FieldPath, Callable[[Any], None]]
    field_messages: dict[str, MessageLabel]
    pending_input: dict[str, Callable[[], str]]  # field key → why what it keeps typed is not saved ("" if none)
    budget_grid: BudgetGrid | None
    per_participant: QLabel | None
    budget_problems: QLabel | None
    timeplan_warnings: QLabel | None
    undo_stack: QUndoStack

    @property
    def widget(self) -> QWidget: ...  # the editor itself, a parent for dialogs

    @property
    def database(self) -> sqlite_utils.Database: ...

    @property
    def application(self) -> Application: ...

    @property
    def form_template(self) -> FormTemplate: ...

    def tr(self, text: str) -> str: ...

    def edit(self, path: FieldPath, new: Any, *, merge: bool = False, text: str = "") -> None: ...

    def show_pending(self) -> bool: ...

    def watch(self, widget: QWidget) -> None: ...

    def add_date_field(self, form: QFormLayout, label: str, path: FieldPath, key: str) -> QLineEdit: ...
