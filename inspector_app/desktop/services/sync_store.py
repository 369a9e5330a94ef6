"""The local store as the sync service sees it (`inspector_app.desktop.sync.store.SyncStore`).

A record leaves the outbox only when the server holds the very revision sent, with every
photo verified. The revision being sent is closed for edits (an edit opens the next one),
and its content hash is kept, so a lost acknowledgement is told apart from a real conflict.
Conflicts and refusals are kept for a person; nothing is overwritten silently.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa

from inspector_app.core import problems
from inspector_app.core.domain.codec import to_json
from inspector_app.core.domain.forms import Form
from inspector_app.core.domain.models import RightsCategory
from inspector_app.core.domain.restored import children_from_counts, restored_counts, without_dangling_ties
from inspector_app.core.forms.catalogue import FormCatalogue
from inspector_app.core.protocol import Change, DocumentMeta, EnrolResponse, ErrorInfo, InspectionRecord
from inspector_app.desktop.services import outbox
from inspector_app.desktop.storage import models
from inspector_app.desktop.storage.engine import sqlite_upsert
from inspector_app.desktop.storage.facilities import to_row as facility_row
from inspector_app.desktop.storage.inspections import now
from inspector_app.desktop.storage.store import Store
from inspector_app.desktop.sync.store import Enrolment

_I, _S = models.inspections, models.sync_problems
KEYS = outbox.ENROLMENT_KEYS


class StoreSyncAdapter:
    def __init__(self, store: Store, catalogue: FormCatalogue, received_forms: Path) -> None:
        self.store, self.catalogue, self.received_forms = store, catalogue, received_forms

    # --- enrolment and cursor ----------------------------------------------------------
    def enrolment(self) -> Enrolment | None:
        values = [value for key in KEYS if (value := self.store.reference.setting(f"sync.{key}"))]
        return Enrolment(*values) if len(values) == len(KEYS) else None

    def save_enrolment(self, server_url: str, response: EnrolResponse) -> None:
        for key, value in zip(
            KEYS, (server_url, response.token, response.device_id, response.user.username), strict=True
        ):
            self.store.reference.set_setting(f"sync.{key}", value)

    def save_transfer(self, keys, server) -> None:
        """The keys of transfer bundles (records by USB stick), kept with the enrolment."""
        from inspector_app.desktop.services.transfer import save_keys

        save_keys(self.store, keys, server)

    def cursor(self) -> int:
        return int(self.store.reference.setting("sync.cursor", "0"))

    # --- outbox --------------------------------------------------------------------------
    def pending_record_ids(self) -> list[str]:
        return outbox.pending_ids(self.store)

    def outgoing_record(self, record_id: str) -> InspectionRecord:
        """The record to send, read in one transaction (an edit made meanwhile is not half in
        it), the one that closes its revision: from then on an edit opens the next one."""
        db = self.store.db
        with db.write() as connection, db.snapshot(connection):
            record = self._read_record(connection, record_id)
            connection.execute(
                sa.update(_I)
                .where(_I.c.id == record_id, _I.c.revision == record.revision)
                .values(sending_revision=record.revision, sending_hash=record.content_hash())
            )
        return record

    def _read_record(self, connection: sa.Connection, record_id: str) -> InspectionRecord:
        """The record as the store holds it; every read below goes through the caller's
        snapshot connection (see `Database.snapshot`)."""
        inspections = self.store.inspections
        header = inspections.get(record_id)
        synced = connection.execute(sa.select(_I.c.synced_revision).where(_I.c.id == record_id)).scalar_one()
        findings = inspections.findings(record_id, self.form_of(header))
        measures = inspections.measures(record_id)
        children = without_dangling_ties(
            inspections.restored_children(record_id), [f.id for f in findings], [m.id for m in measures]
        )
        return InspectionRecord(
            id=record_id,
            revision=header.revision,
            base_revision=synced,
            header=header,
            answers=sorted(inspections.answers(record_id).values(), key=lambda a: a.item_id),
            findings=findings,
            measures=measures,
            photos=self.store.photos.photos(record_id),
            restored=restored_counts(children),
            restored_children=children,
            documents=self.documents(record_id),
        )

    def form_of(self, header) -> Form:
        return self.catalogue.for_inspection(header)

    def documents(self, record_id: str) -> list[DocumentMeta]:
        return [
            DocumentMeta(
                id=d["id"],
                kind=d["kind"],
                number=d["number"],
                content_sha256=d["sha256"],
                language=d["language"] or "kk",
                measure_id=d["measure_id"],
                created_at=dt.datetime.fromisoformat(d["created_at"]),
                inputs=json.loads(d["inputs"]) if d.get("inputs") else None,
            )
            for d in self.store.paperwork.documents(record_id)
            if d["sha256"]
        ]

    def attachment_bytes(self, sha256: str) -> bytes:
        try:
            return self.store.photos.data_by_sha256(sha256)
        except sa.exc.NoResultFound as error:
            raise KeyError(sha256) from error

    # --- results ---------------------------------------------------------------------------
    def mark_synced(self, record_id: str, revision: int) -> None:
        with self.store.db.write() as connection:
            connection.execute(
                sa.update(_I)
                .where(_I.c.id == record_id, _I.c.synced_revision < revision)
                .values(synced_revision=revision)
            )

    def mark_conflict(
        self, record_id: str, revision: int, problem: ErrorInfo, server_record: InspectionRecord | None
    ) -> None:
        if server_record is not None and self._is_our_last_send(record_id, server_record):
            self.mark_synced(record_id, server_record.revision)  # its answer was lost on the way
            return
        self._keep_problem(record_id, revision, "conflict", problem, server_record)

    def mark_rejected(self, record_id: str, revision: int, problem: ErrorInfo) -> None:
        self._keep_problem(record_id, revision, "rejected", problem, None)

    def _is_our_last_send(self, record_id: str, server_record: InspectionRecord) -> bool:
        with self.store.db.read() as connection:
            row = connection.execute(
                sa.select(_I.c.sending_revision, _I.c.sending_hash).where(_I.c.id == record_id)
            ).one()
        return (
            row.sending_revision == server_record.revision
            and row.sending_hash == server_record.content_hash()
        )

    def _keep_problem(self, record_id, revision, kind, problem: ErrorInfo, server_record) -> None:
        with self.store.db.write() as connection:
            keep_problem(connection, record_id, revision, kind, problem, server_record)

    def problems(self) -> list[dict]:
        with self.store.db.read() as connection:
            return [dict(r) for r in connection.execute(sa.select(_S)).mappings()]

    # --- resolving a conflict ---------------------------------------------------------------
    def keep_mine(self, record_id: str) -> None:
        """Send the local version again, on top of the server's."""
        with self.store.db.write() as connection:
            server = connection.execute(
                sa.select(_S.c.server_record).where(_S.c.inspection_id == record_id)
            ).scalar()
            base = InspectionRecord.model_validate(server).revision if server else 0
            connection.execute(
                sa.update(_I)
                .where(_I.c.id == record_id)
                .values(synced_revision=base, revision=base + 1, sending_revision=0, sending_hash=None)
            )
            connection.execute(sa.delete(_S).where(_S.c.inspection_id == record_id))

    def take_theirs(self, record_id: str) -> None:
        """Replace the local version by the server's (the local one stays in the audit of the
        server only if it was ever sent: the person chose this)."""
        with self.store.db.write() as connection:
            server = connection.execute(
                sa.select(_S.c.server_record).where(_S.c.inspection_id == record_id)
            ).scalar()
            if server:
                replace_local(connection, InspectionRecord.model_validate(server))
            connection.execute(sa.delete(_S).where(_S.c.inspection_id == record_id))

    # --- pull --------------------------------------------------------------------------------
    def apply_changes(self, changes: Sequence[Change], cursor: int) -> None:
        forms = [c.data for c in changes if c.kind == "form" and c.data is not None]
        retired = [c.id for c in changes if c.kind == "form" and c.deleted]
        arriving = [c.data.code for c in changes if c.kind == "body" and c.data and c.data.active]
        self.catalogue.extra_bodies = (*self.store.reference.bodies(), *arriving)
        self._keep_forms(forms, retired)
        with self.store.db.write() as connection:
            for change in changes:
                if change.data is not None:
                    APPLY[change.kind](self, connection, change.data)
            connection.execute(
                sqlite_upsert(models.settings, {"key": "sync.cursor", "value": str(cursor)}, ["key"])
            )

    def _keep_forms(self, forms, retired: list[str]) -> None:
        """Keep received forms as files; a retired version (`<id>@<version>`) stays for the
        inspections made with it and is marked so that no new one starts with it."""
        from inspector_app.core.forms.catalogue import mark_retired
        from inspector_app.core.forms.loader import save_form

        self.received_forms.mkdir(parents=True, exist_ok=True)
        for form in forms:
            save_form(self.received_forms, form.content, form.content_hash, self.catalogue.extra_bodies)
        for entity in retired:
            form_id, _, version = entity.rpartition("@")
            if version.isdigit():
                mark_retired(self.received_forms, form_id, int(version))
        if forms or retired:
            self.catalogue.reload()

    def _facility(self, connection, facility) -> None:
        connection.execute(sqlite_upsert(models.facilities, facility_row(facility), ["id"]))

    def _mrp(self, connection, mrp) -> None:
        connection.execute(sqlite_upsert(models.mrp, {"year": mrp.year, "tenge": mrp.tenge}, ["year"]))

    def _article(self, connection, article) -> None:
        connection.execute(sqlite_upsert(models.articles, article.model_dump(), ["code"]))

    def _body(self, connection, body) -> None:
        connection.execute(sqlite_upsert(models.bodies, body.model_dump(), ["code"]))

    def _district(self, connection, district) -> None:
        connection.execute(sqlite_upsert(models.districts, district.model_dump(), ["code"]))

    def _region(self, connection, region) -> None:
        connection.execute(sqlite_upsert(models.regions, region.model_dump(), ["code"]))

    def _assignment(self, connection, assignment) -> None:
        connection.execute(
            sqlite_upsert(
                models.assignments,
                {
                    "id": assignment.id,
                    "facility_id": assignment.facility_id,
                    "planned_date": assignment.planned_date.isoformat(),
                    "status": assignment.status,
                    "data": assignment.model_dump(mode="json"),
                },
                ["id"],
            )
        )

    def _review(self, connection, review) -> None:
        connection.execute(
            sa.update(_I)
            .where(_I.c.id == review.inspection_id)
            .values(
                review_state=review.decision,
                review_comment=review.comment,
                review_item_comments=[c.model_dump() for c in review.item_comments],
            )
        )

    def _record(self, connection, record: InspectionRecord) -> None:
        """A newer server revision (e.g. returned for rework): taken only if nothing local
        is unsent; otherwise both versions are kept as a conflict."""
        local = connection.execute(
            sa.select(_I.c.revision, _I.c.synced_revision).where(_I.c.id == record.id)
        ).first()
        if local is not None and local.synced_revision >= record.revision:
            return
        known = connection.execute(
            sa.select(models.facilities.c.id).where(models.facilities.c.id == record.header.facility_id)
        ).first()
        if known is None:  # not in this inspector's register: nothing to attach it to
            return
        if local is not None and local.revision > local.synced_revision:
            newer = ErrorInfo.of(problems.STALE_BASE_REVISION)
            keep_problem(connection, record.id, local.revision, "conflict", newer, record)
            return
        replace_local(connection, record)


APPLY = {
    "facility": StoreSyncAdapter._facility,
    "mrp": StoreSyncAdapter._mrp,
    "article": StoreSyncAdapter._article,
    "body": StoreSyncAdapter._body,
    "district": StoreSyncAdapter._district,
    "region": StoreSyncAdapter._region,
    "assignment": StoreSyncAdapter._assignment,
    "review": StoreSyncAdapter._review,
    "inspection": StoreSyncAdapter._record,
    "form": lambda self, connection, data: None,
}  # forms are files, kept before


def keep_problem(
    connection: sa.Connection,
    record_id: str,
    revision: int,
    kind: str,
    problem: ErrorInfo,
    server_record: InspectionRecord | None,
) -> None:
    """Keep a conflict or a refusal, with the server's version, until a person decides."""
    connection.execute(
        sqlite_upsert(
            _S,
            {
                "inspection_id": record_id,
                "revision": revision,
                "kind": kind,
                "code": problem.code,
                "message": problem.message,
                "server_record": server_record.model_dump(mode="json") if server_record else None,
                "at": now(),
            },
            ["inspection_id"],
        )
    )


def replace_local(connection: sa.Connection, record: InspectionRecord) -> None:
    """Make the local copy the server's revision (photos stay as they are on this laptop)."""
    header = to_json(record.header)
    row = {k: v for k, v in header.items() if k in _I.c and k not in ("revision",)}
    row.update(
        revision=record.revision,
        synced_revision=record.revision,
        sending_revision=0,
        sending_hash=None,
        updated_at=now(),
        created_at=header["created_at"] or now(),
    )
    connection.execute(sqlite_upsert(_I, {"id": record.id, **row}, ["id"]))
    for table in (models.answers, models.findings, models.measures, models.restored_children):
        connection.execute(sa.delete(table).where(table.c.inspection_id == record.id))
    for answer in record.answers:
        connection.execute(
            sa.insert(models.answers).values(
                inspection_id=record.id,
                item_id=answer.item_id,
                verdict=answer.verdict.value if answer.verdict else None,
                value=answer.value,
                note=answer.note,
                updated_at=answer.updated_at.isoformat() if answer.updated_at else now(),
            )
        )
    for finding in record.findings:
        connection.execute(
            sa.insert(models.findings).values(
                id=finding.id,
                inspection_id=record.id,
                item_id=finding.item_id,
                degree=finding.degree.value,
                description=finding.description,
                no_measure_reason=finding.no_measure_reason,
            )
        )
    for measure in record.measures:
        connection.execute(
            sa.insert(models.measures).values(
                id=measure.id,
                inspection_id=record.id,
                kind=measure.kind.value,
                data=to_json(measure),
                created_at=now(),
            )
        )
    children = record.restored_children or children_from_counts(record.restored)  # an older client's
    if children:
        connection.execute(
            sa.insert(models.restored_children),
            [
                {
                    "inspection_id": record.id,
                    "id": c.id,
                    "reference": c.reference,
                    "categories": [RightsCategory(x).value for x in c.categories],
                    "finding_id": c.finding_id,
                    "measure_id": c.measure_id,
                    "position": n,
                }
                for n, c in enumerate(children, 1)
            ],
        )
