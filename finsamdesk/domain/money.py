"""Money is an integer number of öre. Parsing takes amounts as people type them."""
from __future__ import annotations

import re

ORE_PER_KR = 100
UNITS = {"kr": 1, "tkr": 1_000, "mkr": 1_000_000}
THIN_SPACE = "\u202f"  # narrow no-break space between groups of thousands


class AmountError(ValueError):
    """An amount that cannot be read; the message is Swedish and meant for the user."""


_AMOUNT_RE = re.compile(
    r"^(?P<sign>[-−])?\s*(?P<number>\d[\d\s]*(?:[.,]\d+)*)\s*(?P<unit>kr|tkr|mkr|sek|:-)?\.?$",
    re.IGNORECASE,
)


def parse_amount(text: str, default_unit: str = "kr", *, allow_negative: bool = False) -> int | None:
    """Parse `1 130`, `1130 tkr`, `550 000 kr`, `1,5 mkr` into öre.

    An empty text is None (an empty cell, not zero). A number without a unit takes
    `default_unit` ("kr" or "tkr", as the form says).
    """
    if text is None:
        return None
    cleaned = str(text).strip().replace("\u00a0", " ").replace(THIN_SPACE, " ").replace("\u2009", " ")
    if not cleaned:
        return None
    match = _AMOUNT_RE.match(cleaned)
    if not match:
        raise AmountError(f"”{text}” är inget belopp. Skriv t.ex. 1 130 000, 1130 tkr eller 550 000 kr.")
    number = match.group("number").replace(" ", "")
    if re.fullmatch(r"\d{1,3}(\.\d{3}){2,}(,\d+)?", number):
        number = number.replace(".", "")  # 1.130.000 written with dots as separators
    if number.count(".") + number.count(",") > 1:
        raise AmountError(f"”{text}” är inget belopp. Skriv t.ex. 1 130 000, 1130 tkr eller 550 000 kr.")
    number = number.replace(",", ".")
    unit = (match.group("unit") or default_unit).lower()
    if unit in ("sek", ":-"):
        unit = "kr"
    if unit not in UNITS:
        raise AmountError(f"Okänd enhet ”{unit}”.")
    whole, _, frac = number.partition(".")
    frac = (frac + "00")[:2] if unit == "kr" else frac
    # Compute exactly in öre without floats.
    scale = UNITS[unit] * ORE_PER_KR
    value = int(whole or "0") * scale
    if frac:
        value += int(frac) * scale // (10 ** len(frac))
    if match.group("sign"):
        if not allow_negative:
            raise AmountError("Beloppet får inte vara negativt.")
        value = -value
    if value > 10**15:
        raise AmountError("Beloppet är orimligt stort.")
    return value


def group_thousands(n: int, sep: str = THIN_SPACE) -> str:
    sign = "−" if n < 0 else ""
    digits = f"{abs(n):,}".replace(",", sep)
    return sign + digits


def format_amount(ore: int | None, unit: str = "kr", *, with_unit: bool = True, sep: str = THIN_SPACE) -> str:
    """`113000000` öre → `1 130 000 kr`, or in tkr → `1 130 tkr`. None → ``""``."""
    if ore is None:
        return ""
    scale = UNITS[unit] * ORE_PER_KR
    if ore % scale == 0:
        text = group_thousands(ore // scale, sep)
    else:
        value = ore / scale
        decimals = 2 if unit == "kr" else 3
        text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".")
        whole, _, frac = text.partition(".")
        text = whole.replace(",", sep).replace("-", "−") + ("," + frac if frac else "")
    return f"{text} {unit}" if with_unit else text


def format_kr(ore: int | None) -> str:
    return format_amount(ore, "kr")


def kr(amount: int) -> int:
    """Whole kronor → öre (for tests and demo data)."""
    return amount * ORE_PER_KR
