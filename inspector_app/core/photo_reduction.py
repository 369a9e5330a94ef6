"""Photos reduced before they are sealed, so a day's pictures cross a rural link.

A phone's 12-megapixel picture (4-6 MB) becomes at most `max_pixels` on its long side (2,048
unless the checklist item says otherwise), turned upright by its EXIF orientation, saved as a
JPEG of quality 85 with the moment it was taken kept. A picture already within the limit and
upright is kept byte for byte."""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageOps

from inspector_app.core.domain.forms import Item

DEFAULT_MAX_PIXELS = 2048
JPEG_QUALITY = 85
ORIENTATION = 0x0112
DATETIME = 0x0132
EXIF_IFD = 0x8769
DATETIME_ORIGINAL = 0x9003


@dataclass(frozen=True)
class PhotoLimit:
    """How a checklist item keeps its photos."""

    max_pixels: int = DEFAULT_MAX_PIXELS
    keep_original: bool = False

    @classmethod
    def of(cls, item: Item) -> PhotoLimit:
        return cls(item.photo_max_pixels, item.photo_keep_original)


def reduce_photo(data: bytes, max_pixels: int = DEFAULT_MAX_PIXELS) -> bytes:
    image = Image.open(io.BytesIO(data))
    exif = image.getexif()
    if max(image.size) <= max_pixels and exif.get(ORIENTATION, 1) == 1:
        return data
    scale = max_pixels / max(image.size)
    image.draft("RGB", (round(image.width * scale), round(image.height * scale)))  # JPEG: decode smaller
    upright = ImageOps.exif_transpose(image) or image
    upright.thumbnail((max_pixels, max_pixels), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    _as_rgb(upright).save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, exif=_dates_only(exif))
    return out.getvalue()


def _as_rgb(image: Image.Image) -> Image.Image:
    if image.mode == "RGB":
        return image
    if image.mode in ("RGBA", "LA", "P"):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _dates_only(source: Image.Exif) -> Image.Exif:
    """The EXIF the reduced picture keeps: when it was taken, nothing else (no orientation, no
    embedded thumbnail, no position)."""
    kept = Image.Exif()
    if DATETIME in source:
        kept[DATETIME] = source[DATETIME]
    original = source.get_ifd(EXIF_IFD).get(DATETIME_ORIGINAL)
    if original:
        kept.get_ifd(EXIF_IFD)[DATETIME_ORIGINAL] = original
    return kept
