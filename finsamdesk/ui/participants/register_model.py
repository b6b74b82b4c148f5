"""The register list: up to 100 000 rows, filtered below the model (a list pass, then a reset) and sorted in
Python with cheap keys. Identifiers are never in the list: only dots where the file holds one."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from ...domain.participants import GENDERS
from ...domain.text import sort_key
from ..rows_model import RIGHT

_ROOT = QModelIndex()
MASK_PNR, MASK_NAME = "••••••••-••••", "••••••"
HEADERS = ("Deltagar-id", "Insats", "Kön", "Födelseår", "Start", "Slut", "Försörjning vid start",
           "Utfall vid avslut", "Personnummer", "Namn", "Gallrad")


class RegisterModel(QAbstractTableModel):
    """`set_rows(all_rows)` keeps every row in the current sort order; `set_filter(f)` shows f(sorted rows).
    A header click sorts all rows and filters them again. Public: rows (shown), row_at, row_of, names, labels."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list = []
        self.rows: list = []
        self._filter: Callable[[list], list] = lambda rows: rows
        self.names: dict[int, str] = {}
        self.labels: dict[int, str] = {}
        self._sort = (4, Qt.SortOrder.DescendingOrder)  # newest start first, as the store returns them

    def set_context(self, insats_names: dict[int, str], category_labels: dict[int, str]) -> None:
        self.names, self.labels = insats_names, category_labels

    def set_rows(self, rows: list, *, presorted: bool = False) -> None:
        self._all = rows if presorted else self._sorted(rows)
        self._apply()

    def set_filter(self, f: Callable[[list], list]) -> None:
        self._filter = f
        self._apply()

    def _apply(self) -> None:
        self.beginResetModel()
        self.rows = self._filter(self._all)
        self.endResetModel()

    @property
    def all_rows(self) -> list:
        return self._all

    def row_at(self, row: int):
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, participant_id: int | None) -> int:
        if participant_id is None:
            return -1
        return next((i for i, r in enumerate(self.rows) if r.id == participant_id), -1)

    def _text(self, r, column: int) -> str:
        if column == 0:
            return r.code
        if column == 1:
            return self.names.get(r.insats_id, "")
        if column == 2:
            return GENDERS.get(r.gender, r.gender)
        if column == 3:
            return str(r.birth_year) if r.birth_year else ""
        if column == 4:
            return r.start
        if column == 5:
            return r.end
        if column == 6:
            return self.labels.get(r.support_id, "")
        if column == 7:
            return self.labels.get(r.outcome_id, "")
        if column == 8:
            return MASK_PNR if r.has_personnummer else ""
        if column == 9:
            return MASK_NAME if r.has_name else ""
        return r.gallrad_on

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(self.rows[index.row()], index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 3:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (8, 9):
            return self.tr("Visas per deltagare med Visa (när registret är upplåst).")
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(HEADERS[section])
        return None

    def _key(self, column: int) -> Callable:
        if column in (1, 6, 7):  # names and labels: Swedish order, computed once per distinct value
            source = self.names if column == 1 else self.labels
            attr = {1: "insats_id", 6: "support_id", 7: "outcome_id"}[column]
            keys = {k: sort_key(v) for k, v in source.items()}
            return lambda r: keys.get(getattr(r, attr))
        if column == 3:
            return lambda r: r.birth_year
        if column in (8, 9):
            return lambda r: (r.has_personnummer if column == 8 else r.has_name) or None
        attr = ("code", None, "gender", None, "start", "end", None, None, None, None, "gallrad_on")[column]
        return lambda r: getattr(r, attr) or None

    def _sorted(self, rows: list) -> list:
        """Sorted on the current column; empty cells last whichever the direction."""
        key = self._key(self._sort[0])
        keyed = [(key(r), r) for r in rows]
        filled = [kr for kr in keyed if kr[0] is not None]
        filled.sort(key=lambda kr: kr[0], reverse=self._sort[1] == Qt.SortOrder.DescendingOrder)
        return [r for _, r in filled] + [r for k, r in keyed if k is None]

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._all = self._sorted(self._all)
        self.rows = self._filter(self._all)
        self.layoutChanged.emit()
