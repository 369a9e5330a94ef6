"""Where a camera's pictures are: the DCIM folder of a card or a phone mounted by the
system. No Qt here. Pictures kept anywhere else are added with "Add photo…"."""

from __future__ import annotations

import getpass
import os
import string
from pathlib import Path

from inspector_app.core.domain.errors import register_messages


def mount_patterns() -> list[tuple[Path, str]]:
    """(folder, glob) pairs where a mounted card's or phone's DCIM folder shows up."""
    user = getpass.getuser()
    patterns = [
        (Path("/media") / user, "*/DCIM"),
        (Path("/run/media") / user, "*/DCIM"),
        (Path("/media"), "*/DCIM"),
        (Path("/mnt"), "*/DCIM"),
        (Path("/Volumes"), "*/DCIM"),
    ]
    if hasattr(os, "getuid"):  # phones over MTP, as GNOME mounts them
        patterns.append((Path(f"/run/user/{os.getuid()}/gvfs"), "*/*/DCIM"))
    if os.name == "nt":
        patterns += [(Path(f"{letter}:/"), "DCIM") for letter in string.ascii_uppercase[3:]]
    return patterns


def camera_cards() -> list[Path]:
    """DCIM folders of the cards and phones mounted now; empty when there is none."""
    found: list[Path] = []
    for root, pattern in mount_patterns():
        try:
            if root.is_dir():
                found += sorted(p for p in root.glob(pattern) if p.is_dir())
        except OSError:  # a drive without a medium, a mount point we may not read
            continue
    return list(dict.fromkeys(found))


def start_folder(chosen: str | None, cards: list[Path]) -> Path:
    """The folder chosen last time if it is on a card mounted now, else the first card."""
    if chosen:
        folder = Path(chosen)
        if folder.is_dir() and any(folder == card or card in folder.parents for card in cards):
            return folder
    return cards[0]


register_messages(
    {
        "camera.no_card": {
            "kk": "Камера картасы табылмады: камераны қосыңыз немесе оның картасын салыңыз, "
            "не болмаса «Фото қосу…» батырмасын пайдаланыңыз.",
            "ru": "Карта камеры не найдена: подключите камеру или вставьте её карту, "
            "либо воспользуйтесь кнопкой «Добавить фото…».",
            "en": "No camera card found: connect the camera or insert its card, or use Add photo…",
        },
    }
)
