"""Page geometry, paragraph styles and the language switch shared by every document."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from inspector_app.core.documents import labels
from inspector_app.core.documents.context import LANGS
from inspector_app.core.documents.fonts import NARROW, SERIF, SERIF_BOLD

PAGE_W, PAGE_H = A4
# binding margin on the left, as the records-management rules ask for
MARGIN_LEFT, MARGIN_RIGHT = 30 * mm, 12 * mm
MARGIN_TOP, MARGIN_BOTTOM = 16 * mm, 33 * mm
FRAME_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT
FRAME_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
GREY = colors.Color(0.35, 0.35, 0.35)
RULE = colors.Color(0.55, 0.55, 0.55)
SHADE = colors.Color(0.92, 0.92, 0.92)


def _style(name: str, **kw: object) -> ParagraphStyle:
    base = {
        "fontName": SERIF,
        "fontSize": 9.5,
        "leading": 12.2,
        "splitLongWords": 1,
        "allowWidows": 0,
        "allowOrphans": 0,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)  # type: ignore[arg-type]


class Styles:
    body = _style("body", alignment=TA_JUSTIFY, spaceAfter=2)
    body_left = _style("body_left")
    value = _style("value")
    title = _style("title", fontName=SERIF_BOLD, fontSize=12, leading=15, alignment=TA_CENTER)
    subtitle = _style("subtitle", fontSize=10, leading=13, alignment=TA_CENTER)
    heading = _style("heading", fontName=SERIF_BOLD, fontSize=10, leading=12.5, spaceBefore=7, spaceAfter=3)
    letterhead = _style("letterhead", fontName=SERIF_BOLD, fontSize=9, leading=11.2, alignment=TA_CENTER)
    label = _style("label", fontName=NARROW, fontSize=8, leading=9.6, textColor=GREY)
    cell = _style("cell", fontName=NARROW, fontSize=8.2, leading=9.8)
    cell_second = _style("cell_second", fontName=NARROW, fontSize=7.8, leading=9.3, textColor=GREY)
    cell_head = _style("cell_head", fontName=NARROW, fontSize=8, leading=9.6, alignment=TA_CENTER)
    cell_center = _style("cell_center", fontName=NARROW, fontSize=8.2, leading=9.8, alignment=TA_CENTER)
    section_row = _style("section_row", fontName=NARROW, fontSize=8.4, leading=10)
    caption = _style("caption", fontName=NARROW, fontSize=7.8, leading=9.3)
    small = _style("small", fontName=NARROW, fontSize=7.5, leading=9, textColor=GREY)
    small_center = _style(
        "small_center", fontName=NARROW, fontSize=7, leading=8.4, textColor=GREY, alignment=TA_CENTER
    )
    right = _style("right", alignment=TA_RIGHT)
    left = _style("left", alignment=TA_LEFT)


class Para(Paragraph):
    """A Paragraph that keeps its line breaks for a width. Long tables wrap every cell
    again at each page split and once more when drawing; this makes that free."""

    _wrapped_width: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped_width == availWidth and "blPara" in self.__dict__:  # split() drops it
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_width = availWidth
        return size


def esc(value: object) -> str:
    """Escape user text for Paragraph markup, keeping its line breaks."""
    return escape(str(value)).replace("\n", "<br/>")


@dataclass(frozen=True)
class Lang:
    """The language(s) a document is printed in: "kk", "ru" or "kk+ru" (Kazakh first)."""

    code: str

    def __post_init__(self) -> None:
        if self.code not in LANGS:
            raise ValueError(f"document language must be one of {LANGS}, got {self.code!r}")

    @property
    def langs(self) -> tuple[str, ...]:
        return ("kk", "ru") if self.code == "kk+ru" else (self.code,)

    @property
    def both(self) -> bool:
        return len(self.langs) == 2

    def t(self, key: str, sep: str = " / ", **params: object) -> str:
        """A label in every language of the document, joined (plain text, not escaped)."""
        return sep.join(dict.fromkeys(labels.text(key, lang, **params) for lang in self.langs))

    def e(self, value: str, sep: str = " / ") -> str:
        return sep.join(dict.fromkeys(labels.enum_text(value, lang) for lang in self.langs))

    def each(self, key: str, **params: object) -> list[str]:
        return [labels.text(key, lang, **params) for lang in self.langs]

    def date(self, day: object, sep: str = " / ") -> str:
        return sep.join(labels.long_date(day, lang) for lang in self.langs)  # type: ignore[arg-type]

    def paras(self, key: str, style: ParagraphStyle = Styles.body, **params: object) -> list[Para]:
        """A passage of boilerplate: the Kazakh paragraph, then the Russian one."""
        return [Para(esc(t), style) for t in self.each(key, **params)]

    def pick(self, kk: str, ru: str) -> list[str]:
        """Per-language variants of user data (e.g. facility names), non-empty, deduplicated."""
        chosen = [kk if lang == "kk" else ru for lang in self.langs]
        chosen = [c for c in chosen if c] or [kk or ru]
        return list(dict.fromkeys(chosen))
