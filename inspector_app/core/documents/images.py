"""Photos and signatures made ready for the page: upright, print-sized, checked."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError
from reportlab.lib.utils import ImageReader

from inspector_app.core.domain.errors import UserError, register_messages
from inspector_app.core.domain.models import Photo

# about 200 dpi at the 78 mm an appendix photo gets: sharp on paper, light in the file
PHOTO_MAX_PX = 640
SIGNATURE_MAX_PX = 600


@dataclass(frozen=True)
class PreparedImage:
    reader: ImageReader
    width: int
    height: int

    def fit(self, max_w: float, max_h: float) -> tuple[float, float]:
        """Size within a box, keeping the aspect ratio."""
        scale = min(max_w / self.width, max_h / self.height)
        return self.width * scale, self.height * scale


def prepare_photo(photo: Photo, data: bytes | None) -> PreparedImage:
    """Check a photo against its recorded hash, turn it upright (EXIF orientation), shrink
    it to print size and re-encode as JPEG. Raises UserError for a missing or bad file."""
    name = photo.filename or photo.id
    if not data:
        raise UserError("documents.photo_missing", name=name)
    if photo.sha256 and hashlib.sha256(data).hexdigest() != photo.sha256:
        raise UserError("documents.photo_changed", name=name)
    try:
        with Image.open(io.BytesIO(data)) as img:
            img.draft("RGB", _draft_size(img.size))  # JPEG: decode at a reduced scale
            upright = ImageOps.exif_transpose(img).convert("RGB")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise UserError("documents.photo_unreadable", name=name) from exc
    upright.thumbnail((PHOTO_MAX_PX, PHOTO_MAX_PX), Image.Resampling.BILINEAR)
    out = io.BytesIO()
    upright.save(out, "JPEG", quality=85, optimize=False)
    out.seek(0)
    return PreparedImage(ImageReader(out), *upright.size)


def _draft_size(size: tuple[int, int]) -> tuple[int, int]:
    """The smallest decode size that still gives PHOTO_MAX_PX on the long side."""
    scale = min(1.0, PHOTO_MAX_PX / max(size))
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def prepare_signature(png: bytes) -> PreparedImage | None:
    """A signature image on white (transparency flattened); None if it cannot be read,
    so the signature line stays empty for a handwritten signature."""
    try:
        with Image.open(io.BytesIO(png)) as img:
            img.load()
            rgba = img.convert("RGBA")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None
    flat = Image.new("RGB", rgba.size, "white")
    flat.paste(rgba, mask=rgba.getchannel("A"))
    flat.thumbnail((SIGNATURE_MAX_PX, SIGNATURE_MAX_PX))
    out = io.BytesIO()
    flat.save(out, "PNG")
    out.seek(0)
    return PreparedImage(ImageReader(out), *flat.size)


register_messages(
    {
        "documents.photo_missing": {
            "kk": "«{name}» фотосуреті табылмады. Фотосуретті қайта қосыңыз немесе оны тексеру "
            "парағынан алып тастаңыз, содан кейін құжатты қайта жасаңыз.",
            "ru": "Фотография «{name}» не найдена. Добавьте её заново или удалите из проверочного "
            "листа, затем сформируйте документ ещё раз.",
            "en": "Photo “{name}” is missing. Add it again or remove it from the checklist, then "
            "create the document again.",
        },
        "documents.photo_changed": {
            "kk": "«{name}» фотосуреті түсірілгеннен кейін өзгерген. Оны қайта түсіріңіз.",
            "ru": "Фотография «{name}» изменилась после съёмки. Сделайте снимок заново.",
            "en": "Photo “{name}” has changed since it was taken. Take it again.",
        },
        "documents.photo_unreadable": {
            "kk": "«{name}» фотосуретін оқу мүмкін емес (файл зақымдалған). Оны қайта түсіріңіз.",
            "ru": "Фотографию «{name}» не удаётся прочитать (файл повреждён). Сделайте снимок заново.",
            "en": "Photo “{name}” cannot be read (the file is damaged). Take it again.",
        },
    }
)
