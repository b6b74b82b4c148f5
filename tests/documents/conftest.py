"""Shared helpers for the PDF tests: rendered seeds, their text read back with pypdf."""
from __future__ import annotations

import io
import re

import pypdf
import pytest

from finsamdesk.documents.pdf_form import render_application
from finsamdesk.services.templates import get_template
from tests.fixtures.seed_applications import pas, spranget

NNV_NAME = "Samordningsförbundet NNV Skåne"
BS_NAME = "Samordningsförbundet Burlöv-Staffanstorp"


def norm(text: str) -> str:
    """Whitespace collapsed (lines wrap differently than they were typed); no-break spaces too."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


class Pdf:
    """A printed PDF read back: `text` is everything; `body` leaves out the running header
    (förbund, Dnr, and `first_page_header_lines` more on page 1) and the `Sid x(y)` footer, so
    that a paragraph split by a page break reads as one."""

    def __init__(self, data: bytes, first_page_header_lines: int = 0):
        self.data = data
        self.reader = pypdf.PdfReader(io.BytesIO(data))
        self.pages = [p.extract_text() or "" for p in self.reader.pages]
        self.text = norm("\n".join(self.pages))
        bodies = []
        for i, page in enumerate(self.pages):
            lines = page.strip("\n").split("\n")
            assert re.fullmatch(r"Sid \d+\(\d+\)", lines[-1].strip()), lines[-1]
            skip = 2 + (first_page_header_lines if i == 0 else 0)
            assert lines[1].startswith("Dnr:"), lines[:2]
            bodies.append("\n".join(lines[skip:-1]))
        self.body = norm("\n".join(bodies))

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def page(self, i: int) -> str:
        return norm(self.pages[i])


def fragments(text: str) -> list[str]:
    """An entered text as the pieces that must be printed: each paragraph or item, without its
    bullet marker (the form prints bullets as indented items with their own glyph)."""
    out = []
    for line in text.split("\n"):
        line = re.sub(r"^\s*[-•–*]\s+", "", line).strip()
        if line:
            out.append(norm(line))
    return out


@pytest.fixture(scope="session")
def nnv_template():
    return get_template("nnv-skane-2020")


@pytest.fixture(scope="session")
def bs_template():
    return get_template("burlov-staffanstorp-v5")


@pytest.fixture(scope="session")
def spranget_app():
    app = spranget()
    app.diarienummer = "2021-003"
    return app


@pytest.fixture(scope="session")
def spranget_pdf(spranget_app, nnv_template) -> Pdf:
    return Pdf(render_application(spranget_app, nnv_template, NNV_NAME))


@pytest.fixture(scope="session")
def pas_pdf(bs_template) -> Pdf:
    return Pdf(render_application(pas(), bs_template, BS_NAME), first_page_header_lines=len(bs_template.header))
