"""Documents for signature: one protocol, and a 300-item act with 20 photos (both in Kazakh and
Russian, with signatures and the QR code), each against its floor measured in the same run:
bare ReportLab canvas calls drawing the same lines of text, in the same embedded fonts, on
the same number of pages, and the same photos and signatures.
"""

from __future__ import annotations

import io
import sys
from functools import partial

import pypdfium2 as pdfium
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from benchmarks.common import median, row, timings
from inspector_app.core.documents import RenderedDocument, render_act, render_protocol
from inspector_app.core.documents.context import DocumentContext
from inspector_app.core.documents.fonts import SERIF, register_fonts
from inspector_app.core.domain.models import MeasureKind
from inspector_app.demo.documents import sample_context

RUNS = 7
PHOTO_SIZE = (1600, 1200)  # what the app keeps of a phone photo
MAX_RATIO = 3.0


def run(quick: bool = False) -> list[dict]:
    runs = 3 if quick else RUNS
    register_fonts()
    protocol_ctx = sample_context(n_items=16, n_photos=4, photo_size=PHOTO_SIZE)
    act_ctx = sample_context(n_items=300, n_photos=20, photo_size=PHOTO_SIZE)
    cases = [
        (
            "protocol, kk+ru, 2 photos",
            0.150,
            protocol_ctx,
            lambda: render_protocol(protocol_ctx, "m1", "kk+ru"),
        ),
        ("act, 300 items, 20 photos, kk+ru", 2.0, act_ctx, lambda: render_act(act_ctx, "kk+ru")),
    ]
    rows = []
    for name, goal, ctx, render in cases:
        document = render()  # warm: fonts parsed, modules imported
        content = _content(ctx, document)
        value = median(timings(render, runs))
        floor = median(timings(partial(_bare_canvas, content), runs))
        ok = value <= goal and value <= MAX_RATIO * floor
        rows.append(
            row(
                f"{name} ({document.pages} p.)",
                value * 1000,
                "ms",
                f"≤{goal * 1000:.0f} ms, ≤{MAX_RATIO:.0f}× floor",
                ok,
                floor * 1000,
            )
        )
    return rows


class _Content:
    """What a document shows: its text lines page by page, its photos and signatures."""

    def __init__(self, pages: list[list[str]], images: list[bytes]) -> None:
        self.pages, self.images = pages, images


def _content(ctx: DocumentContext, document: RenderedDocument) -> _Content:
    pdf = pdfium.PdfDocument(document.pdf)
    pages = []
    for page in pdf:
        text = page.get_textpage().get_text_range()
        pages.append([line for line in text.splitlines() if line.strip()])
    pdf.close()
    item_ids = None
    if document.measure_id:
        measure = ctx.measure(document.measure_id, MeasureKind.PROTOCOL)
        item_ids = {f.item_id for f in ctx.findings_of(measure)}
    photos = [data for _, data in ctx.photos_of(item_ids) if data]
    return _Content(pages, photos + list(ctx.signatures.values()))


def _bare_canvas(content: _Content) -> bytes:
    """The floor: one drawString per line, one drawImage per picture, nothing else."""
    out = io.BytesIO()
    # types-reportlab says a float for the font name; reportlab takes the name (a str)
    canvas = Canvas(out, pagesize=A4, invariant=1, initialFontName=SERIF)  # type: ignore[arg-type]
    images = list(content.images)
    per_page = max(1, -(-len(images) // max(1, len(content.pages))))
    for lines in content.pages:
        canvas.setFont(SERIF, 8.5)
        y = 800.0
        for line in lines:
            canvas.drawString(85, y, line)
            y = max(40.0, y - 10.5)
        for n in range(min(per_page, len(images))):
            canvas.drawImage(
                ImageReader(io.BytesIO(images.pop())), 85 + (n % 2) * 230, 400 - (n // 2) * 180, 220, 165
            )
        canvas.showPage()
    canvas.save()
    return out.getvalue()


if __name__ == "__main__":
    from benchmarks.common import print_table

    print_table("bench_documents", run(quick="--quick" in sys.argv))
