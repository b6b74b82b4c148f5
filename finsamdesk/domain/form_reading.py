"""A received form's blocks matched to its template: which template, which text is which section.

`recognise` ranks templates by their title, header lines and headings found in the file.
`split_sections` cuts the blocks at the template's headings and strips the template's own
texts (fixed paragraphs, the helper box, the title and header); `read_form` (form_filling.py)
turns the pieces into an Application. Everything a form needs is in its template; pure Python.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .form_blocks import Block, Extracted, Para, clean
from .forms import FormTemplate, Section
from .text import fold

# What the app's own printer adds to a form (documents/pdf_form.py): not the applicant's text.
PRINTED_BY_APP = (re.compile(r"^Kostnad per planerad deltagare:"), re.compile(r"^Dnr:"))


@lru_cache(maxsize=8192)
def key(text: str) -> str:
    """A heading as compared: case folded, single spaces, without trailing `:;.`."""
    return fold(clean(text)).rstrip(" :;.")


def template_texts(template: FormTemplate) -> set[str]:
    """Every fixed text the form prints, as keys (title, header, fixed paragraphs, labels)."""
    texts = [template.title, *template.header, " ".join(template.header), *template.subtitle]
    for s in template.sections:
        texts += [p[3:] if p.startswith("## ") else p[2:] if p.startswith("- ") else p for p in s.paragraphs]
        texts += [p[2:] if p.startswith("- ") else p for p in s.after]
        texts += list(getattr(s.table, "lines", ()))
        texts.append(getattr(s.table, "signature", "") or "")
        if s.heading and s.answer == "none" and s.table is None:
            texts.append(s.heading)
    return {key(t) for t in texts if t.strip()}


def headings(section: Section) -> list[str]:
    return [h for h in (section.heading, *section.aliases) if h.strip()]


def heading_match(section: Section, para: Para) -> str | None:
    """None if `para` is not this section's heading; else what follows the heading on its line.
    Case is ignored for a paragraph set in bold or a heading style; plain text must match as
    written (an answer `Samverkan` is not the heading `SAMVERKAN`)."""
    if para.bullet:
        return None
    text = para.text  # clean already
    text_key = key(text)
    for k, exact, folded_head in _heading_forms(section):
        if text_key == k and (para.strong or text.rstrip(" :;.") == exact):
            return ""
        if (section.inline or section.answer == "line") and len(text) > len(folded_head) \
                and text_key.startswith(folded_head.rstrip(" :;.")) and fold(text).startswith(folded_head):
            return text[len(folded_head):].strip(" :;")
    return None


@lru_cache(maxsize=1024)
def _heading_forms(section: Section) -> tuple[tuple[str, str, str], ...]:
    """(key, text as written without trailing punctuation, folded text) of each heading of a section."""
    return tuple((key(h), clean(h).rstrip(" :;."), fold(clean(h))) for h in headings(section))


def recognise(extracted: Extracted, templates: list[FormTemplate]) -> list[tuple[float, FormTemplate]]:
    """(score 0..1, template), best first: half for the title (or, failing it, the header lines
    such as `Version nr: 5`), half for the share of the template's headings found."""
    keys = [key(p.text) for p in extracted.paragraphs()]
    key_set = set(keys)
    ranked = []
    for t in templates:
        def found_text(text: str) -> bool:
            k = key(text)
            return bool(k) and (k in key_set or any(k in other for other in keys))

        header = [x for x in t.header if x.strip()]
        mark = 1.0 if found_text(t.title) else sum(map(found_text, header)) / len(header) if header else 0.0
        sections = [s for s in t.sections if s.heading]
        found = sum(1 for s in sections if any(heading_match(s, p) is not None for p in extracted.paragraphs()))
        score = 0.5 * mark + 0.5 * found / max(1, len(sections))
        ranked.append((round(score, 3), t))
    return sorted(ranked, key=lambda x: -x[0])


@dataclass
class Piece:
    """The blocks between one heading and the next, and what followed the heading on its line."""

    section: Section | None  # None: before the first heading
    inline: str = ""
    blocks: list[Block] = field(default_factory=list)
    heading_found: bool = True


def split_sections(extracted: Extracted, template: FormTemplate) -> list[Piece]:
    """Cut at the template's headings: the next heading in the template's order first, then any
    heading not yet found (an applicant may move a section); a heading may be missing."""
    sections = [s for s in template.sections if s.heading]
    pieces = [Piece(None)]
    found: set[str] = set()
    next_index = 0
    for block in extracted.blocks:
        if isinstance(block, Para):
            order = list(range(next_index, len(sections))) + list(range(next_index))
            for i in order:
                if sections[i].id in found:
                    continue
                rest = heading_match(sections[i], block)
                if rest is not None:
                    pieces.append(Piece(sections[i], rest))
                    found.add(sections[i].id)
                    next_index = i + 1
                    break
            else:
                pieces[-1].blocks.append(block)
            continue
        pieces[-1].blocks.append(block)
    for s in sections:
        if s.id not in found:
            pieces.append(Piece(s, heading_found=False))
    return pieces


def strip_template_text(piece: Piece, template: FormTemplate, fixed: set[str]) -> list[Block]:
    """The applicant's blocks of a piece: the form's fixed texts out, and the helper box out
    when it stands as printed (all its lines, in order, first in the section)."""
    blocks = [b for b in piece.blocks if not (isinstance(b, Para) and (
        key(b.text) in fixed or any(p.match(b.text) for p in PRINTED_BY_APP)))]
    section = piece.section
    if section is not None and section.help:
        help_keys = [key(line) for line in section.help.split("\n") if line.strip()]
        head = [key(b.text) if isinstance(b, Para) else None for b in blocks[:len(help_keys)]]
        if head == help_keys:
            blocks = blocks[len(help_keys):]
    if section is None:
        intro = {key(p) for s in template.sections if not s.heading for p in s.paragraphs}
        blocks = [b for b in blocks if not (isinstance(b, Para) and key(b.text) in intro)]
    return blocks
