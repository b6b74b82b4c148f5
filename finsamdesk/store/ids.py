"""Row identity that holds across working copies (issue 17). Every row of a table keyed by an INTEGER PRIMARY KEY
gets its id here — never SQLite's default max(rowid)+1, which two copies of one file would both hand out for
different rows. `connection.open_database` installs a guard (a TEMP trigger per such table) that refuses an INSERT
without an explicit id, so a forgotten path fails in the tests instead of clashing at a merge.

An id is time-ordered and random: milliseconds since 2020-01-01 in the high 41 bits (until 2089), 22 random bits
below, and never less than the last id this process handed out. Rows therefore still sort by when they were made
(lists that show "newest first" by id keep working, also across copies), new rows land at the end of a table's
B-tree (an import of 100 000 rows appends instead of scattering), and two laptops would have to make a row in the
same millisecond and draw the same 22 bits to clash. Rows made before the ids became random keep their small ids:
every copy holds them as the main file does.

A child row that exists once per (parent, position) — an application's applicants, contacts and phases, which the
editor saves by replacing them all — gets an id derived from exactly that (`derived_id`), so the same child saved on
two laptops is the same row (and a conflict if the two differ), not two rows.
"""
from __future__ import annotations

import os
import threading
import time

EPOCH_MS = 1_577_836_800_000  # 2020-01-01T00:00:00Z
RANDOM_BITS = 22
_MAX = (1 << 63) - 1
_lock = threading.Lock()
_last = 0


def new_ids(count: int) -> list[int]:
    """`count` fresh ids, in order (consecutive: a batch stays together at the end of the table)."""
    global _last
    with _lock:
        ms = max(0, int(time.time() * 1000) - EPOCH_MS)
        first = max((ms << RANDOM_BITS) | _random_bits(RANDOM_BITS), _last + 1)
        _last = first + max(count, 1) - 1
    return list(range(first, first + count))


def _random_bits(bits: int) -> int:
    """As secrets.randbits: from the system's random source (os.urandom), without importing secrets and hashlib
    at start-up."""
    return int.from_bytes(os.urandom((bits + 7) // 8), "big") >> (-bits % 8)


def new_id() -> int:
    return new_ids(1)[0]


def derived_id(table: str, parent_id: int, position: int) -> int:
    """The id of the `position`-th child of `parent_id` in `table`: the same on every copy of the file."""
    import hashlib  # when an application is saved, not at start-up

    digest = hashlib.blake2b(f"{table}:{parent_id}:{position}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") % _MAX + 1


def rowid_tables(tables: list[tuple[str, list[tuple[str, str, int]]]]) -> list[tuple[str, str]]:
    """(table, key column) for every table whose key is an INTEGER PRIMARY KEY (an alias of the rowid), from
    (name, [(column, declared type, pk position)]) as PRAGMA table_info gives them. Internal tables (`_…`) are left
    out: sqlite-utils numbers its own migrations."""
    out = []
    for name, columns in tables:
        keys = [(column, kind) for column, kind, pk in columns if pk]
        if not name.startswith("_") and len(keys) == 1 and keys[0][1].upper() == "INTEGER":
            out.append((name, keys[0][0]))
    return out


GUARD_PREFIX = "finsamdesk_id_guard_"


def guard_sql(table: str, column: str) -> str:
    """A TEMP trigger (this connection only, never in the file) refusing an INSERT that leaves the id to SQLite."""
    return (f'CREATE TEMP TRIGGER IF NOT EXISTS "{GUARD_PREFIX}{table}" BEFORE INSERT ON main."{table}" '
            f'WHEN NEW."{column}" IS NULL OR NEW."{column}" = -1 BEGIN '
            f"SELECT RAISE(ABORT, 'finsamdesk: en rad i {table} saknar id (store/ids.py ger id)'); END")
