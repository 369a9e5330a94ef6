"""The password policy both ends follow: a password set by a reset or a change has at least
MIN_PASSWORD_CHARS characters of at least two kinds (letters, digits, other signs) and is not
the user name. The server refuses others (42207); the laptop tells the same before sending."""

from __future__ import annotations

import unicodedata

MIN_PASSWORD_CHARS = 10


def _folded(text: str) -> str:
    """NFKC, lower case: the form in which user names are compared."""
    return unicodedata.normalize("NFKC", text).strip().lower()


def is_weak(password: str, username: str = "") -> bool:
    kinds = {
        "letter" if c.isalpha() else "digit" if c.isdigit() else "other" for c in password if not c.isspace()
    }
    return (
        len(password) < MIN_PASSWORD_CHARS
        or len(kinds) < 2
        or bool(username and _folded(password) == _folded(username))
    )
