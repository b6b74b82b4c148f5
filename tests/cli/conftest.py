"""The example file the command-line tests work on."""
from datetime import date

import pytest

from finsamdesk.services import demo
from finsamdesk.store.connection import open_database


@pytest.fixture
def demo_file(tmp_path):
    """The example data as of 2024-06-15 (ansökningar 2023-001 …) in tmp_path/demo.sqlite."""
    path = tmp_path / "demo.sqlite"
    db = open_database(path)
    demo.create_example_data(db, date(2024, 6, 15))
    db.close()
    return path
