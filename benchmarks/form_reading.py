"""Reading a received form: a 10-page ansökan as .docx and as PDF back into a proposed ansökan.

The files are the app's own printouts of a long ansökan (Språnget's texts, its AKTIVITETER repeated
until the PDF has ten pages) and the seed form PAS "saved from Word" (tests/fixtures). Measured in
process, warm (python-docx and pypdf imported once before), median of N: extraction, template
recognition and filling together (services.form_reader.read_bytes). Goal: ≤ 1 s each.

Run: `python -m benchmarks --only read`.
"""
from __future__ import annotations

import io
import statistics
import time

READ_GOAL_S = 1.0


def _median(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_reading(runs: int) -> list[str]:
    import pypdf

    from finsamdesk.documents.docx_form import render_application_docx
    from finsamdesk.documents.pdf_form import render_application
    from finsamdesk.services import form_reader
    from finsamdesk.services.templates import get_template
    from tests.fixtures.seed_applications import long_application

    app = long_application(10)
    template = get_template(app.template_id)
    pdf = render_application(app, template, "Samordningsförbundet Benchmark")
    docx = render_application_docx(app, template, "Samordningsförbundet Benchmark")
    pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    form_reader.read_bytes("v.docx", docx)  # warm: imports and template files
    form_reader.read_bytes("v.pdf", pdf)
    lines = []
    for name, data in ((f"{pages}-sidig ansökan, .docx ({len(docx) // 1024} kB)", docx),
                       (f"{pages}-sidig ansökan, PDF ({len(pdf) // 1024} kB)", pdf)):
        kind = "x.docx" if "docx" in name else "x.pdf"
        t = _median(lambda data=data, kind=kind: form_reader.read_bytes(kind, data), runs)
        verdict = "OK" if t <= READ_GOAL_S else "OVER"
        lines.append(f"read form   {name:<44} {t * 1000:8.0f} ms   goal ≤ {READ_GOAL_S * 1000:.0f} ms  {verdict}")
    return lines
