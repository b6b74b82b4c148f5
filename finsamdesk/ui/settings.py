"""What the window remembers between sessions (an INI file in the user's settings folder): the recent files,
the window's geometry and each page's splitter, keyed by the page's ASCII id."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QWidget

from .. import paths
from .pages import PageSpec
from .screen_fit import fit

MAX_RECENT = 8


def settings() -> QSettings:
    return QSettings(str(paths.settings_file()), QSettings.Format.IniFormat)


def recent_files() -> list[str]:
    value = settings().value("recent_files", [])
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, list) else []


def remember_file(path: Path) -> None:
    items = [str(path)] + [p for p in recent_files() if p != str(path)]
    settings().setValue("recent_files", items[:MAX_RECENT])


# A page whose layout changed so much that its remembered splitter would bring the old layout back is remembered
# under a new key; the old one is forgotten. Issue 14: the lists of these pages got the height (version 2).
_LAYOUT_VERSION = {"applications": 2, "insatser": 2}


def _splitter_key(spec: PageSpec) -> str:
    version = _LAYOUT_VERSION.get(spec.id)
    return f"splitter/{spec.id}-v{version}" if version else f"splitter/{spec.id}"


def _outdated_keys(spec: PageSpec) -> list[str]:
    return [f"splitter/{spec.id}"] if spec.id in _LAYOUT_VERSION else []


def _old_splitter_key(spec: PageSpec) -> str:
    """Before the pages had ids the key was the navigation's Swedish label (read once, then removed)."""
    return f"splitter/{spec.label}"


def restore_splitter(spec: PageSpec, splitter: QSplitter) -> None:
    store = settings()
    state = store.value(_splitter_key(spec))
    if state is None and spec.id not in _LAYOUT_VERSION:
        state = store.value(_old_splitter_key(spec))
    if isinstance(state, QByteArray):
        splitter.restoreState(state)


def save_splitter(spec: PageSpec, splitter: QSplitter) -> None:
    store = settings()
    store.setValue(_splitter_key(spec), splitter.saveState())
    for key in (_old_splitter_key(spec), *_outdated_keys(spec)):
        store.remove(key)


FIRST_SIZE = (1280, 820)  # the window's size the first time, where the screen has room for it


def restore_geometry(window: QWidget) -> None:
    """The window's size and place as it was left; the first time FIRST_SIZE, or less on a small screen (screen_fit:
    at 820 pixels its status bar stood below a 1366 × 768 laptop's screen)."""
    geometry = settings().value("window_geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
        return
    fit(window, *FIRST_SIZE)


def save_geometry(window: QWidget) -> None:
    settings().setValue("window_geometry", window.saveGeometry())
