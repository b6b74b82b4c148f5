"""The example file, made once for the report tests (read-only use: tests that change it make their own)."""
import shutil
from datetime import date

import pytest

from finsamdesk.services import demo
from finsamdesk.store.connection import open_database

TODAY = date(2026, 11, 24)
LAST_YEAR = TODAY.year - 1


@pytest.fixture(scope="session")
def example_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("exempel") / "exempel.sqlite"
    db = open_database(path)
    demo.create_example(db, TODAY)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    return path


@pytest.fixture
def example(example_path, tmp_path):
    """A private copy of the example file (tests may write to it)."""
    path = tmp_path / "exempel kopia #1.sqlite"
    shutil.copy(example_path, path)
    db = open_database(path)
    yield db
    db.conn.close()


@pytest.fixture(autouse=True)
def _widgets_deleted_before_the_next_test():
    """Widgets a test closed are deleted now, not in a later test's event loop (where their release of None
    would read as the refcount drift tests/test_pyside_none_refcount.py guards against)."""
    yield
    import gc
    import sys

    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtCore import QCoreApplication, QEvent

        if QCoreApplication.instance() is not None:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QCoreApplication.processEvents()
            gc.collect()
