"""Reading rendered PDFs back: text, fonts, footers, QR codes, pixels."""

from __future__ import annotations

import io
import re

import pypdf
import pypdfium2 as pdfium
import zxingcpp
from PIL import Image, ImageChops, ImageStat

from inspector_app.core.documents.page import FOOTER_TOP
from inspector_app.core.documents.style import MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, PAGE_W

KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"


def page_texts(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [page.extract_text() for page in reader.pages]


def squashed(text: str) -> str:
    """Text without any whitespace: wrapped lines and split long words compare equal."""
    return re.sub(r"\s+", "", text)


def body_text(pdf: bytes, number: str) -> str:
    """All pages' text without running headers and footers, so a paragraph that runs onto
    the next page reads as one."""
    kept = []
    for text in page_texts(pdf):
        for line in text.splitlines():
            if (
                number in line
                or line.startswith("SHA-256:")
                or "/verify/" in line
                or re.search(r"беттің \d+ беті|стр\. \d+ из \d+", line)
                or re.search(r" —( \d\d\.\d\d\.\d{4}|…)$", line)
            ):  # the running title
                continue
            kept.append(line)
    return "\n".join(kept)


def fonts(pdf: bytes) -> dict[str, bool]:
    """BaseFont -> whether its file is embedded (FontFile2 in the descriptor)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    out: dict[str, bool] = {}
    for page in reader.pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            out[str(font["/BaseFont"])] = bool(descriptor and "/FontFile2" in descriptor.get_object())
    return out


def render_page(pdf: bytes, index: int, dpi: float = 72, grey: bool = False) -> Image.Image:
    doc = pdfium.PdfDocument(pdf)
    try:
        image = doc[index].render(scale=dpi / 72, grayscale=grey).to_pil()
    finally:
        doc.close()
    return image.convert("L") if grey else image.convert("RGB")


def qr_texts(pdf: bytes, index: int, dpi: float = 200) -> list[str]:
    """QR codes zxing-cpp finds on a page rendered at `dpi`."""
    image = render_page(pdf, index, dpi)
    return [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]


def text_boxes(pdf: bytes) -> list[list[tuple[float, float, float, float]]]:
    """Per page, the boxes (left, bottom, right, top in points) of every run of text."""
    doc = pdfium.PdfDocument(pdf)
    try:
        out = []
        for page in doc:
            text = page.get_textpage()
            out.append([text.get_rect(i) for i in range(text.count_rects())])
        return out
    finally:
        doc.close()


def overflowing_boxes(pdf: bytes, slack: float = 1.5) -> list[tuple[int, tuple]]:
    """Text outside the writing area: left of the binding margin, past the right margin,
    or in the footer band without being footer text."""
    bad = []
    right = PAGE_W - MARGIN_RIGHT
    for page_no, boxes in enumerate(text_boxes(pdf), 1):
        for box in boxes:
            left, bottom, rgt, top = box
            if left < MARGIN_LEFT - slack or rgt > right + slack:
                bad.append((page_no, box))
            elif top > FOOTER_TOP and bottom < MARGIN_BOTTOM - slack:
                bad.append((page_no, box))  # body text running down into the footer band
    return bad


def mean_difference(a: Image.Image, b: Image.Image) -> float:
    """Mean absolute grey-level difference (0-255) of two same-size images."""
    if a.size != b.size:
        return 255.0
    return ImageStat.Stat(ImageChops.difference(a.convert("L"), b.convert("L"))).mean[0]


# Marks of the other language in a monolingual document (see other_language_marks)
RUSSIAN_ONLY_LETTERS = re.compile(
    "[ёЁщЩ]|(?<!об)(?<!суб)[ъЪ]", re.IGNORECASE
)  # Kazakh writes э, ъ in loanwords
RUSSIAN_WORDS = re.compile(
    r"(?<![\w-])(и|в|на|по|для|года|или|что|при|не|статьи|части|"
    r"протокол|предписание|нарушение|проверки)(?![\w-])",
    re.IGNORECASE,
)
# official designations written the same way in Russian texts (order numbers of the
# Ministry of Health are "ҚР ДСМ-76" in either language)
SHARED_DESIGNATIONS = ("ҚР ДСМ",)


def other_language_marks(text: str, lang: str, neutral: list[str] = ()) -> list[str]:
    """Letters or words of the other language found in a Kazakh-only ("kk") or Russian-only
    ("ru") document's text. `neutral` values (names, addresses, numbers: data written one
    way in both languages) are taken out first."""
    flat = " ".join(text.split())
    for value in sorted(neutral, key=len, reverse=True):
        if value:
            flat = flat.replace(" ".join(value.split()), " ")
    if lang == "ru":
        for designation in SHARED_DESIGNATIONS:
            flat = flat.replace(designation, " ")
        return [flat[max(0, m.start() - 30) : m.end() + 30] for m in re.finditer(f"[{KAZAKH_LETTERS}]", flat)]
    found = list(RUSSIAN_ONLY_LETTERS.finditer(flat)) + list(RUSSIAN_WORDS.finditer(flat))
    return [flat[max(0, m.start() - 30) : m.end() + 30] for m in found]
