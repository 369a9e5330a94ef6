"""Translation files of the interface: `make translations`.

    python -m inspector_app.desktop.ui.shared.i18n_build          refresh the .ts sources from the code
                                                   (translations kept) and compile the .qm files
    python -m inspector_app.desktop.ui.shared.i18n_build --check  change nothing; exit 1 if a text of the code
                                                   lacks a finished translation or a .qm is stale

English is the source language; `self.tr()` texts are read from `desktop/ui/` and `desktop/workers/`.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from inspector_app.core.paths import PROJECT_ROOT

TRANSLATIONS = PROJECT_ROOT / "resources" / "translations"
DESKTOP = PROJECT_ROOT / "inspector_app" / "desktop"
SOURCE_FOLDERS = (DESKTOP / "ui", DESKTOP / "workers")
LOCALES = {"kk": "kk_KZ", "ru": "ru_RU"}
# %1, %L1, %n, {0}: a translation must keep every marker its source has
MARKERS = re.compile(r"%L?\d+|%n|\{\d*\}")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translations: tuple[str, ...]  # one, or one per plural form
    unfinished: bool

    @property
    def key(self) -> tuple[str, str]:
        return self.context, self.source


def ts_path(code: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"inspector_{code}.ts"


def qm_path(code: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"inspector_{code}.qm"


def tool(name: str) -> str:
    """Qt's tools come with PySide6, beside the interpreter of the venv."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def source_files() -> list[str]:
    return [str(p) for folder in SOURCE_FOLDERS for p in sorted(folder.rglob("*.py"))]


def update(ts: Path, locale: str) -> None:
    """Add new texts of the code as unfinished, drop vanished ones, keep translations."""
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *source_files(),
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "en",
            "-target-language",
            locale,
            "-silent",
            "-ts",
            str(ts),
        ],
        check=True,
    )


def release(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def read_messages(ts: Path) -> list[Message]:
    messages = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                raise ValueError(f"{ts}: a message in {name!r} has no <translation>")
            forms = translation.findall("numerusform") if message.get("numerus") == "yes" else [translation]
            messages.append(
                Message(
                    name,
                    message.findtext("source", ""),
                    tuple(f.text or "" for f in forms),
                    translation.get("type") in ("unfinished", "obsolete", "vanished"),
                )
            )
    return messages


def problems(messages: list[Message], name: str) -> list[str]:
    found = []
    for m in messages:
        where = f"{name}: [{m.context}] {m.source!r}"
        if m.unfinished or not all(t.strip() for t in m.translations):
            found.append(f"{where} has no finished translation")
        elif any(sorted(MARKERS.findall(t)) != sorted(MARKERS.findall(m.source)) for t in m.translations):
            found.append(f"{where}: placeholders differ in {m.translations!r}")
    return found


def build(folder: Path = TRANSLATIONS) -> list[str]:
    """Refresh and compile every language; returns the problems left for translators."""
    found = []
    for code, locale in LOCALES.items():
        update(ts_path(code, folder), locale)
        release(ts_path(code, folder), qm_path(code, folder))
        messages = read_messages(ts_path(code, folder))
        left = problems(messages, ts_path(code).name)
        print(f"{ts_path(code).name}: {len(messages)} messages, {len(left)} to translate")
        found += left
    return found


def check(folder: Path = TRANSLATIONS) -> list[str]:
    """Build copies in a temp folder: every text must be translated and each .qm up to date."""
    found = []
    with tempfile.TemporaryDirectory() as temp:
        scratch = Path(temp)
        for code in LOCALES:
            if not ts_path(code, folder).exists():
                found.append(f"{ts_path(code).name} is missing")
                continue
            shutil.copy(ts_path(code, folder), ts_path(code, scratch))
        if found:
            return found
        found += build(scratch)
        for code in LOCALES:
            committed = qm_path(code, folder)
            if not committed.exists() or committed.read_bytes() != qm_path(code, scratch).read_bytes():
                found.append(
                    f"{committed.name} is not compiled from {ts_path(code).name}: run `make translations`"
                )
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing, report what is missing")
    args = parser.parse_args(argv)
    if not args.check:
        build()  # untranslated texts fall back to English; --check lists them
        return 0
    found = check()
    for line in found:
        print(line, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
