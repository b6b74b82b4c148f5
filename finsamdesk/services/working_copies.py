"""Arbetskopior (issue 17): take a working copy of the file for another laptop, and merge it back.

The main file stays the one source of truth. A copy is a finsamdesk file like any other (every page works on it);
it knows which file it came from, and the main file keeps the copy's base. Merging is two steps: `preview` (what
would come in, the conflicts, the numbers that get real numbers) and `merge` with a choice for every conflict,
which writes everything in one transaction and returns a report. The copy file itself is only read.
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain import sync as rules
from ..domain.sync import CopyInfo, MergePreview, MergeReport, TableCount
from ..store import errors as store_errors
from ..store import identity as identity_store
from ..store import working_copy as store
from ..store.version import SCHEMA_VERSION
from .errors import ServiceError, ValidationError

if TYPE_CHECKING:
    import sqlite_utils

    from ..store.merge import Plan

Progress = Callable[[int, int], None]
SUFFIX = ".sqlite"


def _info(db: sqlite_utils.Database, row: dict[str, object]) -> CopyInfo:
    scope = json.loads(str(row["scope"])) if row["scope"] else []
    return CopyInfo(str(row["copy_id"]), str(row["label"]), str(row["made_at"]),
                    tuple(store.insats_names(db, scope)), bool(row["with_register"]),
                    str(row["merged_at"]) if row.get("merged_at") else None, int(str(row.get("merges") or 0)))


def copies(db: sqlite_utils.Database) -> list[CopyInfo]:
    """The working copies out of this file, oldest first."""
    return [_info(db, row) for row in store.copies(db)]


def this_copy(db: sqlite_utils.Database) -> CopyInfo | None:
    """What this file is a working copy of, or None for a main file."""
    found = identity_store.identity(db)
    if found.get("role") != identity_store.COPY_ROLE:
        return None
    return _info(db, {**found, "merged_at": None, "merges": 0})


def take_copy(db: sqlite_utils.Database, target: str | Path, *, insats_ids: list[int] | None = None,
              with_register: bool = True, label: str = "") -> CopyInfo:
    """A working copy at `target`: the whole file or the chosen insatser, with or without the participant register.
    The main file lists it; several can be out at once."""
    target = Path(target)
    if identity_store.is_working_copy(db):
        raise ValidationError("Det här är själv en arbetskopia. Ta arbetskopior från huvudfilen.", {})
    if target.suffix.lower() != SUFFIX:
        raise ValidationError(f"En arbetskopia sparas som en {SUFFIX}-fil.", {"target": f"Filnamnet ska sluta på "
                                                                                      f"{SUFFIX}."})
    if not target.parent.is_dir():
        raise ValidationError(f"Mappen {target.parent} finns inte.", {"target": "Mappen finns inte."})
    from .files import file_path

    if target.exists() and target.resolve() == file_path(db):
        raise ValidationError("Arbetskopian kan inte sparas över den öppna filen; välj ett annat namn.", {})
    if insats_ids is not None and not insats_ids:
        raise ValidationError("Välj minst en insats, eller hela filen.", {"insatser": "Välj minst en insats."})
    try:
        copy_id = store.take_copy(db, target, insats_ids=insats_ids, with_register=with_register,
                                  label=label.strip() or target.stem)
    except (OSError, sqlite3.Error) as exc:
        raise ServiceError(f"Arbetskopian kunde inte sparas: {_reason(exc)}. Huvudfilen är som förut.") from exc
    return next(c for c in copies(db) if c.copy_id == copy_id)


def _reason(exc: BaseException) -> str:
    from .errors import describe_os_error

    if isinstance(exc, OSError):
        return describe_os_error(exc)
    return store_errors.describe(exc) or "ett oväntat fel i SQLite"


def forget(db: sqlite_utils.Database, copy_id: str) -> None:
    """Stop listing a copy (lost, or no longer used): it can then not be merged."""
    with db.atomic():
        store.forget(db, copy_id)


@dataclass
class _Pending:
    plan: Plan
    copy_id: str
    copy_image: bytes


def preview(db: sqlite_utils.Database, copy_path: str | Path, progress: Progress | None = None) -> MergePreview:
    """What merging the copy at `copy_path` would do. Nothing is written; `merge` does it, `discard` forgets it."""
    from ..store import merge as merging

    step = progress or (lambda done, total: None)
    copy_path = Path(copy_path)
    if identity_store.is_working_copy(db):
        raise ValidationError("Öppna huvudfilen och slå ihop arbetskopian där.", {})
    if not copy_path.is_file():
        raise ValidationError(f"Filen {copy_path.name} finns inte.", {"copy": "Filen finns inte."})
    step(0, 4)
    copy_image, found, version = _read(copy_path)
    main = identity_store.identity(db)
    if found.get("role") != identity_store.COPY_ROLE:
        raise ValidationError(f"{copy_path.name} är ingen arbetskopia.", {})
    if found.get("origin_file_id") != main.get("file_id"):
        raise ValidationError(f"{copy_path.name} är en arbetskopia av en annan fil än den som är öppen.", {})
    if version > SCHEMA_VERSION:
        raise ValidationError(f"{copy_path.name} har sparats av en nyare version av finsamdesk; uppdatera "
                              "programmet först.", {})
    copy_id = str(found["copy_id"])
    base = store.base_image(db, copy_id)
    if base is None:
        raise ValidationError(f"{copy_path.name} finns inte bland huvudfilens utlämnade arbetskopior (den har "
                              "glömts, eller så har huvudfilen återställts från en äldre säkerhetskopia). Ingenting "
                              "har ändrats.", {})
    if store.image_version(base) < SCHEMA_VERSION:
        base = store.at_this_version(base)
    step(1, 4)
    main_image = store.image_of(db)
    step(2, 4)
    plan = merging.plan(main_image, base, copy_image)
    if plan.other_key:
        plan.close()
        raise ValidationError("Lösenfrasen för deltagarregistret har bytts i huvudfilen eller i arbetskopian sedan "
                              "kopian togs, så deltagarnas personuppgifter i kopian kan inte tas in säkert. Ingenting "
                              "har ändrats. Byt tillbaka lösenfrasen, eller för över deltagarna med Excel-export och "
                              "import.", {})
    step(4, 4)
    info = next((c for c in copies(db) if c.copy_id == copy_id), None) or _info(db, found)
    counted: Counter[tuple[str, str]] = Counter((name, a.op) for (name, _key), a in plan.actions.items())
    counts = _counts(counted)
    return MergePreview(info, counts, plan.conflicts, plan.renumbered, plan.already,
                        _Pending(plan, copy_id, copy_image), list(plan.notes))


def _read(path: Path) -> tuple[bytes, dict[str, object], int]:
    try:
        return store.read_copy(path)
    except (sqlite3.Error, OSError) as exc:
        raise ServiceError(f"{path.name} kan inte läsas som en finsamdesk-fil ({_reason(exc)}).") from exc


def _counts(counted: Counter[tuple[str, str]]) -> list[TableCount]:
    names = sorted({name for name, _op in counted}, key=rules.table_word)
    return [TableCount(n, counted[(n, "insert")] + counted[(n, "INSERT")], counted[(n, "update")]
                       + counted[(n, "UPDATE")], counted[(n, "delete")] + counted[(n, "DELETE")]) for n in names]


def merge(db: sqlite_utils.Database, preview_: MergePreview, choices: dict[int, rules.Choice],
          progress: Progress | None = None) -> MergeReport:
    """Write what the preview found, with `choices` (conflict id → the side, or a side per field) for every
    conflict, in one transaction; the copy's base moves forward. Nothing is written unless all is decided."""
    from ..store.merge import MainChanged

    pending = preview_.plan
    assert isinstance(pending, _Pending)
    undecided = [c for c in preview_.conflicts if not rules.decided(c, choices.get(c.id))]
    if undecided:
        raise ValidationError(f"{len(undecided)} konflikter är inte avgjorda; ingenting har skrivits.", {})
    step = progress or (lambda done, total: None)
    step(0, 3)
    try:
        actions, stay_deleted = pending.plan.result(choices)
        notes = pending.plan.repair_foreign_keys(actions, stay_deleted)
        writes = pending.plan.final(actions)
        step(1, 3)
        store.write_merge(db, writes, pending.copy_id, pending.copy_image)
    except MainChanged as exc:
        raise ServiceError("Huvudfilen har ändrats sedan förhandsgranskningen, så ingenting har skrivits. "
                           "Slå ihop arbetskopian igen.") from exc
    except sqlite3.Error as exc:
        raise ServiceError(f"Sammanslagningen kunde inte sparas: {_reason(exc)}. Ingenting har skrivits.") from exc
    finally:
        discard(preview_)
    step(3, 3)
    counts = _counts(Counter((w.table, w.op) for w in writes))
    kept = sum(1 for c in preview_.conflicts if choices.get(c.id) == rules.MAIN)
    took = sum(1 for c in preview_.conflicts if choices.get(c.id) == rules.COPY)
    info = next((c for c in copies(db) if c.copy_id == pending.copy_id), preview_.copy)
    return MergeReport(info, counts, list(preview_.renumbered), len(preview_.conflicts), kept, took, notes)


def discard(preview_: MergePreview) -> None:
    """Let go of what a preview holds (the images in memory)."""
    pending = preview_.plan
    if isinstance(pending, _Pending):
        pending.plan.close()


def shown(conflict: rules.Conflict, side: str, column: str) -> str:
    """A conflict's value as the window and the CLI show it: amounts in kronor, dates as they are, identifiers
    (encrypted) never in clear, a missing row as a dash."""
    from ..domain.money import format_amount

    row = {"base": conflict.base, "main": conflict.main, "copy": conflict.copy}[side]
    if row is None:
        return "(finns inte)" if side != "base" else "(ny rad)"
    value = conflict.value(side, column)
    if value is None or value == "":
        return "–"
    if isinstance(value, bytes):
        return "(krypterad uppgift)"
    if column.endswith("_ore") and isinstance(value, int):
        return format_amount(value)
    return str(value)
