"""Meetings changed as undoable steps: edited, planned, removed. (Recording a decision is not undone here: it
enters the ansökan's history.)"""
from __future__ import annotations

import copy
from datetime import date
from typing import TYPE_CHECKING

from ..domain.meetings import Meeting
from . import meetings
from .changes import Apply, Change

if TYPE_CHECKING:
    import sqlite_utils


def _save(m: Meeting) -> Apply:
    return lambda db: meetings.save(db, copy.deepcopy(m))


def _remove(meeting_id: int) -> Apply:
    return lambda db: meetings.delete(db, meeting_id)


def edit(db: sqlite_utils.Database, m: Meeting) -> Change:
    """Save a saved meeting as edited (checked first: ValidationError changes nothing)."""
    assert m.id is not None, "a new meeting is made with plan()"
    before = meetings.load(db, m.id)
    meetings.save(db, m)
    return Change("Ändra mötet", _save(copy.deepcopy(m)), _save(before))


def plan(db: sqlite_utils.Database, kind: str, when: date, time: str = "", place: str = "") -> tuple[Meeting, Change]:
    """A new meeting with its agenda proposed from what is waiting for that body; returns it and the change."""
    m = meetings.save(db, meetings.new_meeting(db, kind, when, time, place))
    assert m.id is not None
    return m, Change("Nytt möte", _save(copy.deepcopy(m)), _remove(m.id))


def delete(db: sqlite_utils.Database, meeting_id: int) -> Change:
    """Remove a meeting without recorded outcomes (ServiceError otherwise)."""
    removed = meetings.delete(db, meeting_id)
    return Change("Ta bort möte", _remove(meeting_id), _save(removed))
