"""The tamper-evidence QR code: verification address, number and content hash, as vectors."""

from __future__ import annotations

from urllib.parse import quote

import segno
from reportlab.pdfgen.canvas import Canvas


def verify_url(server_url: str, number: str) -> str:
    """The server's verification page of a document ("" without a server: nothing to print)."""
    if not server_url.strip():
        return ""
    return f"{server_url.strip().rstrip('/')}/verify/{quote(number)}"


def qr_payload(server_url: str, number: str, sha256: str) -> str:
    """What the QR holds: the verification address with the hash, e.g.
    https://<server>/verify/ALA-K07-2026-PR-0012?sha256=<64 hex>; "" without a server."""
    url = verify_url(server_url, number)
    return f"{url}?sha256={sha256}" if url else ""


class QrMatrix:
    """Dark-module runs of a QR code, computed once and drawn on every page."""

    def __init__(self, payload: str) -> None:
        code = segno.make(payload, error="m", micro=False)
        self.modules = len(code.matrix)
        self.runs = [_runs(row) for row in code.matrix]

    def draw(self, canv: Canvas, x: float, y: float, size: float) -> None:
        """Draw with the lower-left corner at (x, y); the caller keeps a white quiet zone."""
        unit = size / self.modules
        path = canv.beginPath()
        for r, runs in enumerate(self.runs):
            top = y + size - (r + 1) * unit
            for start, length in runs:
                path.rect(x + start * unit, top, length * unit, unit)
        canv.saveState()
        canv.setFillColorRGB(0, 0, 0)
        canv.drawPath(path, stroke=0, fill=1)
        canv.restoreState()


def _runs(row: bytes | bytearray) -> list[tuple[int, int]]:
    runs, start = [], None
    for i, dark in enumerate([*row, 0]):
        if dark and start is None:
            start = i
        elif not dark and start is not None:
            runs.append((start, i - start))
            start = None
    return runs
