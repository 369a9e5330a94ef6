"""Where the app keeps its files. Every path can be redirected by environment variables
(tests point them at temporary folders)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Paths:
    data: Path  # the encrypted store
    forms: Path  # checklist definitions
    resources: Path  # fonts, icons, translations

    @property
    def fonts(self) -> Path:
        return self.resources / "fonts"

    @property
    def translations(self) -> Path:
        return self.resources / "translations"


def default_paths() -> Paths:
    env = os.environ.get
    return Paths(
        data=Path(env("INSPECTOR_DATA_DIR") or platformdirs.user_data_dir("FieldInspector", False)),
        forms=Path(env("INSPECTOR_FORMS_DIR") or PROJECT_ROOT / "forms"),
        resources=Path(env("INSPECTOR_RESOURCES_DIR") or PROJECT_ROOT / "resources"),
    )
