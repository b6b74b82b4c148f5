"""Use cases for deltagare: the passphrase, the register's settings and categories, records, the list and
its filter, counts per period. Files (import, export, statistics, registerutdrag) and gallring are in
participant_files.py.

The unlocked key (store.crypto.FieldKey) is held by the caller (the window or the CLI) and passed in;
without it every use case still works on the pseudonymous data and leaves the identifiers untouched.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ..domain import participants as rules
from ..domain.dates import add_months
from ..domain.insatser import TERTIALS
from ..domain.participants import Category, CountPeriod, Participant
from ..domain.text import fold
from ..store import budget as settings_store
from ..store import crypto
from ..store import participants as store
from ..store.participants import Row  # noqa: F401 (the register row layout, for the window and the CLI)
from . import passphrase_tries as tries
from .errors import ServiceError, ValidationError
from .participant_register import (  # noqa: F401 (the list and its error, for callers)
    Register,
    RowFilter,
    damaged_error,
    ids_for_personnummer,
)

if TYPE_CHECKING:
    import sqlite_utils

    from ..store.crypto import FieldKey

LOCK_MINUTES_KEY, GALLRING_YEARS_KEY = "participants_lock_minutes", "participants_gallring_years"


# ---------------------------------------------------------------- the passphrase
def is_protected(db: sqlite_utils.Database) -> bool:
    """True once a passphrase has been chosen for the file."""
    return store.key_record(db) is not None


def create_passphrase(db: sqlite_utils.Database, passphrase: str, repeated: str) -> FieldKey:
    if is_protected(db):
        raise ServiceError("Filen har redan en lösenfras; byt den i stället.")
    problem = rules.passphrase_problem(passphrase, repeated)
    if problem:
        raise ValidationError(problem, {"passphrase": problem})
    record, key = crypto.new_keys(passphrase)
    with db.atomic():
        store.save_key_record(db, record)
    return key


def _file_id(db: sqlite_utils.Database) -> str:
    from .files import file_path

    return str(file_path(db) or "minne")


def _unlocked(db: sqlite_utils.Database, record: crypto.KeyRecord, passphrase: str, field: str) -> FieldKey:
    """The keys behind the passphrase, with the growing wait after wrong ones (passphrase_tries)."""
    file_id = _file_id(db)
    wait = tries.wait_left(file_id)
    if wait > 0:
        raise ValidationError(tries.message(wait), {field: "Vänta."})
    try:
        key = crypto.unlock(record, passphrase)
    except crypto.WrongPassphrase:
        wait = tries.failed(file_id)
        text = "Fel lösenfras." if field == "passphrase" else "Den nuvarande lösenfrasen är fel."
        raise ValidationError(text + (f" Vänta {math.ceil(wait)} sekunder innan nästa försök." if wait else ""),
                              {field: "Fel lösenfras."}) from None
    tries.succeeded(file_id)
    return key


def unlock(db: sqlite_utils.Database, passphrase: str) -> FieldKey:
    record = store.key_record(db)
    if record is None:
        raise ServiceError("Filen har ingen lösenfras ännu.")
    return _unlocked(db, record, passphrase, "passphrase")


def change_passphrase(db: sqlite_utils.Database, old: str, new: str, repeated: str, *,
                      new_key: bool = False) -> FieldKey | None:
    """The passphrase changed. By default the same data key is locked with the new passphrase (quick; the records
    are not touched). With `new_key`, a new data key is made and every personnummer, name and note encrypted again
    with it, in one transaction, with the old content overwritten in the file: the new key is returned (the one held
    until now no longer reads anything). Backups made before keep the old key and passphrase."""
    record = store.key_record(db)
    if record is None:
        raise ServiceError("Filen har ingen lösenfras ännu.")
    problem = rules.passphrase_problem(new, repeated)
    if problem:
        raise ValidationError(problem, {"new": problem})
    old_key = _unlocked(db, record, old, "old")
    if not new_key:
        with db.atomic():
            store.save_key_record(db, crypto.rewrap(record, old, new))
        return None
    new_record, key = crypto.new_keys(new, n=max(record.n, crypto.SCRYPT_N))
    try:
        with store.overwriting_freed_pages(db), db.atomic():
            store.reencrypt(db, old_key, key)
            store.save_key_record(db, new_record)
    except crypto.DamagedValue:
        raise ServiceError("En deltagares uppgifter går inte att dekryptera, så nyckeln byttes inte; ingenting har "
                           "ändrats. Byt bara lösenfrasen, eller rätta posten först.") from None
    return key


# ---------------------------------------------------------------- settings
@dataclass(frozen=True)
class RegisterSettings:
    lock_minutes: int = rules.DEFAULT_LOCK_MINUTES
    gallring_years: int = rules.DEFAULT_GALLRING_YEARS


def register_settings(db: sqlite_utils.Database) -> RegisterSettings:
    return RegisterSettings(
        int(settings_store.get_setting(db, LOCK_MINUTES_KEY, str(rules.DEFAULT_LOCK_MINUTES))),
        int(settings_store.get_setting(db, GALLRING_YEARS_KEY, str(rules.DEFAULT_GALLRING_YEARS))))


def save_register_settings(db: sqlite_utils.Database, s: RegisterSettings) -> None:
    errors = {}
    if not 1 <= s.lock_minutes <= 240:
        errors["lock_minutes"] = "Mellan 1 och 240 minuter."
    if not 0 <= s.gallring_years <= 50:
        errors["gallring_years"] = "Mellan 0 och 50 år."
    if errors:
        raise ValidationError("Inställningarna sparades inte: " + " ".join(errors.values()), errors)
    with db.atomic():
        settings_store.set_setting(db, LOCK_MINUTES_KEY, str(s.lock_minutes))
        settings_store.set_setting(db, GALLRING_YEARS_KEY, str(s.gallring_years))


# ---------------------------------------------------------------- categories
def categories(db: sqlite_utils.Database, kind: str | None = None) -> list[Category]:
    return store.categories(db, kind)


def category_labels(db: sqlite_utils.Database) -> dict[int, str]:
    return {c.id: c.label for c in store.categories(db) if c.id is not None}


def save_category(db: sqlite_utils.Database, c: Category) -> Category:
    c.label = " ".join(c.label.split())
    if not c.label:
        raise ValidationError("Kategorin behöver ett namn.", {"label": "Namn behövs."})
    taken = [o for o in store.categories(db, c.kind) if fold(o.label) == fold(c.label) and o.id != c.id]
    if taken:
        raise ValidationError(f"”{c.label}” finns redan.", {"label": "Finns redan."})
    if c.id is None:
        c.position = max((o.position for o in store.categories(db, c.kind)), default=-1) + 1
    with db.atomic():
        store.save_category(db, c)
    return c


def reorder_categories(db: sqlite_utils.Database, kind: str, ids: list[int]) -> None:
    """The kind's categories in this order (one transaction)."""
    by_id = {c.id: c for c in store.categories(db, kind)}
    with db.atomic():
        for position, category_id in enumerate(ids):
            category = by_id[category_id]
            category.position = position
            store.save_category(db, category)


def delete_category(db: sqlite_utils.Database, category_id: int) -> None:
    used = store.category_use(db, category_id)
    if used:
        raise ServiceError(f"Kategorin används av {used} deltagare och kan inte tas bort; gör den inaktiv i stället.")
    with db.atomic():
        store.delete_category(db, category_id)


# ---------------------------------------------------------------- insatser and their level
@dataclass(frozen=True)
class InsatsChoice:
    id: int
    name: str
    mode: str
    period_start: date | None
    period_end: date | None


def insatser(db: sqlite_utils.Database) -> list[InsatsChoice]:
    """The insatser that can have deltagare (not archived), by name."""
    from ..domain.text import sort_key

    return sorted((InsatsChoice(*row) for row in store.open_insatser(db)), key=lambda c: sort_key(c.name))


def set_mode(db: sqlite_utils.Database, insats_id: int, mode: str) -> None:
    if mode not in rules.MODES:
        raise ServiceError(f"Okänd redovisning ”{mode}”.")
    count = store.record_count(db, insats_id)
    if mode == "antal" and count:
        raise ServiceError(f"Insatsen har {count} deltagare i registret; den kan inte redovisa bara antal.")
    with db.atomic():
        store.set_mode(db, insats_id, mode)


def mode_of(db: sqlite_utils.Database, insats_id: int) -> str:
    return store.modes(db).get(insats_id, "antal")


# ---------------------------------------------------------------- records
def load(db: sqlite_utils.Database, participant_id: int, key: FieldKey | None = None) -> Participant:
    if not store.exists(db, participant_id):
        raise ServiceError("Deltagaren finns inte längre.")
    try:
        return store.load_participant(db, participant_id, key)
    except crypto.DamagedValue:
        raise damaged_error() from None


def _check(db: sqlite_utils.Database, p: Participant, key: FieldKey | None, today: date) -> None:
    errors = rules.validate_participant(p, today)
    if mode_of(db, p.insats_id) != "individ":
        errors["insats_id"] = "Insatsen redovisar bara antal; välj register över enskilda deltagare för den först."
    if not p.locked and key is None and p.holds_identifiers:
        errors["personnummer"] = "Registret är låst: lås upp det för att spara personnummer, namn eller anteckning."
    if p.code and "code" not in errors and store.code_taken(db, p.insats_id, p.code, p.id):
        errors["code"] = "Deltagar-id finns redan i insatsen."
    if key is not None and p.personnummer and "personnummer" not in errors:
        for other_id in store.ids_with_digest(db, key.digest(p.personnummer)):
            other = store.load_participant(db, other_id, None)
            if other_id != p.id and other.insats_id == p.insats_id and rules.overlaps(p, other):
                errors["personnummer"] = f"Personen finns redan i insatsen samtidigt ({other.code})."
    if errors:
        raise ValidationError("Deltagaren sparades inte: " + " ".join(dict.fromkeys(errors.values())), errors)


def save(db: sqlite_utils.Database, p: Participant, key: FieldKey | None, today: date | None = None) -> Participant:
    """Check and save in one transaction; a locked record keeps its stored identifiers."""
    _check(db, p, key, today or date.today())
    with db.atomic():
        store.save_participant(db, p, key)
    return p


def delete(db: sqlite_utils.Database, ids: list[int]) -> list[dict[str, Any]]:
    """Remove records; returns them as stored (identifiers still encrypted) for restore()."""
    rows = store.raw_rows(db, ids)
    with db.atomic():
        store.delete_participants(db, ids)
    return rows


def restore(db: sqlite_utils.Database, rows: list[dict[str, Any]]) -> None:
    """Put back records as snapshot() or delete() returned them (undo and redo), identifiers and all; a record
    that is there now is replaced. Works locked or not: nothing is decrypted."""
    with db.atomic():
        store.delete_participants(db, [r["id"] for r in rows])
        store.insert_raw(db, rows)


def snapshot(db: sqlite_utils.Database, ids: list[int]) -> list[dict[str, Any]]:
    """The records as stored (identifiers still encrypted), for restore()."""
    return store.raw_rows(db, ids)


def years(db: sqlite_utils.Database) -> list[int]:
    return store.participant_years(db)


# ---------------------------------------------------------------- counts per period
def count_periods(db: sqlite_utils.Database, insats_id: int) -> list[CountPeriod]:
    return store.count_periods(db, insats_id)


def count_periods_all(db: sqlite_utils.Database) -> list[CountPeriod]:
    return store.count_periods(db)


def count_warnings(db: sqlite_utils.Database, insats_id: int) -> list[str]:
    return rules.count_warnings(store.count_periods(db, insats_id))


def next_count_period(db: sqlite_utils.Database, insats: InsatsChoice, today: date | None = None) -> tuple[date, date]:
    """The tertial after the last counted one; the first: the tertial of the insats's start (or today)."""
    periods = store.count_periods(db, insats.id)
    day = (periods[-1].end + (date.resolution)) if periods else (insats.period_start or today or date.today())
    first, last = next((a, b) for a, b in TERTIALS if a <= day.month <= b)
    return date(day.year, first, 1), add_months(date(day.year, last, 1), 1) - date.resolution


def save_count_period(db: sqlite_utils.Database, c: CountPeriod) -> list[str]:
    """Save one period; returns warnings where it does not follow from the period before."""
    errors = rules.validate_count_period(c)
    if mode_of(db, c.insats_id) != "antal" and not errors:
        errors["insats_id"] = "Insatsen har ett register över enskilda deltagare; där räknas antalen ur registret."
    clash = [o for o in store.count_periods(db, c.insats_id) if o.id != c.id and o.start <= c.end and c.start <= o.end]
    if clash and not errors:
        errors["start"] = f"Perioden överlappar {clash[0].start.isoformat()}–{clash[0].end.isoformat()}."
    if errors:
        raise ValidationError("Perioden sparades inte: " + " ".join(errors.values()), errors)
    with db.atomic():
        store.save_count_period(db, c)
    return rules.count_warnings(store.count_periods(db, c.insats_id))


def delete_count_period(db: sqlite_utils.Database, period_id: int) -> CountPeriod:
    period = store.get_count_period(db, period_id)
    with db.atomic():
        store.delete_count_period(db, period_id)
    return period


def restore_count_period(db: sqlite_utils.Database, period: CountPeriod) -> None:
    with db.atomic():
        store.save_count_period(db, period)
