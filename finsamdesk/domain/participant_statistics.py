"""Participant statistics: by gender, age at the start and outcome, for a year or all time, in tables that add up.

A reader checks first that a table adds up: 138 participants whose age rows add to 120, or 44 ended whose
outcomes add to 35, is a table nobody trusts. So every `CountTable` has parts that add up to its total, including
the parts that are usually left out (no birth year, no outcome, only counted), and rows beside it ("varav
16–29") that are counted within the total but are no part of the sum. The screen, the CLI, Excel and the PDF
all print `CountTable.lines()`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from .participants import CountPeriod, GenderSplit

# Ages at the start (start year − birth year). 16–29 (unga) overlaps the ESF bands and is counted beside them.
AGE_BANDS = (("15–24", 15, 24), ("25–54", 25, 54), ("55–64", 55, 64))
YOUNG_BAND = ("16–29", 16, 29)
OTHER_AGES, AGE_MISSING = "Övriga åldrar", "Ålder saknas"
OUTCOME_MISSING = "Utfall saknas"
COUNTED_NO_AGE, COUNTED_NO_OUTCOME = "Endast antal, ingen ålder", "Endast antal, inget utfall"
IN_REGISTER, COUNTED = "I register", "Endast antal"
TOTAL = "Totalt"
DAYS_PER_MONTH = 365.25 / 12
PART, SUM, BESIDE = "part", "sum", "beside"  # the kinds of a table's lines


class Facts(NamedTuple):
    """What statistics need of one participation: no identifiers. (A NamedTuple: 100 000 of them are made
    for the förbund's statistics, three times faster than frozen dataclasses.)"""

    insats_id: int
    gender: str
    birth_year: int | None
    start: date
    end: date | None
    outcome: str | None  # the outcome category's label


@dataclass(frozen=True)
class CountTable:
    """Parts that add up to `total`, and rows `beside` it: within the total, no part of the sum."""

    heading: str  # "Ålder vid start"
    label: str  # the heading of the label column: "Åldersgrupp"
    parts: tuple[tuple[str, GenderSplit], ...]
    total: GenderSplit
    beside: tuple[tuple[str, GenderSplit], ...] = ()
    total_label: str = TOTAL

    def lines(self) -> list[tuple[str, GenderSplit, str]]:
        """(label, count, kind): the parts, the total (kind SUM), then the rows beside it (kind BESIDE)."""
        return [*((label, split, PART) for label, split in self.parts), (self.total_label, self.total, SUM),
                *((f"varav {label}", split, BESIDE) for label, split in self.beside)]

    def share(self, split: GenderSplit) -> float | None:
        """The share (0–1) of the total; None for an empty table."""
        return split.total / self.total.total if self.total.total else None

    @property
    def adds_up(self) -> bool:
        return sum((split for _, split in self.parts), GenderSplit()) == self.total


@dataclass(frozen=True)
class Statistics:
    scope: str  # "Hela förbundet" or the insats's name
    year: int | None  # None: the whole time
    participants: GenderSplit
    new: GenderSplit
    ended: GenderSplit
    ages: CountTable  # of `participants`, by age at the start
    outcomes: CountTable  # of `ended`, by outcome
    average_days: tuple[float | None, float | None, float | None]  # women, men, all; of those who ended
    from_counts: GenderSplit  # of `participants`, those only counted (no age, no outcome)
    utfall: int | None  # öre: invoiced for the insatser in scope (in the year)

    @property
    def participant_table(self) -> CountTable:
        """Participants: in a register and only counted; beside, the new and the ended."""
        parts = [(IN_REGISTER, self.participants - self.from_counts)]
        if self.from_counts.total:
            parts.append((COUNTED, self.from_counts))
        return CountTable("Deltagare", "", tuple(parts), self.participants,
                     (("nya", self.new), ("avslutade", self.ended)))

    @property
    def tables(self) -> tuple[CountTable, CountTable, CountTable]:
        return self.participant_table, self.ages, self.outcomes

    @property
    def cost_per_participant(self) -> int | None:
        """Utfall ÷ participants, in öre rounded to whole kronor (None without participants or before anything
        is invoiced: 0 kr a participant would read as a free insats)."""
        if not self.participants.total or not self.utfall:
            return None
        return round(self.utfall / self.participants.total / 100) * 100


def active_in(f: Facts, year: int | None) -> bool:
    if year is None:
        return True
    return f.start <= date(year, 12, 31) and (f.end is None or f.end >= date(year, 1, 1))


def _counted(periods: list[CountPeriod], year: int | None) -> tuple[GenderSplit, GenderSplit, GenderSplit]:
    """(taking part, new, ended) from count periods: those in the first period plus the new ones after it."""
    taking, new, ended = GenderSplit(), GenderSplit(), GenderSplit()
    by_insats: dict[int, list[CountPeriod]] = {}
    for c in periods:
        if year is None or c.start.year == year:
            by_insats.setdefault(c.insats_id, []).append(c)
    for rows in by_insats.values():
        rows.sort(key=lambda c: c.start)
        taking += rows[0].taking_part
        for c in rows:
            new += GenderSplit(c.new_women, c.new_men)
            ended += GenderSplit(c.ended_women, c.ended_men)
        for c in rows[1:]:
            taking += GenderSplit(c.new_women, c.new_men)
    return taking, new, ended


def counted_participants(periods: list[CountPeriod], year: int) -> GenderSplit:
    """Those taking part in the year by the count periods (as `Statistics.from_counts` has them)."""
    return _counted(periods, year)[0]


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def _age_band(age: int) -> str:
    return next((name for name, lo, hi in AGE_BANDS if lo <= age <= hi), OTHER_AGES)


def _parts(counts: dict[str, list[int]], always: list[str]) -> tuple[tuple[str, GenderSplit], ...]:
    """The counts as parts of a table: those in `always` even when 0, the others only when someone is in them."""
    return tuple((label, GenderSplit(*split)) for label, split in counts.items() if label in always or any(split))


def compute_statistics(scope: str, year: int | None, facts: list[Facts], periods: list[CountPeriod],
                       outcome_labels: list[str], utfall: int | None = None) -> Statistics:
    """Participants by gender and age band, outcomes, average time, for the year (None: all time).

    A participant counts in a year when taking part some day of it; `new` started and `ended` ended in it.
    Age is start year − birth year. One pass over the facts (100 000 of them for a förbund's year).
    """
    first, last = (date(year, 1, 1), date(year, 12, 31)) if year else (date.min, date.max)
    band_names = [b[0] for b in AGE_BANDS]
    bands = {name: [0, 0] for name in [*band_names, OTHER_AGES, AGE_MISSING, COUNTED_NO_AGE]}
    young = [0, 0]
    known = set(outcome_labels)
    outcomes = {label: [0, 0] for label in [*outcome_labels, OUTCOME_MISSING, COUNTED_NO_OUTCOME]}
    active, started, ended = [0, 0], [0, 0], [0, 0]
    days: tuple[list[int], list[int]] = ([], [])
    young_lo, young_hi = YOUNG_BAND[1], YOUNG_BAND[2]
    for f in facts:
        g = 0 if f.gender == "kvinna" else 1 if f.gender == "man" else None
        if g is None or f.start > last or (f.end is not None and f.end < first):
            continue
        active[g] += 1
        if year is None or f.start.year == year:
            started[g] += 1
        if f.birth_year:
            age = f.start.year - f.birth_year
            bands[_age_band(age)][g] += 1
            if young_lo <= age <= young_hi:
                young[g] += 1
        else:
            bands[AGE_MISSING][g] += 1
        if f.end is not None and (year is None or f.end.year == year):
            ended[g] += 1
            outcomes[f.outcome if f.outcome in known else OUTCOME_MISSING][g] += 1
            days[g].append((f.end - f.start).days)
    counted, counted_new, counted_ended = _counted(periods, year)
    bands[COUNTED_NO_AGE] = [counted.women, counted.men]
    outcomes[COUNTED_NO_OUTCOME] = [counted_ended.women, counted_ended.men]
    participants, all_ended = GenderSplit(*active) + counted, GenderSplit(*ended) + counted_ended
    return Statistics(
        scope, year, participants, GenderSplit(*started) + counted_new, all_ended,
        CountTable("Ålder vid start", "Åldersgrupp", _parts(bands, [*band_names, OTHER_AGES]), participants,
              ((YOUNG_BAND[0], GenderSplit(*young)),)),
        CountTable("Utfall vid avslut", "Utfall", _parts(outcomes, outcome_labels), all_ended, total_label="Avslutade"),
        (_mean(days[0]), _mean(days[1]), _mean(days[0] + days[1])), counted, utfall)


def months(days: float | None) -> str:
    """Average time as Swedish text: `4,2 mån`."""
    return "" if days is None else f"{days / DAYS_PER_MONTH:.1f}".replace(".", ",") + " mån"


def percent(share: float | None) -> str:
    return "" if share is None else f"{share * 100:.0f} %"


@dataclass(frozen=True)
class InsatsLine:
    """One insats in the förbund's statistics: its participants and cost per participant in the year."""

    insats_id: int
    name: str
    mode: str
    stats: Statistics
