"""What every year document reads from the file, read once: the insatser with their money and participants
for a period (1 January to `last`), and the förbund's settings for documents (name, chef, logo, cut-off)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain import annual
from ..domain import participant_statistics as participant_rules
from ..domain.insatser import Insats
from ..domain.participant_statistics import Facts, Statistics
from ..domain.participants import CountPeriod, GenderSplit
from ..store import participants as participant_store
from ..store import reports as store
from . import registers
from .errors import ValidationError

if TYPE_CHECKING:
    import sqlite_utils

CUTOFF_KEY = "delar_cutoff"
FORBUND_SCOPE = "Hela förbundet"


@dataclass(frozen=True)
class Letterhead:
    """The förbund as its documents show it."""

    name: str
    forbundschef: str
    address: str
    orgnr: str
    logo: bytes | None


def letterhead(db: sqlite_utils.Database) -> Letterhead:
    f = registers.forbund(db)
    return Letterhead(f.name.strip() or "Samordningsförbundet", f.forbundschef, f.address, f.orgnr, store.logo(db))


def cutoff_setting(db: sqlite_utils.Database) -> str:
    from ..store import budget as settings

    return settings.get_setting(db, CUTOFF_KEY, "")


def check_cutoff(text: str) -> str:
    """The cut-off as saved ("MM-DD", or "" for 31 augusti); ValidationError with a Swedish message."""
    text = text.strip()
    problem = annual.validate_cutoff(text) if text else ""
    if problem:
        raise ValidationError(problem, {"cutoff": problem})
    return text


def set_cutoff(db: sqlite_utils.Database, text: str) -> None:
    """The delårsrapport's cut-off as MM-DD (e.g. 04-30, 08-31); empty: 31 augusti."""
    from ..store import budget as settings

    text = check_cutoff(text)
    with db.atomic():
        settings.set_setting(db, CUTOFF_KEY, text)


def cutoff(db: sqlite_utils.Database, year: int) -> date:
    return annual.cutoff_date(year, cutoff_setting(db))


LOGO_MAX_BYTES = 2_000_000


def logo(db: sqlite_utils.Database) -> bytes | None:
    """The förbund's logo as saved (PNG or JPEG bytes), or None."""
    return store.logo(db)


def check_logo(data: bytes) -> bytes:
    """`data` if it can be the logo (a PNG or JPEG of at most 2 MB); ValidationError with a Swedish message."""
    if not (data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8\xff")):
        raise ValidationError("Logotypen ska vara en PNG- eller JPEG-bild.", {"logo": "PNG eller JPEG."})
    if len(data) > LOGO_MAX_BYTES:
        raise ValidationError("Logotypen är större än 2 MB; välj en mindre bild.", {"logo": "Högst 2 MB."})
    return data


def read_logo(path: str | Path) -> bytes:
    """The logo read from a picture file, checked; a file too big is refused before it is read."""
    path = Path(path)
    try:
        if path.stat().st_size > LOGO_MAX_BYTES:
            raise ValidationError("Logotypen är större än 2 MB; välj en mindre bild.", {"logo": "Högst 2 MB."})
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(f"Bilden {path.name} gick inte att läsa.", {"logo": "Gick inte att läsa."}) from exc
    return check_logo(data)


def set_logo(db: sqlite_utils.Database, data: bytes | None) -> None:
    """The förbund's logo (PNG or JPEG) printed at the top of its documents; None removes it."""
    if data is not None:
        check_logo(data)
    with db.atomic():
        store.set_logo(db, data)


@dataclass(frozen=True)
class InsatsPeriod:
    insats: Insats
    granted: int  # beviljat for the year (öre)
    spent: int  # invoiced, booked 1 January – last
    stats: Statistics  # participants 1 January – last; cost per participant over `spent`
    registered: bool  # has participant records or counts in the period


@dataclass(frozen=True)
class YearData:
    year: int
    last: date
    insatser: list[InsatsPeriod]  # every insats with money or participants in the period, or running in it
    total: Statistics | None  # the whole förbund (insatser with participants); None when not asked for
    spent_all: int  # Σ invoiced over all insatser in the period


def _in_period(insats: Insats, first: date, last: date, has_figures: object) -> bool:
    """An insats belongs to the period's documents when it has money or participants in it, or runs in it."""
    return bool(has_figures or (insats.period_start and insats.period_start <= last
                                and (insats.period_end is None or insats.period_end >= first)))


def _periods_in(db: sqlite_utils.Database, year: int, first: date, last: date) -> dict[int, list[CountPeriod]]:
    periods_by: dict[int, list[CountPeriod]] = {}
    for c in participant_store.count_periods(db):
        if first <= c.start <= last and c.start.year == year:
            periods_by.setdefault(c.insats_id, []).append(c)
    return periods_by


def participants_year(db: sqlite_utils.Database, year: int) -> list[tuple[Insats, int, int, GenderSplit | None]]:
    """The insatser `year_data` gives for the whole year with their money (granted, spent), and of their
    participants only what Uppföljning Finsam asks: those taking part by kön (None: nothing registered).
    Counted in SQL, without the statistics per participant that the year's documents need (the Uppföljning
    page opens in ≤ 200 ms)."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    granted = store.granted_by_insats(db, year)
    spent = store.spent_by_insats(db, first, last)
    people = store.genders_by_insats(db, first, last)
    periods_by = _periods_in(db, year, first, last)
    out: list[tuple[Insats, int, int, GenderSplit | None]] = []
    for insats in store.all_insatser(db):
        i = insats.id
        assert i is not None  # read from the file
        registered = i in people or i in periods_by
        if not _in_period(insats, first, last, granted.get(i) or spent.get(i) or registered):
            continue
        women, men, _ = people.get(i, (0, 0, 0))
        taking = GenderSplit(women, men) + participant_rules.counted_participants(periods_by.get(i, []), year)
        out.append((insats, granted.get(i, 0), spent.get(i, 0), taking if registered else None))
    return out


def year_data(db: sqlite_utils.Database, year: int, last: date | None = None, with_total: bool = True) -> YearData:
    """One pass: insatser, their money, their participants (individual records and counts) for the period, and
    (`with_total`) the statistics of the whole förbund."""
    first, last = date(year, 1, 1), last or date(year, 12, 31)
    granted = store.granted_by_insats(db, year)
    spent = store.spent_by_insats(db, first, last)
    facts = annual.facts_until(store.facts_between(db, first, last), last)
    outcome_labels = [c.label for c in participant_store.categories(db, "utfall")]
    facts_by: dict[int, list[Facts]] = {}
    for f in facts:
        if participant_rules.active_in(f, year):
            facts_by.setdefault(f.insats_id, []).append(f)
    periods_by = _periods_in(db, year, first, last)
    out = []
    for insats in store.all_insatser(db):
        i = insats.id
        assert i is not None  # read from the file
        registered = i in facts_by or i in periods_by
        if not _in_period(insats, first, last, granted.get(i) or spent.get(i) or registered):
            continue
        stats = participant_rules.compute_statistics(insats.name, year, facts_by.get(i, []), periods_by.get(i, []),
                                                     outcome_labels, spent.get(i, 0))
        out.append(InsatsPeriod(insats, granted.get(i, 0), spent.get(i, 0), stats, registered))
    if not with_total:
        return YearData(year, last, out, None, sum(spent.values()))
    with_people = facts_by.keys() | periods_by.keys()
    total = participant_rules.compute_statistics(
        FORBUND_SCOPE, year, [f for i in with_people for f in facts_by.get(i, [])],
        [c for i in with_people for c in periods_by.get(i, [])], outcome_labels,
        sum(spent.get(i, 0) for i in with_people))
    return YearData(year, last, out, total, sum(spent.values()))
