"""A growing wait after wrong passphrases: the first FREE_TRIES wrong ones cost nothing more than scrypt itself,
each one after that doubles the wait before the next try (2 s, 4 s, 8 s … up to MAX_WAIT), and the right passphrase
starts over. Kept per file in the user's settings folder, so that neither restarting the window nor a script of
command-line calls starts the count over. (Anyone with a copy of the file can guess offline: against that, the
cost of scrypt and a long passphrase are the protection; this guards the program's own doors.)"""
from __future__ import annotations

import hashlib
import json
import math
import time
from pathlib import Path

from .. import paths

FREE_TRIES, FIRST_WAIT, MAX_WAIT = 2, 2.0, 300.0
_FILE = "losenfrasforsok.json"


def _store() -> Path:
    return paths.config_dir() / _FILE


def _load() -> dict[str, list[float]]:
    try:
        data = json.loads(_store().read_text(encoding="utf-8"))
        return {str(k): [float(v[0]), float(v[1])] for k, v in data.items()}
    except (OSError, ValueError, TypeError, KeyError, IndexError):
        return {}


def _save(data: dict[str, list[float]]) -> None:
    try:
        target = _store()
        partial = target.with_name(target.name + ".partial")
        partial.write_text(json.dumps(data), encoding="utf-8")
        partial.replace(target)
    except OSError:
        pass  # a settings folder that cannot be written: then there is no wait (scrypt's cost remains)


def _key(file_id: str) -> str:
    return hashlib.sha256(file_id.encode("utf-8")).hexdigest()[:32]


def _wait(failures: float) -> float:
    extra = failures - FREE_TRIES
    return 0.0 if extra <= 0 else min(FIRST_WAIT * 2 ** (extra - 1), MAX_WAIT)


def wait_left(file_id: str) -> float:
    """Seconds until a passphrase may be tried on this file again (0: now)."""
    failures, last = _load().get(_key(file_id), [0.0, 0.0])
    return max(0.0, last + _wait(failures) - time.time())


def failed(file_id: str) -> float:
    """A wrong passphrase: counted; the wait before the next try is returned."""
    data = _load()
    failures, _last = data.get(_key(file_id), [0.0, 0.0])
    data[_key(file_id)] = [failures + 1, time.time()]
    _save(data)
    return _wait(failures + 1)


def succeeded(file_id: str) -> None:
    data = _load()
    if data.pop(_key(file_id), None) is not None:
        _save(data)


def message(seconds: float) -> str:
    return f"För många fel lösenfraser: vänta {math.ceil(seconds)} sekunder innan du försöker igen."
