"""Errors told to the user in their language, kept apart from bugs.

A `UserError` carries a stable code and parameters; its text comes from a catalogue of
messages in Kazakh, Russian and English. Each layer registers its own messages with
`register_messages` at import time. Anything that is not a `UserError` is a bug: the UI
logs it with its trace and shows a generic apology.
"""

from __future__ import annotations

import datetime as dt

LANGUAGES = ("kk", "ru", "en")
_CATALOGUE: dict[str, dict[str, str]] = {}


def register_messages(messages: dict[str, dict[str, str]]) -> None:
    """Add {code: {"kk": ..., "ru": ..., "en": ...}}; every language is required."""
    for code, texts in messages.items():
        missing = [lang for lang in LANGUAGES if not texts.get(lang)]
        if missing:
            raise ValueError(f"message {code!r} lacks {missing}")
        if code in _CATALOGUE and _CATALOGUE[code] != texts:
            raise ValueError(f"message {code!r} registered twice with different texts")
        _CATALOGUE[code] = texts


def message_text(code: str, lang: str, **params: object) -> str:
    texts = _CATALOGUE.get(code)
    if texts is None:
        raise KeyError(f"no message registered for {code!r}")
    shown = {name: _shown(value) for name, value in params.items()}
    return texts.get(lang, texts["ru"]).format(**shown)


def _shown(value: object) -> object:
    """A parameter as people read it: dates as dd.mm.yyyy (in Kazakh and Russian alike)."""
    if isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    return value


class UserError(Exception):
    """A problem of input or environment that the user can act on."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, lang: str) -> str:
        return message_text(self.code, lang, **self.params)

    def __str__(self) -> str:
        return f"{self.code}: {message_text(self.code, 'en', **self.params)}"
