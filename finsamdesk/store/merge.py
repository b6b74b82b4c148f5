"""Merging a working copy back into its main file (issue 17), with SQLite's session extension through APSW.

`Session.diff` gives, table by table, the changes that turn the copy's base into the copy. Each changed row is
then looked up in the base, the copy and the main file (all three as in-memory images, merge_images.py):
- the main file already has the copy's row (merged before, or the same edit on both sides): nothing to do;
- the main file still has the base's row (or none, for a new row): the copy's change is taken;
- otherwise both sides changed it: a `domain.sync.Conflict`, for the user to decide, field by field if they like.
A new row whose UNIQUE key is taken in the main file is a number to renumber (a diarienummer, a deltagar-id: see
domain.sync) or the same thing added on both sides (a category): then the copy's row becomes the main file's.
What is decided is built into one changeset (ChangesetBuilder) and applied to the main image with a conflict
handler that stops at anything unexpected; foreign keys are checked there (a row the copy needs that the main file
deleted is put back from the copy; a row the copy deleted that the main file still uses stays), and only then is the
final changeset handed to store/working_copy.py, which writes it to the file in one transaction.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import compress
from operator import ne
from typing import NamedTuple

import apsw

from ..domain import sync as rules
from ..domain.sync import Conflict, Renumbered
from . import merge_images as images
from .merge_images import BOOKKEEPING, Table
from .merge_numbers import Numbers

Key = tuple[object, ...]
Row = tuple[object, ...]
NUMBERED = {"application": "diarienummer", "participant": "code"}  # the numbers people see (merge_numbers.py)
UNCHANGED = apsw.no_change  # in a Write's UPDATE: the column stays


@dataclass
class Action:
    op: str  # "insert" | "update" | "delete"
    row: Row | None  # the row as it will be
    old: Row | None  # the main file's row as it is


class Write(NamedTuple):
    """One change for the file, copied out of the final changeset."""

    table: str
    op: str  # "INSERT" | "UPDATE" | "DELETE"
    columns: tuple[str, ...]
    pk: tuple[int, ...]
    old: Row | None
    new: Row | None  # UPDATE: apsw.no_change where a column stays


class MainChanged(Exception):
    """The main image no longer matches what was planned (a bug, or a change meanwhile): nothing is written."""


class Plan:
    """What merging the copy would do. Holds the APSW connection over the images until `close`."""

    def __init__(self, conn: apsw.Connection):
        self.conn = conn
        self.tables = images.tables(conn)
        self.actions: dict[tuple[str, Key], Action] = {}
        self.conflicts: list[Conflict] = []
        self.already = 0
        self.renumbered: list[Renumbered] = []
        self.notes: list[str] = []
        self.other_key = False
        self._updates: dict[tuple[str, Key], tuple[Row, Row, tuple[Row, Row] | None]] = {}
        self._built: tuple[list[tuple[tuple[str, Key], Action, Row | None, Row | None]], bytes] | None = None
        self._trials: dict[bytes, list[tuple[str, Row, str, Key]]] = {}  # changeset → what breaks a foreign key

    def close(self) -> None:
        self.conn.close()

    # ------------------------------------------------------------ planning
    def classify_all(self, changed: list[tuple[Table, Key]]) -> None:
        """Sort every changed row, in the order given; each table's rows are read in one query per image."""
        keys: dict[str, list[Key]] = {}
        for table, key in changed:
            keys.setdefault(table.name, []).append(key)
        found = {name: images.rows(self.conn, self.tables[name], of) for name, of in keys.items()}
        for table, key in changed:
            rows = found[table.name]
            self.classify(table, key, rows["base"].get(key), rows["copy"].get(key), rows["main"].get(key))

    def classify(self, table: Table, key: Key, base: Row | None, copy: Row | None, main: Row | None) -> None:
        sig = table.significant
        sig_main, sig_copy = sig(main), sig(copy)
        if sig_main == sig_copy:
            self.already += 1
        elif copy is None:
            if sig_main == sig(base):
                self.actions[(table.name, key)] = Action("delete", None, main)
            else:
                self._conflict(table, key, rules.DELETED_IN_COPY, base, main, copy)
        elif main is None:
            if base is None:
                self.actions[(table.name, key)] = Action("insert", copy, None)
            else:
                self._conflict(table, key, rules.DELETED_IN_MAIN, base, main, copy)
        elif sig_main == sig(base):
            self.actions[(table.name, key)] = Action("update", _latest(table, copy, main), main)
        else:
            self._conflict(table, key, rules.BOTH_CHANGED, base, main, copy)

    def _conflict(self, table: Table, key: Key, kind: str, base: Row | None, main: Row | None,
                  copy: Row | None) -> None:
        columns = table.columns
        shown = [c for c in columns if c not in BOOKKEEPING]
        if main is not None and copy is not None:
            differing = [c for c in shown if main[columns.index(c)] != copy[columns.index(c)]]
        else:
            differing = [c for c in shown if (main or copy or ())[columns.index(c)] is not None]
        suggested: dict[str, rules.Side] = {}
        for c in differing:
            i = columns.index(c)
            was = base[i] if base is not None else None
            if main is not None and main[i] == was:
                suggested[c] = rules.COPY
            elif copy is not None and copy[i] == was:
                suggested[c] = rules.MAIN
        label = rules.describe(table.name, columns, main or copy or base or ())
        self.conflicts.append(Conflict(len(self.conflicts) + 1, table.name, key, kind, label, columns, base, main,
                                       copy, tuple(differing), suggested))

    def renumber_and_unify(self) -> None:
        """New rows whose UNIQUE key the main file has (or that carry a provisional number)."""
        numbers = Numbers([r[0] for r in self.conn.execute("SELECT diarienummer FROM main.application")],
                          [r[0] for r in self.conn.execute("SELECT code FROM main.participant")])
        remap: dict[tuple[str, object], object] = {}
        inserts = [(where, action) for where, action in self.actions.items() if action.op == "insert"]
        for (name, key), action in sorted(inserts, key=_in_order):
            if action.row is None:
                continue
            table = self.tables[name]
            if name in NUMBERED:
                action.row, renumbered = numbers.renumbered(table, action.row, NUMBERED[name])
                if renumbered is not None:
                    self.renumbered.append(renumbered)
            for unique in table.unique:
                existing = self._existing(table, unique, action.row)
                if existing is None or table.key(existing) == key:
                    continue
                del self.actions[(name, key)]
                if len(key) == 1:
                    remap[(name, key[0])] = table.key(existing)[0]
                merged = _with_key(table, action.row, table.key(existing))
                if table.significant(merged) == table.significant(existing):
                    self.already += 1
                else:
                    self._conflict(table, table.key(existing), rules.ADDED_ON_BOTH, None, existing, merged)
                break
        if remap:
            self._remap(remap)

    def _existing(self, table: Table, unique: tuple[int, ...], row: Row) -> Row | None:
        values = [row[i] for i in unique]
        if any(v is None for v in values):
            return None
        where = " AND ".join(f'"{table.columns[i]}" = ?' for i in unique)
        found = self.conn.execute(f'SELECT * FROM main."{table.name}" WHERE {where}', values).fetchone()
        return tuple(found) if found is not None else None

    def _remap(self, remap: dict[tuple[str, object], object]) -> None:
        """Rows that point at a copy's row that became the main file's point at the main file's."""
        for (name, _key), action in self.actions.items():
            if action.row is None:
                continue
            row = list(action.row)
            for fk in self.tables[name].foreign_keys:
                i = fk.columns[0]
                row[i] = remap.get((fk.parent, row[i]), row[i])
            action.row = tuple(row)

    # ------------------------------------------------------------ deciding and applying
    def result(self, choices: dict[int, rules.Choice]) -> tuple[dict[tuple[str, Key], Action], set[tuple[str, Key]]]:
        """The actions with every conflict decided, and the rows the user chose to leave deleted."""
        actions = dict(self.actions)
        stay_deleted: set[tuple[str, Key]] = set()
        for conflict in self.conflicts:
            choice = choices.get(conflict.id)
            if not rules.decided(conflict, choice):
                raise ValueError(f"conflict {conflict.id} is not decided")
            table, where = self.tables[conflict.table], (conflict.table, conflict.key)
            if choice == rules.MAIN:
                if conflict.kind == rules.DELETED_IN_MAIN:
                    stay_deleted.add(where)
                continue
            if conflict.main is None:
                actions[where] = Action("insert", conflict.copy, None)
            elif conflict.copy is None:
                actions[where] = Action("delete", None, conflict.main)
            else:
                picked = {c: rules.COPY for c in conflict.differing} if choice == rules.COPY else dict(choice or {})
                row = tuple(conflict.copy[i] if picked.get(c) == rules.COPY else conflict.main[i]
                            for i, c in enumerate(table.columns))
                actions[where] = Action("update", _latest(table, row, conflict.main), conflict.main)
        return actions, stay_deleted

    def changeset(self, actions: dict[tuple[str, Key], Action]) -> bytes:
        """The actions as one changeset. Built again only if they changed since the last time (a merge asks for
        the same changeset for its trial and for the file)."""
        made = [(where, action, action.row, action.old) for where, action in actions.items()]
        if self._built is not None and self._built[0] == made:
            return self._built[1]
        builder = apsw.ChangesetBuilder()
        builder.schema(self.conn, "main")
        for where, action in actions.items():
            if action.op == "insert":
                builder.add_insert(where[0], False, action.row)
            elif action.op == "delete":
                builder.add_delete(where[0], False, action.old)
            else:
                update = self._update(where, action)
                if update is not None:
                    builder.add_update(where[0], False, *update)
        out = builder.output()
        builder.close()
        self._built = (made, out)
        return out

    def _update(self, where: tuple[str, Key], action: Action) -> tuple[Row, Row] | None:
        """(old, new) of an update for the changeset — the key and the changed columns, apsw.no_change for the
        rest — or None when nothing changes. Kept per action: a merge builds its changeset more than once."""
        row, old = action.row, action.old
        assert row is not None and old is not None
        made = self._updates.get(where)
        if made is not None and made[0] is row and made[1] is old:
            return made[2]
        table = self.tables[where[0]]
        changed = [i for i in compress(range(len(row)), map(ne, row, old)) if i not in table.pk_set]
        update: tuple[Row, Row] | None = None
        if changed:
            old_values: list[object] = [UNCHANGED] * len(row)
            new_values: list[object] = [UNCHANGED] * len(row)
            for i in table.pk:
                old_values[i] = old[i]
            for i in changed:
                old_values[i], new_values[i] = old[i], row[i]
            update = tuple(old_values), tuple(new_values)
        self._updates[where] = (row, old, update)
        return update

    def repair_foreign_keys(self, actions: dict[tuple[str, Key], Action],
                            stay_deleted: set[tuple[str, Key]]) -> list[str]:
        """Make the result keep every foreign key: a row the copy needs is put back from the copy (unless the user
        chose to leave it deleted: then what needs it stays out); a row the main file still uses is not deleted."""
        notes: list[str] = []
        for _round in range(50):
            problems = self._trial(actions)
            if not problems:
                return notes
            for child, child_row, parent, parent_key in problems:
                child_key = self.tables[child].key(child_row)
                own = actions.get((child, child_key))
                parent_row = images.row(self.conn, "copy", self.tables[parent], parent_key)
                word = rules.describe(parent, self.tables[parent].columns, parent_row or ())
                if own is not None and own.op != "delete":
                    if (parent, parent_key) not in stay_deleted and parent_row is not None:
                        actions[(parent, parent_key)] = Action("insert", parent_row, None)
                        notes.append(f"{word} hade tagits bort i huvudfilen men behövs av arbetskopians ändringar; "
                                     "den har lagts tillbaka.")
                    else:
                        del actions[(child, child_key)]
                        notes.append(f"{rules.describe(child, self.tables[child].columns, child_row)} kom inte "
                                     f"med: {word.lower()} finns inte i huvudfilen.")
                elif actions.pop((parent, parent_key), None) is not None:
                    notes.append(f"{word} togs bort i arbetskopian men används i huvudfilen; den finns kvar.")
        raise MainChanged("foreign keys could not be made whole")

    def _trial(self, actions: dict[tuple[str, Key], Action]) -> list[tuple[str, Row, str, Key]]:
        """Apply to the main image inside a savepoint, list what breaks a foreign key, and roll back. The images do
        not change, so the same changeset (the preview's, again at the merge) gives the same list."""
        changeset = self.changeset(actions)
        if changeset not in self._trials:
            self._trials[changeset] = self._try(changeset)
        return list(self._trials[changeset])

    def _try(self, changeset: bytes) -> list[tuple[str, Row, str, Key]]:
        conn = self.conn
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("SAVEPOINT trial")
        try:
            apsw.Changeset.apply(changeset, conn, conflict=_only_foreign_keys)
            problems = []
            for child, rowid, parent, fkid in conn.execute("PRAGMA main.foreign_key_check").fetchall():
                child_row = tuple(conn.execute(f'SELECT * FROM main."{child}" WHERE rowid = ?', (rowid,)).fetchone())
                fk = [r for r in conn.execute(f'PRAGMA main.foreign_key_list("{child}")').fetchall() if r[0] == fkid]
                value = child_row[self.tables[child].columns.index(fk[0][3])]
                problems.append((child, child_row, parent, (value,)))
            return problems
        finally:
            conn.execute("ROLLBACK TO trial")
            conn.execute("RELEASE trial")

    def final(self, actions: dict[tuple[str, Key], Action]) -> list[Write]:
        """The final changeset applied to the main image (anything unexpected stops it), copied out for the file."""
        changeset = self.changeset(actions)
        if self._trials.get(changeset) != []:  # else tried on this main image already: nothing unexpected, keys whole
            self.conn.execute("SAVEPOINT final")
            try:
                apsw.Changeset.apply(changeset, self.conn, conflict=_stop)
                if self.conn.execute("PRAGMA main.foreign_key_check").fetchone() is not None:
                    raise MainChanged("a foreign key would break")
            finally:
                self.conn.execute("ROLLBACK TO final")
                self.conn.execute("RELEASE final")
        tables = self.tables
        return [Write(c.name, c.op, tables[c.name].columns, tables[c.name].pk, c.old, c.new)
                for c in apsw.Changeset.iter(changeset)]


ENCRYPTED_COLUMNS = ("pnr_enc", "name_enc", "note_enc")


def _other_key(made: Plan) -> bool:
    """The copy brings encrypted identifiers, and its keys are not wrapped as the main file's are now (the
    passphrase was changed on one side since the copy was taken): they might be under another data key."""
    wrapped = [made.conn.execute(f"SELECT salt, wrapped FROM {s}.protection WHERE id = 1").fetchone()
               for s in ("main", "copy")]
    if wrapped[0] == wrapped[1]:
        return False
    table = made.tables.get("participant")
    if table is None:
        return False
    positions = [table.columns.index(c) for c in ENCRYPTED_COLUMNS if c in table.columns]
    return any(a.row is not None and any(a.row[i] is not None for i in positions)
               for (name, _key), a in made.actions.items() if name == "participant")


def _only_foreign_keys(kind: int, change: apsw.TableChange) -> int:
    if kind == apsw.SQLITE_CHANGESET_FOREIGN_KEY:
        return apsw.SQLITE_CHANGESET_OMIT  # listed by foreign_key_check inside the trial, then rolled back
    raise MainChanged(f"unexpected conflict {kind} in {change.name}")


def _stop(kind: int, change: apsw.TableChange) -> int:
    raise MainChanged(f"unexpected conflict {kind} in {change.name}")


def _latest(table: Table, row: Row, other: Row) -> Row:
    """`row` with each bookkeeping column (updated_at) the later of the two."""
    if not table.bookkeeping:
        return row
    out = list(row)
    for i in table.bookkeeping:
        mine, theirs = row[i], other[i]
        if mine is None or (theirs is not None and str(theirs) > str(mine)):
            out[i] = theirs
    return tuple(out)


def _in_order(item: tuple[tuple[str, Key], Action]) -> tuple[object, ...]:
    """Table, then key: ids are time-ordered, so new rows are renumbered in the order they were made."""
    (name, key), _action = item
    return name, tuple((0, v, "") if isinstance(v, int) else (1, 0, str(v)) for v in key)


def _with_key(table: Table, row: Row, key: Key) -> Row:
    out = list(row)
    for i, value in zip(table.pk, key, strict=True):
        out[i] = value
    return tuple(out)


def plan(main: bytes, base: bytes, copy: bytes) -> Plan:
    """Everything the copy changed since its base, sorted into what can come in and what conflicts."""
    made = Plan(images.open_images(main, base, copy))
    try:
        changeset = images.diff(made.conn, list(made.tables))
        changed = []
        for change in apsw.Changeset.iter(changeset):
            table = made.tables[change.name]
            changed.append((table, table.key(change.new if change.op == "INSERT" else change.old)))
        made.classify_all(changed)
        made.renumber_and_unify()
        made.other_key = _other_key(made)
        made.notes = made.repair_foreign_keys(dict(made.actions), set())
    except BaseException:
        made.close()
        raise
    return made

