"""The ansökan's way to a decision: which step may follow which, and what a decision needs."""
from __future__ import annotations

from datetime import date

from .application import Application, StatusEvent
from .statuses import DECIDED, FINAL, GRANTED, LOCKED, STATUSES, label

TRANSITIONS: dict[str, tuple[str, ...]] = {
    "utkast": ("inkommen", "atertagen"),
    "inkommen": ("beredning", "atertagen"),
    "beredning": ("styrelse", "aterremitterad", "atertagen"),
    "styrelse": (*DECIDED, "aterremitterad", "atertagen"),
    "aterremitterad": ("beredning", "atertagen"),
    **{status: () for status in FINAL},
}

# An own application (the förbund applies to an outside funder): written, sent, decided by the funder.
OUTGOING_TRANSITIONS: dict[str, tuple[str, ...]] = {
    "utkast": ("inskickad", "atertagen"),
    "inskickad": (*DECIDED, "atertagen"),
    **{status: () for status in FINAL},
}


class WorkflowError(ValueError):
    """A step that makes no sense; Swedish message."""


def next_steps(status: str, outgoing: bool = False) -> tuple[str, ...]:
    return (OUTGOING_TRANSITIONS if outgoing else TRANSITIONS).get(status, ())


def steps_to_recommendation(status: str, recommended: str) -> tuple[str, ...]:
    """The steps that carry an ansökan in `status` to the status a beredningsgrupp recommendation gives it
    (`recommended`): an inkommen ansökan goes to beredning first, the same day."""
    return ("beredning", recommended) if status == "inkommen" else (recommended,)


def check_step(app: Application, new_status: str, when: date, granted: dict[int, int] | None = None,
               sought_by_year: dict[int, int] | None = None) -> None:
    """Raise WorkflowError unless `new_status` may follow the application's status now.

    `sought_by_year` is what a decision is checked against; by default the budget's sökta medel. An own
    application passes the support it asks the funder for, spread over the calendar years.
    """
    if new_status not in STATUSES:
        raise WorkflowError(f"Okänd status ”{new_status}”.")
    if new_status not in next_steps(app.status, app.outgoing):
        if app.status in FINAL:
            raise WorkflowError(f"Ansökan är redan {label(app.status).lower()}; inget steg kan följa.")
        allowed = ", ".join(label(s).lower() for s in next_steps(app.status, app.outgoing))
        raise WorkflowError(
            f"Från {label(app.status).lower()} kan ansökan inte gå till {label(new_status).lower()}. "
            f"Möjliga steg: {allowed}."
        )
    if app.history and when < app.history[-1].date:
        raise WorkflowError(
            f"Datumet {when.isoformat()} ligger före föregående steg ({app.history[-1].date.isoformat()})."
        )
    granted = granted or {}
    if new_status in GRANTED:
        sought = app.budget.sought_by_year() if sought_by_year is None else sought_by_year
        if not granted or not any(granted.values()):
            raise WorkflowError("Ett beviljande behöver ett beviljat belopp för minst ett kalenderår.")
        for year, amount in granted.items():
            if year not in sought:
                raise WorkflowError(f"År {year} finns inte i ansökans budget ({', '.join(map(str, sought))}).")
            if amount < 0:
                raise WorkflowError("Ett beviljat belopp får inte vara negativt.")
            if amount > sought[year] and not app.outgoing:
                raise WorkflowError(f"Beviljat för {year} är större än det sökta beloppet.")
        if app.outgoing:  # the funder decides one sum; how it falls on the years is the förbund's estimate
            _check_outgoing_total(new_status, sum(granted.values()), sum(sought.values()))
        elif new_status == "beviljad" and any(a < sought[y] for y, a in granted.items()):
            raise WorkflowError("Beviljat är mindre än sökt för minst ett år – välj ”Delvis beviljad”.")
    elif granted and any(granted.values()):
        raise WorkflowError(f"Steget {label(new_status).lower()} har inga beviljade belopp.")


def _check_outgoing_total(new_status: str, granted: int, sought: int) -> None:
    if granted > sought:
        raise WorkflowError("Beviljat stöd är större än det sökta stödet.")
    if new_status == "beviljad" and granted < sought:
        raise WorkflowError("Beviljat stöd är mindre än det sökta – välj ”Delvis beviljad”.")
    if new_status == "delvis_beviljad" and granted == sought:
        raise WorkflowError("Hela det sökta stödet är beviljat – välj ”Beviljad”.")


def apply_step(app: Application, new_status: str, when: date, note: str = "", who: str = "",
               granted: dict[int, int] | None = None, sought_by_year: dict[int, int] | None = None) -> StatusEvent:
    check_step(app, new_status, when, granted, sought_by_year)
    event = StatusEvent(new_status, when, note.strip(), who.strip(),
                        {y: a for y, a in (granted or {}).items() if a} if new_status in DECIDED else {})
    app.history.append(event)
    app.status = new_status
    return event


# ---------------------------------------------------------------- after the decision
CHANGE_NOTE = "Ändrad efter beslut: "  # how a recorded change reads in the history (and in every document of it)


def is_locked(status: str) -> bool:
    """A decided ansökan is read-only: it changes only through a recorded change."""
    return status in LOCKED


def locked_reason(status: str) -> str:
    """Why an ansökan in `status` cannot be edited as it is ("" when it can)."""
    if not is_locked(status):
        return ""
    return (f"Ansökan är {label(status).lower()} och kan inte ändras direkt. Ändra den med ”Ändra beslutad "
            "ansökan…”: ändringen förs in i historiken med vem, när och varför.")


def no_step_reason(status: str, outgoing: bool = False) -> str:
    """Why no workflow step can follow `status` ("" when one can)."""
    if next_steps(status, outgoing):
        return ""
    return f"Ansökan är {label(status).lower()}; inget steg kan följa."


def is_recorded_change(event: StatusEvent) -> bool:
    return event.note.startswith(CHANGE_NOTE)


def record_change(app: Application, why: str, who: str, when: date) -> StatusEvent:
    """Enter a change of a decided ansökan in its history (its status stays). The same change saved again (same
    why, who and day: the autosaves of one change) is entered once. WorkflowError unless the ansökan is locked and
    the reason is given."""
    if not is_locked(app.status):
        raise WorkflowError(f"Ansökan är {label(app.status).lower()} och ändras som vanligt, utan registrerad ändring.")
    if not why.strip():
        raise WorkflowError("Skriv varför den beslutade ansökan ändras; skälet förs in i historiken.")
    if not who.strip():
        raise WorkflowError("Ange vem som ändrar den beslutade ansökan; det förs in i historiken.")
    event = StatusEvent(app.status, when, CHANGE_NOTE + why.strip(), who.strip())
    last = app.history[-1] if app.history else None
    if last is not None and (last.status, last.date, last.note, last.who) == (event.status, when, event.note,
                                                                             event.who):
        return last
    if last is not None and when < last.date:
        raise WorkflowError(f"Datumet {when.isoformat()} ligger före föregående steg ({last.date.isoformat()}).")
    app.history.append(event)
    return event
