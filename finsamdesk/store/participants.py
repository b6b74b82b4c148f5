"""Queries for deltagare: records (identifiers encrypted with a FieldKey), count periods, categories,
the wrapped keys, gallring. Identifiers are encrypted here on the way in and decrypted on the way out;
no SQL ever sees one in clear."""
from __future__ import annotations

from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any

from ..domain.participant_statistics import Facts
from ..domain.participants import Category, CountPeriod, Participant
from ..domain.sync import PROVISIONAL_MARK
from .convert import date_or_none as _d
from .convert import iso_or_none as _iso
from .convert import now_iso as _now
from .crypto import FieldKey, KeyRecord
from .identity import is_working_copy
from .ids import new_id, new_ids

if TYPE_CHECKING:
    import sqlite_utils

CODE_PREFIX = "D"
ENCRYPTED = {"personnummer": "pnr_enc", "name": "name_enc", "note": "note_enc"}





# ---------------------------------------------------------------- keys
def key_record(db: sqlite_utils.Database) -> KeyRecord | None:
    row = db.conn.execute("SELECT salt, n, r, p, wrapped, kdf FROM protection WHERE id = 1").fetchone()
    return KeyRecord(*row) if row else None


def save_key_record(db: sqlite_utils.Database, record: KeyRecord) -> None:
    db["protection"].upsert({"id": 1, "kdf": record.kdf, "salt": record.salt, "n": record.n, "r": record.r,
                             "p": record.p, "wrapped": record.wrapped, "created_at": _now()}, pk="id")


def reencrypt(db: sqlite_utils.Database, old: FieldKey, new: FieldKey) -> int:
    """Every stored identifier decrypted with `old` and encrypted again with `new`, digests made anew; the number
    of records. Run inside the caller's transaction with the new key record (crypto.DamagedValue if one does not
    decrypt: then nothing may be saved)."""
    rows = db.conn.execute("SELECT id, pnr_enc, name_enc, note_enc FROM participant "
                      "WHERE pnr_enc IS NOT NULL OR name_enc IS NOT NULL OR note_enc IS NOT NULL").fetchall()
    changed = []
    for participant_id, *blobs in rows:
        values = [old.decrypt(column, blob) if blob is not None else None
                  for column, blob in zip(ENCRYPTED.values(), blobs, strict=True)]
        again = [new.encrypt(column, value) if value is not None else None
                 for column, value in zip(ENCRYPTED.values(), values, strict=True)]
        digest = new.digest(values[0]) if values[0] else None
        changed.append((*again, digest, participant_id))
    db.conn.executemany("UPDATE participant SET pnr_enc = ?, name_enc = ?, note_enc = ?, pnr_hash = ? WHERE id = ?",
                        changed)
    return len(changed)


# ---------------------------------------------------------------- categories and modes
def categories(db: sqlite_utils.Database, kind: str | None = None) -> list[Category]:
    where, params = ("WHERE kind = ?", [kind]) if kind else ("", [])
    return [Category(k, label, pos, bool(active), i) for i, k, label, pos, active in db.conn.execute(
        f"SELECT id, kind, label, position, active FROM participant_category {where} ORDER BY kind, position, id",
        params)]


def save_category(db: sqlite_utils.Database, c: Category) -> int:
    row = {"kind": c.kind, "label": c.label, "position": c.position, "active": int(c.active)}
    if c.id is None:
        c.id = db["participant_category"].insert({"id": new_id(), **row}).last_pk
    else:
        db["participant_category"].update(c.id, row)
    return c.id


def category_use(db: sqlite_utils.Database, category_id: int) -> int:
    return db.conn.execute("SELECT count(*) FROM participant WHERE support_id = ? OR outcome_id = ?",
                      [category_id, category_id]).fetchone()[0]


def delete_category(db: sqlite_utils.Database, category_id: int) -> None:
    db.execute("DELETE FROM participant_category WHERE id = ?", [category_id])


def modes(db: sqlite_utils.Database) -> dict[int, str]:
    return dict(db.conn.execute("SELECT id, participant_mode FROM insats").fetchall())


def set_mode(db: sqlite_utils.Database, insats_id: int, mode: str) -> None:
    db.execute("UPDATE insats SET participant_mode = ? WHERE id = ?", [mode, insats_id])


def open_insatser(db: sqlite_utils.Database) -> list[tuple[int, str, str, date | None, date | None]]:
    """(id, name, participant mode, start, end) of every insats not archived."""
    return [(i, n, m, _d(s), _d(e)) for i, n, m, s, e in db.conn.execute(
        "SELECT id, name, participant_mode, period_start, period_end FROM insats WHERE archived = 0")]


def insats_names(db: sqlite_utils.Database) -> dict[int, str]:
    return dict(db.conn.execute("SELECT id, name FROM insats").fetchall())


# ---------------------------------------------------------------- records
def next_codes(db: sqlite_utils.Database, count: int) -> list[str]:
    """Fresh pseudonymous deltagar-id: D00001, D00002, … (a running number, nothing derived from the person); on a
    working copy provisional ones, P00001, … (domain.sync), which the merge turns into real ones."""
    prefix = PROVISIONAL_MARK if is_working_copy(db) else CODE_PREFIX
    row = db.conn.execute("SELECT max(CAST(substr(code, 2) AS INTEGER)) FROM participant WHERE code GLOB ?",
                     [f"{prefix}[0-9]*"]).fetchone()
    first = (row[0] or 0) + 1
    return [f"{prefix}{n:05d}" for n in range(first, first + count)]


def _row(p: Participant, key: FieldKey | None) -> dict:
    row = {"insats_id": p.insats_id, "code": p.code, "gender": p.gender, "birth_year": p.birth_year,
           "start": _iso(p.start), "end": _iso(p.end), "support_id": p.support_id, "outcome_id": p.outcome_id,
           "consent_date": _iso(p.consent_date), "consent_how": p.consent_how, "gallrad_on": _iso(p.gallrad_on),
           "gallrat": p.gallrat, "updated_at": _now()}
    if not p.locked:
        if key is None and p.holds_identifiers:
            raise ValueError("identifiers need a key")
        for attr, column in ENCRYPTED.items():
            value = getattr(p, attr)
            row[column] = key.encrypt(column, value) if value else None
        row["pnr_hash"] = key.digest(p.personnummer) if p.personnummer else None
    return row


def save_participant(db: sqlite_utils.Database, p: Participant, key: FieldKey | None) -> int:
    """Insert or update; a `locked` record leaves the stored identifiers as they are."""
    if not p.code:
        p.code = next_codes(db, 1)[0]
    row = _row(p, key)
    if p.id is None:
        p.id = db["participant"].insert({"id": new_id(), **row, "created_at": row["updated_at"]}).last_pk
    else:
        db["participant"].update(p.id, row)
    return p.id


_COLUMNS = ("insats_id", "code", "gender", "birth_year", "start", "end", "support_id", "outcome_id", "consent_date",
            "consent_how", "pnr_hash", "pnr_enc", "name_enc", "note_enc", "gallrad_on", "gallrat", "created_at",
            "updated_at")


def insert_participants(db: sqlite_utils.Database, items: list[Participant], key: FieldKey | None,
                        progress=None) -> list[int]:
    """Many new records at once (an import): one executemany; codes are made for those without one."""
    codes = iter(next_codes(db, sum(1 for p in items if not p.code)))
    rows = []
    for i, p in enumerate(items):
        p.code = p.code or next(codes)
        row = _row(p, key)
        row["created_at"] = row["updated_at"]
        rows.append(tuple(row.get(c) for c in _COLUMNS))
        if progress and i % 500 == 0:
            progress(i)
    ids = new_ids(len(rows))
    marks = ", ".join("?" * (len(_COLUMNS) + 1))
    db.conn.executemany(f"INSERT INTO participant (id, {', '.join(_COLUMNS)}) VALUES ({marks})",
                        [(i, *r) for i, r in zip(ids, rows, strict=True)])
    for p, i in zip(items, ids, strict=True):
        p.id = i
    return ids


def load_participant(db: sqlite_utils.Database, participant_id: int, key: FieldKey | None) -> Participant:
    """With a key, identifiers decrypted (crypto.DamagedValue if one does not decrypt); without, `locked`."""
    r = db["participant"].get(participant_id)
    p = Participant(r["insats_id"], r["code"], r["gender"], r["birth_year"], _d(r["start"]), _d(r["end"]),
                    r["support_id"], r["outcome_id"], _d(r["consent_date"]), r["consent_how"],
                    has_personnummer=r["pnr_enc"] is not None, has_name=r["name_enc"] is not None,
                    has_note=r["note_enc"] is not None, gallrad_on=_d(r["gallrad_on"]), gallrat=r["gallrat"],
                    id=r["id"])
    if key is None:
        p.locked = True
    else:
        for attr, column in ENCRYPTED.items():
            if r[column] is not None:
                setattr(p, attr, key.decrypt(column, r[column]))
    return p


def code_taken(db: sqlite_utils.Database, insats_id: int, code: str, except_id: int | None) -> bool:
    return bool(db.conn.execute("SELECT count(*) FROM participant WHERE insats_id = ? AND code = ? AND id IS NOT ?",
                           [insats_id, code, except_id]).fetchone()[0])


def record_count(db: sqlite_utils.Database, insats_id: int) -> int:
    return db.conn.execute("SELECT count(*) FROM participant WHERE insats_id = ?", [insats_id]).fetchone()[0]


def exists(db: sqlite_utils.Database, participant_id: int) -> bool:
    return bool(db["participant"].count_where("id = ?", [participant_id]))


def raw_rows(db: sqlite_utils.Database, ids: list[int]) -> list[dict]:
    """Stored rows as they are (identifiers still encrypted): what undo puts back."""
    out = []
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        out += list(db["participant"].rows_where(f"id IN ({', '.join('?' * len(part))})", part))
    return out


def insert_raw(db: sqlite_utils.Database, rows: list[dict]) -> None:
    if rows:
        db.conn.executemany(f"INSERT INTO participant ({', '.join(rows[0])}) VALUES ({', '.join('?' * len(rows[0]))})",
                            [tuple(r.values()) for r in rows])


def delete_participants(db: sqlite_utils.Database, ids: list[int]) -> None:
    db.conn.executemany("DELETE FROM participant WHERE id = ?", [(i,) for i in ids])


class Row:
    """Positions in a register row. A row is a plain tuple as sqlite3 returns it, and the yes/no facts share
    one small integer: every value fetched costs time at 100 000 rows (9 values load in ~0.2 s here, the same
    facts as 11 values in ~0.34 s, and a NamedTuple around each row adds ~0.1 s; benchmarks/participants.py)."""

    ID, INSATS, CODE, BIRTH_YEAR, START, END, SUPPORT, OUTCOME, FLAGS = range(9)
    MAN, HAS_PERSONNUMMER, HAS_NAME, GALLRAD = 1, 2, 4, 8  # bits of FLAGS (not MAN: a woman)


RegisterRow = tuple[Any, ...]  # a register line as sqlite3 returns it; positions in Row


def register_rows(db: sqlite_utils.Database, insats_id: int | None = None,
                  ids: list[int] | None = None) -> list[RegisterRow]:
    """The register's list lines (see Row), newest record first. Dates are ISO text, END None when open."""
    where, params = ("WHERE insats_id = ?", [insats_id]) if insats_id is not None else ("", [])
    if ids is not None:
        where, params = f"WHERE id IN ({', '.join('?' * len(ids))})", list(ids)
    rows = db.conn.execute(
        "SELECT id, insats_id, code, birth_year, start, end, support_id, outcome_id, (gender = 'man') "
        "+ 2 * (pnr_enc IS NOT NULL) + 4 * (name_enc IS NOT NULL) + 8 * (gallrad_on IS NOT NULL) "
        f"FROM participant {where}", params).fetchall()
    rows.reverse()  # rowid order reversed: newest first, without a sort
    return rows


def ids_with_digest(db: sqlite_utils.Database, digest: bytes) -> list[int]:
    return [r[0] for r in db.conn.execute("SELECT id FROM participant WHERE pnr_hash = ? ORDER BY start", [digest])]


def encrypted_names(db: sqlite_utils.Database) -> list[tuple[int, bytes]]:
    return db.conn.execute("SELECT id, name_enc FROM participant WHERE name_enc IS NOT NULL").fetchall()


def duplicate_keys(db: sqlite_utils.Database, insats_id: int) -> tuple[set[str], list[tuple[bytes, str, str]]]:
    """(codes in use in the insats, [(pnr digest, start, end)]) to find duplicates before an import."""
    codes = {r[0] for r in db.conn.execute("SELECT code FROM participant WHERE insats_id = ?", [insats_id])}
    spans = db.conn.execute("SELECT pnr_hash, start, coalesce(end, '') FROM participant "
                       "WHERE insats_id = ? AND pnr_hash IS NOT NULL", [insats_id]).fetchall()
    return codes, spans


def facts(db: sqlite_utils.Database, insats_id: int | None = None) -> list[Facts]:
    where, params = ("WHERE p.insats_id = ?", [insats_id]) if insats_id is not None else ("", [])
    iso = date.fromisoformat
    return [Facts(i, g, y, iso(s), iso(e) if e else None, o) for i, g, y, s, e, o in db.conn.execute(
        "SELECT p.insats_id, p.gender, p.birth_year, p.start, p.end, c.label FROM participant p "
        f"LEFT JOIN participant_category c ON c.id = p.outcome_id {where}", params)]


def utfall_by_insats(db: sqlite_utils.Database, year: int | None) -> dict[int, int]:
    """Σ invoiced per insats (öre), in the year of the period each invoice covers; all years when None."""
    where, params = ("WHERE booked BETWEEN ? AND ?", [f"{year}-01-01", f"{year}-12-31"]) if year else ("", [])
    return dict(db.conn.execute(f"SELECT insats_id, sum(amount_ore) FROM invoice {where} GROUP BY insats_id", params))


def participant_years(db: sqlite_utils.Database) -> list[int]:
    rows = db.conn.execute("SELECT min(substr(start, 1, 4)), "
                      "max(max(substr(start, 1, 4)), max(coalesce(substr(end, 1, 4), 0))) "
                      "FROM participant").fetchone()
    counts = db.conn.execute(
        "SELECT min(substr(start, 1, 4)), max(substr(start, 1, 4)) FROM participant_count").fetchone()
    years = [int(y) for y in (*rows, *counts) if y]
    return list(range(min(years), max(years) + 1)) if years else []


# ---------------------------------------------------------------- counts only
def _count(r) -> CountPeriod:
    return CountPeriod(r["insats_id"], date.fromisoformat(r["start"]), date.fromisoformat(r["end"]), r["new_women"],
                       r["new_men"], r["ongoing_women"], r["ongoing_men"], r["ended_women"], r["ended_men"],
                       r["note"], r["id"])


def count_periods(db: sqlite_utils.Database, insats_id: int | None = None) -> list[CountPeriod]:
    where, params = ("insats_id = ?", [insats_id]) if insats_id is not None else (None, None)
    return [_count(r) for r in db["participant_count"].rows_where(where, params, order_by="insats_id, start")]


def save_count_period(db: sqlite_utils.Database, c: CountPeriod) -> int:
    row = {"insats_id": c.insats_id, "start": c.start.isoformat(), "end": c.end.isoformat(), "note": c.note,
           **{name: getattr(c, name) for name in CountPeriod.COUNT_FIELDS}}
    if c.id is None:
        c.id = db["participant_count"].insert({"id": new_id(), **row}).last_pk
    else:  # an update, or a deleted period put back (undo) with its id
        db["participant_count"].upsert({**row, "id": c.id}, pk="id")
    return c.id


def get_count_period(db: sqlite_utils.Database, period_id: int) -> CountPeriod:
    return _count(db["participant_count"].get(period_id))


def delete_count_period(db: sqlite_utils.Database, period_id: int) -> None:
    db.execute("DELETE FROM participant_count WHERE id = ?", [period_id])


# ---------------------------------------------------------------- gallring
def gallring_candidates(db: sqlite_utils.Database, ended_on_or_before: date) -> list[Participant]:
    """Records that still hold an identifier and ended on or before the date (locked: no decryption)."""
    ids = [r[0] for r in db.conn.execute(
        "SELECT id FROM participant WHERE end IS NOT NULL AND end <= ? AND "
        "(pnr_enc IS NOT NULL OR name_enc IS NOT NULL OR note_enc IS NOT NULL) ORDER BY end, id",
        [ended_on_or_before.isoformat()])]
    return [load_participant(db, i, None) for i in ids]


def remove_identifiers(db: sqlite_utils.Database, items: list[tuple[int, str]], today: date) -> None:
    """(id, what was removed) pairs: identifiers and their digest gone, the record keeps the words and the date.
    Call with secure_delete on (see overwriting_freed_pages)."""
    db.conn.executemany(
        "UPDATE participant SET pnr_hash = NULL, pnr_enc = NULL, name_enc = NULL, note_enc = NULL, gallrad_on = ?, "
        "gallrat = ?, updated_at = ? WHERE id = ?", [(today.isoformat(), words, _now(), i) for i, words in items])


@contextmanager
def overwriting_freed_pages(db: sqlite_utils.Database):
    """Inside, deleted content is overwritten with zeros; afterwards the WAL is checkpointed and emptied, so no
    old copy of a page stays in the file or beside it."""
    db.conn.execute("PRAGMA secure_delete = ON")
    try:
        yield
    finally:
        db.conn.execute("PRAGMA secure_delete = OFF")
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def insats_kinds(db: sqlite_utils.Database) -> dict[int, tuple[str, str]]:
    return {i: (k, s) for i, k, s in db.conn.execute("SELECT id, kind, status FROM insats")}


def log_gallring(db: sqlite_utils.Database, today: date, years: int, records: int, fields: str) -> None:
    db["gallring_log"].insert({"id": new_id(), "done_on": today.isoformat(), "years": years, "records": records,
                               "fields": fields})


def gallring_log(db: sqlite_utils.Database) -> list[tuple[str, int, int, str]]:
    return db.conn.execute("SELECT done_on, years, records, fields FROM gallring_log ORDER BY id DESC").fetchall()
