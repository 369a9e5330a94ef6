"""Wording of problems for the user: their language for UserErrors, an apology for bugs."""

from __future__ import annotations

from inspector_app.core.domain.errors import UserError

BUG_MESSAGE = {
    "kk": "Күтпеген қате болды. Жұмысыңыз сақталған. Қолданбаны қайта іске қосыңыз.",
    "ru": "Произошла непредвиденная ошибка. Ваша работа сохранена. Перезапустите приложение.",
    "en": "An unexpected error occurred. Your work is saved. Restart the application.",
}


def describe(error: BaseException, lang: str) -> str:
    """What to show for `error`. Only a background job hands over anything but a UserError,
    and the job has logged such a bug with its traceback (see workers/jobs.py)."""
    if isinstance(error, UserError) and error.code == "sync.rejected":
        # its reason is the server's English text: told without it (see sync_controller)
        return UserError("sync.refused", record=error.params.get("record", "")).message(lang)
    if isinstance(error, UserError):
        return error.message(lang)
    return BUG_MESSAGE.get(lang, BUG_MESSAGE["en"])
