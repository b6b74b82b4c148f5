"""Queries for the förbund's budget of every year."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.budget import BudgetYear, KommunKey
from .database import rows

if TYPE_CHECKING:
    import sqlite_utils


def years(db: sqlite_utils.Database) -> list[int]:
    return [r[0] for r in db.conn.execute("SELECT year FROM budget_year ORDER BY year")]


def load_year(db: sqlite_utils.Database, year: int) -> BudgetYear | None:
    found = rows(db, "SELECT * FROM budget_year WHERE year = ?", (year,))
    if not found:
        return None
    r = found[0]
    cells = {(line, col): amount for line, col, amount in db.conn.execute(
        "SELECT line, column_kind, amount_ore FROM budget_cell_forbund WHERE year = ?", [year])}
    kommuner = [KommunKey(name, weight, org) for name, weight, org in db.conn.execute(
        "SELECT name, weight, organisation_id FROM budget_kommun WHERE year = ? ORDER BY position", [year])]
    return BudgetYear(year, cells, r["insats_frame_ore"], r["opening_equity_ore"], r["equity_ceiling_ore"],
                      r["state_name"], r["region_name"], kommuner, r["note"])


def save_year(db: sqlite_utils.Database, b: BudgetYear) -> None:
    db["budget_year"].upsert({"year": b.year, "insats_frame_ore": b.insats_frame,
                              "opening_equity_ore": b.opening_equity, "equity_ceiling_ore": b.equity_ceiling,
                              "state_name": b.state_name, "region_name": b.region_name, "note": b.note}, pk="year")
    db.execute("DELETE FROM budget_cell_forbund WHERE year = ?", [b.year])
    db["budget_cell_forbund"].insert_all(
        [{"year": b.year, "line": line, "column_kind": col, "amount_ore": amount}
         for (line, col), amount in b.cells.items() if amount is not None])
    db.execute("DELETE FROM budget_kommun WHERE year = ?", [b.year])
    db["budget_kommun"].insert_all(
        [{"year": b.year, "position": i, "name": k.name, "weight": k.weight, "organisation_id": k.organisation_id}
         for i, k in enumerate(b.kommuner)])


def delete_year(db: sqlite_utils.Database, year: int) -> None:
    for table in ("budget_cell_forbund", "budget_kommun", "budget_year"):
        db.execute(f"DELETE FROM {table} WHERE year = ?", [year])


def get_setting(db: sqlite_utils.Database, key: str, default: str = "") -> str:
    row = db.conn.execute("SELECT value FROM setting WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def set_setting(db: sqlite_utils.Database, key: str, value: str) -> None:
    db["setting"].upsert({"key": key, "value": value}, pk="key")
