"""Fill a new Application from a received form's sections, with what looks wrong.

`read_form(extracted, template)` → Reading: the proposed application, the file's text each
field came from (for the side-by-side review), findings (a typed total that differs from its
rows, a date outside the period, an organisationsnummer with a wrong check digit…) and the
text that could not be placed (kept, never dropped).
"""
from __future__ import annotations

import re

from .application import Application, Phase
from .checks import timeplan_warnings
from .form_blocks import Extracted, Grid, Para, block_text, join_answer
from .form_findings import ERROR, WARNING, Reading
from .form_reading import Piece, split_sections, strip_template_text, template_texts
from .form_tables import read_budget, read_contacts, read_place_date, read_timeplan
from .forms import BudgetTable, ContactsTable, FormTemplate, PlaceDateTable, SignatureTable, TimeplanTable
from .identifiers import luhn_ok

_PARTICIPANTS = re.compile(
    r"(?:ca\.?|cirka|omkring|ungefär|totalt|sammanlagt)?\s*(\d{1,5})\s+(?:individer|personer|deltagare)\b", re.I)
_ORGNR = re.compile(r"(?<![\d-])(\d{6})-?(\d{4})(?![\d-])")


def _answer(reading: Reading, piece: Piece, paras: list[Para]) -> None:
    s = piece.section
    assert s is not None
    if s.answer == "line":
        text = " ".join(x for x in [piece.inline, *(p.text for p in paras)] if x).strip()
    else:
        text = join_answer(([Para(piece.inline)] if piece.inline else []) + paras)
    source = "\n".join(x for x in [piece.inline, *(block_text(p) for p in paras)] if x)
    target = "name" if s.binds == "name" else "applicant_text" if s.binds == "applicant_text" else f"section:{s.id}"
    reading.sources[target] = source
    if s.binds == "name":
        reading.app.name = text
    elif s.binds == "applicant_text":
        reading.app.applicant_text = text
    elif text:
        reading.app.sections[s.id] = text
    if s.participants and reading.app.planned_participants is None:
        m = _PARTICIPANTS.search(text)
        if m:
            reading.app.planned_participants = int(m.group(1))
            reading.sources["participants"] = m.group(0).strip()
            reading.add("participants", f"Planerade deltagare {m.group(1)} är hämtat ur ”{s.short}”: "
                        f"”{m.group(0).strip()}”. Kontrollera antalet.", WARNING, m.group(0).strip())


def _table(reading: Reading, piece: Piece, paras: list[Para], grids: list[Grid]) -> tuple[list[Para], list[Grid]]:
    """Read the section's table; returns the paragraphs and grids it did not use."""
    s = piece.section
    t = s.table if s else None
    if isinstance(t, ContactsTable):
        return paras, read_contacts(reading, t, grids)
    if isinstance(t, BudgetTable):
        return paras, read_budget(reading, t, grids)
    if isinstance(t, TimeplanTable):
        return read_timeplan(reading, t, paras, grids)
    if isinstance(t, (PlaceDateTable, SignatureTable)):
        return read_place_date(reading, paras), grids
    return paras, grids


def _orgnr_findings(reading: Reading) -> None:
    app = reading.app
    texts = [app.name, app.applicant_text, *app.sections.values(), *(c.organisation for c in app.contacts)]
    seen = set()
    for text in texts:
        for m in _ORGNR.finditer(text or ""):
            digits = m.group(1) + m.group(2)
            if int(digits[2]) < 2 or digits in seen:
                continue  # a personnummer-like number is not an organisationsnummer
            seen.add(digits)
            if not luhn_ok(digits):
                reading.add("orgnr", f"Organisationsnumret {digits[:6]}-{digits[6:]} har fel kontrollsiffra.", ERROR,
                            m.group(0))


def read_form(extracted: Extracted, template: FormTemplate) -> Reading:
    app = Application(template_id=template.id)
    if template.timeplan:
        app.phases = [Phase(name) for name in template.timeplan.phases]
    reading = Reading(app, template)
    fixed = template_texts(template)
    for piece in split_sections(extracted, template):
        s = piece.section
        if s is not None and not piece.heading_found:
            if s.required:
                reading.add(f"section:{s.id}", f"Rubriken ”{s.short}” finns inte i filen.", WARNING)
            continue
        blocks = strip_template_text(piece, template, fixed)
        paras = [b for b in blocks if isinstance(b, Para)]
        grids = [b for b in blocks if isinstance(b, Grid)]
        if s is None:
            reading.leave("", blocks)
            continue
        paras, grids = _table(reading, piece, paras, grids)
        if s.answer != "none":
            _answer(reading, piece, paras)
            paras = []
        reading.leave(s.short, [b for b in blocks if b in paras or b in grids])
    for pages in extracted.guessed_joins:
        reading.add("text", f"Sidbrytningen {pages} föll efter en hel rad som slutar en mening: texten har lästs "
                    "som ett och samma stycke. Kontrollera om det ska vara två stycken.", WARNING)
    _orgnr_findings(reading)
    for p in timeplan_warnings(app):
        reading.add("phases" if p.where == "tidplan" else "period", p.message, p.severity)
    return reading
