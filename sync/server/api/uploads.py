"""Attachments: ask which are missing, resumable uploads modeled on tus, batches, downloads.

`HEAD /uploads/{sha256}` tells the offset the server holds for this device (the full size
once verified); `PATCH` with `Upload-Offset` and `Upload-Length` appends bytes from there.
`POST /uploads/batch` streams many small attachments in one body, each verified by its hash
as it arrives (see PROTOCOL.md).
"""

from __future__ import annotations

import asyncio
from concurrent.futures import Future
from typing import Annotated

import sqlalchemy as sa
from fastapi import APIRouter, Header, Path, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse
from starlette.requests import ClientDisconnect

from inspector_app.core import problems, protocol
from inspector_app.core.problems import Problem
from sync.server.api.deps import PrincipalDep, ServicesDep
from sync.server.api.parts import PartReader
from sync.server.persistence.blobs import Disk, body_pieces
from sync.server.persistence.models import AttachmentRow
from sync.server.services.attachments import may_download, register_attachments
from sync.server.services.audit import audit
from sync.server.services.principal import Principal
from sync.server.services.records import error_info

router = APIRouter(prefix=protocol.API, tags=["attachments"])
ShaPath = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$")]
UPLOAD_MEDIA_TYPES = ("application/offset+octet-stream", "application/octet-stream")
BATCH_MEDIA_TYPES = (protocol.BATCH_MEDIA_TYPE, "application/octet-stream")
OFFSET_HEADERS = {"Tus-Resumable": protocol.TUS_VERSION, "Cache-Control": "no-store"}


def _state(services, principal: Principal, sha256: str) -> protocol.AttachmentState:
    with services.db.read() as session:
        row = session.get(AttachmentRow, sha256)
    if row is not None:
        return protocol.AttachmentState(sha256=sha256, size=row.size, offset=row.size, verified=True)
    offset = services.blobs.offset(sha256, principal.device_id or "-")
    return protocol.AttachmentState(sha256=sha256, offset=offset)


def _offset_headers(state: protocol.AttachmentState) -> dict[str, str]:
    headers = {
        **OFFSET_HEADERS,
        "Upload-Offset": str(state.offset),
        "Attachment-Verified": "true" if state.verified else "false",
    }
    if state.size is not None:
        headers["Upload-Length"] = str(state.size)
    return headers


@router.post("/attachments/status", response_model=protocol.AttachmentStatusResponse)
def status(
    body: protocol.AttachmentStatusRequest, principal: PrincipalDep, services: ServicesDep
) -> protocol.AttachmentStatusResponse:
    """For each hash: verified on the server, or how many bytes this device has sent."""
    wanted = list(dict.fromkeys(body.sha256))
    with services.db.read() as session:
        sizes = dict(
            session.execute(
                sa.select(AttachmentRow.sha256, AttachmentRow.size).where(AttachmentRow.sha256.in_(wanted))
            ).all()
        )
    device = principal.device_id or "-"
    return protocol.AttachmentStatusResponse(
        attachments=[
            protocol.AttachmentState(sha256=s, size=sizes[s], offset=sizes[s], verified=True)
            if s in sizes
            else protocol.AttachmentState(sha256=s, offset=services.blobs.offset(s, device))
            for s in wanted
        ]
    )


@router.head("/uploads/{sha256}")
def upload_offset_head(sha256: ShaPath, principal: PrincipalDep, services: ServicesDep) -> Response:
    return Response(status_code=200, headers=_offset_headers(_state(services, principal, sha256)))


@router.get("/uploads/{sha256}", response_model=protocol.AttachmentState)
def upload_offset(
    sha256: ShaPath, principal: PrincipalDep, services: ServicesDep, response: Response
) -> protocol.AttachmentState:
    state = _state(services, principal, sha256)
    response.headers.update(_offset_headers(state))
    return state


@router.patch(
    "/uploads/{sha256}",
    response_model=protocol.AttachmentState,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                media: {"schema": {"type": "string", "format": "binary"}} for media in UPLOAD_MEDIA_TYPES
            },
        }
    },
)
async def upload(
    sha256: ShaPath,
    request: Request,
    principal: PrincipalDep,
    services: ServicesDep,
    upload_offset: Annotated[int, Header(ge=0, le=protocol.MAX_ATTACHMENT_BYTES)],
    upload_length: Annotated[int, Header(ge=0, le=protocol.MAX_ATTACHMENT_BYTES)],
    response: Response,
) -> protocol.AttachmentState | Response:
    """Append bytes at Upload-Offset; at Upload-Length they are verified against the SHA-256."""
    if request.headers.get("content-type", "").split(";")[0].strip() not in UPLOAD_MEDIA_TYPES:
        raise Problem(problems.UNSUPPORTED_MEDIA_TYPE, details={"expected": UPLOAD_MEDIA_TYPES[0]})
    state = await run_in_threadpool(_state, services, principal, sha256)
    if state.verified:  # someone already sent these bytes: nothing more to do
        response.headers.update(_offset_headers(state))
        return state
    device = principal.device_id or "-"
    try:
        received = await services.blobs.receive(
            sha256,
            device,
            upload_offset,
            upload_length,
            body_pieces(request.stream(), services.settings.upload_idle_s),
        )
    except ClientDisconnect:
        return Response(status_code=499)  # nobody is listening; the bytes so far are kept
    except Problem as problem:
        if problem.kind is problems.ATTACHMENT_HASH_MISMATCH:
            await run_in_threadpool(_audit_rejected, services, principal, sha256, problem.details)
        raise
    if received.complete:
        await run_in_threadpool(_register, services, principal, sha256, received.offset)
    state = protocol.AttachmentState(
        sha256=sha256, size=upload_length, offset=received.offset, verified=received.complete
    )
    response.headers.update(_offset_headers(state))
    return state


def _register(services, principal: Principal, sha256: str, size: int) -> None:
    with services.db.write() as session:
        register_attachments(session, principal, [(sha256, size)])


@router.post(
    "/uploads/batch",
    response_model=protocol.BatchUploadResponse,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                media: {"schema": {"type": "string", "format": "binary"}} for media in BATCH_MEDIA_TYPES
            },
        }
    },
)
async def upload_batch(
    request: Request, principal: PrincipalDep, services: ServicesDep
) -> protocol.BatchUploadResponse | Response:
    """Many whole attachments in one body: `<sha256 hex> <length>\\n` then the bytes, repeated.

    Each part is hashed as it arrives and published when it matches; a part cut short keeps
    its bytes as this device's resumable upload. Verified parts are synced to disk and
    recorded before the answer, and also when the client goes away mid-body."""
    if request.headers.get("content-type", "").split(";")[0].strip() not in BATCH_MEDIA_TYPES:
        raise Problem(problems.UNSUPPORTED_MEDIA_TYPE, details={"expected": protocol.BATCH_MEDIA_TYPE})
    reader = PartReader(body_pieces(request.stream(), services.settings.upload_idle_s))
    disk = Disk()
    parts: list[tuple[str, int, Future]] = []
    try:
        while (header := await reader.next_header()) is not None:
            sha256, length = header
            part = disk.begin(services.blobs, sha256, principal.device_id or "-", 0, length)
            parts.append((sha256, length, await disk.stream(part, reader.body(length))))
    except ClientDisconnect:
        return Response(status_code=499)  # nobody is listening; what arrived is kept below
    finally:
        states = await _settle_batch(services, principal, disk, parts)
    return protocol.BatchUploadResponse(attachments=states)


async def _settle_batch(
    services, principal: Principal, disk: Disk, parts: list[tuple[str, int, Future]]
) -> list[protocol.PartState]:
    """The outcome of each part; the verified ones synced to disk, then recorded."""
    try:
        states = [await _outcome(services, principal, *part) for part in parts]
        await disk.synced()
    finally:
        disk.close()
    verified = [(s.sha256, s.offset) for s in states if s.verified]
    if verified:
        await run_in_threadpool(_register_batch, services, principal, verified)
    return states


async def _outcome(
    services, principal: Principal, sha256: str, length: int, future: Future
) -> protocol.PartState:
    try:
        received = await asyncio.wrap_future(future)
    except Problem as problem:
        if problem.kind is problems.ATTACHMENT_HASH_MISMATCH:
            await run_in_threadpool(_audit_rejected, services, principal, sha256, problem.details)
        return protocol.PartState(
            sha256=sha256,
            size=length,
            offset=int(problem.details.get("offset", 0)),
            error=error_info(problem),
        )
    return protocol.PartState(sha256=sha256, size=length, offset=received.offset, verified=received.complete)


def _register_batch(services, principal: Principal, published: list[tuple[str, int]]) -> None:
    with services.db.write() as session:
        register_attachments(session, principal, published)


def _audit_rejected(services, principal: Principal, sha256: str, details: dict) -> None:
    with services.db.write() as session:
        audit(
            session,
            **principal.audit_fields(),
            action="attachment.rejected",
            entity_kind="attachment",
            entity_id=sha256,
            details=details,
        )


@router.get(
    "/attachments/{sha256}",
    response_class=FileResponse,
    responses={200: {"content": {"application/octet-stream": {}}}},
)
def download(sha256: ShaPath, principal: PrincipalDep, services: ServicesDep):
    """The bytes of a verified attachment of a record the caller may read."""
    with services.db.read() as session:
        if session.get(AttachmentRow, sha256) is None:
            raise Problem(problems.NOT_FOUND, details={"sha256": sha256})
        allowed = may_download(session, principal, sha256)
    if not allowed:
        raise Problem(problems.FORBIDDEN_OWNER, details={"sha256": sha256})
    return FileResponse(services.blobs.blob_path(sha256), media_type="application/octet-stream")
