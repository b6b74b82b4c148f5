"""A received form's text as neutral blocks: paragraphs and tables, in reading order.

documents/ turns a .docx or a PDF into `Extracted`; domain/form_reading.py matches it to a
template. Nothing here knows a file format. Text is cleaned once, here: no-break spaces,
soft hyphens, zero-width characters, tabs and runs of spaces.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

BULLETS = "-–•*·▪◦‣●"
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = re.compile(r"[ \t\u00a0\u202f\u2007\u2009\u2002\u2003\u3000]+")
_PLACEHOLDER = re.compile(r"^[\s._…_\-–]*$")
_BULLET_LINE = re.compile(rf"^\s*([{re.escape(BULLETS)}])[ \t\u00a0]+(\S.*)$", re.S)


def clean(text: str) -> str:
    """One line of text as a reader compares it: single spaces, no invisible characters."""
    return _SPACES.sub(" ", str(text or "").translate(_INVISIBLE)).strip()


def is_placeholder(text: str) -> bool:
    """`.....`, `____`, `…` – a form's empty line to write on, not an answer."""
    return bool(_PLACEHOLDER.match(text or ""))


def is_bullet_glyph(char: str) -> bool:
    """A list bullet as it comes out of a PDF: a bullet or dash, or the private-use or control
    character a symbol font's bullet decodes to (Word's Symbol bullet is U+F0B7)."""
    return len(char) == 1 and (char in BULLETS or 0xE000 <= ord(char) <= 0xF8FF or ord(char) in (0x7F, 0x95))


def bullet_marker(marker: str) -> str:
    """How an answer stores a bullet: `-` for every dash-like marker, `•` for the rest."""
    return "-" if marker in "-–*" else "•"


@dataclass(frozen=True)
class Para:
    """A paragraph, or one item of a bulleted list (`bullet` is its marker, `-` or `•`)."""

    text: str
    bullet: str = ""
    page: int = 1
    strong: bool = False  # set in bold or a heading style: may be a heading in any case

    @staticmethod
    def of(text: str, page: int = 1, bullet: str = "", strong: bool = False) -> Para | None:
        """A cleaned paragraph; a typed `- item` becomes a bullet; None for an empty one."""
        raw = str(text or "").translate(_INVISIBLE)
        if not bullet:
            m = _BULLET_LINE.match(raw)
            if m:
                bullet, raw = bullet_marker(m.group(1)), m.group(2)
        value = clean(raw)
        if not value or (not bullet and is_placeholder(value)):
            return None
        return Para(value, bullet, page, strong and not bullet)


@dataclass(frozen=True)
class Grid:
    """A table: rows of cell texts (cleaned; a merged cell repeats its text in each column)."""

    rows: tuple[tuple[str, ...], ...]
    page: int = 1

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def text(self) -> str:
        return "\n".join(" | ".join(c for c in row) for row in self.rows)


Block = Para | Grid


@dataclass
class Extracted:
    """What a file said, in order, with what was left out as page furniture."""

    blocks: list[Block]
    kind: str  # "docx" | "pdf"
    pages: int = 1
    removed: list[str] = field(default_factory=list)  # repeating page headers and footers
    guessed_joins: list[str] = field(default_factory=list)  # page breaks where a paragraph was guessed to go on

    def paragraphs(self) -> list[Para]:
        return [b for b in self.blocks if isinstance(b, Para)]


def block_text(block: Block) -> str:
    if isinstance(block, Grid):
        return block.text()
    return f"{block.bullet} {block.text}" if block.bullet else block.text


def join_answer(paras: list[Para]) -> str:
    """Paragraphs as an answer's text: a blank line between paragraphs, list items on their own
    lines (the way the editor and the printed form write them)."""
    out: list[str] = []
    previous: Para | None = None
    for p in paras:
        line = f"{p.bullet} {p.text}" if p.bullet else p.text
        if previous is not None:
            out.append("\n" if previous.bullet and p.bullet else "\n\n")
        out.append(line)
        previous = p
    return "".join(out)
