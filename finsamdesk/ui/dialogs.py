"""The two buttons of a dialog (OK and Cancel) and the yes/no question before something is removed or thrown away."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget


def ok_cancel(dialog: QDialog, on_ok: Callable[[], object], ok_text: str | None = None) -> QDialogButtonBox:
    """OK and Cancel for a dialog: OK (named `ok_text` if given) calls `on_ok`, Cancel rejects."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    if ok_text:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ja or Nej, Nej chosen when Enter is pressed: asked before something is removed or thrown away."""
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
