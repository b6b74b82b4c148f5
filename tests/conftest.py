"""Root test configuration: no display needed, never the real home directory, scrypt at a test's cost."""

import os

# Before anything imports Qt: CI machines have no display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

TEST_SCRYPT_N = 2**10  # the app's cost (store.crypto.SCRYPT_N) is for a person typing once, not for 500 tests


def pytest_configure(config):
    config.addinivalue_line("markers", "real_scrypt: keys are made at the app's own scrypt cost")


@pytest.fixture(autouse=True)
def _finsamdesk_home(tmp_path, monkeypatch):
    """Point data, logs and settings at a per-test folder (see finsamdesk.paths)."""
    home = tmp_path / "finsamdesk-home"
    monkeypatch.setenv("FINSAMDESK_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def _test_scrypt_cost(request, monkeypatch):
    """New keys at a low scrypt cost, unless the test is marked real_scrypt (the cost is stored with each key, so
    the files behave as the app's do)."""
    if request.node.get_closest_marker("real_scrypt") is None:
        from finsamdesk.store import crypto

        monkeypatch.setattr(crypto, "SCRYPT_N", TEST_SCRYPT_N)
