"""Pull: the current state of every entity changed since a cursor, as the caller may see it.

The answer is written here as JSON, not through the `ChangesResponse` model: an inspection
record was validated when it was pushed and is stored as JSON, and goes out as stored.
Parsing each one into the model and writing it out again was most of the work of a pull
that carries records (a supervisor's, or a second laptop's)."""

from __future__ import annotations

from collections import defaultdict

import sqlalchemy as sa
from pydantic_core import to_jsonable_python
from sqlalchemy.orm import Session

from inspector_app.core import protocol
from sync.server.persistence.db import json_dumps
from sync.server.persistence.models import (
    ArticleRow,
    AssignmentRow,
    BodyRow,
    ChangeRow,
    DistrictRow,
    FacilityRow,
    FormRow,
    InspectionRow,
    MrpRow,
    Region,
)
from sync.server.services.changes import changed_since
from sync.server.services.principal import Principal
from sync.server.services.records import latest_review
from sync.server.services.reference import body_to_wire, district_to_wire, region_to_wire
from sync.server.services.registry import (
    article_to_wire,
    assignment_to_wire,
    facility_to_wire,
    form_to_wire,
    usernames,
)

INSPECTIONS_AT_ONCE = 16  # records loaded from the database together (each up to 2 MiB)


def pull(
    session: Session,
    principal: Principal,
    since: int,
    limit: int,
    max_bytes: int = protocol.MAX_PAGE_BYTES,
    accepted: frozenset[str] = frozenset(),
) -> bytes:
    """The JSON of a `protocol.ChangesResponse` of at most `limit` changes and about
    `max_bytes` (a page ends after the change that passes it): records are loaded a few at
    a time and written out at once, so a pull never holds more than a page. `accepted`: the
    kinds beyond version 2 the client understands (`protocol.CHANGE_KINDS_HEADER`)."""
    rows, cursor, more = changed_since(session, principal, since, limit, accepted)
    by_kind: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        by_kind[row.kind].append(row.entity_id)
    inspections = by_kind.pop("inspection", [])
    data = {kind: _load(session, kind, ids) for kind, ids in by_kind.items()}
    parts, size, loaded = [], 0, {}
    for index, row in enumerate(rows):
        if row.kind == "inspection" and row.entity_id not in loaded:
            loaded = _inspections(
                session, inspections[inspections.index(row.entity_id) :][:INSPECTIONS_AT_ONCE]
            )
        found = loaded if row.kind == "inspection" else data[row.kind]
        change = {
            "kind": row.kind,
            "seq": row.seq,
            "id": row.entity_id,
            "deleted": row.deleted or row.entity_id not in found,
            "data": found.get(row.entity_id),
        }
        parts.append(json_dumps(change).encode())
        size += len(parts[-1])
        if size >= max_bytes and index < len(rows) - 1:
            cursor, more = row.seq, True
            break
    head = json_dumps({"cursor": cursor, "more": more}).encode()[:-1]
    return head + b',"changes":[' + b",".join(parts) + b"]}"


def _load(session: Session, kind: str, ids: list[str]) -> dict[str, object]:
    """{entity id: its JSON} of the entities of one kind that still exist."""
    found = _LOADERS[kind](session, ids)
    if kind == "inspection":
        return found  # stored as JSON
    return {entity: to_jsonable_python(value) for entity, value in found.items()}


def _facilities(session: Session, ids: list[str]) -> dict:
    rows = session.scalars(sa.select(FacilityRow).where(FacilityRow.id.in_(ids)))
    return {r.id: facility_to_wire(r) for r in rows}


def _forms(session: Session, ids: list[str]) -> dict:
    found = {}
    for entity in ids:
        form_id, _, version = entity.rpartition("@")
        row = session.get(FormRow, (form_id, int(version)))
        if row is not None:
            found[entity] = form_to_wire(row)
    return found


def _mrp(session: Session, ids: list[str]) -> dict:
    rows = session.scalars(sa.select(MrpRow).where(MrpRow.year.in_([int(i) for i in ids])))
    return {str(r.year): protocol.Mrp(year=r.year, tenge=r.tenge) for r in rows}


def _articles(session: Session, ids: list[str]) -> dict:
    rows = session.scalars(sa.select(ArticleRow).where(ArticleRow.code.in_(ids)))
    return {r.code: article_to_wire(r) for r in rows}


def _assignments(session: Session, ids: list[str]) -> dict:
    rows = list(session.scalars(sa.select(AssignmentRow).where(AssignmentRow.id.in_(ids))))
    names = usernames(session, {r.inspector_id for r in rows} | {r.created_by for r in rows})
    return {r.id: assignment_to_wire(r, names) for r in rows}


def _inspections(session: Session, ids: list[str]) -> dict:
    rows = session.execute(
        sa.select(InspectionRow.id, InspectionRow.payload).where(InspectionRow.id.in_(ids))
    )
    return dict(rows.all())


def _reviews(session: Session, ids: list[str]) -> dict:
    found = {i: latest_review(session, i) for i in ids}
    # without item comments the key is left out: laptops from before it refuse unknown keys
    return {
        i: r.model_dump(mode="json", exclude=set() if r.item_comments else {"item_comments"})
        for i, r in found.items()
        if r is not None
    }


def _bodies(session: Session, ids: list[str]) -> dict:
    rows = session.scalars(sa.select(BodyRow).where(BodyRow.code.in_(ids)))
    return {r.code: body_to_wire(r) for r in rows}


def _districts(session: Session, ids: list[str]) -> dict:
    rows = session.scalars(sa.select(DistrictRow).where(DistrictRow.code.in_(ids)))
    return {r.code: district_to_wire(r) for r in rows}


def _regions(session: Session, ids: list[str]) -> dict:
    rows = session.scalars(sa.select(Region).where(Region.code.in_(ids)))
    return {r.code: region_to_wire(r) for r in rows}


_LOADERS = {
    "facility": _facilities,
    "form": _forms,
    "mrp": _mrp,
    "article": _articles,
    "body": _bodies,
    "district": _districts,
    "region": _regions,
    "assignment": _assignments,
    "inspection": _inspections,
    "review": _reviews,
}
__all__ = ["ChangeRow", "pull"]
