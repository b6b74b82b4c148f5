"""A document as plain blocks — headings, paragraphs, bullet lists, tables, signatures — built once by a
document family (årsredovisning, verksamhetsplan, beslutsbrev …) and written by the .docx, PDF and Excel
writers. One assembled object, three files: their figures cannot differ.

Table cells hold text, or integers in the columns a table marks as money (öre) or counts; the writers format
them (`1 130 000 kr` in Word and PDF, a number with a kr format in Excel). None is an empty figure (–).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..domain.money import format_kr

DASH = "–"


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1..3: Word's Heading 1..3, the PDF's bookmarks, Excel's sheets (level 1)


@dataclass(frozen=True)
class Para:
    text: str
    style: str = "body"  # body | muted | placeholder (prose not yet written) | lead


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str | int | None, ...], ...]
    money: frozenset[int] = frozenset()  # column indexes holding öre
    counts: frozenset[int] = frozenset()  # column indexes holding whole numbers
    bold_rows: frozenset[int] = frozenset()  # row indexes (0 = first data row) printed bold
    widths: tuple[float, ...] = ()  # relative column widths; empty: the first column takes what is left

    def cell_text(self, column: int, value: str | int | None) -> str:
        if value is None:
            return DASH
        if column in self.money and isinstance(value, int):
            return format_kr(value) or "0 kr"
        return str(value)

    def numeric(self, column: int) -> bool:
        return column in self.money or column in self.counts


@dataclass(frozen=True)
class Signature:
    """Place, date and the signer's name and title, at the end of a letter."""

    lines: tuple[str, ...]


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Para | Bullets | Table | Signature | PageBreak


@dataclass
class Document:
    title: str
    forbund: str
    blocks: list[Block] = field(default_factory=list)
    subtitle: str = ""
    logo: bytes | None = None
    header_right: str = ""  # e.g. "Årsredovisning 2025" or the letter's date
    letter: bool = False  # a letter: recipient block first, no title page look

    def add(self, *blocks: Block) -> Document:
        self.blocks.extend(blocks)
        return self

    def headings(self) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading)]

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]
