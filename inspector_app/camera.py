"""Where a camera's pictures are: a card or a phone mounted by the system, or a folder the
inspector chose once. No Qt here."""
from __future__ import annotations

import getpass
from pathlib import Path


def camera_folders(chosen: str | None = None) -> list[Path]:
    """Candidate folders, the most likely first: the chosen one, then mounted DCIM folders."""
    user = getpass.getuser()
    found = [Path(chosen)] if chosen else []
    for root in (Path("/media") / user, Path("/run/media") / user, Path("/media"), Path("/Volumes")):
        if root.is_dir():
            found += sorted(p for p in root.glob("*/DCIM") if p.is_dir())
    found.append(Path.home() / "Pictures")
    return [p for p in found if p.is_dir()]

