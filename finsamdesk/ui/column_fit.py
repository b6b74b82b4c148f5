"""A list's columns fitted to its view: the name column gets the room, the others what their text needs.

Each other column is as wide as its header and its cells need. The key column (the name a user scans for) takes
what is left; when that is too little for the name, the `caps` apply, and then the columns named in `yield_first`
give way (down to a floor), so the name is the last to be cut. A column the user widens or narrows by hand keeps its
width from then on; the key column still takes what is left.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

KEY_MIN = 240  # px: "Gemensam kartläggning Norrmossa" in the default font
KEY_SHARE = 0.3  # the key column may take this share of the view from the others, beyond KEY_MIN
FLOOR = 90  # px: a yielding column is never narrower than this


class ColumnFit(QObject):
    """Public: fit() (called by itself when the rows are replaced or the view is resized), key, manual (the
    columns the user has sized by hand)."""

    def __init__(self, view: QTableView, key: int, *, caps: dict[int, int] | None = None,
                 yield_first: tuple[int, ...] = (), key_min: int = KEY_MIN) -> None:
        super().__init__(view)
        self.view, self.key, self.key_min = view, key, key_min
        self.caps = caps or {}
        self.yield_first = yield_first
        self.manual: set[int] = set()
        self._natural: dict[int, int] = {}
        self._fitting = False
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._resized_by_hand)
        model = view.model()
        model.modelReset.connect(self._measure_and_fit)
        model.layoutChanged.connect(self.fit)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._natural = {}  # the text needs another width (Större/Mindre text)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit()
        return False

    def _measure_and_fit(self) -> None:
        self._natural = {}
        self.fit()

    def _natural_width(self, column: int) -> int:
        if column not in self._natural:
            header = self.view.horizontalHeader()
            needed = max(header.sectionSizeHint(column), self.view.sizeHintForColumn(column) + 8)
            self._natural[column] = needed
        return self._natural[column]

    def fit(self) -> None:
        columns = range(self.view.model().columnCount())
        widths = {c: self.view.columnWidth(c) if c in self.manual else self._natural_width(c)
                  for c in columns if c != self.key}
        available = self.view.viewport().width()
        wanted = min(self._natural_width(self.key), max(self.key_min, round(available * KEY_SHARE)))
        short = wanted - (available - sum(widths.values()))
        for column, cap in self.caps.items():
            if short > 0 and column in widths and column not in self.manual and widths[column] > cap:
                short -= widths[column] - cap
                widths[column] = cap
        for column in self.yield_first:
            if short <= 0:
                break
            if column in self.manual or column not in widths:
                continue
            give = max(0, min(short, widths[column] - FLOOR))
            widths[column] -= give
            short -= give
        widths[self.key] = max(min(wanted, self.key_min), available - sum(widths.values()))
        self._fitting = True
        try:
            for column, width in widths.items():
                if self.view.columnWidth(column) != width:
                    self.view.setColumnWidth(column, width)
        finally:
            self._fitting = False

    def _resized_by_hand(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column != self.key:
            self.manual.add(column)
            self.fit()
