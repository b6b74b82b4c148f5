"""Swedish text: search folding and sort keys (å ä ö after z)."""
from __future__ import annotations

import unicodedata

_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzåäö"
_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
_EQUIV = {"w": "v", "é": "e", "è": "e", "ü": "y", "æ": "ä", "ø": "ö"}


def fold(text: str) -> str:
    """Case-insensitive form for searching, Å/Ä/Ö included (`ÅBERG` finds `Åberg`)."""
    return unicodedata.normalize("NFC", text or "").casefold()


def matches(needle: str, *haystack: str) -> bool:
    n = fold(needle).strip()
    return not n or any(n in fold(h) for h in haystack if h)


def _char_rank(ch: str) -> int:
    ch = _EQUIV.get(ch, ch)
    if ch in _RANK:
        return _RANK[ch]
    base = unicodedata.normalize("NFD", ch)[0]
    return _RANK.get(base, 100 + ord(ch) if ch.strip() else -1)


_CHAR_RANK: dict[str, int] = {}  # every character met, ranked once (a list of 200 names sorts in a few ms)


def sort_key(text: str) -> tuple[int, ...]:
    """Swedish collation key: letters in Swedish alphabet order, case ignored, digits first."""
    ranks = _CHAR_RANK
    out = []
    for ch in (text or "").casefold():
        rank = ranks.get(ch)
        if rank is None:
            rank = ranks[ch] = _char_rank(ch)
        out.append(rank)
    return tuple(out)


def noun(n: int, one: str, many: str) -> str:
    """The noun's form for n: `faktura` for 1, `fakturor` for 0, 2, 3 …"""
    return one if n == 1 else many


def count(n: int, one: str, many: str) -> str:
    """A number with its noun in the right form: `1 faktura`, `3 fakturor`, `0 fakturor`, `1 200 deltagare`."""
    from .money import group_thousands

    return f"{group_thousands(n)} {noun(n, one, many)}"
