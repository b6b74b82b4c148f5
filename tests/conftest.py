"""Root test configuration: no display needed, never the real home directory."""

import os

# Before anything imports Qt: CI machines have no display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def _finsamdesk_home(tmp_path, monkeypatch):
    """Point data, logs and settings at a per-test folder (see finsamdesk.paths)."""
    home = tmp_path / "finsamdesk-home"
    monkeypatch.setenv("FINSAMDESK_HOME", str(home))
    return home
