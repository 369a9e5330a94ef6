"""The protocol document and the code agree."""

from __future__ import annotations

import re
from pathlib import Path

from inspector_app.core import protocol
from inspector_app.core.problems import CATALOGUE
from sync.server.api import admin, auth, statistics
from sync.server.api.httpproto import MAX_HEADER_BYTES
from sync.server.api.middleware import ANONYMOUS_JSON_BYTES
from sync.server.config import Settings
from sync.server.services.security import MIN_PASSWORD_CHARS, Throttle
from sync.server.services.statistics import BASES, Summary

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "sync" / "PROTOCOL.md"


def test_every_problem_code_is_documented_with_its_name():
    rows = dict(re.findall(r"^\| (\d{5}) \| \d{3} \| `([a-z_]+)` \|", DOC.read_text(), re.M))
    assert {int(c): n for c, n in rows.items()} == {c: k.name for c, k in CATALOGUE.items()}


def test_codes_are_status_times_hundred_plus_a_number():
    for code, kind in CATALOGUE.items():
        assert 100 <= kind.status <= 599 and 1 <= code % 100 <= 99


TEXT = " ".join(DOC.read_text().split())  # sentences may wrap anywhere


def test_the_documented_sign_in_wait_is_the_servers():
    assert "After n = 5 failures each attempt must wait 2^(n-4) s" in TEXT
    throttle = Throttle()
    assert throttle.free == 5 and throttle.max_delay == 900 and "at most 15 min" in TEXT
    assert [throttle.wait_seconds(n) for n in range(5, 10)] == [2 ** (n - 4) for n in range(5, 10)]


def test_the_documented_limits_are_the_servers():
    assert f"at most {protocol.MAX_TEXT_CHARS:,} characters" in TEXT
    assert protocol.MAX_RECORD_BYTES == 2 * 1024 * 1024 and "at most 2 MiB of canonical JSON" in TEXT
    assert f"the years {protocol.MIN_YEAR}..{protocol.MAX_YEAR}" in TEXT
    assert Settings.max_page_bytes == 8 * 1024 * 1024 and "about 8 MiB of JSON" in TEXT
    assert ANONYMOUS_JSON_BYTES == 64 * 1024 and "may inflate to 64 KiB" in TEXT
    assert MAX_HEADER_BYTES == 64 * 1024 and "be at most 64 KiB" in TEXT
    assert Settings.header_timeout_s == 10 and "within 10 s of their first byte" in TEXT
    assert Settings.body_timeout_s == 60 and "must arrive within 60 s" in TEXT
    assert MIN_PASSWORD_CHARS == 10 and "at least 10 characters of at least two kinds" in TEXT


def test_every_setting_is_documented():
    names = set(re.findall(r'"(INSPECTOR_[A-Z_]+)"', (ROOT / "sync" / "server" / "config.py").read_text()))
    assert names and not {n for n in names if f"`{n}`" not in TEXT}


def test_the_account_endpoints_are_documented():
    for route in [*auth.router.routes, *admin.router.routes]:
        path = route.path.removeprefix(protocol.API)
        if path.startswith(("/auth", "/users", "/devices")):
            pattern = re.escape(path)
            pattern = re.sub(r"\\\{[a-z_]+\\\}", r"\\{[a-z_]+\\}", pattern)
            assert re.search(pattern, TEXT), path


def test_the_statistics_endpoint_and_its_figures_are_documented():
    assert [r.path.removeprefix(protocol.API) for r in statistics.router.routes] == ["/statistics"]
    assert "`GET /statistics?from=YYYY-MM-DD&to=YYYY-MM-DD[&region=CODE]" in TEXT
    for name in [*Summary.__dataclass_fields__, *BASES, "breakdown", "by_region", "by_kind"]:
        assert f"`{name}`" in TEXT, name
