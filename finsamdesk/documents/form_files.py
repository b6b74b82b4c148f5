"""A received form file (.docx or PDF) as neutral blocks, or a Swedish reason why not.

Limits keep a damaged or hostile file from hanging the window: a form is at most 30 MB on
disk, a .docx at most 150 MB unpacked (a zip bomb is refused before it is opened), a PDF at
most 150 pages.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..domain.form_blocks import Extracted

MAX_FILE_BYTES = 30 * 1024 * 1024
MAX_UNPACKED_BYTES = 150 * 1024 * 1024
MAX_PDF_PAGES = 150
SUFFIXES = (".docx", ".pdf")


class FormFileError(ValueError):
    """The file cannot be read as a form; the message is Swedish and names the file."""


def _kind(name: str, data: bytes) -> str:
    if data[:5] == b"%PDF-" or b"%PDF-" in data[:1024]:
        return "pdf"
    if data[:2] == b"PK":
        return "docx"
    suffix = Path(name).suffix.lower()
    if suffix == ".doc" or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise FormFileError(f"{name} är en äldre Word-fil (.doc). Spara den som .docx i Word och läs in den igen.")
    raise FormFileError(f"{name} är varken en Word-fil (.docx) eller en PDF.")


def _check_docx(name: str, data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = z.namelist()
            if "word/document.xml" not in names:
                raise FormFileError(f"{name} är ingen Word-fil (.docx): dokumentdelen saknas.")
            if sum(i.file_size for i in z.infolist()) > MAX_UNPACKED_BYTES:
                raise FormFileError(f"{name} är för stor uppackad (mer än {MAX_UNPACKED_BYTES // 2**20} MB) "
                                    "för att vara en ansökan.")
    except zipfile.BadZipFile as exc:
        raise FormFileError(f"{name} är skadad och kan inte öppnas som Word-fil.") from exc


def _read_pdf(name: str, data: bytes) -> Extracted:
    import pypdf

    from .pdf_text import read_pdf

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise FormFileError(f"{name} är lösenordsskyddad. Be sökanden skicka en PDF utan lösenord.")
        pages = len(reader.pages)
    except FormFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds for a broken file
        raise FormFileError(f"{name} är skadad och kan inte läsas som PDF.") from exc
    if pages > MAX_PDF_PAGES:
        raise FormFileError(f"{name} har {pages} sidor; en ansökan läses in upp till {MAX_PDF_PAGES} sidor.")
    try:
        extracted = read_pdf(data)
    except PermissionError as exc:
        raise FormFileError(f"{name} är lösenordsskyddad. Be sökanden skicka en PDF utan lösenord.") from exc
    except Exception as exc:  # noqa: BLE001
        raise FormFileError(f"{name} är skadad och kan inte läsas som PDF.") from exc
    if not extracted.blocks:
        raise FormFileError(
            f"{name} innehåller ingen text – den ser ut att vara inskannad. Programmet kan bara läsa en PDF "
            "med text (sparad från Word). Be sökanden om blanketten i Word eller som sådan PDF, eller skriv "
            "in ansökan för hand.")
    return extracted


def read_form_bytes(name: str, data: bytes) -> Extracted:
    if not data:
        raise FormFileError(f"{name} är tom.")
    if len(data) > MAX_FILE_BYTES:
        raise FormFileError(f"{name} är {len(data) // 2**20} MB; en ansökan läses in upp till "
                            f"{MAX_FILE_BYTES // 2**20} MB.")
    kind = _kind(name, data)
    if kind == "pdf":
        return _read_pdf(name, data)
    _check_docx(name, data)
    from .docx_text import read_docx

    try:
        extracted = read_docx(data)
    except Exception as exc:  # noqa: BLE001 - python-docx/lxml raise many kinds for a broken file
        raise FormFileError(f"{name} är skadad och kan inte läsas som Word-fil.") from exc
    if not extracted.blocks:
        raise FormFileError(f"{name} innehåller ingen text.")
    return extracted


def file_bytes(path: str | Path) -> bytes:
    """The file's bytes within the size limit, or a FormFileError in Swedish."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FormFileError(f"{path.name} är {size // 2**20} MB; en ansökan läses in upp till "
                                f"{MAX_FILE_BYTES // 2**20} MB.")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise FormFileError(f"Filen {path.name} finns inte.") from exc
    except IsADirectoryError as exc:
        raise FormFileError(f"{path.name} är en mapp, inte en fil.") from exc
    except PermissionError as exc:
        raise FormFileError(f"{path.name} kan inte läsas: behörighet saknas.") from exc
    except OSError as exc:
        raise FormFileError(f"{path.name} kan inte läsas ({exc.strerror or 'okänt fel'}).") from exc
    return data


def read_form_file(path: str | Path) -> Extracted:
    return read_form_bytes(Path(path).name, file_bytes(path))
