"""PySide6 must not leak references to None (PySide6 6.12.0 does, and CPython 3.11 dies).

With the broken build every void-returning Qt call and every invalid QVariant
handed to Python drops one reference to None; on CPython < 3.12 the process
later aborts with "Fatal Python error: none_dealloc". Measured the same way as
/work/shared/tools/pyside6_none_refcount.py.
"""

import sys

import pytest

pytestmark = pytest.mark.gui

if sys.version_info >= (3, 12):
    pytest.skip("None is immortal on CPython >= 3.12; its refcount cannot underflow", allow_module_level=True)

from PySide6.QtCore import QObject, Qt, QTimer  # noqa: E402 (after the skip above)
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402

CALLS = 2000
# Unrelated code may take or drop a few references to None; the bug drops one per call.
TOLERANCE = 50


def _none_drift(fn, n=CALLS):
    fn()  # warm up caches (method lookup, enum wrappers)
    before = sys.getrefcount(None)
    for _ in range(n):
        fn()
    return sys.getrefcount(None) - before


def test_void_calls_and_invalid_variants_keep_none_refcount(qapp):
    obj = QObject()
    model = QStandardItemModel(2, 2)
    index = model.index(0, 0)
    item = QStandardItem()
    calls = {
        "QObject.setObjectName (void)": lambda: obj.setObjectName("a"),
        "QStandardItemModel.data(unset role)": lambda: model.data(index, Qt.ItemDataRole.ToolTipRole),
        "QStandardItem.data(unset role)": lambda: item.data(Qt.ItemDataRole.UserRole + 5),
        "QStandardItem.setData(None, role) (void)": lambda: item.setData(None, Qt.ItemDataRole.UserRole),
        "QObject.property('missing')": lambda: obj.property("missing"),
        "QApplication.processEvents (void)": qapp.processEvents,
    }
    drifts = {label: _none_drift(fn) for label, fn in calls.items()}
    leaking = {label: d for label, d in drifts.items() if d < -TOLERANCE}
    assert not leaking, f"None refcount drifts down after {CALLS} calls: {leaking}"


def test_event_loop_slot_calls_keep_none_refcount(qapp):
    ticks = 0
    timer = QTimer()
    timer.setInterval(0)

    def tick():
        nonlocal ticks
        ticks += 1
        if ticks >= CALLS:
            timer.stop()
            qapp.quit()

    timer.timeout.connect(tick)
    # Safety net so a broken timer cannot hang the test run (stopped afterwards so
    # it cannot quit a later test's event loop).
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(qapp.quit)
    guard.start(20_000)
    before = sys.getrefcount(None)
    timer.start()
    try:
        qapp.exec()
    finally:
        guard.stop()
        timer.stop()
    drift = sys.getrefcount(None) - before
    assert ticks >= CALLS, f"event loop stopped after {ticks} ticks"
    assert drift >= -TOLERANCE, f"None refcount drifted by {drift} over {ticks} event-loop ticks"
