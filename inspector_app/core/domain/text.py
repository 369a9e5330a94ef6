"""Folding of Kazakh and Russian text for search, and the order names are listed in.

Search must find "Қарағанды" whether typed "ҚАРАҒАНДЫ" or "Караганды" (keyboards without
Kazakh letters type their Russian look-alikes), so both the indexed text and the query are
folded: lower case, then each Kazakh letter to its look-alike, ё to е.
"""

from __future__ import annotations

import re

_LOOKALIKES = str.maketrans(
    {
        "қ": "к",
        "ғ": "г",
        "ә": "а",
        "ө": "о",
        "ұ": "у",
        "ү": "у",
        "ң": "н",
        "і": "и",
        "һ": "х",
        "ё": "е",
    }
)
_WORD = re.compile(r"\w+", re.UNICODE)
_NUMBER = re.compile(r"\d+")
NUMBER_WIDTH = 12  # digits every number in a name is padded to (a BIN has 12)

KAZAKH_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
# Each letter to a character in alphabet order, in the block before the Cyrillic letters: byte
# order would put ә, ғ, қ, ң, ө, ұ, ү, һ and і after я. Digits and Latin still come first,
# and so does the number sign, as "#" (it would otherwise come after every letter).
_KAZAKH_ORDER = str.maketrans(
    {"№": "#", **{letter: chr(0x0300 + place) for place, letter in enumerate(KAZAKH_ALPHABET)}}
)


def fold(text: str) -> str:
    return text.casefold().translate(_LOOKALIKES)


def search_terms(query: str) -> list[str]:
    """Folded words of a query, for prefix matching."""
    return _WORD.findall(fold(query))


def name_sort_key(text: str) -> str:
    """A key that sorts names as people read them: letters in the order of the Kazakh
    alphabet, which holds the Russian one (so Russian names too, and the Kazakh letters in
    them, fall in place), case ignored, and numbers by their value: №5 before №12."""
    padded = _NUMBER.sub(lambda number: number.group().zfill(NUMBER_WIDTH), text.casefold())
    return padded.translate(_KAZAKH_ORDER)
