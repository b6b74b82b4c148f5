"""Uppföljning Finsam as a document (PDF, Excel, .docx): the förbund's figures, then one section per
registration, field by field in the national system's order; a figure that cannot be computed says why."""
from __future__ import annotations

from ..domain import followup as f
from ..domain.followup import FollowUp
from .blocks import Document, Heading, Para, Table

INTRO = ("Siffrorna står i den ordning Uppföljning Finsam frågar efter dem, så att de kan skrivas in fält för "
         "fält. Ett streck (–) betyder att värdet inte kan räknas fram ur filen; skälet står bredvid. En insats "
         "med både individinriktade och strukturövergripande inslag registreras två gånger, med olika namn.")
# The overview table: the figures (inriktning, målgrupp and ESF are in each insats's own section).
SUMMARY_COLUMNS = ((f.NAME, "Insats"), (f.BUDGET, "Budget"), (f.UTFALL, "Utfall"), (f.PLANNED, "Budgeterat"),
                   (f.WOMEN, "Kvinnor"), (f.MEN, "Män"), (f.COUNT, "Antal (strukt.)"))


def _figures_table(figures: tuple[f.Figure, ...]) -> Table:
    return Table(("Fält", "Värde", "Kommentar"), tuple((x.label, x.shown(), x.why) for x in figures),
                 widths=(4, 3, 5))


def _summary(fu: FollowUp) -> Table:
    rows = []
    for part in fu.insatser:
        by_label = {x.label: x.value for x in part.figures}
        rows.append(tuple(by_label.get(label) if label in by_label else "" for label, _ in SUMMARY_COLUMNS))
    return Table(tuple(header for _, header in SUMMARY_COLUMNS), tuple(rows), money=frozenset({1, 2}),
                 counts=frozenset({3, 4, 5, 6}), widths=(5, 2.5, 2.5, 1.8, 1.5, 1.3, 1.8))


def followup_document(fu: FollowUp, forbund: str, logo: bytes | None = None) -> Document:
    doc = Document(f"Uppföljning Finsam {fu.year}", forbund, subtitle=INTRO, logo=logo,
                   header_right=f"Uppföljning Finsam {fu.year}")
    if fu.missing:
        doc.add(Para(f"{fu.missing} värden kan inte räknas fram; se kommentarerna.", "lead"))
    doc.add(Heading("Förbundet"), _figures_table(fu.forbund))
    doc.add(Heading("Insatser"))
    if not fu.insatser:
        doc.add(Para(f"Inga insatser hade pengar eller deltagare {fu.year}.", "muted"))
    for part in fu.insatser:
        doc.add(Heading(str(part.figure(f.NAME).value), 2), _figures_table(part.figures))
    doc.add(Heading("Alla insatser i en tabell"), _summary(fu))
    return doc
