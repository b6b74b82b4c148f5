"""What an .xlsx file may hold before openpyxl reads it: size, size unpacked, rows, cells in a row, text in a cell.

openpyxl trusts the file: a 1 MiB zip that unpacks to 1 GiB of one letter took 2 GB of memory, a shared-strings
table of millions of strings a minute, a sheet whose <dimension> says fewer rows than it has is read short. So
the zip's table of contents is checked first (each member's unpacked size, as zipfile then enforces it), and
each sheet and the shared strings are read once with a streaming parser that stops at the first limit passed.
The limits leave room for the largest real file (a register of 100 000 deltagare is about 65 MB unpacked) and
each refusal says in Swedish which limit the file passed.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from xml.parsers import expat

MB = 1024 * 1024
MAX_FILE_BYTES = 50 * MB
MAX_MEMBERS = 1_000
MAX_MEMBER_BYTES = 120 * MB  # one part unpacked: a sheet of 100 000 rows and 12 columns is about 65 MB
MAX_SHARED_STRINGS_BYTES = 32 * MB  # every text of the file, each one a Python object when openpyxl loads it
MAX_UNPACKED_BYTES = 200 * MB
MAX_ROWS = 100_000  # rows of data; a heading above them is allowed for
MAX_ROW_NUMBER = MAX_ROWS + 1_000  # room for a heading above the rows and for empty rows between them
_HEADING_ROWS = 10
MAX_CELLS_PER_ROW = 1_000
MAX_CELLS = 1_500_000  # openpyxl reads some 60 000 cells a second: 100 000 rows of 13 columns take 25 s
MAX_SHARED_STRINGS = 500_000  # openpyxl makes some 80 000 a second; 100 000 rows have at most 400 000 texts
MAX_CELL_TEXT = 32_767  # Excel's own limit for a cell: a longer text was not written by Excel
_SHEET = re.compile(r"xl/worksheets/[^/]+\.xml")
_SHARED = "xl/sharedStrings.xml"
_CHUNK = 256 * 1024


class WorkbookRefused(ValueError):
    """The file passes a limit (the message, in Swedish, says which) or is no readable .xlsx at all."""


@dataclass
class WorkbookFacts:
    """What the check found: the rows of each sheet (as the XML has them, whatever <dimension> says)."""

    rows: dict[str, int] = field(default_factory=dict)  # member name → number of <row> elements


def _mb(n: int) -> str:
    return f"{n / MB:.0f} MB"


def _n(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def check_workbook(data: bytes) -> WorkbookFacts:
    """Raise WorkbookRefused unless `data` is a zip whose sheets and texts are within the limits."""
    if len(data) > MAX_FILE_BYTES:
        raise WorkbookRefused(f"Filen är {_mb(len(data))}; högst {_mb(MAX_FILE_BYTES)} kan läsas. Dela upp den.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as exc:
        raise WorkbookRefused("Filen kan inte läsas som en Excel-fil (.xlsx).") from exc
    if len(members) > MAX_MEMBERS:
        raise WorkbookRefused(f"Filen består av {len(members)} delar; en Excel-fil har sällan fler än "
                              f"{MAX_MEMBERS}. Den läses inte.")
    unpacked = 0
    for member in members:
        limit = MAX_SHARED_STRINGS_BYTES if member.filename == _SHARED else MAX_MEMBER_BYTES
        if member.file_size > limit:
            what = "texterna" if member.filename == _SHARED else f"delen {member.filename[:60]}"
            raise WorkbookRefused(f"Filen packas upp till för mycket: {what} blir {_mb(member.file_size)} "
                                  f"(högst {_mb(limit)}). Den läses inte.")
        unpacked += member.file_size
    if unpacked > MAX_UNPACKED_BYTES:
        raise WorkbookRefused(f"Filen packas upp till {_mb(unpacked)} (högst {_mb(MAX_UNPACKED_BYTES)}). "
                              "Den läses inte.")
    facts = WorkbookFacts()
    for member in members:
        if _SHEET.fullmatch(member.filename):
            facts.rows[member.filename] = _scan(archive, member.filename, sheet=True)
        elif member.filename == _SHARED:
            _scan(archive, member.filename, sheet=False)
    return facts


class _Scan:
    """Counts rows and cells and measures each cell's text (a sheet) or each string (the shared strings)."""

    def __init__(self, sheet: bool):
        self.sheet, self.rows, self.cells, self.text, self.row_number = sheet, 0, 0, 0, 0
        self.items = 0  # cells of the sheet, or strings of the table
        self.item = "c" if sheet else "si"

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = name.rpartition("}")[2]
        if self.sheet and local == "row":
            self.rows, self.cells = self.rows + 1, 0
            self.row_number = int(attrs["r"]) if attrs.get("r", "").isdigit() else self.row_number + 1
            if self.rows > MAX_ROWS + _HEADING_ROWS:
                raise WorkbookRefused(f"Bladet har fler än {_n(MAX_ROWS)} rader; dela upp filen.")
            if self.row_number > MAX_ROW_NUMBER:
                raise WorkbookRefused(f"Bladet har något på rad {_n(self.row_number)}; högst {_n(MAX_ROWS)} rader "
                                      "kan läsas. Ta bort det som står längst ner eller dela upp filen.")
        elif local == self.item:
            self.text, self.items = 0, self.items + 1
            limit, what = (MAX_CELLS, "celler") if self.sheet else (MAX_SHARED_STRINGS, "olika texter")
            if self.items > limit:
                raise WorkbookRefused(f"Filen har fler än {_n(limit)} {what}; dela upp den.")
            if self.sheet:
                self.cells += 1
                if self.cells > MAX_CELLS_PER_ROW:
                    raise WorkbookRefused(f"Rad {_n(self.row_number)} har fler än {_n(MAX_CELLS_PER_ROW)} celler. "
                                          "Den läses inte.")

    def characters(self, text: str) -> None:
        self.text += len(text)
        if self.text > MAX_CELL_TEXT:
            where = f"En cell på rad {_n(self.row_number)}" if self.sheet else "En text i filen"
            raise WorkbookRefused(f"{where} har mer än {_n(MAX_CELL_TEXT)} tecken, mer än Excel tillåter. "
                                  "Filen läses inte.")


def _scan(archive: zipfile.ZipFile, name: str, *, sheet: bool) -> int:
    scan = _Scan(sheet)
    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartElementHandler = scan.start
    parser.CharacterDataHandler = scan.characters
    parser.buffer_text = True  # a long text comes in pieces of at most buffer_size: memory stays small
    parser.buffer_size = 64 * 1024
    try:
        with archive.open(name) as fh:
            while chunk := fh.read(_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except WorkbookRefused:
        raise
    except (expat.ExpatError, zipfile.BadZipFile, ValueError, EOFError, OSError, RuntimeError) as exc:
        raise WorkbookRefused("Filen kan inte läsas som en Excel-fil (.xlsx): den är skadad.") from exc
    return scan.rows
