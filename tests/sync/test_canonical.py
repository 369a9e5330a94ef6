"""The content hash is the same bytes whichever JSON writer produced them."""
from __future__ import annotations

import json

from sync.protocol import canonical_json
from sync.testing.factory import demo_facility, inspection


def _standard(data) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def test_every_character_is_written_as_the_standard_library_writes_it():
    for start in range(0, 0x110000, 0x800):
        text = "".join(chr(c) for c in range(start, start + 0x800) if not 0xD800 <= c <= 0xDFFF)
        data = {"k" + text[:50]: text, "list": [text, 1, None, True]}
        assert canonical_json(data) == _standard(data), hex(start)


def test_a_record_and_integers_beyond_64_bits_hash_as_before():
    record = inspection(demo_facility("AST"), answers=30, seed=3)
    assert canonical_json(record.content()) == _standard(record.content())
    huge = {"fine": 2 ** 70, "negative": -2 ** 65, "Ә": "қазақша"}
    assert canonical_json(huge) == _standard(huge)
