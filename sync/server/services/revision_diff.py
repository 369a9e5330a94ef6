"""What changed between two revisions of an inspection record, field by field.

A plain walk over the two stored payloads (the JSON dicts the server keeps): nothing is
validated, rendered or read from the database, so a large record compares in milliseconds.
Entries are matched by their key (an answer by its item, a photo by its SHA-256, anything
else by its id); nested values are compared by their dotted path ("offender.name",
"substance.kk"); lists of plain values as a whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["added", "removed", "changed"]

# what each part of a record is matched by, and the fields a reader never needs to see
PARTS: dict[str, tuple[str, frozenset[str]]] = {
    "answers": ("item_id", frozenset({"item_id", "updated_at"})),
    "findings": ("id", frozenset({"id", "inspection_id"})),
    "measures": ("id", frozenset({"id", "inspection_id"})),
    "photos": ("sha256", frozenset({"id", "inspection_id", "sha256", "size", "taken_at"})),
    "restored_children": ("id", frozenset({"id"})),
}


@dataclass(frozen=True)
class Change:
    """One field: `path` is dotted ("offender.name"); a missing value is None."""

    path: str
    old: Any
    new: Any


@dataclass(frozen=True)
class EntryDiff:
    """One answer, finding, measure, photo or child that was added, removed or changed.
    `entry` is the entry as it is now (as it was, when removed); `changes` lists its
    differing fields (all its filled fields when added or removed)."""

    key: str
    status: Status
    entry: dict[str, Any]
    changes: list[Change] = field(default_factory=list)

    def change(self, path: str) -> Change | None:
        return next((c for c in self.changes if c.path == path), None)


@dataclass(frozen=True)
class RecordDiff:
    old_revision: int
    new_revision: int
    parts: dict[str, list[EntryDiff]]

    @property
    def empty(self) -> bool:
        return not any(self.parts.values())

    def __getitem__(self, part: str) -> list[EntryDiff]:
        return self.parts.get(part, [])


def record_diff(old: dict[str, Any], new: dict[str, Any]) -> RecordDiff:
    """The differences from record payload `old` to `new` (both as stored)."""
    return RecordDiff(
        old_revision=int(old.get("revision") or 0),
        new_revision=int(new.get("revision") or 0),
        parts={
            part: _entries(old.get(part) or [], new.get(part) or [], key, ignored)
            for part, (key, ignored) in PARTS.items()
        },
    )


def _entries(old: list[dict], new: list[dict], key: str, ignored: frozenset[str]) -> list[EntryDiff]:
    before = {str(e.get(key)): e for e in old if isinstance(e, dict)}
    after = {str(e.get(key)): e for e in new if isinstance(e, dict)}
    found = []
    for k, entry in after.items():
        earlier = before.get(k)
        if earlier is None:
            found.append(EntryDiff(k, "added", entry, _changes({}, entry, ignored)))
            continue
        if earlier == entry:  # most entries: one comparison in C, no walk
            continue
        changes = _changes(earlier, entry, ignored)
        if changes:
            found.append(EntryDiff(k, "changed", entry, changes))
    for k, entry in before.items():
        if k not in after:
            found.append(EntryDiff(k, "removed", entry, _changes(entry, {}, ignored)))
    return found


def _changes(old: dict, new: dict, ignored: frozenset[str]) -> list[Change]:
    """The differing fields; a nested value is walked only where it differs."""
    found = []
    for key in [*new, *(k for k in old if k not in new)]:
        a, b = old.get(key), new.get(key)
        if key in ignored or a == b:
            continue
        if _nested(a) or _nested(b):
            fa, fb = flatten(a, key), flatten(b, key)
            found += [Change(p, fa.get(p), fb.get(p)) for p in _ordered(fa, fb) if fa.get(p) != fb.get(p)]
        elif _empty(a) != _empty(b) or not _empty(a):
            found.append(Change(key, None if _empty(a) else a, None if _empty(b) else b))
    return found


def _nested(value: Any) -> bool:
    return isinstance(value, dict) or (isinstance(value, list) and any(isinstance(v, dict) for v in value))


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _ordered(a: dict, b: dict) -> list[str]:
    return list(b) + [k for k in a if k not in b]


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """A nested dict as {dotted path: value}; empty values ("", None, [], {}) left out, so
    that a field filled in or cleared shows as one change. Lists of dicts are numbered
    from 1; lists of plain values stay whole."""
    flat: dict[str, Any] = {}
    if isinstance(value, dict):
        for k, v in value.items():
            flat.update(flatten(v, f"{prefix}.{k}" if prefix else str(k)))
    elif isinstance(value, list) and any(isinstance(v, dict) for v in value):
        for n, v in enumerate(value, start=1):
            flat.update(flatten(v, f"{prefix}.{n}"))
    elif not _empty(value):
        flat[prefix] = value
    return flat
