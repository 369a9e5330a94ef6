from __future__ import annotations

import requests

from inspector_app.desktop.sync.http import RetryPolicy
from inspector_app.desktop.sync.service import SyncService, enrol
from sync.server.services.seed import DEMO_PASSWORD
from tests.kit.memory_store import MemoryStore

FAST_RETRY = RetryPolicy(attempts=5, base_delay=0.05, max_delay=0.5)


def enrolled_store(url: str, username: str = "inspector") -> MemoryStore:
    store = MemoryStore()
    enrol(store, requests.Session(), url, username, DEMO_PASSWORD, "test laptop")
    return store


def service(store: MemoryStore, **options) -> SyncService:
    options.setdefault("retry", FAST_RETRY)
    options.setdefault("timeout", (2.0, 10.0))
    return SyncService(store, requests.Session(), **options)


def point_at(store: MemoryStore, url: str) -> None:
    """Send this store's traffic through another address (a proxy) with the same token."""
    from dataclasses import replace

    store.enrolled = replace(store.enrolled, server_url=url)
