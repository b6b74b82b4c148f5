"""Letters as documents: the beslutsbrev and a påminnelse about a report."""
from __future__ import annotations

from ..domain.letters import DecisionLetter, Reminder
from ..domain.meetings import BOARD_DECISIONS
from .blocks import Bullets, Document, Heading, Para, Signature, Table


def decision_document(letter: DecisionLetter, logo: bytes | None = None) -> Document:
    doc = Document(letter.title, letter.forbund, logo=logo, letter=True,
                   header_right=f"{letter.written_on.isoformat()} · Dnr {letter.diarienummer}")
    doc.add(Para("\n".join((letter.recipient, *letter.recipient_lines)), "lead"))
    doc.add(Heading(letter.title))
    where = f" (§ {letter.paragraph})" if letter.paragraph is not None else ""
    doc.add(Para(f"Styrelsen för {letter.forbund} behandlade ansökan {letter.diarienummer} ”{letter.subject}” vid "
                 f"sammanträdet {letter.meeting_date.isoformat()}{where}."))
    decision = BOARD_DECISIONS.get(letter.outcome, letter.outcome)
    doc.add(Heading("Beslut", 2), Para(f"{decision}. {letter.decision_text}"))
    if letter.granted:
        rows = tuple((str(y), a) for y, a in letter.amounts) + (("Summa", letter.total),)
        doc.add(Heading("Beviljade medel per kalenderår", 2),
                Table(("År", "Belopp"), rows, money=frozenset({1}), bold_rows=frozenset({len(rows) - 1}),
                      widths=(3, 3)),
                Heading("Villkor", 2), Bullets(tuple(letter.conditions())))
        if letter.reports:
            doc.add(Heading("Rapporter att lämna", 2),
                    Table(("Rapport", "Avser", "Senast"),
                          tuple((r.title, f"{r.period_start or ''} – {r.period_end or ''}", r.due.isoformat())
                                for r in letter.reports), widths=(5, 4, 2.5)))
    else:
        doc.add(Para("Beslutet kan inte överklagas. Kontakta förbundschefen om du har frågor om beslutet.", "muted"))
    doc.add(Signature((f"{letter.written_on.isoformat()}", "", letter.forbundschef or "Förbundschef",
                       f"Förbundschef, {letter.forbund}")))
    return doc


def reminder_document(reminder: Reminder, logo: bytes | None = None) -> Document:
    doc = Document(reminder.subject, reminder.forbund, logo=logo, letter=True,
                   header_right=reminder.written_on.isoformat())
    names = [f"{r.name}{', ' + r.organisation if r.organisation else ''}" for r in reminder.recipients]
    doc.add(Para("\n".join(names) or reminder.insats, "lead"), Heading(reminder.subject))
    body = reminder.body(reminder.recipients[0] if len(reminder.recipients) == 1 else None)
    doc.add(Para(body.split("\n\nMed vänlig hälsning")[0]))
    doc.add(Signature(("Med vänlig hälsning", reminder.forbundschef or "Förbundschefen", reminder.forbund)))
    return doc
