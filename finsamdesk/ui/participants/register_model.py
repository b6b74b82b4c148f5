"""The register list: up to 100 000 rows, filtered below the model (a list pass, then a reset) and sorted in
Python with cheap keys. Identifiers are never in the list: only dots where the file holds one."""
from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ...domain.participants import GENDERS
from ...domain.text import sort_key
from ...services.participants import Row
from ..rows_model import RIGHT

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

RegisterRow = tuple[Any, ...]  # as sqlite3 gives it; positions in Row
_ROOT = QModelIndex()
MASK_PNR, MASK_NAME = "••••••••-••••", "••••••"
HEADERS = ("Deltagar-id", "Insats", "Kön", "Födelseår", "Start", "Slut", "Försörjning vid start",
           "Utfall vid avslut", "Personnummer", "Namn", "Gallrad")


class RegisterModel(QAbstractTableModel):
    """`set_rows(all_rows)` keeps every row in the current sort order; `set_filter(f)` shows f(sorted rows).
    A header click sorts all rows and filters them again. Public: rows (shown), row_at, row_of, names, labels."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[RegisterRow] = []
        self.rows: list[RegisterRow] = []
        self._filter: Callable[[list[RegisterRow]], list[RegisterRow]] = lambda rows: rows
        self.names: dict[int, str] = {}
        self.labels: dict[int | None, str] = {}
        self._given: list[RegisterRow] = []  # as registered, newest first: the order without a sorted column
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_context(self, insats_names: dict[int, str], category_labels: dict[int | None, str]) -> None:
        self.names, self.labels = insats_names, category_labels

    def set_rows(self, rows: list[RegisterRow]) -> None:
        """All rows, newest registered first (the order shown until a column is sorted)."""
        self._given = rows
        self._all = self._sorted(rows)
        self._apply()

    def update_rows(self, changed: dict[int, RegisterRow], removed: set[int]) -> None:
        """Changed rows in their places, new ones first, removed ones out (no re-sort of 100 000 rows)."""
        known = {r[Row.ID] for r in self._all}
        new = [r for i, r in changed.items() if i not in known]
        self._all = new + [changed.get(r[Row.ID], r) for r in self._all if r[Row.ID] not in removed]
        self._given = new + [changed.get(r[Row.ID], r) for r in self._given if r[Row.ID] not in removed]
        self._apply()

    def set_filter(self, f: Callable[[list[RegisterRow]], list[RegisterRow]]) -> None:
        self._filter = f
        self._apply()

    def _apply(self) -> None:
        rows = self._filter(self._all)
        if len(rows) == len(self.rows) and rows == self.rows:  # e.g. the first letter matched every row
            return  # same rows (compared by identity first, ~1 ms for 100 000): no reset, no repaint
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    @property
    def all_rows(self) -> list[RegisterRow]:
        return self._all

    def row_at(self, row: int) -> RegisterRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, participant_id: int | None) -> int:
        if participant_id is None:
            return -1
        return next((i for i, r in enumerate(self.rows) if r[Row.ID] == participant_id), -1)

    @staticmethod
    def row_id(row: RegisterRow) -> int:
        return int(row[Row.ID])

    def _text(self, r: RegisterRow, column: int) -> str:
        if column == 0:
            return str(r[Row.CODE])
        if column == 1:
            return self.names.get(r[Row.INSATS], "")
        if column == 2:
            return GENDERS["man"] if r[Row.FLAGS] & Row.MAN else GENDERS["kvinna"]
        if column == 3:
            return str(r[Row.BIRTH_YEAR]) if r[Row.BIRTH_YEAR] else ""
        if column in (4, 5):
            return str(r[Row.START if column == 4 else Row.END] or "")
        if column in (6, 7):
            return self.labels.get(r[Row.SUPPORT if column == 6 else Row.OUTCOME], "")
        if column == 8:
            return MASK_PNR if r[Row.FLAGS] & Row.HAS_PERSONNUMMER else ""
        if column == 9:
            return MASK_NAME if r[Row.FLAGS] & Row.HAS_NAME else ""
        return self.tr("gallrad") if r[Row.FLAGS] & Row.GALLRAD else ""

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(self.rows[index.row()], index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 3:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (8, 9):
            return self.tr("Visas per deltagare med Visa (när registret är upplåst).")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(HEADERS[section])
        return None

    def _key(self, column: int) -> Callable[[RegisterRow], Any]:
        if column in (1, 6, 7):  # names and labels: Swedish order, computed once per distinct value
            source = self.names if column == 1 else self.labels
            index = {1: Row.INSATS, 6: Row.SUPPORT, 7: Row.OUTCOME}[column]
            keys = {k: sort_key(v) for k, v in source.items()}
            return lambda r: keys.get(r[index])
        if column in (2, 8, 9, 10):
            bit = {2: Row.MAN, 8: Row.HAS_PERSONNUMMER, 9: Row.HAS_NAME, 10: Row.GALLRAD}[column]
            return (lambda r: r[Row.FLAGS] & bit) if column == 2 else (lambda r: (r[Row.FLAGS] & bit) or None)
        return itemgetter({0: Row.CODE, 3: Row.BIRTH_YEAR, 4: Row.START, 5: Row.END}[column])

    def _sorted(self, rows: list[RegisterRow]) -> list[RegisterRow]:
        """Sorted on the current column; empty cells last whichever the direction. No column: as registered."""
        if self._sort is None:
            return list(rows)
        key = self._key(self._sort[0])
        filled = [r for r in rows if key(r) not in (None, "")]
        filled.sort(key=key, reverse=self._sort[1] == Qt.SortOrder.DescendingOrder)
        empty = [r for r in rows if key(r) in (None, "")] if len(filled) < len(rows) else []
        return filled + empty

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order) if column >= 0 else None
        self._all = self._sorted(self._given)
        self.rows = self._filter(self._all)
        self.layoutChanged.emit()
