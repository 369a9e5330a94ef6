"""The embedded TrueType fonts (DejaVu Serif: full Kazakh Cyrillic), registered once."""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from inspector_app.core.paths import default_paths

SERIF = "DocSerif"
SERIF_BOLD = "DocSerif-Bold"
SERIF_ITALIC = "DocSerif-Italic"
SERIF_BOLD_ITALIC = "DocSerif-BoldItalic"
NARROW = "DocSerifCondensed"
NARROW_BOLD = "DocSerifCondensed-Bold"
NARROW_ITALIC = "DocSerifCondensed-Italic"

_FILES = {
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
    SERIF_ITALIC: "DejaVuSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "DejaVuSerif-BoldItalic.ttf",
    NARROW: "DejaVuSerifCondensed.ttf",
    NARROW_BOLD: "DejaVuSerifCondensed-Bold.ttf",
    NARROW_ITALIC: "DejaVuSerifCondensed-Italic.ttf",
}
_lock = threading.Lock()
_registered = False


def fonts_dir() -> Path:
    """`resources/fonts` (INSPECTOR_RESOURCES_DIR moves it, e.g. in a frozen build)."""
    return default_paths().fonts


def register_fonts() -> None:
    """Register the document fonts with ReportLab (idempotent, thread-safe)."""
    global _registered
    with _lock:
        if _registered:
            return
        folder = fonts_dir()
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
        # <b>/<i> inside Paragraph markup pick the right face
        addMapping(SERIF, 0, 0, SERIF)
        addMapping(SERIF, 1, 0, SERIF_BOLD)
        addMapping(SERIF, 0, 1, SERIF_ITALIC)
        addMapping(SERIF, 1, 1, SERIF_BOLD_ITALIC)
        addMapping(NARROW, 0, 0, NARROW)
        addMapping(NARROW, 1, 0, NARROW_BOLD)
        addMapping(NARROW, 0, 1, NARROW_ITALIC)
        addMapping(NARROW, 1, 1, NARROW_BOLD)
        _registered = True
