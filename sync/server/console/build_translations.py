"""`make console-translations`: extract the console's texts, merge them into the kk, ru and
en catalogues (existing translations kept; new ones to fill in), and compile the .mo files.
`--check` only reports untranslated or fuzzy Kazakh and Russian messages (exit 1)."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from sync.server.console.i18n import LANGUAGES, LOCALE_DIR, catalogue, compile_catalogues

ROOT = Path(__file__).resolve().parents[3]
POT = LOCALE_DIR / "console.pot"


def _babel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def update() -> None:
    cfg = Path(__file__).parent / "babel.cfg"
    _babel("extract", "-F", str(cfg), "-k", "N_", "--no-location", "--omit-header", "-o", str(POT), str(ROOT))
    for lang in LANGUAGES:
        command = "update" if catalogue(lang, "po").exists() else "init"
        _babel(command, "-i", str(POT), "-d", str(LOCALE_DIR), "-D", "console", "-l", lang, "--no-wrap")


def untranslated() -> list[str]:
    """`lang: msgid` of every Kazakh or Russian message without a finished translation."""
    found = []
    for lang in ("kk", "ru"):
        with catalogue(lang, "po").open("rb") as source:
            messages = read_po(source)
        found += [f"{lang}: {m.id}" for m in messages if m.id and (not m.string or m.fuzzy)]
    return found


def main(argv: list[str]) -> int:
    if "--check" not in argv:
        update()
        print("compiled:", ", ".join(compile_catalogues(force=True)))
    missing = untranslated()
    for line in missing:
        print("untranslated", line)
    return 1 if missing and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
