"""Messages for problems while producing documents (photos: see images.py)."""

from __future__ import annotations

import errno
import os

from inspector_app.core.domain.errors import UserError, register_messages

DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def user_error_for(exc: OSError) -> UserError:
    """An environment error told in words the user can act on."""
    name = os.path.basename(str(exc.filename)) if exc.filename else ""
    if exc.errno in DISK_FULL:
        return UserError("documents.disk_full")
    if isinstance(exc, FileNotFoundError):
        return UserError("documents.file_missing", name=name)
    return UserError("documents.write_failed", name=name, reason=exc.strerror or str(exc))


register_messages(
    {
        "documents.disk_full": {
            "kk": "Дискіде орын жоқ, құжаттар сақталмады. Орын босатып, қайталаңыз.",
            "ru": "На диске нет места, документы не сохранены. Освободите место и повторите.",
            "en": "The disk is full; the documents were not saved. Free some space and try again.",
        },
        "documents.file_missing": {
            "kk": "«{name}» файлы табылмады. Фотосуреттерді тексеріп, құжатты қайта жасаңыз.",
            "ru": "Файл «{name}» не найден. Проверьте фотографии и сформируйте документ ещё раз.",
            "en": "File “{name}” was not found. Check the photos and create the document again.",
        },
        "documents.write_failed": {
            "kk": "«{name}» файлын жазу мүмкін болмады: {reason}. Басқа буманы таңдап, қайталаңыз.",
            "ru": "Не удалось записать файл «{name}»: {reason}. Выберите другую папку и повторите.",
            "en": "Could not write “{name}”: {reason}. Choose another folder and try again.",
        },
        "documents.render_failed": {
            "kk": "Құжатты жасау кезінде күтпеген қате болды. Деректеріңіз сақталған; қайталап көріңіз.",
            "ru": "При формировании документа произошла непредвиденная ошибка. Данные сохранены; "
            "попробуйте ещё раз.",
            "en": "An unexpected error occurred while creating the document. Your data is saved; try again.",
        },
    }
)
