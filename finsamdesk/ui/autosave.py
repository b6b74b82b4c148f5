"""One way to save on every page: what is typed is saved a second after the typing stops, when another page or
record is shown, and with Ctrl+S; while something typed is not saved the window's title carries "*".

Every page answers the same question, Page.save_if_dirty() (save what is typed; False, with the page's message,
when it cannot be saved as it is). This watcher notices typing anywhere in the window, marks the title at once,
and a second after the last key or click asks the page in view to save; a page that could not save keeps the mark
until it can (or the typing is undone), also after another page is shown.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QMainWindow

    from .pages import Page

AUTOSAVE_MS = 1000
WATCH_AFTER_MS = 250  # after a file is opened into the window, before typing is noticed (watch_soon)


class SaveWatcher(QObject):
    """Public: save_page(page_id) -> bool (Ctrl+S, leaving a page, the timer), unsaved (ids of the pages that
    could not save), typing (a key typed since the last save), timer, watching (typing is noticed: a file is open)."""

    def __init__(self, window: QMainWindow, page: Callable[[str], Page | None], current: Callable[[], str | None]):
        """`page(id)` is a built page or None; `current()` the id of the page in view (None before a file)."""
        super().__init__(window)
        self._window, self._page, self._current = window, page, current
        self.unsaved: set[str] = set()
        self.typing = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self._autosave)
        self.watching = False
        self._typing_inputs: tuple[type[QWidget], ...] = ()  # what watch() sets: the types and events it needs
        self._key_press: QEvent.Type | None = None
        self._release: QEvent.Type | None = None

    def watch(self) -> None:
        """Start noticing typing (once a file is open; until then there is nothing to save)."""
        from PySide6.QtCore import QEvent
        from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit

        app = QApplication.instance()
        if app is not None and not self.watching:
            self._typing_inputs = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox)
            self._key_press, self._release = QEvent.Type.KeyPress, QEvent.Type.MouseButtonRelease
            app.installEventFilter(self)
            self.watching = True

    def watch_soon(self) -> None:
        """Start noticing typing WATCH_AFTER_MS from now, after the page just filled is on screen: the first event
        through a Python filter on the application makes PySide build every wrapper type not yet built (with their
        enums: ~170 enums, ~45 ms), and that should not come between opening the file and seeing its first page."""
        if not self.watching:
            QTimer.singleShot(WATCH_AFTER_MS, self, self.watch)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # Qt's name
        kind = event.type()
        if kind not in (self._key_press, self._release) or not isinstance(obj, QWidget):
            return False
        if obj.window() is not self._window:
            return False
        if kind == self._key_press and isinstance(obj, self._typing_inputs) and _types(event):
            self.typing = True
            self._show_mark()
        self.timer.start()
        return False

    def save_page(self, page_id: str | None) -> bool:
        """Ask the page to save what is typed; the mark follows the answer."""
        page = self._page(page_id) if page_id is not None else None
        if page is None or page_id is None:
            return True
        saved = page.save_if_dirty()
        if saved:
            self.unsaved.discard(page_id)
            if page_id == self._current():
                self.typing = False
        else:
            self.unsaved.add(page_id)
        self._show_mark()
        return saved

    def forget(self) -> None:
        """Another file: nothing of it is unsaved."""
        self.unsaved.clear()
        self.typing = False
        self.timer.stop()
        self._show_mark()

    def _autosave(self) -> None:
        if QApplication.activeModalWidget() is not None:  # a dialog is open: wait until it is closed
            self.timer.start()
            return
        self.save_page(self._current())

    def _show_mark(self) -> None:
        self._window.setWindowModified(self.typing or bool(self.unsaved))


def _types(event: QEvent) -> bool:
    """A key that changes what a field holds: a character, Backspace, Delete, or paste/cut/undo/redo."""
    from PySide6.QtCore import Qt  # here, not at import: PySide builds Qt's namespace (~15 ms) on first use
    from PySide6.QtGui import QKeyEvent

    if not isinstance(event, QKeyEvent):
        return False

    if event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
        return True
    ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
    if ctrl:
        return event.key() in (Qt.Key.Key_V, Qt.Key.Key_X, Qt.Key.Key_Z, Qt.Key.Key_Y)
    return bool(event.text()) and event.text().isprintable()
