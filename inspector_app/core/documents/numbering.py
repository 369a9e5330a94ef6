"""Document numbers that stay unique across laptops without a network.

`REGION-INSPECTOR-YEAR-KIND-SEQ`, e.g. `ALA-K07-2026-PR-0012`: the inspector code is unique
within a region and each laptop allocates SEQ per (inspector, year, kind), so two laptops
never produce the same number without talking to each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspector_app.core.documents.context import DocumentKind

_CODE = re.compile(r"^[A-Z0-9]{1,8}$")
_NUMBER = re.compile(
    r"^(?P<region>[A-Z0-9]{1,8})-(?P<inspector>[A-Z0-9]{1,8})-(?P<year>\d{4})-"
    r"(?P<kind>[A-Z]{2})-(?P<seq>\d{4,})$"
)


@dataclass(frozen=True)
class DocumentNumber:
    region: str
    inspector: str
    year: int
    kind: DocumentKind
    seq: int


def document_number(
    region_code: str, inspector_code: str, year: int, kind: DocumentKind | str, seq: int
) -> str:
    region, inspector = region_code.strip().upper(), inspector_code.strip().upper()
    for code in (region, inspector):
        if not _CODE.match(code):
            raise ValueError(f"bad code {code!r} in a document number (A-Z, 0-9, 1-8 chars)")
    if not 2000 <= year <= 9999:
        raise ValueError(f"bad year {year}")
    if seq < 1:
        raise ValueError(f"sequence must start at 1, got {seq}")
    return f"{region}-{inspector}-{year:04d}-{DocumentKind(kind).value}-{seq:04d}"


def parse_document_number(number: str) -> DocumentNumber:
    match = _NUMBER.match(number)
    if not match:
        raise ValueError(f"not a document number: {number!r}")
    return DocumentNumber(
        match["region"],
        match["inspector"],
        int(match["year"]),
        DocumentKind(match["kind"]),
        int(match["seq"]),
    )
