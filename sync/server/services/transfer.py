"""Records by USB stick on the server: its transfer identity, and the import of a laptop's
bundle, answered by an acknowledgement bundle (format: `inspector_app.core.transfer`).

The records of a bundle go through the push path (`records.Pusher`) and its photos through
`attachments.register_attachments`, as that device's user; what travels back is what a
pull (`pull.pull`) from the laptop's cursor would give that device."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import orjson
from pydantic import ValidationError
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from inspector_app.core import problems, protocol, transfer
from inspector_app.core.domain.errors import UserError
from inspector_app.core.problems import Problem
from sync.server.persistence.blobs import BlobStore, make_durable
from sync.server.persistence.db import Database
from sync.server.persistence.models import Device, ServerIdentity, TransferBundle, User
from sync.server.services.attachments import register_attachments
from sync.server.services.audit import audit
from sync.server.services.principal import Principal
from sync.server.services.pull import pull
from sync.server.services.records import Prepared, Pusher
from sync.server.services.security import utcnow
from sync.server.services.users import user_regions

ATTEMPTS = 3  # a concurrent first push of the same record id fails one writer; it retries
PULL_PAGE = 2000


def identity(session: Session) -> ServerIdentity:
    """This server's transfer identity, made at first need (once, whoever comes first)."""
    found = session.get(ServerIdentity, 1)
    if found is not None:
        return found
    keys = transfer.KeyPair.generate()
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    session.execute(
        insert(ServerIdentity)
        .values(
            id=1,
            server_id=str(uuid.uuid4()),
            x25519_private=keys.x25519,
            ed25519_private=keys.ed25519,
            created_at=utcnow(),
        )
        .on_conflict_do_nothing()
    )
    made = session.get(ServerIdentity, 1, populate_existing=True)
    assert made is not None  # inserted just above, or by whoever came first
    return made


def _pair(row: ServerIdentity) -> transfer.KeyPair:
    return transfer.KeyPair(row.x25519_private, row.ed25519_private)


def enrol_keys(session: Session, device: Device, keys: protocol.TransferKeys | None):
    """At enrolment: keep the laptop's public keys and answer with the server's (or None
    for a laptop that sent none)."""
    if keys is None:
        return None
    device.transfer_x25519, device.transfer_ed25519 = keys.x25519, keys.ed25519
    row = identity(session)
    public = _pair(row).public()
    return protocol.ServerTransfer(server_id=row.server_id, x25519=public.x25519, ed25519=public.ed25519)


@dataclass(frozen=True)
class Imported:
    bundle_id: str
    username: str
    acknowledgement: Path
    results: list[protocol.RecordResult]
    photos: int
    changes: int

    def counts(self) -> dict[str, int]:
        counted: dict[str, int] = {}
        for result in self.results:
            counted[result.status] = counted.get(result.status, 0) + 1
        return counted

    def lines(self) -> list[str]:
        counts = ", ".join(f"{status} {n}" for status, n in sorted(self.counts().items())) or "none"
        return [
            f"bundle {self.bundle_id} of {self.username}: records {counts}; photos {self.photos}",
            f"acknowledgement ({self.changes} changes back): {self.acknowledgement}",
        ]


def import_bundle(
    db: Database,
    blobs: BlobStore,
    path: Path,
    out_dir: Path,
    *,
    admit: Callable[[Principal], None] | None = None,
    importer: Principal | None = None,
) -> Imported:
    """Take in a laptop's export bundle; write the acknowledgement into `out_dir`.

    Refuses, taking in nothing: 42220 (unreadable, changed, cut), 42221 (another server's or
    not an export), 42222 (unknown device), 40920 (imported before), 40104/40106, and
    whatever `admit` raises when shown the device's user (the console's region scope).
    `importer` (a console user) is recorded with the bundle and in its audit entry."""
    with db.write() as session:
        server = _pair(identity(session))
        server_id = identity(session).server_id
    header = _unreadable_as_problem(transfer.read_header, path)
    if header.kind != "export" or header.server_id != server_id:
        raise Problem(problems.BUNDLE_OTHER_SERVER, details={"server_id": header.server_id[:36]})
    with db.read() as session:
        principal, device_keys = _sender(session, header.device_id)
        if admit is not None:
            admit(principal)
        _not_imported(session, header.bundle_id)
    opened = _unreadable_as_problem(transfer.open_bundle, path, server, device_keys, lambda _h: None)
    ack = transfer.Header.new("ack", server_id, header.device_id, reply_to=header.bundle_id)
    try:
        batch = _records(opened.manifest)
        _store_blobs(blobs, opened)
        results = _apply(db, blobs, principal, opened, batch, ack.bundle_id, importer)
    finally:
        opened.close()
    changes, cursor = _pulled(db, principal, int(opened.manifest.get("cursor") or 0))
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"acknowledgement-{principal.username}-{header.bundle_id[:8]}{transfer.SUFFIX}"
    manifest = {
        "results": [r.model_dump(mode="json", exclude_none=True) for r in results],
        "changes": changes,
        "cursor": cursor,
    }
    transfer.write_bundle(target, ack, manifest, [], device_keys, server)
    return Imported(header.bundle_id, principal.username, target, results, len(opened.offsets), len(changes))


def _unreadable_as_problem(function, *args):
    try:
        return function(*args)
    except UserError as error:
        raise Problem(problems.BUNDLE_UNREADABLE, details={"reason": error.code}) from None


def _sender(session: Session, device_id: str) -> tuple[Principal, transfer.PublicKeys]:
    device = session.get(Device, device_id[:36])
    if device is None or not device.transfer_x25519 or not device.transfer_ed25519:
        raise Problem(problems.BUNDLE_UNKNOWN_DEVICE, details={"device_id": device_id[:36]})
    user = session.get(User, device.user_id)
    assert user is not None  # users are deactivated, never deleted
    if not user.active:
        raise Problem(problems.ACCOUNT_DEACTIVATED)
    if device.revoked_at is not None:
        raise Problem(problems.TOKEN_REVOKED, details={"device_id": device.id})
    principal = Principal(
        user_id=user.id,
        username=user.username,
        role=user.role,
        regions=frozenset(user_regions(session, user.id)),
        device_id=device.id,
    )
    return principal, transfer.PublicKeys(device.transfer_x25519, device.transfer_ed25519)


def _not_imported(session: Session, bundle_id: str) -> None:
    before = session.get(TransferBundle, bundle_id[:36])
    if before is not None:
        raise Problem(
            problems.BUNDLE_ALREADY_IMPORTED,
            details={"bundle_id": before.bundle_id, "imported_at": before.imported_at.isoformat()},
        )


def _records(manifest: dict) -> list[Prepared]:
    """The records as a push would read them (the same size limit and model)."""
    batch = []
    for index, data in enumerate(manifest.get("records", [])):
        size = protocol.record_too_large(data)
        if size:
            raise Problem(problems.RECORD_TOO_LARGE, details={"index": index, "size_bytes": size})
        try:
            batch.append(Prepared.as_sent(protocol.PushedRecord.model_validate(data), data))
        except ValidationError as error:
            raise Problem(
                problems.VALIDATION_FAILED, details={"index": index, "errors": len(error.errors())}
            ) from None
    return batch


def _store_blobs(blobs: BlobStore, opened: transfer.Opened) -> None:
    """Each photo not yet held, written under its digest and synced to disk before the
    database says it is there (its bytes were checked against the digest on opening)."""
    written = []
    for sha in opened.offsets:
        if blobs.has_blob(sha):
            continue
        final = blobs.blob_name(sha)
        partial = f"{final}.bundle-{uuid.uuid4().hex[:8]}.part"
        with open(partial, "wb") as out:
            out.write(opened.blob(sha))
        os.replace(partial, final)
        written.append(final)
    if written:
        make_durable(written)


def _apply(
    db: Database,
    blobs: BlobStore,
    principal: Principal,
    opened: transfer.Opened,
    batch: list[Prepared],
    ack_id: str,
    importer: Principal | None = None,
) -> list[protocol.RecordResult]:
    """Photos registered, records pushed and the bundle recorded, in one transaction."""
    header = opened.header
    summary: dict[str, int | str] = {"records": len(batch), "photos": len(opened.offsets)}
    if importer is not None:
        summary |= {"imported_by": importer.user_id, "importer": importer.username}
    for attempt in range(ATTEMPTS):
        try:
            with db.write() as session:
                _not_imported(session, header.bundle_id)
                register_attachments(
                    session, principal, [(s, size) for s, (_, size) in opened.offsets.items()]
                )
                session.add(
                    TransferBundle(
                        bundle_id=header.bundle_id,
                        device_id=header.device_id,
                        ack_id=ack_id,
                        imported_at=utcnow(),
                        summary=summary,
                    )
                )
                audit(
                    session,
                    **principal.audit_fields(),
                    action="transfer.import",
                    entity_kind="bundle",
                    entity_id=header.bundle_id,
                    details={**summary, "created": header.created},
                )
                # the push goes last: its change log must be the last write of the transaction
                return Pusher(session, principal, blobs).push_all(batch) if batch else []
        except IntegrityError:
            with db.read() as session:
                _not_imported(session, header.bundle_id)  # another import of it came first
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def _pulled(db: Database, principal: Principal, since: int) -> tuple[list[dict], int]:
    """Every change a pull from `since` gives this device, and the cursor after them."""
    changes: list[dict] = []
    with db.read() as session:
        while True:
            page = orjson.loads(pull(session, principal, since, PULL_PAGE))
            changes += page["changes"]
            since = page["cursor"]
            if not page["more"]:
                return changes, since
