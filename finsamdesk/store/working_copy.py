"""Working copies on the file side (Python's sqlite3): taking one, the images a merge reads, writing a merge.

A copy is made from an in-memory copy of the main file (the backup API: consistent while the file is open), from
which everything outside the copy's scope is deleted — other insatser and what belongs to them, meetings, and
without the register every participant record and the wrapped keys — and then written with VACUUM INTO: a new file
built from the live rows only, so nothing deleted survives in its free pages. The same content, as an SQLite image,
is the copy's base; the main file keeps it in `sync_copy` and moves it forward at every merge (to the copy as it was
merged), so a copy can go on being used and merged again and a copy merged twice brings nothing twice.
"""
from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime
from itertools import compress, groupby, repeat
from operator import is_not, itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import backups, paths
from .database import file_database
from .identity import COPY_ROLE, identity
from .sqlite_header import without_wal
from .version import SCHEMA_VERSION

if TYPE_CHECKING:
    import sqlite_utils

    from .merge import Write

APPLICATION_REFS = ("application_id",)
WITHOUT_REGISTER = ("participant", "protection")  # a copy without the register holds none of it


def _memory_copy(conn: sqlite3.Connection) -> sqlite3.Connection:
    mem = sqlite3.connect(":memory:")
    conn.backup(mem)
    mem.execute("PRAGMA journal_mode = MEMORY")
    return mem


def _serialize(mem: sqlite3.Connection) -> bytes:
    return without_wal(mem.serialize())


def _columns(mem: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in mem.execute(f'PRAGMA table_info("{table}")')]


def _tables(mem: sqlite3.Connection) -> list[str]:
    sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
    return [r[0] for r in mem.execute(sql)]


def _limit_to(mem: sqlite3.Connection, insats_ids: list[int]) -> None:
    """Keep the chosen insatser, what belongs to them and the applications they came from; no meetings."""
    keep = ",".join(str(int(i)) for i in insats_ids) or "NULL"
    apps = [r[0] for r in mem.execute(f"SELECT application_id FROM insats_application WHERE insats_id IN ({keep})")]
    keep_apps = ",".join(str(int(a)) for a in apps) or "NULL"
    mem.execute(f"DELETE FROM granted_amount WHERE status_event_id IN (SELECT id FROM status_event WHERE "
                f"application_id NOT IN ({keep_apps}))")
    for table in ("agenda_granted", "agenda_jav", "agenda_item", "meeting_attendee", "meeting"):
        mem.execute(f'DELETE FROM "{table}"')
    for table in _tables(mem):
        columns = _columns(mem, table)
        if table != "insats" and "insats_id" in columns:
            mem.execute(f'DELETE FROM "{table}" WHERE insats_id NOT IN ({keep})')
        if table != "application" and "application_id" in columns:
            mem.execute(f'DELETE FROM "{table}" WHERE application_id NOT IN ({keep_apps})')
    mem.execute(f"DELETE FROM insats WHERE id NOT IN ({keep})")
    mem.execute(f"DELETE FROM application WHERE id NOT IN ({keep_apps})")
    _drop_orphans(mem)


def _drop_orphans(mem: sqlite3.Connection) -> None:
    """Rows of tables this module does not know (added later) that pointed at what was left out."""
    for _round in range(20):
        broken = mem.execute("PRAGMA foreign_key_check").fetchall()
        if not broken:
            return
        for table, rowid, _parent, _fk in broken:
            mem.execute(f'DELETE FROM "{table}" WHERE rowid = ?', [rowid])


def take_copy(db: sqlite_utils.Database, target: Path, *, insats_ids: list[int] | None, with_register: bool,
              label: str) -> str:
    """Write a working copy at `target` (replaced once whole) and list it in the main file; its copy id."""
    main_id = str(identity(db)["file_id"])
    copy_id = uuid.uuid4().hex
    made_at = datetime.now().isoformat(timespec="seconds")
    scope = json.dumps(sorted(int(i) for i in insats_ids)) if insats_ids else ""
    mem = _memory_copy(db.conn)
    try:
        if insats_ids:
            _limit_to(mem, insats_ids)
        if not with_register:
            for table in WITHOUT_REGISTER:
                mem.execute(f'DELETE FROM "{table}"')
        mem.execute("DELETE FROM sync_copy")
        mem.execute("UPDATE sync_identity SET file_id = ?, role = ?, origin_file_id = ?, copy_id = ?, label = ?, "
                    "made_at = ?, scope = ?, with_register = ?",
                    [uuid.uuid4().hex, COPY_ROLE, main_id, copy_id, label, made_at, scope, int(with_register)])
        mem.commit()
        mem.execute("VACUUM")
        base = _serialize(mem)
        partial = backups.partial_beside(target)
        try:
            mem.execute("VACUUM INTO ?", [str(partial)])
            if not backups.is_sound(partial):
                raise backups.UnsoundCopy("the working copy does not pass quick_check")
            backups.put_in_place(partial, target)
        except BaseException:
            backups.discard(partial)
            raise
    finally:
        mem.close()
    try:
        with db.atomic():
            db.execute("INSERT INTO sync_copy (copy_id, label, made_at, scope, with_register, base) "
                       "VALUES (?, ?, ?, ?, ?, ?)", [copy_id, label, made_at, scope, int(with_register), base])
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return copy_id


COPY_COLUMNS = ("copy_id", "label", "made_at", "scope", "with_register", "merged_at", "merges")


def copies(db: sqlite_utils.Database) -> list[dict[str, object]]:
    """The copies out, oldest first (without their bases)."""
    rows = db.conn.execute(f"SELECT {', '.join(COPY_COLUMNS)} FROM sync_copy ORDER BY made_at, rowid").fetchall()
    return [dict(zip(COPY_COLUMNS, r, strict=True)) for r in rows]


def base_image(db: sqlite_utils.Database, copy_id: str) -> bytes | None:
    row = db.conn.execute("SELECT base FROM sync_copy WHERE copy_id = ?", [copy_id]).fetchone()
    return bytes(row[0]) if row else None


def forget(db: sqlite_utils.Database, copy_id: str) -> None:
    db.execute("DELETE FROM sync_copy WHERE copy_id = ?", [copy_id])


def insats_names(db: sqlite_utils.Database, ids: list[int]) -> list[str]:
    names = dict(db.conn.execute("SELECT id, name FROM insats").fetchall())
    return [names.get(i, f"(borttagen insats {i})") for i in ids]


# ---------------------------------------------------------------- images
def image_of(db: sqlite_utils.Database) -> bytes:
    """The open file as one transaction sees it, as an SQLite image."""
    mem = _memory_copy(db.conn)
    try:
        return _serialize(mem)
    finally:
        mem.close()


def read_copy(path: Path) -> tuple[bytes, dict[str, object], int]:
    """(image at this version, its sync_identity, the version it had) of the copy at `path`, read-only: the copy
    is the other person's file and is never written by a merge."""
    conn = paths.connect_read_only(path)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        mem = _memory_copy(conn)
    finally:
        conn.close()
    try:
        data = _serialize(mem)
    finally:
        mem.close()
    if version < SCHEMA_VERSION:
        data = at_this_version(data)
    found = sqlite3.connect(":memory:")
    try:
        found.deserialize(without_wal(data))
        names = {r[0] for r in found.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        ident = identity(file_database(found)) if "sync_identity" in names else {}
    finally:
        found.close()
    return data, ident, version


def at_this_version(data: bytes) -> bytes:
    """An image from an earlier version (a base or a copy made before an update) migrated in memory."""
    mem = sqlite3.connect(":memory:")
    try:
        mem.deserialize(without_wal(data))
        from .schema import migrations  # sqlite-utils, only when an image needs migrating

        migrations.apply(file_database(mem))
        mem.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        return _serialize(mem)
    finally:
        mem.close()


def image_version(data: bytes) -> int:
    return int.from_bytes(data[60:64], "big") if len(data) >= 64 else 0


# ---------------------------------------------------------------- writing a merge
def write_merge(db: sqlite_utils.Database, writes: list[Write], copy_id: str, copy_image: bytes) -> None:
    """Everything in one transaction: the changes (each UPDATE and DELETE only where the row is still as planned,
    else MainChanged and nothing is written), and the copy's base moved forward to the copy as merged. Writes in a
    row of the same table, kind and columns go to SQLite as one statement with executemany."""
    from .merge import UNCHANGED, MainChanged

    conn = db.conn
    shaped = ((_shape(w, UNCHANGED), w) for w in _ordered(writes))
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("PRAGMA defer_foreign_keys = ON")
        for (table, op, columns, kept_old, kept_new), same in groupby(shaped, key=itemgetter(0)):
            if op == "INSERT":
                marks = ", ".join("?" * len(columns))
                sql, values = f'INSERT INTO "{table}" ({_names(columns)}) VALUES ({marks})', _values(None, None)
            else:
                checked = list(compress(range(len(columns)), kept_old))
                where = " AND ".join(f'"{columns[i]}" IS ?' for i in checked)
                if op == "DELETE":
                    sql, values = f'DELETE FROM "{table}" WHERE {where}', _values(None, checked)
                else:
                    sets = list(compress(range(len(columns)), kept_new))
                    assignments = ", ".join(f'"{columns[i]}" = ?' for i in sets)
                    sql, values = f'UPDATE "{table}" SET {assignments} WHERE {where}', _values(sets, checked)
            counted = _Counted(values(w) for _shape_, w in same)
            done = conn.executemany(sql, counted).rowcount
            if op != "INSERT" and done != counted.n:
                raise MainChanged(f"{table}: a row is not as planned")
        now = datetime.now().isoformat(timespec="seconds")
        conn.execute("UPDATE sync_copy SET base = ?, merged_at = ?, merges = merges + 1 WHERE copy_id = ?",
                     [copy_image, now, copy_id])
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


Shape = tuple[str, str, tuple[str, ...], tuple[bool, ...], tuple[bool, ...]]


def _shape(w: Write, unchanged: object) -> Shape:
    """(table, kind, columns, which old values are given, which new ones): writes of one shape make one statement.
    `unchanged` marks a column an UPDATE leaves as it is (apsw.no_change); an INSERT gives every new value."""
    given_old = tuple(map(is_not, w.old, repeat(unchanged))) if w.old is not None and w.op != "INSERT" else ()
    given_new = tuple(map(is_not, w.new, repeat(unchanged))) if w.new is not None and w.op == "UPDATE" else ()
    return w.table, w.op, w.columns, given_old, given_new


def _values(sets: list[int] | None, checked: list[int] | None) -> Callable[[Write], tuple[object, ...]]:
    """What one write binds: the new values set (all of them for an INSERT), then the old values checked."""
    new, old = _picker(sets), _picker(checked) if checked is not None else None
    if old is None:
        return lambda w: new(w.new)
    if sets is None:
        return lambda w: old(w.old)
    return lambda w: new(w.new) + old(w.old)


def _picker(positions: list[int] | None) -> Callable[[Any], tuple[object, ...]]:
    if positions is None:
        return tuple
    if len(positions) == 1:
        i = positions[0]
        return lambda row: (row[i],)
    picked: Callable[[Any], tuple[object, ...]] = itemgetter(*positions)
    return picked


class _Counted:
    """The parameters of one executemany, counted as SQLite takes them (each UPDATE or DELETE must hit one row;
    each names its key, so the rows hit add up to the count only if every one did)."""

    def __init__(self, rows: Iterator[tuple[object, ...]]):
        self.rows, self.n = rows, 0

    def __iter__(self) -> _Counted:
        return self

    def __next__(self) -> tuple[object, ...]:
        row = next(self.rows)
        self.n += 1
        return row


def _names(columns: tuple[str, ...]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def _ordered(writes: list[Write]) -> list[Write]:
    """Deletes, then updates, then inserts (foreign keys are checked at the commit in any case)."""
    rank = {"DELETE": 0, "UPDATE": 1, "INSERT": 2}
    return sorted(writes, key=lambda w: rank[w.op])
