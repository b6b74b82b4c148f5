"""Root test configuration: no display needed, never the real home directory, scrypt at a test's cost."""

import os
import sqlite3
import traceback

# Before anything imports Qt: CI machines have no display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from hypothesis import HealthCheck, settings

# Property tests judge the code, not the machine: no time limit per example and no "too slow" verdict, whatever
# else runs beside the suite (CI machines have two cores; a loaded one made generation look slow).
settings.register_profile("finsamdesk", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("finsamdesk")

TEST_SCRYPT_N = 2**10  # the app's cost (store.crypto.SCRYPT_N) is for a person typing once, not for 500 tests


def pytest_configure(config):
    config.addinivalue_line("markers", "real_scrypt: keys are made at the app's own scrypt cost")


@pytest.fixture(autouse=True)
def _finsamdesk_home(tmp_path, monkeypatch):
    """Point data, logs and settings at a per-test folder (see finsamdesk.paths)."""
    home = tmp_path / "finsamdesk-home"
    monkeypatch.setenv("FINSAMDESK_HOME", str(home))
    return home


@pytest.fixture
def db(tmp_path):
    """The suite's one database: a real, new förbund's file (tmp_path/förbund.sqlite) made as the window makes one,
    with the förbund's name, chef and form; closed at teardown. A module that needs more in it extends it under the
    same name (`def db(db): fill(db); return db`); every test closes what else it opens."""
    from finsamdesk.domain.registers import Forbund
    from finsamdesk.services import files, registers

    made = files.new_file(tmp_path / "förbund.sqlite", "Samordningsförbundet Test")
    registers.save_forbund(made, Forbund("Samordningsförbundet Test", forbundschef="Eva Chef",
                                         default_template="nnv-skane-2020"))
    yield made
    made.conn.close()


@pytest.fixture(autouse=True)
def _every_connection_closed(monkeypatch):
    """A test fails when a connection it opened (the app's or its own) is still open at its end: Python 3.13 warns
    about each one (ResourceWarning: unclosed database) at some later moment, in whichever test is running then, and
    on Windows an open handle blocks a rename or a restore. Here every Python says which test, and where."""
    opened: list[tuple[sqlite3.Connection, list[str]]] = []
    connect = sqlite3.connect

    def tracked(*args, **kwargs):
        conn = connect(*args, **kwargs)
        opened.append((conn, traceback.format_stack(limit=8)[:-1]))
        return conn

    monkeypatch.setattr(sqlite3, "connect", tracked)
    yield
    from tests.fixtures.closing import close_all

    close_all()
    left = []
    for conn, stack in opened:
        try:
            conn.execute("SELECT 1")
        except sqlite3.ProgrammingError:
            continue  # closed
        except sqlite3.Error:
            pass
        conn.close()
        left.append("".join(stack))
    if left:
        pytest.fail(f"{len(left)} database connection(s) left open; the first was opened at:\n{left[0]}",
                    pytrace=False)


@pytest.fixture(autouse=True)
def _test_scrypt_cost(request, monkeypatch):
    """New keys at a low scrypt cost, unless the test is marked real_scrypt (the cost is stored with each key, so
    the files behave as the app's do)."""
    if request.node.get_closest_marker("real_scrypt") is None:
        from finsamdesk.store import crypto

        monkeypatch.setattr(crypto, "SCRYPT_N", TEST_SCRYPT_N)
