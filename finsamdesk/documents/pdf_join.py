"""PDFs joined into one with a bookmark per part (and per sub-part), e.g. the revisor's dossier of an insats."""
from __future__ import annotations

import io
from dataclasses import dataclass, field

import pypdf


class JoinError(ValueError):
    """A part cannot be read as a PDF; the message is Swedish."""


@dataclass
class Part:
    title: str
    pdfs: list[tuple[str, bytes]] = field(default_factory=list)  # (bookmark under the part, PDF)


def join_pdfs(parts: list[Part], title: str, author: str) -> bytes:
    writer = pypdf.PdfWriter()
    for part in parts:
        if not part.pdfs:
            continue
        parent = None
        for sub_title, data in part.pdfs:
            try:
                reader = pypdf.PdfReader(io.BytesIO(data))
            except Exception as exc:  # pypdf raises several kinds for a broken file
                raise JoinError(f"”{sub_title}” i {part.title.lower()} är ingen läsbar PDF.") from exc
            start = len(writer.pages)
            writer.append(reader, import_outline=False)
            if parent is None:
                parent = writer.add_outline_item(title=part.title, page_number=start)
            if len(part.pdfs) > 1 or sub_title != part.title:
                writer.add_outline_item(title=sub_title, page_number=start, parent=parent)
    writer.add_metadata({"/Title": title, "/Author": author, "/Creator": "finsamdesk"})
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
