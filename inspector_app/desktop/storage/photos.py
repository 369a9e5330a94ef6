"""Photo evidence: each file sealed with AES-GCM in the store's photos folder, its row in
the database. The sealed file is on disk (fsynced) before the row commits, and is deleted
only after its row's deletion commits, so a row never points to a missing file; a file whose
row never committed is removed at the next open (`store.remove_leftovers`)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import uuid
from pathlib import Path

import sqlalchemy as sa

from inspector_app.core.domain.errors import UserError, register_messages
from inspector_app.core.domain.models import Photo
from inspector_app.core.photo_reduction import PhotoLimit, reduce_photo
from inspector_app.desktop.storage import models
from inspector_app.desktop.storage.crypto import open_sealed, seal, write_atomically
from inspector_app.desktop.storage.engine import Database, classify
from inspector_app.desktop.storage.inspections import now, touch
from inspector_app.desktop.storage.store import SEALED_SUFFIX

_P = models.photos
log = logging.getLogger(__name__)
MAX_PHOTO_BYTES = 40 * 1024 * 1024
DEFAULT_LIMIT = PhotoLimit()  # 2,048 px on the long side
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

    def add(self, inspection_id: str, item_id: str, source: Path, limit: PhotoLimit = DEFAULT_LIMIT) -> Photo:
        photo = self._seal(inspection_id, item_id, source, limit)
        try:
            with self._db.write() as connection:
                touch(connection, inspection_id)
                _insert(connection, photo, now())
        except BaseException:
            self._discard(photo.id)
            raise
        return photo

    def remove(self, photo: Photo) -> None:
        """Take a photo out of a draft inspection (a finalised one refuses: inspection.locked).

        The row goes first, with the inspection's next revision, so the next sync sends the
        record without it; the sealed file goes after the commit. A failure between the two
        leaves an unused file, never a row without its file."""
        with self._db.write() as connection:
            touch(connection, photo.inspection_id)
            connection.execute(sa.delete(_P).where(_P.c.id == photo.id))
        self._discard(photo.id)

    def replace(self, photo: Photo, source: Path, limit: PhotoLimit = DEFAULT_LIMIT) -> Photo:
        """Put another picture in a photo's place (same item, same position in the list).

        The new file is sealed first; the new row and the old row's removal commit together;
        the old file goes last. Whatever fails, one of the two photos is there whole."""
        new = self._seal(photo.inspection_id, photo.item_id, source, limit)
        try:
            with self._db.write() as connection:
                touch(connection, photo.inspection_id)
                created = connection.execute(sa.select(_P.c.created_at).where(_P.c.id == photo.id)).scalar()
                if created is None:
                    raise UserError("photo.gone", name=photo.filename)
                connection.execute(sa.delete(_P).where(_P.c.id == photo.id))
                _insert(connection, new, created)
        except BaseException:
            self._discard(new.id)
            raise
        self._discard(photo.id)
        return new

    def _seal(self, inspection_id: str, item_id: str, source: Path, limit: PhotoLimit) -> Photo:
        """Read and check a picture, reduce it to the item's limit, and write it sealed
        (fsynced) under a new photo id."""
        from PIL import Image  # Pillow is loaded with the first photo, not at start-up

        original = self._read_image(source)
        fallback = dt.datetime.fromtimestamp(source.stat().st_mtime)
        image = Image.open(io.BytesIO(original))
        data = original if limit.keep_original else self._reduce(original, limit.max_pixels, source)
        photo = Photo(
            id=str(uuid.uuid4()),
            inspection_id=inspection_id,
            item_id=item_id,
            sha256=hashlib.sha256(data).hexdigest(),
            size=len(data),
            taken_at=taken_at(image, fallback),
            filename=source.name,
        )
        try:
            write_atomically(self._path(photo.id), seal(self._key, data, photo.id.encode()))
        except OSError as error:
            raise classify(error) or UserError("store.disk_full") from error
        return photo

    def _discard(self, photo_id: str) -> None:
        """Delete a sealed file no row names (any more); one that stays behind is harmless."""
        try:
            self._path(photo_id).unlink(missing_ok=True)
        except OSError:
            log.warning("could not delete the sealed photo %s", photo_id, exc_info=True)

    @staticmethod
    def _reduce(original: bytes, max_pixels: int, source: Path) -> bytes:
        from PIL import UnidentifiedImageError

        try:
            return reduce_photo(original, max_pixels)
        except (OSError, UnidentifiedImageError, SyntaxError, ValueError) as error:
            raise UserError("photo.unreadable", name=source.name) from error

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
            rows = (
                connection.execute(
                    sa.select(_P).where(_P.c.inspection_id == inspection_id).order_by(_P.c.created_at)
                )
                .mappings()
                .all()
            )
        return [photo_from_row(r) for r in rows]


def _insert(connection, photo: Photo, created_at: str) -> None:
    assert photo.taken_at is not None  # a sealed photo always has its moment (`taken_at`)
    connection.execute(
        sa.insert(_P).values(
            id=photo.id,
            inspection_id=photo.inspection_id,
            item_id=photo.item_id,
            sha256=photo.sha256,
            size=photo.size,
            taken_at=photo.taken_at.isoformat(),
            filename=photo.filename,
            created_at=created_at,
        )
    )


def photo_from_row(r) -> Photo:
    return Photo(
        id=r["id"],
        inspection_id=r["inspection_id"],
        item_id=r["item_id"],
        sha256=r["sha256"],
        size=r["size"],
        taken_at=dt.datetime.fromisoformat(r["taken_at"]) if r["taken_at"] else None,
        filename=r["filename"],
    )


register_messages(
    {
        "photo.unreadable": {
            "kk": "«{name}» файлы сурет ретінде ашылмады. JPEG немесе PNG файлын таңдаңыз.",
            "ru": "Файл «{name}» не открывается как изображение. Выберите файл JPEG или PNG.",
            "en": '"{name}" could not be opened as an image. Choose a JPEG or PNG file.',
        },
        "photo.too_large": {
            "kk": "«{name}» файлы тым үлкен ({limit} МБ-тан асады). Камерада кішірек өлшемді таңдаңыз.",
            "ru": "Файл «{name}» слишком большой (больше {limit} МБ). Выберите меньшее разрешение камеры.",
            "en": '"{name}" is too large (over {limit} MB). Choose a smaller camera resolution.',
        },
        "photo.gone": {
            "kk": "«{name}» фотосы тексеруден әлдеқашан жойылған. Жаңасын «Фото қосу…» арқылы қосыңыз.",
            "ru": "Фото «{name}» уже удалено из проверки. Добавьте новое через «Добавить фото…».",
            "en": 'Photo "{name}" was already removed from the inspection. Add the new one with "Add photo…".',
        },
        "photo.missing": {
            "kk": "«{name}» фотосуретінің файлы табылмады. Деректер қалтасын резервтік көшірмеден қалпына келтіріңіз.",
            "ru": "Не найден файл фотографии «{name}». Восстановите папку данных из резервной копии.",
            "en": 'The file of photo "{name}" is missing. Restore the data folder from a backup.',
        },
    }
)
