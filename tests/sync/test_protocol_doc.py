"""The protocol document and the code agree."""

from __future__ import annotations

import re
from pathlib import Path

from inspector_app.core.problems import CATALOGUE

DOC = Path(__file__).resolve().parents[2] / "sync" / "PROTOCOL.md"


def test_every_problem_code_is_documented_with_its_name():
    rows = dict(re.findall(r"^\| (\d{5}) \| \d{3} \| `([a-z_]+)` \|", DOC.read_text(), re.M))
    assert {int(c): n for c, n in rows.items()} == {c: k.name for c, k in CATALOGUE.items()}


def test_codes_are_status_times_hundred_plus_a_number():
    for code, kind in CATALOGUE.items():
        assert 100 <= kind.status <= 599 and 1 <= code % 100 <= 99
