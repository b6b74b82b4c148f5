"""Use cases for deltagare: the passphrase, the register's settings and categories, records, the list and
its filter, counts per period. Files (import, export, statistics, registerutdrag) and gallring are in
participant_files.py.

The unlocked key (store.crypto.FieldKey) is held by the caller (the window or the CLI) and passed in;
without it every use case still works on the pseudonymous data and leaves the identifiers untouched.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..domain import participants as rules
from ..domain.dates import add_months
from ..domain.identifiers import IdentifierError, parse_personnummer
from ..domain.insatser import TERTIALS
from ..domain.participants import Category, CountPeriod, Participant
from ..domain.text import fold
from ..store import budget as settings_store
from ..store import crypto
from ..store import participants as store
from ..store.participants import Row
from .errors import ServiceError, ValidationError

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


def unlock(db: sqlite_utils.Database, passphrase: str) -> FieldKey:
    record = store.key_record(db)
    if record is None:
        raise ServiceError("Filen har ingen lösenfras ännu.")
    try:
        return crypto.unlock(record, passphrase)
    except crypto.WrongPassphrase:
        raise ValidationError("Fel lösenfras.", {"passphrase": "Fel lösenfras."}) from None


def change_passphrase(db: sqlite_utils.Database, old: str, new: str, repeated: str) -> None:
    record = store.key_record(db)
    if record is None:
        raise ServiceError("Filen har ingen lösenfras ännu.")
    problem = rules.passphrase_problem(new, repeated)
    if problem:
        raise ValidationError(problem, {"new": problem})
    try:
        record = crypto.rewrap(record, old, new)
    except crypto.WrongPassphrase:
        raise ValidationError("Den nuvarande lösenfrasen är fel.", {"old": "Fel lösenfras."}) from None
    with db.atomic():
        store.save_key_record(db, record)


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
    return {c.id: c.label for c in store.categories(db)}


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
def _damaged() -> ServiceError:
    return ServiceError("En uppgift i registret kan inte dekrypteras med lösenfrasen (filen har ändrats "
                        "utanför programmet?). Övriga uppgifter finns kvar.")


def load(db: sqlite_utils.Database, participant_id: int, key: FieldKey | None = None) -> Participant:
    if not store.exists(db, participant_id):
        raise ServiceError("Deltagaren finns inte längre.")
    try:
        return store.load_participant(db, participant_id, key)
    except crypto.DamagedValue:
        raise _damaged() from None


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


def delete(db: sqlite_utils.Database, ids: list[int]) -> list[dict]:
    """Remove records; returns them as stored (identifiers still encrypted) for restore()."""
    rows = store.raw_rows(db, ids)
    with db.atomic():
        store.delete_participants(db, ids)
    return rows


def restore(db: sqlite_utils.Database, rows: list[dict]) -> None:
    """Put back records as snapshot() or delete() returned them (undo and redo), identifiers and all; a record
    that is there now is replaced. Works locked or not: nothing is decrypted."""
    with db.atomic():
        store.delete_participants(db, [r["id"] for r in rows])
        store.insert_raw(db, rows)


def snapshot(db: sqlite_utils.Database, ids: list[int]) -> list[dict]:
    """The records as stored (identifiers still encrypted), for restore()."""
    return store.raw_rows(db, ids)


# ---------------------------------------------------------------- the list
@dataclass(frozen=True)
class RowFilter:
    text: str = ""
    insats_id: int | None = None
    gender: str = ""
    state: str = ""  # "" | "pagaende" | "avslutad" | "gallrad"
    year: int | None = None


class Register:
    """Every record's list line (store.participants.Row), loaded once; filtering is a pass over a list.

    Typing narrows: when the text only grows and nothing else changed, the last result is filtered again
    instead of all rows. Measured on 100 000 rows in bench_participants.py.
    """

    def __init__(self, db: sqlite_utils.Database):
        self.insats_names = store.insats_names(db)
        self.category_labels = category_labels(db)
        self.rows: list[tuple] = store.register_rows(db)
        self._folded_insatser = {i: fold(n) for i, n in self.insats_names.items()}
        self._names: dict[int, str] | None = None
        self._last: tuple | None = None  # (rows it was given, filter, person ids, result)
        self._code_letters, self._codes_upper = _letters(self.rows)  # characters of the codes; no lower case?
        self._name_letters: set[str] = set()

    def __len__(self) -> int:
        return len(self.rows)

    def update(self, db: sqlite_utils.Database, ids: list[int], key: FieldKey | None = None
               ) -> tuple[dict[int, tuple], set[int]]:
        """Read these records again after a change: (changed or new rows by id, ids no longer there)."""
        found = {r[Row.ID]: r for r in store.register_rows(db, ids=ids)} if ids else {}
        removed = set(ids) - set(found)
        known = {r[Row.ID] for r in self.rows}
        self.rows = [found.get(r[Row.ID], r) for r in self.rows if r[Row.ID] not in removed]
        self.rows[:0] = [r for i, r in found.items() if i not in known]
        if self._names is not None and key is not None:
            for i in found:
                self._names[i] = fold(store.load_participant(db, i, key).name)
                self._name_letters |= set(self._names[i])
        self._last = None
        self._code_letters, self._codes_upper = _letters(self.rows)
        return found, removed

    def load_names(self, db: sqlite_utils.Database, key: FieldKey) -> None:
        """Decrypt the names once so that typing a name finds them (kept until forget_names)."""
        try:
            self._names = {i: fold(key.decrypt("name_enc", blob)) for i, blob in store.encrypted_names(db)}
        except crypto.DamagedValue:
            raise _damaged() from None
        self._name_letters = set("".join(self._names.values()))
        self._last = None

    def forget_names(self) -> None:
        self._names = None
        self._last = None

    @property
    def names_loaded(self) -> bool:
        return self._names is not None

    def filter(self, rows: list[tuple], f: RowFilter, person_ids: set[int] | None = None) -> list[tuple]:
        """`rows` (e.g. the list in its sort order) narrowed by the filter. `person_ids`: the records of a
        personnummer typed in full (see ids_for_personnummer); they match whatever else the text says."""
        needle = fold(f.text).strip()
        last = self._last
        if (last is not None and last[0] is rows and not person_ids and not last[2] and needle
                and needle.startswith(fold(last[1].text).strip()) and f == RowFilter(f.text, *_others(last[1]))):
            out = last[3]  # the text grew: only what matched before can match now
        else:
            out = self._by_fields(rows, f)
        if needle:
            out = self._by_text(out, needle, person_ids or set())
        self._last = (rows, f, person_ids, out)
        return out

    @staticmethod
    def _by_fields(rows: list[tuple], f: RowFilter) -> list[tuple]:
        out = rows
        if f.insats_id is not None:
            out = [r for r in out if r[Row.INSATS] == f.insats_id]
        if f.gender:
            man = Row.MAN if f.gender == "man" else 0
            out = [r for r in out if r[Row.FLAGS] & Row.MAN == man]
        if f.state == "pagaende":
            out = [r for r in out if r[Row.END] is None]
        elif f.state == "avslutad":
            out = [r for r in out if r[Row.END] is not None]
        elif f.state == "gallrad":
            out = [r for r in out if r[Row.FLAGS] & Row.GALLRAD]
        if f.year:
            first, last = f"{f.year}-01-01", f"{f.year}-12-31"
            out = [r for r in out if r[Row.START] <= last and (r[Row.END] is None or r[Row.END] >= first)]
        return out if out is not rows else list(rows)

    def _by_text(self, rows: list[tuple], needle: str, person_ids: set[int]) -> list[tuple]:
        """Cheap tests first: the insats (a small set of ids), then the code, then a decrypted name. The code
        is not looked at when the text has a letter no code has (typing a name or an insats)."""
        insatser = {i for i, name in self._folded_insatser.items() if needle in name}
        codes = set(needle) <= self._code_letters
        names, code, insats, ident = self._names, Row.CODE, Row.INSATS, Row.ID
        if names is not None and not set(needle) <= self._name_letters:
            names = None  # e.g. digits: no name has them
        if names is None and not person_ids:  # the usual case, written out: this loop is the keystroke's cost
            if not codes:
                return [r for r in rows if r[insats] in insatser]
            if self._codes_upper:  # codes like D00012: compare with the text in upper case, no casefold a row
                upper = needle.upper()
                return [r for r in rows if r[insats] in insatser or upper in r[code]]
            return [r for r in rows if r[insats] in insatser or needle in r[code].casefold()]
        names = names or {}
        return [r for r in rows if r[insats] in insatser or (codes and needle in r[code].casefold())
                or r[ident] in person_ids or needle in names.get(r[ident], "")]


def _letters(rows: list[tuple]) -> tuple[set[str], bool]:
    """The characters of all codes (casefolded), and whether no code has a lower-case letter."""
    joined = "".join([r[Row.CODE] for r in rows])
    return set(joined.casefold()), joined == joined.upper()


def _others(f: RowFilter) -> tuple:
    return f.insats_id, f.gender, f.state, f.year


def ids_for_personnummer(db: sqlite_utils.Database, key: FieldKey | None, text: str) -> set[int] | None:
    """The records of a personnummer typed in full (through its keyed digest), or None if the text is none."""
    if key is None or sum(ch.isdigit() for ch in text) < 10:
        return None
    try:
        pnr = parse_personnummer(text)
    except IdentifierError:
        return None
    return set(store.ids_with_digest(db, key.digest(pnr.digits)))


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
