"""The participants' register changed as undoable steps: how an insats counts, a participant saved, removed
or imported, a count period saved or removed. Records are put back as stored (identifiers still encrypted),
so undo and redo work whether the register is locked or not."""
from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from ..domain.participants import CountPeriod, Participant
from ..store import participants as store
from . import participants
from .changes import Apply, Change

if TYPE_CHECKING:
    import sqlite_utils

    from ..store.crypto import FieldKey


def set_mode(db: sqlite_utils.Database, insats_id: int, mode: str) -> Change:
    """How the insats counts its participants (ServiceError when it cannot change)."""
    before = participants.mode_of(db, insats_id)
    participants.set_mode(db, insats_id, mode)
    return Change("Ändra redovisning", lambda db: participants.set_mode(db, insats_id, mode),
                  lambda db: participants.set_mode(db, insats_id, before))


def _put_back(rows: list[dict[str, object]]) -> Apply:
    return lambda db: participants.restore(db, copy.deepcopy(rows))


def _remove(ids: list[int]) -> Apply:
    return lambda db: participants.delete(db, list(ids))


def save(db: sqlite_utils.Database, p: Participant, key: FieldKey | None) -> Change:
    """Save a new or edited participant (checked first: ValidationError changes nothing)."""
    before = participants.snapshot(db, [p.id]) if p.id is not None else []
    participants.save(db, p, key)
    assert p.id is not None
    after = participants.snapshot(db, [p.id])
    if not before:
        return Change("Ny deltagare", _put_back(after), _remove([p.id]))
    return Change("Ändra deltagare", _put_back(after), _put_back(before))


def delete(db: sqlite_utils.Database, participant_id: int) -> Change:
    rows = participants.delete(db, [participant_id])
    return Change("Ta bort deltagare", _remove([participant_id]), _put_back(rows))


def imported(db: sqlite_utils.Database, ids: list[int]) -> Change:
    """The participants an import has just saved, as a change (the import runs on its own connection)."""
    stored = participants.snapshot(db, ids)
    return Change(f"Importera {len(ids)} deltagare", _put_back(stored), _remove(list(ids)))


def _put_back_period(period: CountPeriod) -> Apply:
    return lambda db: participants.restore_count_period(db, copy.deepcopy(period))


def _remove_period(period_id: int) -> Apply:
    return lambda db: participants.delete_count_period(db, period_id)


def save_count_period(db: sqlite_utils.Database, c: CountPeriod) -> Change:
    """Save a new or edited count period (checked first: ValidationError changes nothing)."""
    before = store.get_count_period(db, c.id) if c.id is not None else None
    participants.save_count_period(db, c)
    assert c.id is not None
    after = copy.deepcopy(c)
    if before is None:
        return Change("Ny period", _put_back_period(after), _remove_period(c.id))
    return Change("Ändra period", _put_back_period(after), _put_back_period(before))


def delete_count_period(db: sqlite_utils.Database, period_id: int) -> Change:
    removed = participants.delete_count_period(db, period_id)
    return Change("Ta bort period", _remove_period(period_id), _put_back_period(removed))
