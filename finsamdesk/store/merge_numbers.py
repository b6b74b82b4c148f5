"""The numbers people see on rows a working copy adds (issue 17, see domain.sync): a provisional diarienummer or
deltagar-id — or one the main file has meanwhile given to another row — gets the next free one of the main file.

What is in use is kept as a set (and the highest deltagar-id as a number) as the merge hands out new ones, so that
a copy that adds thousands of participants costs one pass over the main file's numbers, not one per participant.
"""
from __future__ import annotations

from ..domain import sync as rules
from ..domain.application import next_diarienummer
from ..domain.sync import Renumbered
from .merge_images import Table

CODE_PREFIX = "D"
Row = tuple[object, ...]


def _code_number(code: str) -> int:
    return int(code[1:]) if code.startswith(CODE_PREFIX) and code[1:].isdigit() else 0


class Numbers:
    """The diarienummer and deltagar-id in use: the main file's, and those this merge has kept or given."""

    def __init__(self, diarienummer: list[str], codes: list[str]):
        self.diarienummer, self.diarienummer_seen = list(diarienummer), set(diarienummer)
        self.codes_seen = set(codes)
        self.top_code = max(map(_code_number, codes), default=0)

    def renumbered(self, table: Table, row: Row, column: str) -> tuple[Row, Renumbered | None]:
        """The row, with a new number in `column` if it needs one (and what was renumbered)."""
        i = table.columns.index(column)
        value = str(row[i])
        dnr = column == "diarienummer"
        provisional = rules.is_provisional_diarienummer(value) if dnr else rules.is_provisional_code(value)
        if not provisional and value not in (self.diarienummer_seen if dnr else self.codes_seen):
            self._take(dnr, value)
            return row, None
        if dnr:
            year = int(value.partition("-")[0]) if value.partition("-")[0].isdigit() else 0
            new = next_diarienummer(year, self.diarienummer)
        else:
            new = f"{CODE_PREFIX}{self.top_code + 1:05d}"
        self._take(dnr, new)
        what = "diarienummer" if dnr else "deltagar-id"
        return row[:i] + (new,) + row[i + 1:], Renumbered(table.name, what, value, new)

    def _take(self, dnr: bool, value: str) -> None:
        if dnr:
            self.diarienummer.append(value)
            self.diarienummer_seen.add(value)
        else:
            self.codes_seen.add(value)
            self.top_code = max(self.top_code, _code_number(value))
