"""Swedish identifiers: organisationsnummer, CFAR-nummer, personnummer (and the Luhn check they share)."""
from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple


def luhn_check_digit(digits: str) -> str:
    """The digit that, appended to `digits`, passes the mod-10 check: weights 2,1,2,1… from the right (the digit
    next to the check digit weighs 2), the digits of each product summed. On the ten digits of an
    organisationsnummer or personnummer and the eight of a CFAR this is 2,1,2,1… from the left too; a bankgiro
    number of seven digits (4764585) is the case where the side matters."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return str((10 - total % 10) % 10)


def luhn_ok(digits: str) -> bool:
    """True when the last digit is the check digit of the others."""
    if not (digits.isdigit() and digits.isascii()):
        return False
    return luhn_check_digit(digits[:-1]) == digits[-1]


class IdentifierError(ValueError):
    """An identifier that is wrong; Swedish message."""


def normalize_orgnr(text: str) -> str:
    """Return `NNNNNN-NNNN` or raise IdentifierError (format, third digit, Luhn)."""
    digits = re.sub(r"[\s-]", "", text or "")
    if not re.fullmatch(r"\d{10}", digits):
        raise IdentifierError("Organisationsnumret ska ha tio siffror: NNNNNN-NNNN.")
    if int(digits[2]) < 2:
        raise IdentifierError("Organisationsnumrets tredje siffra ska vara minst 2 (annars är det ett personnummer).")
    if not luhn_ok(digits):
        raise IdentifierError("Organisationsnumret har fel kontrollsiffra.")
    return f"{digits[:6]}-{digits[6:]}"


class Check(NamedTuple):
    """The result of a lenient check: value to store, and an error or warning for the user."""

    value: str
    error: str = ""
    warning: str = ""


def check_cfar(text: str) -> Check:
    """CFAR is exactly 8 digits (error); a failed check digit is only a warning."""
    digits = re.sub(r"\s", "", text or "")
    if not digits:
        return Check("")
    if not re.fullmatch(r"\d{8}", digits):
        return Check(digits, error="CFAR-numret ska ha exakt åtta siffror.")
    if not luhn_ok(digits):
        return Check(digits, warning="CFAR-numrets sista siffra stämmer inte med kontrollsiffran – kontrollera numret.")
    return Check(digits)


_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-zåäö]{2,}$", re.IGNORECASE)


def check_email(text: str) -> Check:
    s = (text or "").strip()
    if s and not _EMAIL_RE.match(s):
        return Check(s, error="E-postadressen ser inte riktig ut (namn@domän.se).")
    return Check(s.lower())


def check_phone(text: str) -> Check:
    """Keep as typed; warn when a number has the wrong number of digits (several allowed, comma-separated)."""
    s = (text or "").strip()
    for part in filter(None, (p.strip() for p in s.split(","))):
        digits = re.sub(r"\D", "", part)
        if part.startswith("+46"):
            digits = "0" + digits[2:]
        if not 8 <= len(digits) <= 10 or not digits.startswith("0"):
            return Check(s, warning=f"Telefonnumret ”{part}” ser ofullständigt ut.")
        if re.match(r"07[02369]", digits) and len(digits) != 10:
            return Check(s, warning=f"Mobilnumret ”{part}” ska ha tio siffror.")
    return Check(s)


# ---------------------------------------------------------------- personnummer
# Messages never repeat the number: they end up next to a field, in an import report or a log.
PNR_FORMAT = "Personnumret ska skrivas ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN."


class Personnummer(NamedTuple):
    """A valid personnummer or samordningsnummer (day + 60), as twelve digits `ÅÅÅÅMMDDNNNN`."""

    digits: str
    birth_date: date
    gender: str  # "kvinna" | "man" (the second to last digit: odd for men)
    samordning: bool

    @property
    def formatted(self) -> str:
        return format_personnummer(self.digits)


def format_personnummer(digits: str) -> str:
    """`ÅÅÅÅMMDD-NNNN` for twelve stored digits; anything else (empty, gallrat, as typed) is shown as it is."""
    return f"{digits[:8]}-{digits[8:]}" if len(digits) == 12 and digits.isdigit() else digits


def parse_personnummer(text: str, today: date | None = None) -> Personnummer:
    """`ÅÅÅÅMMDD-NNNN`, `ÅÅÅÅMMDDNNNN`, `ÅÅMMDD-NNNN`, `ÅÅMMDDNNNN` and `ÅÅMMDD+NNNN` (100 years or older).

    Checked: the format, a real date (samordningsnummer: day + 60), not in the future, and the Luhn check
    digit over the ten-digit form. A ten-digit number gets the latest century that does not put the birth
    in the future; `+` moves it back one more. Raises IdentifierError.
    """
    today = today or date.today()
    s = re.sub(r"\s", "", str(text or ""))
    m = re.fullmatch(r"([0-9]{2})?([0-9]{6})([-+]?)([0-9]{4})", s)  # ASCII digits only
    if not m:
        raise IdentifierError(PNR_FORMAT)
    century, six, sep, last = m.groups()
    if century and sep == "+":
        raise IdentifierError(PNR_FORMAT)
    ten = six + last
    yy, month, day = int(six[:2]), int(six[2:4]), int(six[4:6])
    samordning = day > 60
    if samordning:
        day -= 60
    if century:
        year = int(century + six[:2])
    else:
        year = (today.year // 100) * 100 + yy
        if (year, month, day) > (today.year, today.month, today.day):
            year -= 100
        if sep == "+":
            year -= 100
    try:
        born = date(year, month, day)
    except ValueError:
        raise IdentifierError("Personnumret innehåller inget giltigt födelsedatum.") from None
    if born > today:
        raise IdentifierError("Personnumrets födelsedatum ligger i framtiden.")
    if not luhn_ok(ten):
        raise IdentifierError("Personnumret har fel kontrollsiffra.")
    gender = "man" if int(last[2]) % 2 else "kvinna"
    return Personnummer(f"{year:04d}{six[2:]}{last}", born, gender, samordning)
