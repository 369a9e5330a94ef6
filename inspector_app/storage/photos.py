"""Photo evidence: each file sealed with AES-GCM in the store's photos folder, its row in
the database. The sealed file is on disk (fsynced) before the row commits, so a row never
points to a missing file; a file whose row never committed is removed at the next open
(`store.remove_leftovers`)."""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import uuid
from pathlib import Path

import sqlalchemy as sa

from ..domain.errors import UserError, register_messages
from ..domain.models import Photo
from .crypto import open_sealed, seal, write_atomically
from .engine import Database, classify
from .inspections import now, touch
from .store import SEALED_SUFFIX
from . import models

_P = models.photos
MAX_PHOTO_BYTES = 40 * 1024 * 1024
EXIF_DATETIME_ORIGINAL = 36867
EXIF_IFD = 0x8769


def taken_at(image, fallback: dt.datetime) -> dt.datetime:
    exif = image.getexif()
    text = exif.get_ifd(EXIF_IFD).get(EXIF_DATETIME_ORIGINAL) or exif.get(306)
    try:
        return dt.datetime.strptime(str(text), "%Y:%m:%d %H:%M:%S") if text else fallback
    except ValueError:
        return fallback


class PhotoVault:
    def __init__(self, db: Database, folder: Path, key: bytes) -> None:
        self._db, self._folder, self._key = db, folder, key

    def add(self, inspection_id: str, item_id: str, source: Path) -> Photo:
        from PIL import Image  # Pillow is loaded with the first photo, not at start-up

        data = self._read_image(source)
        fallback = dt.datetime.fromtimestamp(source.stat().st_mtime)
        image = Image.open(io.BytesIO(data))
        photo = Photo(id=str(uuid.uuid4()), inspection_id=inspection_id, item_id=item_id,
                      sha256=hashlib.sha256(data).hexdigest(), size=len(data),
                      taken_at=taken_at(image, fallback), filename=source.name)
        try:
            write_atomically(self._path(photo.id), seal(self._key, data, photo.id.encode()))
        except OSError as error:
            raise classify(error) or UserError("store.disk_full") from error
        with self._db.write() as connection:
            touch(connection, inspection_id)
            connection.execute(sa.insert(_P).values(
                id=photo.id, inspection_id=inspection_id, item_id=item_id, sha256=photo.sha256,
                size=photo.size, taken_at=photo.taken_at.isoformat(), filename=photo.filename,
                created_at=now()))
        return photo

    def _read_image(self, source: Path) -> bytes:
        from PIL import Image, UnidentifiedImageError

        try:
            if source.stat().st_size > MAX_PHOTO_BYTES:
                raise UserError("photo.too_large", name=source.name, limit=MAX_PHOTO_BYTES // 2**20)
            data = source.read_bytes()
            Image.open(io.BytesIO(data)).verify()
        except (OSError, UnidentifiedImageError, SyntaxError, ValueError) as error:
            raise UserError("photo.unreadable", name=source.name) from error
        return data

    def _path(self, photo_id: str) -> Path:
        return self._folder / (photo_id + SEALED_SUFFIX)

    def data(self, photo: Photo) -> bytes:
        try:
            return open_sealed(self._key, self._path(photo.id).read_bytes(), photo.id.encode())
        except FileNotFoundError as error:
            raise UserError("photo.missing", name=photo.filename) from error

    def data_by_sha256(self, sha256: str) -> bytes:
        with self._db.read() as connection:
            row = connection.execute(sa.select(_P).where(_P.c.sha256 == sha256).limit(1)).mappings().one()
        return self.data(photo_from_row(row))

    def photos(self, inspection_id: str) -> list[Photo]:
        with self._db.read() as connection:
            rows = connection.execute(sa.select(_P).where(_P.c.inspection_id == inspection_id)
                                      .order_by(_P.c.created_at)).mappings().all()
        return [photo_from_row(r) for r in rows]


def photo_from_row(r) -> Photo:
    return Photo(id=r["id"], inspection_id=r["inspection_id"], item_id=r["item_id"],
                 sha256=r["sha256"], size=r["size"],
                 taken_at=dt.datetime.fromisoformat(r["taken_at"]) if r["taken_at"] else None,
                 filename=r["filename"])


register_messages({
    "photo.unreadable": {
        "kk": "«{name}» файлы сурет ретінде ашылмады. JPEG немесе PNG файлын таңдаңыз.",
        "ru": "Файл «{name}» не открывается как изображение. Выберите файл JPEG или PNG.",
        "en": "\"{name}\" could not be opened as an image. Choose a JPEG or PNG file.",
    },
    "photo.too_large": {
        "kk": "«{name}» файлы тым үлкен ({limit} МБ-тан асады). Камерада кішірек өлшемді таңдаңыз.",
        "ru": "Файл «{name}» слишком большой (больше {limit} МБ). Выберите меньшее разрешение камеры.",
        "en": "\"{name}\" is too large (over {limit} MB). Choose a smaller camera resolution.",
    },
    "photo.missing": {
        "kk": "«{name}» фотосуретінің файлы табылмады. Деректер қалтасын резервтік көшірмеден қалпына келтіріңіз.",
        "ru": "Не найден файл фотографии «{name}». Восстановите папку данных из резервной копии.",
        "en": "The file of photo \"{name}\" is missing. Restore the data folder from a backup.",
    },
})
