"""Checking the values of a JSON file, each with its path in the file: every problem is collected (not only the
first), and each message is Swedish and printable (a key with a lone surrogate or a newline is shown as "?").

`Checker` is what an importer of a JSON format uses; `ImportFormatError` is what it raises.
"""
from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

MAX_ORE = 10**15  # as parse_amount: beyond it no amount is real (and SQLite integers end at 2**63)
MAX_COUNT = 10**6
MAX_TEXT = 100_000  # characters in one field: some thirty pages of a section
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_PATH = 120  # characters of a path shown in a message
MISSING = object()
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")


def printable(text: str, limit: int | None = None) -> str:
    """The text with control characters and lone surrogates as "?" (they cannot be printed or stored), cut."""
    text = _UNPRINTABLE.sub("?", text)
    return text if limit is None or len(text) <= limit else text[:limit - 1] + "…"


class ImportFormatError(ValueError):
    """A file that is not valid; `messages` names every bad field with its JSON path."""

    def __init__(self, messages: list[str]):
        self.messages = [printable(m) for m in messages]
        super().__init__("Filen är ingen giltig ansökan:\n" + "\n".join(f"• {m}" for m in self.messages))


def parse_json(text: str | bytes) -> Any:
    """The JSON value; bad JSON, a file too big, numbers of thousands of digits or nesting thousands deep are an
    ImportFormatError (with the line and column when the JSON is wrong)."""
    if not text.strip():
        raise ImportFormatError(["Filen är tom."])
    if len(text) > MAX_FILE_BYTES:
        raise ImportFormatError([f"Filen är {len(text) / 1024 / 1024:.0f} MB; en ansökan som JSON är högst "
                                 f"{MAX_FILE_BYTES // 1024 // 1024} MB."])
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError([f"Filen är inte giltig JSON (rad {exc.lineno}, kolumn {exc.colno}): "
                                 f"{_json_problem(exc.msg)}."]) from exc
    except UnicodeDecodeError as exc:
        raise ImportFormatError(["Filen är inte UTF-8-kodad text."]) from exc
    except (ValueError, RecursionError) as exc:
        raise ImportFormatError(["Filen är inte giltig JSON (för djupt nästlad eller ett orimligt tal)."]) from exc


# What the json module says (in English), by the start of its message; in the order they are tried.
_JSON_PROBLEMS = (
    ("Expecting value", "här saknas ett värde"),
    ("Expecting property name", "här ska ett fältnamn inom citattecken stå"),
    ("Expecting ':'", "här saknas ett kolon (:)"),
    ("Expecting ','", "här saknas ett kommatecken (,)"),
    ("Unterminated string", "en text saknar sitt avslutande citattecken"),
    ("Invalid control character", "en text har ett otillåtet tecken (t.ex. en radbrytning)"),
    ("Invalid \\uXXXX escape", "en ogiltig \\u-sekvens"),
    ("Invalid \\escape", "en ogiltig \\-sekvens"),
    ("Extra data", "efter slutet kommer mer text"),
    ("Illegal trailing comma", "ett kommatecken för mycket före } eller ]"),
)


def _json_problem(message: str) -> str:
    """Python's JSON messages in Swedish (DESIGN.md: no English reaches a user)."""
    return next((sv for en, sv in _JSON_PROBLEMS if message.startswith(en)), "ett fel i JSON-formatet")


class Checker:
    """Collects every problem with its path instead of stopping at the first."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def bad(self, path: str, message: str) -> None:
        self.errors.append(f"{printable(path, MAX_PATH)}: {message}")

    def obj(self, value: Any, path: str) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.bad(path, "ska vara ett objekt { … }")
            return None
        return value

    def lst(self, value: Any, path: str) -> list[Any]:
        if value is MISSING or value is None:
            return []
        if not isinstance(value, list):
            self.bad(path, "ska vara en lista [ … ]")
            return []
        return value

    def text(self, value: Any, path: str, *, required: bool = False) -> str:
        if value is MISSING or value is None:
            if required:
                self.bad(path, "saknas (ska vara en text)")
            return ""
        if not isinstance(value, str):
            self.bad(path, "ska vara en text")
            return ""
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate (\ud800): no text can be stored with it
            self.bad(path, "innehåller ett ogiltigt tecken")
            return ""
        if len(value) > MAX_TEXT:
            self.bad(path, f"är för lång (högst {MAX_TEXT:,} tecken)".replace(",", " "))
            return ""
        if required and not value.strip():
            self.bad(path, "får inte vara tom")
        return value

    def date(self, value: Any, path: str, *, required: bool = False) -> date | None:
        if value is MISSING or value is None:
            if required:
                self.bad(path, "saknas (ska vara ett datum ÅÅÅÅ-MM-DD)")
            return None
        if isinstance(value, str) and len(value) == 10:
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.bad(path, "ska vara ett datum ÅÅÅÅ-MM-DD" + ("" if required else " eller null"))
        return None

    def count(self, value: Any, path: str) -> int | None:
        if value is MISSING or value is None:
            return None
        if type(value) is not int or not 0 <= value <= MAX_COUNT:
            self.bad(path, f"ska vara ett heltal 0–{MAX_COUNT} eller null")
            return None
        return value

    def amount(self, value: Any, path: str) -> int | None:
        """Öre: an integer ≥ 0. Floats (even 100.0) are refused: amounts are never decimals."""
        if type(value) is not int or not 0 <= value <= MAX_ORE:
            extra = " (belopp anges i hela öre, utan decimaler)" if isinstance(value, float) else ""
            self.bad(path, "ska vara ett heltal ≥ 0" + extra if type(value) is not int or value < 0
                     else "är orimligt stort")
            return None
        return value

    def year(self, value: Any, path: str) -> int | None:
        if type(value) is not int or not 1900 <= value <= 2200:
            self.bad(path, "ska vara ett årtal (heltal, t.ex. 2024)")
            return None
        return value

    def unknown(self, raw: dict[str, Any], known: tuple[str, ...], path: str) -> None:
        for key in raw:
            if key not in known:
                self.bad(f"{path}.{key}" if path else key, "okänt fält")
