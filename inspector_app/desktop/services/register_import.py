"""Importing a register of facilities (CSV or Excel) into the store (no Qt here)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from inspector_app.desktop.storage.store import Store


def import_register(store: Store, path: Path, progress: Callable[[int], None] = lambda n: None):
    """Read the file and add or update its facilities; the ImportReport (rows imported, rows
    refused with the reason). Re-importing a file updates rather than duplicates."""
    from inspector_app.core.register import import_facilities  # loaded when first needed

    return import_facilities(store.facilities, store.reference.regions(), path, progress)
