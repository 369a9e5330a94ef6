"""Server settings, all from the environment (nothing read from files at import)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def database_url_from_env() -> str:
    url = os.environ.get("INSPECTOR_DATABASE_URL")
    if url:
        return url
    path = Path(os.environ.get("INSPECTOR_SERVER_DB", "inspector-server.db")).resolve()
    return f"sqlite:///{path}"


def _blob_dir(url: str) -> Path:
    configured = os.environ.get("INSPECTOR_BLOB_DIR")
    if configured:
        return Path(configured).resolve()
    if url.startswith("sqlite:///"):
        return Path(url.removeprefix("sqlite:///")).resolve().with_suffix(".blobs")
    return Path("inspector-blobs").resolve()


@dataclass(frozen=True)
class Settings:
    database_url: str
    blob_dir: Path
    token_days: int = 180
    max_json_bytes: int = 16 * 1024 * 1024
    max_upload_request_bytes: int = 64 * 1024 * 1024
    login_free_attempts: int = 5
    login_max_delay_s: int = 900
    upload_idle_s: float = 30.0  # an upload body silent this long ends; what arrived is kept
    max_page_bytes: int = 8 * 1024 * 1024  # of the JSON of one pull page
    desktop_version: str = ""  # the desktop app's current version, told to laptops on each pull
    desktop_url: str = ""  # where to get it
    header_timeout_s: float = 10.0  # a request line and headers must arrive within this
    body_timeout_s: float = 60.0  # a JSON body (not an upload) must arrive within this
    # addresses of reverse proxies whose X-Forwarded-For is believed; none by default
    trusted_proxies: tuple[str, ...] = ()
    verify_per_minute: int = 60  # /verify requests per client address and minute
    stale_upload_s: int = 24 * 3600  # clean-uploads: partial uploads and unreferenced files older
    export_retention_days: int = 7  # clean-uploads: statistics exports (and their jobs) older go
    log_level: str = "INFO"
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_env(cls) -> Settings:
        url = database_url_from_env()
        return cls(
            database_url=url,
            blob_dir=_blob_dir(url),
            token_days=_int("INSPECTOR_TOKEN_DAYS", 180),
            max_json_bytes=_int("INSPECTOR_MAX_JSON_BYTES", 16 * 1024 * 1024),
            max_upload_request_bytes=_int("INSPECTOR_MAX_UPLOAD_BYTES", 64 * 1024 * 1024),
            login_free_attempts=_int("INSPECTOR_LOGIN_FREE_ATTEMPTS", 5),
            login_max_delay_s=_int("INSPECTOR_LOGIN_MAX_DELAY", 900),
            upload_idle_s=_int("INSPECTOR_UPLOAD_IDLE_S", 30),
            max_page_bytes=_int("INSPECTOR_MAX_PAGE_BYTES", 8 * 1024 * 1024),
            desktop_version=os.environ.get("INSPECTOR_DESKTOP_VERSION", "").strip(),
            desktop_url=os.environ.get("INSPECTOR_DESKTOP_URL", "").strip(),
            header_timeout_s=_int("INSPECTOR_HEADER_TIMEOUT_S", 10),
            body_timeout_s=_int("INSPECTOR_BODY_TIMEOUT_S", 60),
            trusted_proxies=tuple(
                p.strip() for p in os.environ.get("INSPECTOR_TRUSTED_PROXIES", "").split(",") if p.strip()
            ),
            verify_per_minute=_int("INSPECTOR_VERIFY_PER_MINUTE", 60),
            stale_upload_s=_int("INSPECTOR_STALE_UPLOAD_S", 24 * 3600),
            export_retention_days=_int("INSPECTOR_EXPORT_RETENTION_DAYS", 7),
            log_level=os.environ.get("INSPECTOR_LOG_LEVEL", "INFO"),
        )
