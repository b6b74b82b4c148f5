"""Slow work off the GUI thread: one job on its own QThread, a progress dialog that can cancel it, and the
result (or the exception) back on the GUI thread. The job opens its own database connection (SQLite
connections belong to the thread that made them)."""
from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class _Job(QObject):
    progressed = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Work):
        super().__init__()
        self.work: Work | None = work
        self.cancel = threading.Event()

    @Slot()
    def run(self) -> None:
        work, self.work = self.work, None  # whatever the job holds (a key, data) goes when it ends
        if work is None:  # run once
            return
        try:
            result = work(lambda done, total: self.progressed.emit(done, total), self.cancel.is_set)
        except BaseException as exc:  # noqa: BLE001 - every failure is handed to the GUI thread, which shows it
            del work
            traceback.clear_frames(exc.__traceback__)  # the frames' variables (a key, personal data) go too
            self.failed.emit(exc)
        else:
            del work
            self.done.emit(result)


class Background(QObject):
    """Runs `work(progress, cancelled)` on a thread; `on_done(result)` or `on_failed(exc)` on the GUI thread.
    An exception `on_failed` does not take goes to sys.excepthook (the error dialog). Public: `dialog`, `finished`
    (signal), `running`."""

    finished = Signal()

    def __init__(self, parent: QWidget, label: str, work: Work, on_done: Callable[[Any], None],
                 on_failed: Callable[[BaseException], bool] | None = None):
        super().__init__(parent)
        self.on_done, self.on_failed = on_done, on_failed
        self.dialog = QProgressDialog(label, self.tr("Avbryt"), 0, 1000, parent)
        self.dialog.setWindowTitle(label)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumDuration(300)
        self.dialog.setValue(0)
        self._thread = QThread(self)
        self.job = _Job(work)
        self.job.moveToThread(self._thread)
        self._thread.started.connect(self.job.run)
        self.job.progressed.connect(self._progress)
        self.job.done.connect(self._done)
        self.job.failed.connect(self._failed)
        self.dialog.canceled.connect(self.job.cancel.set)
        self.running = True
        self._thread.start()

    def _progress(self, done: int, total: int) -> None:
        self.dialog.setValue(min(1000, int(1000 * done / total)) if total else 0)

    def _finish(self) -> None:
        self.running = False
        self._thread.quit()
        self._thread.wait()
        self.dialog.close()
        self.finished.emit()

    def _done(self, result: Any) -> None:
        self._finish()
        self.on_done(result)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if self.on_failed is None or not self.on_failed(exc):
            sys.excepthook(type(exc), exc, exc.__traceback__)
