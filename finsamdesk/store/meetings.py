"""Queries for möten: the meeting with its attendees and agenda (granted amounts and jäv per item)."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..domain.meetings import AgendaItem, Attendee, Meeting
from .convert import date_or_none as _d
from .convert import iso_or_none as _iso
from .convert import now_iso as _now
from .database import rows
from .ids import new_id
from .meeting_list import MeetingRow as MeetingRow  # the list, as ever named here
from .meeting_list import list_rows as list_rows

if TYPE_CHECKING:
    import sqlite_utils


def exists(db: sqlite_utils.Database, meeting_id: int) -> bool:
    return bool(db["meeting"].count_where("id = ?", [meeting_id]))


def load_meeting(db: sqlite_utils.Database, meeting_id: int) -> Meeting:
    r = db["meeting"].get(meeting_id)
    attendees = [Attendee(n, o, role, bool(p), c) for n, o, role, p, c in db.conn.execute(
        "SELECT name, organisation, role, present, contact_id FROM meeting_attendee WHERE meeting_id = ? "
        "ORDER BY position", [meeting_id])]
    items = []
    for row in rows(db, "SELECT * FROM agenda_item WHERE meeting_id = ? ORDER BY position", [meeting_id]):
        granted = dict(db.conn.execute("SELECT year, amount_ore FROM agenda_granted WHERE item_id = ? ORDER BY year",
                                  [row["id"]]).fetchall())
        jav = [n for (n,) in db.conn.execute("SELECT name FROM agenda_jav WHERE item_id = ? ORDER BY position",
                                        [row["id"]])]
        items.append(AgendaItem(row["kind"], row["title"], row["text"], row["application_id"], row["report_id"],
                                row["insats_id"], row["outcome"], row["outcome_text"], granted, jav,
                                _d(row["recorded_on"]), row["id"]))
    return Meeting(r["kind"], date.fromisoformat(r["date"]), r["time"], r["place"], r["chair"], r["secretary"],
                   r["adjusters"], r["first_paragraph"], r["note"], attendees, items, r["id"])


def _delete_children(db: sqlite_utils.Database, meeting_id: int, keep_items: set[int] = frozenset()) -> None:
    db.execute("DELETE FROM meeting_attendee WHERE meeting_id = ?", [meeting_id])
    item_ids = [i for (i,) in db.conn.execute("SELECT id FROM agenda_item WHERE meeting_id = ?", [meeting_id])]
    for item_id in item_ids:
        db.execute("DELETE FROM agenda_granted WHERE item_id = ?", [item_id])
        db.execute("DELETE FROM agenda_jav WHERE item_id = ?", [item_id])
        if item_id not in keep_items:
            db.execute("DELETE FROM agenda_item WHERE id = ?", [item_id])


def save_meeting(db: sqlite_utils.Database, m: Meeting) -> int:
    """Insert or replace the meeting and everything in it; agenda items keep their ids."""
    row = {"kind": m.kind, "date": m.date.isoformat(), "time": m.time, "place": m.place, "chair": m.chair,
           "secretary": m.secretary, "adjusters": m.adjusters, "first_paragraph": m.first_paragraph, "note": m.note,
           "updated_at": _now()}
    if m.id is None:
        m.id = db["meeting"].insert({"id": new_id(), **row, "created_at": row["updated_at"]}).last_pk
    elif exists(db, m.id):
        db["meeting"].update(m.id, row)
    else:  # put back after a delete (undo)
        db["meeting"].insert({**row, "id": m.id, "created_at": row["updated_at"]})
    _delete_children(db, m.id, {i.id for i in m.items if i.id is not None})
    db["meeting_attendee"].insert_all(
        [{"meeting_id": m.id, "position": n, "name": a.name, "organisation": a.organisation, "role": a.role,
          "present": int(a.present), "contact_id": a.contact_id} for n, a in enumerate(m.attendees)])
    for position, item in enumerate(m.items):
        values = {"meeting_id": m.id, "position": position, "kind": item.kind, "title": item.title,
                  "text": item.text, "application_id": item.application_id, "report_id": item.report_id,
                  "insats_id": item.insats_id, "outcome": item.outcome, "outcome_text": item.outcome_text,
                  "recorded_on": _iso(item.recorded_on)}
        if item.id is not None and db["agenda_item"].count_where("id = ?", [item.id]):
            db["agenda_item"].update(item.id, values)
        else:
            item.id = db["agenda_item"].insert({**values, "id": item.id if item.id is not None else new_id()}).last_pk
        db["agenda_granted"].insert_all([{"item_id": item.id, "year": y, "amount_ore": a}
                                         for y, a in sorted(item.granted.items()) if a is not None])
        db["agenda_jav"].insert_all([{"item_id": item.id, "position": n, "name": name}
                                     for n, name in enumerate(item.jav)])
    return m.id


def delete_meeting(db: sqlite_utils.Database, meeting_id: int) -> None:
    _delete_children(db, meeting_id)
    db.execute("DELETE FROM meeting WHERE id = ?", [meeting_id])


def all_meetings(db: sqlite_utils.Database) -> list[Meeting]:
    return [load_meeting(db, i) for (i,) in db.conn.execute("SELECT id FROM meeting ORDER BY date, id")]


def latest(db: sqlite_utils.Database, kind: str, before: date | None = None) -> Meeting | None:
    where, params = "kind = ?", [kind]
    if before is not None:
        where += " AND date <= ?"
        params.append(before.isoformat())
    row = db.conn.execute(f"SELECT id FROM meeting WHERE {where} ORDER BY date DESC, id DESC LIMIT 1",
                          params).fetchone()
    return load_meeting(db, row[0]) if row else None


def items_of_application(db: sqlite_utils.Database, application_id: int) -> list[tuple[str, date, AgendaItem]]:
    """(meeting kind, meeting date, item) for every agenda item about the ansökan, oldest first."""
    out = []
    for meeting_id, item_id in db.conn.execute(
            "SELECT i.meeting_id, i.id FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id "
            "WHERE i.application_id = ? ORDER BY m.date, i.id", [application_id]):
        m = load_meeting(db, meeting_id)
        out.append((m.kind, m.date, next(i for i in m.items if i.id == item_id)))
    return out


def application_ids_on_agendas(db: sqlite_utils.Database, kind: str, unrecorded_only: bool = True) -> set[int]:
    sql = ("SELECT i.application_id FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id "
           "WHERE m.kind = ? AND i.application_id IS NOT NULL")
    if unrecorded_only:
        sql += " AND i.recorded_on IS NULL"
    return {r[0] for r in db.conn.execute(sql, [kind])}
