"""Reading the written files back: the text of a .docx (headings with their styles, table cells), of a PDF
(pages, bookmarks) and the cells of a workbook."""
import io

import docx
import openpyxl
import pypdf


def space(text: str) -> str:
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


def docx_tables(data: bytes) -> list[list[list[str]]]:
    d = docx.Document(io.BytesIO(data))
    return [[[space(c.text) for c in row.cells] for row in t.rows] for t in d.tables]


def docx_headings(data: bytes) -> list[tuple[str, str]]:
    d = docx.Document(io.BytesIO(data))
    return [(p.style.name, p.text) for p in d.paragraphs if p.style.name.startswith(("Heading", "Title"))]


def docx_footer_fields(data: bytes) -> str:
    d = docx.Document(io.BytesIO(data))
    return "".join(t.text for t in d.sections[0].footer._element.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}instrText"))


def pdf_text(data: bytes) -> str:
    return space(" ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages))


def pdf_bookmarks(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    out = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                out.append(item.title)
    walk(reader.outline)
    return out


def xlsx_rows(data: bytes) -> list[tuple]:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return [tuple(row) for ws in wb.worksheets for row in ws.iter_rows(values_only=True)]
