"""The reports an insats owes: tertialrapporter, årsrapporter and the slutrapport (NNV rules, DOMAIN §3.5), and
when one is overdue. Apart from the insats itself (domain/insatser.py, which names these too): Översikt shows the
reports due without the insats' other classes."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .dates import add_months, years_between

REPORT_KINDS = {"tertial": "Tertialrapport", "ars": "Årsrapport", "slut": "Slutrapport", "annan": "Annan rapport"}
TERTIALS = ((1, 4), (5, 8), (9, 12))  # Jan–Apr, May–Aug, Sep–Dec
DEFAULT_TERTIAL_DAYS = 30


def is_overdue(due: date, received_on: date | None, today: date) -> bool:
    """A report is overdue when it has not been received and its last day has passed (due today is not late).
    The insatser list counts the same in SQL (store.insatser.OVERDUE_SQL; a test keeps the two in step)."""
    return received_on is None and due < today


@dataclass
class Report:
    insats_id: int
    kind: str
    title: str
    due: date
    period_start: date | None = None
    period_end: date | None = None
    received_on: date | None = None
    note: str = ""
    by_rule: bool = True  # made by report_obligations and not edited since
    id: int | None = None

    def overdue(self, today: date) -> bool:
        return is_overdue(self.due, self.received_on, today)

    def due_within(self, today: date, days: int) -> bool:
        return self.received_on is None and today <= self.due <= today + timedelta(days=days)


def report_obligations(insats_id: int, start: date | None, end: date | None,
                       tertial_days: int = DEFAULT_TERTIAL_DAYS) -> list[Report]:
    """The reports an insats running start..end owes (NNV rules, DOMAIN §3.5).

    A tertialrapport `tertial_days` after each tertial the period touches, an årsrapport by 31 January
    after every year of the period, a slutrapport two months after the end.
    """
    if not start or not end or end < start:
        return []
    reports: list[Report] = []
    for year in years_between(start, end):
        for number, (first, last) in enumerate(TERTIALS, start=1):
            t_start = date(year, first, 1)
            t_end = add_months(date(year, last, 1), 1) - timedelta(days=1)
            if t_end < start or t_start > end:
                continue
            due = t_end + timedelta(days=tertial_days)
            reports.append(Report(insats_id, "tertial", f"Tertialrapport T{number} {year}", due,
                                  max(t_start, start), min(t_end, end)))
        reports.append(Report(insats_id, "ars", f"Årsrapport {year}", date(year + 1, 1, 31),
                              max(date(year, 1, 1), start), min(date(year, 12, 31), end)))
    reports.append(Report(insats_id, "slut", "Slutrapport", add_months(end, 2), start, end))
    return sorted(reports, key=lambda r: (r.due, r.kind))


def merge_obligations(existing: list[Report], generated: list[Report]) -> tuple[list[Report], list[Report]]:
    """(keep, add): reports the user received or edited are kept; rule-made ones are replaced by `generated`
    except where a kept report has the same title."""
    keep = [r for r in existing if not r.by_rule or r.received_on is not None]
    titles = {r.title for r in keep}
    return keep, [r for r in generated if r.title not in titles]
