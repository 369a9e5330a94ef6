"""Folding of Kazakh and Russian text for search.

Search must find "Қарағанды" whether typed "ҚАРАҒАНДЫ" or "Караганды" (keyboards without
Kazakh letters type their Russian look-alikes), so both the indexed text and the query are
folded: lower case, then each Kazakh letter to its look-alike, ё to е.
"""
from __future__ import annotations

import re

_LOOKALIKES = str.maketrans({
    "қ": "к", "ғ": "г", "ә": "а", "ө": "о", "ұ": "у", "ү": "у",
    "ң": "н", "і": "и", "һ": "х", "ё": "е",
})
_WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    return text.casefold().translate(_LOOKALIKES)


def search_terms(query: str) -> list[str]:
    """Folded words of a query, for prefix matching."""
    return _WORD.findall(fold(query))
