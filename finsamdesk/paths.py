"""Where finsamdesk finds its resources and keeps the user's files.

No Qt here: the CLI and the tests use it too. If the environment variable
``FINSAMDESK_HOME`` is set, data, logs and settings all live under that folder
(tests and ``--demo`` use this so they never touch the real home directory).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "finsamdesk"
HOME_ENV = "FINSAMDESK_HOME"

_PACKAGE_DIR = Path(__file__).resolve().parent


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value).expanduser() if value else None


def _ensured(path: Path, ensure: bool) -> Path:
    if ensure:
        path.mkdir(parents=True, exist_ok=True)
    return path


def resources_dir() -> Path:
    """Folder with forms/, fonts/, icons and demo data (read-only, never created).

    Frozen (PyInstaller): ``sys._MEIPASS/resources``. Installed wheel:
    ``finsamdesk/_resources``. Source checkout or editable install: the
    repository's top-level ``resources/``. (The installed copy is checked first so
    an unrelated ``site-packages/resources`` folder is never picked up.)
    """
    meipass = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and meipass:
        return Path(meipass) / "resources"
    installed = _PACKAGE_DIR / "_resources"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / "resources"


def forms_dir() -> Path:
    """Form templates (one JSON file per form)."""
    return resources_dir() / "forms"


def demo_dir() -> Path:
    """The example förbund as data (one JSON file per area), read by services.demo_data."""
    return resources_dir() / "demo"


def fonts_dir() -> Path:
    """TrueType fonts embedded in printed PDFs."""
    return resources_dir() / "fonts"


def user_data_dir(ensure: bool = True) -> Path:
    """Folder for the user's data file and its backups."""
    home = _home()
    path = home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return _ensured(path, ensure)


def default_data_file(ensure: bool = True) -> Path:
    """The SQLite file opened when no other file is chosen (not created here)."""
    return user_data_dir(ensure) / "finsamdesk.sqlite"


def log_dir(ensure: bool = True) -> Path:
    """Folder for log files."""
    home = _home()
    path = home / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    return _ensured(path, ensure)


def config_dir(ensure: bool = True) -> Path:
    """Folder for settings."""
    home = _home()
    path = home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    return _ensured(path, ensure)


def settings_file(ensure: bool = True) -> Path:
    """INI file for ``QSettings(path, QSettings.Format.IniFormat)`` (not created here)."""
    return config_dir(ensure) / "finsamdesk.ini"
