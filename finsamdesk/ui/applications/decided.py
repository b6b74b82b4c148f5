"""A decided ansökan in the editor: read-only, with a line that says so and "Ändra beslutad ansökan…", which asks
who changes it and why; the editor then saves through applications.save_change, which enters the change in the
history. The rule (which statuses are locked, and why) is domain.workflow's."""
from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain import workflow
from ...services import registers
from ..dialogs import ok_cancel
from ..widgets import WARNING_STYLE, MessageLabel

if TYPE_CHECKING:
    import sqlite_utils
    from PySide6.QtWidgets import QTabWidget

    from ...domain.application import Application


class LockHost(Protocol):
    """What these functions use of the application editor (a protocol: the editor imports this module)."""

    lock: DecisionLock
    change_reason: str | None
    change_who: str
    dnr: QLineEdit
    tabs: QTabWidget
    next_button: QPushButton
    message: MessageLabel

    @property
    def history(self) -> QWidget | None: ...

    @property
    def locked(self) -> bool: ...

    @property
    def application(self) -> Application: ...

    @property
    def database(self) -> sqlite_utils.Database: ...

    def tr(self, text: str) -> str: ...


def show_lock(editor: LockHost) -> None:
    """After the tabs are built: the line above them, read-only tabs while locked, "Nästa steg…" off with the
    reason when no step can follow."""
    app = editor.application
    editor.lock.show_state(app.status, editor.change_reason)
    editor.dnr.setReadOnly(editor.locked)
    if editor.locked:
        for i in range(editor.tabs.count()):
            page = editor.tabs.widget(i)
            if page is not None and page is not editor.history:
                make_read_only(page)
    no_step = workflow.no_step_reason(app.status, app.outgoing)
    editor.next_button.setEnabled(not no_step)
    editor.next_button.setToolTip(no_step or editor.tr("Flytta ansökan ett steg i beslutsgången (Ctrl+Retur)"))


def ask_change(editor: LockHost) -> bool:
    """Who changes the decided ansökan and why; False when the dialog is cancelled."""
    dialog = ChangeDialog(registers.forbund(editor.database).forbundschef,
                          editor if isinstance(editor, QWidget) else None)
    if not dialog.exec():
        return False
    editor.change_reason, editor.change_who = dialog.why, dialog.who
    return True


def make_read_only(root: QWidget) -> None:
    """Every field under `root` shows its value and takes no typing; buttons and choices are off. (The editor
    builds its tabs again when the lock is lifted, so nothing here is undone.)"""
    for w in root.findChildren(QWidget):
        if isinstance(w, (QLineEdit, QPlainTextEdit, QTextEdit)):
            w.setReadOnly(True)
        elif isinstance(w, QAbstractItemView):
            w.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        elif isinstance(w, (QAbstractButton, QComboBox, QAbstractSpinBox)):
            w.setEnabled(False)


class DecisionLock(QWidget):
    """The line above the tabs of a decided ansökan: why it is read-only and the button that changes it; while a
    recorded change is open, what it is. Signal change_asked when the button is pressed."""

    change_asked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setStyleSheet(WARNING_STYLE)
        self.button = QPushButton(self.tr("Ändra beslutad ansökan…"))
        self.button.setToolTip(self.tr("Ändringen förs in i historiken med vem, när och varför."))
        self.button.clicked.connect(self.change_asked)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.hide()

    def show_state(self, status: str, reason: str | None) -> None:
        """`status` of the open ansökan ("" for none); `reason` of the recorded change under way, if one is."""
        if not workflow.is_locked(status):
            self.hide()
            return
        if reason is None:
            self.text.setText(workflow.locked_reason(status))
        else:
            self.text.setText(self.tr("Ändras efter beslut (%s). Ändringarna sparas som vanligt och förs in i "
                                      "historiken.") % reason)
        self.button.setVisible(reason is None)
        self.show()


class ChangeDialog(QDialog):
    """Who changes the decided ansökan and why; both are needed. `who` and `why` once accepted."""

    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ändra beslutad ansökan"))
        self.who_field = QLineEdit(who)
        self.why_field = QLineEdit()
        self.why_field.setPlaceholderText(self.tr("t.ex. Namnbyte enligt styrelsens protokoll § 12"))
        self.why_field.setMinimumWidth(420)
        self.message = MessageLabel()
        self.who, self.why = "", ""
        form = QFormLayout()
        form.addRow(self.tr("Vem ändrar"), self.who_field)
        form.addRow(self.tr("Varför"), self.why_field)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Ansökan är beslutad. Ändringen förs in i historiken med vem, när och "
                                        "varför.")))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self._accept, self.tr("Ändra")))
        self.why_field.setFocus()

    def _accept(self) -> None:
        who, why = self.who_field.text().strip(), self.why_field.text().strip()
        if not why:
            self.message.show_error(self.tr("Skriv varför ansökan ändras."))
            return
        if not who:
            self.message.show_error(self.tr("Skriv vem som ändrar ansökan."))
            return
        self.who, self.why = who, why
        self.accept()


def run_workflow(editor: LockHost, app: Application) -> bool:
    """Nästa steg…: the step dialog; True when a step was taken. When none can follow, the reason in the editor's
    message instead of a dialog with nothing to choose."""
    no_step = workflow.no_step_reason(app.status, app.outgoing)
    if no_step:
        editor.message.show_warning(no_step)
        return False
    from .workflow_dialog import WorkflowDialog

    parent = editor if isinstance(editor, QWidget) else None
    return bool(WorkflowDialog(editor.database, app, registers.forbund(editor.database).forbundschef, parent).exec())
