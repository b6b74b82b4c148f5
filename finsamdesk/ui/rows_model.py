"""A read-only table model over a Python list of rows, sorted in Python (Swedish order, empty cells last).

No QSortFilterProxyModel: a page filters its list through a service, then calls set_rows (a model reset);
that stays well under 50 ms a keystroke for thousands of rows.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ..domain.text import sort_key

_ROOT = QModelIndex()
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Any], str]
    key: Callable[[Any], Any] | None = None  # natural sort key; None: the text in Swedish order
    right: bool = False
    tooltip: bool = False
    colour: Callable[[Any], str | None] | None = None  # this cell's text colour (e.g. by status)


def sort_rows(rows: list[Any], column: Column, order: Qt.SortOrder) -> list[Any]:
    """Rows sorted on one column, empty cells last whichever the direction."""
    def key(row: Any) -> Any:
        value = column.key(row) if column.key else sort_key(column.text(row))
        return value if value not in ("", None, ()) else None

    keyed = [(key(r), r) for r in rows]
    filled = sorted((kr for kr in keyed if kr[0] is not None), key=lambda kr: kr[0],
                    reverse=order == Qt.SortOrder.DescendingOrder)
    return [r for _, r in filled] + [r for k, r in keyed if k is None]


class RowsModel(QAbstractTableModel):
    """Rows with an `id`; `colour(row)` may give a text colour (e.g. red for overdue)."""

    def __init__(self, columns: tuple[Column, ...], parent: QObject | None = None, *,
                 sort: tuple[int, Qt.SortOrder] | None = None, colour: Callable[[Any], str | None] | None = None):
        super().__init__(parent)
        self.columns = columns
        self._rows: list[Any] = []
        self._sort = sort or (0, Qt.SortOrder.AscendingOrder)
        self._colour = colour

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = sort_rows(rows, self.columns[self._sort[0]], self._sort[1])
        self.endResetModel()

    @property
    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_id(self, row: int) -> int | None:
        found = self.row_at(row)
        return int(found.id) if found is not None else None

    def row_of(self, row_id: int | None) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == row_id), -1) if row_id is not None else -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = self._colour(row) if self._colour is not None else None
            colour = colour or (column.colour(row) if column.colour is not None else None)
            return QColor(colour) if colour else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.columns[section].header)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._rows = sort_rows(self._rows, self.columns[column], order)
        self.layoutChanged.emit()
