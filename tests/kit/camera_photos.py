"""Pictures as a phone camera makes them: 12 megapixels of real detail (not flat colour, which
JPEG squeezes to nothing), 4-6 MB as JPEG, with EXIF orientation and the moment taken."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw, ImageFilter

PHONE_SIZE = (4032, 3024)


def camera_photo(seed: int, size: tuple[int, int] = PHONE_SIZE, orientation: int = 1) -> bytes:
    rng = random.Random(seed)
    width, height = size
    scene = Image.radial_gradient("L").resize(size).convert("RGB")
    draw = ImageDraw.Draw(scene)
    for _ in range(400):  # walls, windows, furniture: edges at every scale
        x, y = rng.randrange(width), rng.randrange(height)
        w, h = rng.randrange(20, width // 4), rng.randrange(20, height // 4)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.rectangle((x, y, x + w, y + h), fill=colour, outline=(0, 0, 0))
    scene = scene.filter(ImageFilter.GaussianBlur(1.2))
    grain = Image.effect_noise(size, 40).convert("RGB")  # sensor noise is what keeps JPEGs large
    photo = Image.blend(scene, grain, 0.22)
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x0132] = f"2026:05:14 10:{seed % 60:02d}:00"
    exif.get_ifd(0x8769)[0x9003] = f"2026:05:14 10:{seed % 60:02d}:00"
    out = io.BytesIO()
    photo.save(out, "JPEG", quality=92, exif=exif)
    return out.getvalue()
