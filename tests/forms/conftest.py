"""Fixtures of the form loader tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture
def write_form(tmp_path: Path) -> Callable[..., Path]:
    def write(text: str, name: str = "sample.v1.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
