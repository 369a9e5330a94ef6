"""The page: A4 with a binding margin, running header, and a footer with the document
number, "page X of Y", the content hash and the verification QR code on every page."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from inspector_app.core.documents.fonts import NARROW, NARROW_BOLD, SERIF, register_fonts
from inspector_app.core.documents.qr import QrMatrix
from inspector_app.core.documents.style import (
    FRAME_W,
    GREY,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_H,
    PAGE_W,
    RULE,
    Lang,
)

rl_config.useA85 = 0  # binary image streams: smaller and faster than ASCII85 text
QR_SIZE = 21 * mm
FOOTER_TOP = MARGIN_BOTTOM - 5 * mm  # the rule above the footer
FOOTER_BOTTOM = 7 * mm


@dataclass(frozen=True)
class PageInfo:
    lang: Lang
    number: str
    sha256: str
    verify_url: str
    qr_payload: str
    running_title: str  # short title shown on pages after the first
    title: str  # PDF metadata
    author: str
    document_date: dt.date


def build_pdf(story: list[Flowable], info: PageInfo) -> tuple[bytes, int]:
    """Lay out the story; return the PDF bytes and the page count."""
    register_fonts()
    out = io.BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=(PAGE_W, PAGE_H),
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        invariant=1,
        title=info.title,
        author=info.author,
        subject=info.number,
        # ReportLab takes a string as well as a list (its stubs say only list)
        keywords=f"sha256:{info.sha256} {info.verify_url}".strip(),  # type: ignore[arg-type]
        creator="Field Inspector",
        initialFontName=SERIF,
        lang="kk" if info.lang.code != "ru" else "ru",
    )
    frame = Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM,
        FRAME_W,
        PAGE_H - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    pages: list[int] = []

    def canvasmaker(*args: Any, **kwargs: Any) -> Canvas:
        canv = _NumberedCanvas(*args, page_info=info, **kwargs)
        pages.append(0)
        canv.on_total = lambda total: pages.__setitem__(-1, total)
        return canv

    doc.build(story, canvasmaker=canvasmaker)
    return out.getvalue(), pages[-1]


class _NumberedCanvas(Canvas):
    """Holds the pages back until the end, so each footer can say "page X of Y"."""

    def __init__(self, *args: Any, page_info: PageInfo, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._info = page_info
        self._qr = QrMatrix(page_info.qr_payload) if page_info.qr_payload else None
        self._held: list[dict[str, Any]] = []
        self._forms: set[str] = set()  # shared by all held page states
        self.on_total: Callable[[int], None] = lambda total: None
        created = page_info.document_date.strftime("D:%Y%m%d000000+05'00'")
        self.setDateFormatter(lambda *_: created)  # fixed, so renders are byte-identical

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # Canvas's own reset, missing in the stubs

    def save(self) -> None:
        total = len(self._held)
        for state in self._held:
            self.__dict__.update(state)
            qr = self._qr_form(self._qr) if self._qr else None
            _decorate(self, self._info, self.getPageNumber(), total, qr)
            super().showPage()
        self.on_total(total)
        super().save()

    def _qr_form(self, qr: QrMatrix) -> str:
        """The QR code as a form XObject: drawn once, placed on every page."""
        if "qr" not in self._forms:
            self.beginForm("qr", 0, 0, QR_SIZE, QR_SIZE)
            qr.draw(self, 0, 0, QR_SIZE)
            self.endForm()
            self._forms.add("qr")
        return "qr"


def _decorate(canv: Canvas, info: PageInfo, page: int, total: int, qr_form: str | None) -> None:
    canv.saveState()
    if page > 1:
        _running_header(canv, info)
    _footer(canv, info, page, total, qr_form)
    canv.restoreState()


def _running_header(canv: Canvas, info: PageInfo) -> None:
    y = PAGE_H - MARGIN_TOP + 5 * mm
    canv.setFont(NARROW, 7.5)
    canv.setFillColor(GREY)
    number = f"№ {info.number}"
    room = FRAME_W - stringWidth(number, NARROW, 7.5) - 8 * mm
    canv.drawString(MARGIN_LEFT, y, _fitted(info.running_title, room, NARROW, 7.5))
    canv.drawRightString(PAGE_W - MARGIN_RIGHT, y, number)
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.4)
    canv.line(MARGIN_LEFT, y - 1.8 * mm, PAGE_W - MARGIN_RIGHT, y - 1.8 * mm)


def _fitted(text: str, width: float, font: str, size: float) -> str:
    """The text, cut with an ellipsis if it is wider than `width`."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _footer(canv: Canvas, info: PageInfo, page: int, total: int, qr_form: str | None) -> None:
    """Number, page, hash; the verification address and QR code when there is a server."""
    right = PAGE_W - MARGIN_RIGHT
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.4)
    canv.line(MARGIN_LEFT, FOOTER_TOP, right, FOOTER_TOP)
    if qr_form:
        canv.saveState()
        canv.translate(right - QR_SIZE, FOOTER_BOTTOM)
        canv.doForm(qr_form)
        canv.restoreState()
    lang = info.lang
    x, y = MARGIN_LEFT, FOOTER_TOP - 4.2 * mm
    canv.setFillColorRGB(0, 0, 0)
    canv.setFont(NARROW_BOLD, 8.5)
    canv.drawString(x, y, f"№ {info.number}")
    canv.drawRightString(right - QR_SIZE - 4 * mm, y, lang.t("page", page=page, total=total))
    canv.setFont(NARROW, 6.8)
    canv.setFillColor(GREY)
    canv.drawString(x, y - 4 * mm, f"SHA-256: {info.sha256}")
    if info.verify_url:
        canv.drawString(x, y - 7.2 * mm, f"{lang.t('verify')}: {info.verify_url}")
