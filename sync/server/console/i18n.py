"""The console's languages: gettext catalogues (Babel) in Kazakh, Russian and English.

`.po` files under `locale/` are the sources; the `.mo` files are compiled from them by
`make console-translations` and, when missing or older than their source, at start."""

from __future__ import annotations

import functools
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LANGUAGES = ("kk", "ru", "en")
DEFAULT = "kk"
DOMAIN = "console"
LOCALE_DIR = Path(__file__).parent / "locale"
NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}


def N_(message: str) -> str:
    """Mark a text for extraction; it is translated where it is shown."""
    return message


def catalogue(lang: str, suffix: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.{suffix}"


def compile_catalogues(force: bool = False) -> list[str]:
    """Compile each `.po` whose `.mo` is missing or stale; the languages compiled."""
    done = []
    for lang in LANGUAGES:
        po, mo = catalogue(lang, "po"), catalogue(lang, "mo")
        if not po.exists():
            continue
        if force or not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            with po.open("rb") as source:
                messages = read_po(source, locale=lang if lang != "kk" else "kk_KZ")
            partial = mo.with_suffix(".mo.partial")
            with partial.open("wb") as target:
                write_mo(target, messages, use_fuzzy=False)
            partial.replace(mo)
            done.append(lang)
    translations.cache_clear()
    return done


@functools.cache
def translations(lang: str) -> NullTranslations:
    """The compiled catalogue of `lang`; an empty one (the English source) when missing."""
    return Translations.load(str(LOCALE_DIR), [lang], domain=DOMAIN)


def pick(lang: str | None, accept_language: str = "") -> str:
    """A supported language: the given one, else the browser's first supported, else Kazakh."""
    if lang in LANGUAGES:
        return lang
    for part in accept_language.split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return DEFAULT
