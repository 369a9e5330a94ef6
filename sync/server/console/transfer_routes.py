"""Records by USB stick in the console: a supervisor uploads a laptop's transfer bundle, the
server takes it in with the service `inspector-server import-bundle` uses
(`services.transfer.import_bundle`), and the page offers the acknowledgement bundle for the
laptop. The supervisor must have the regions of the bundle's inspector (an administrator
has all); refusals are shown as messages, every import and refusal is audited, and an
acknowledgement is kept under the blob folder for its importer and the administrators."""

from __future__ import annotations

import re
import shutil
import tempfile
import uuid
from pathlib import Path

import sqlalchemy as sa
from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, Response

from inspector_app.core import problems, transfer
from inspector_app.core.domain.errors import UserError
from inspector_app.core.problems import Problem
from sync.server.console.admin_data import safe_name
from sync.server.console.web import HEADERS, ConsoleError, Page, signed_page
from sync.server.persistence.models import TransferBundle, User
from sync.server.services.principal import Principal
from sync.server.services.transfer import Imported, import_bundle

router = APIRouter(prefix="/console/transfer", include_in_schema=False)
BUNDLE_BYTES = 512 * 1024 * 1024  # the largest bundle the console takes (form_limit adds the form)
ACKS = "acknowledgements"  # under the blob folder: one folder per imported bundle
_BUNDLE_ID = re.compile(r"^[0-9a-f-]{36}$")
_STATUSES = ("created", "updated", "unchanged", "conflict", "rejected")


@router.get("")
def transfer_page(request: Request) -> Response:
    return _render(signed_page(request))


@router.post("")
async def upload_bundle(request: Request) -> Response:
    page = signed_page(request)
    try:
        # the file part goes to a temporary file past 1 MiB (starlette), never whole into memory
        form = await request.form(max_files=1, max_fields=5, max_part_size=64 * 1024)
    except Exception as error:  # starlette refuses too many parts with its own exception
        raise ConsoleError(400, "bad_form") from error
    try:
        return await run_in_threadpool(_import, page, form)
    finally:
        await form.close()


@router.get("/{bundle_id}/acknowledgement")
def download_acknowledgement(bundle_id: str, request: Request) -> Response:
    page = signed_page(request)
    found = _acknowledgement(page, bundle_id)
    if found is None:
        raise ConsoleError(404, "no_acknowledgement")
    page.audit("transfer.acknowledgement_download", "bundle", bundle_id)
    return FileResponse(
        found,
        media_type="application/octet-stream",
        filename=found.name,
        headers={k: v for k, v in HEADERS.items() if k != "Content-Security-Policy"},
    )


# --- the import ----------------------------------------------------------------------------


def _import(page: Page, form) -> Response:
    page.check_csrf(form)
    part = form.get("file")
    if part is None or not hasattr(part, "read") or not part.filename:
        return _render(page, 400, refusal="no_file")
    filename = safe_name(part.filename)
    principal = page.signed_in.principal
    with tempfile.TemporaryDirectory(prefix="console-bundle-") as folder:
        path = Path(folder) / "upload.fibundle"
        part.file.seek(0)
        with open(path, "wb") as out:
            shutil.copyfileobj(part.file, out, 1024 * 1024)
        staging = _acks_root(page) / f".staging-{uuid.uuid4().hex}"
        try:
            imported = import_bundle(
                page.services.db,
                page.services.blobs,
                path,
                staging,
                admit=lambda sender: _admit(principal, sender),
                importer=principal,
            )
        except Problem as problem:
            shutil.rmtree(staging, ignore_errors=True)
            return _refused(page, problem, path, filename)
    ack = _keep(page, imported, staging)
    counts = imported.counts()
    page.audit(
        "transfer.console_import",
        "bundle",
        imported.bundle_id,
        {"file": filename, "user": imported.username, "photos": imported.photos, **counts},
    )
    with page.services.db.read() as session:
        who = session.scalar(sa.select(User.full_name).where(User.username == imported.username))
    return _render(
        page, imported=imported, counts=counts, ack=ack, filename=filename, who=who or imported.username
    )


def _admit(principal: Principal, sender: Principal) -> None:
    """A supervisor imports only the bundles of inspectors whose regions are all theirs."""
    if principal.is_admin or (sender.regions and sender.regions <= principal.regions):
        return
    raise Problem(problems.FORBIDDEN_REGION, details={"regions": sorted(sender.regions)})


def _keep(page: Page, imported: Imported, staging: Path) -> Path:
    """The acknowledgement moved from its staging folder to the bundle's own."""
    folder = _acks_root(page) / imported.bundle_id
    staging.replace(folder)
    return folder / imported.acknowledgement.name


def _refused(page: Page, problem: Problem, path: Path, filename: str) -> Response:
    """The refusal as a message on the page (never an error page), audited."""
    details = problem.details or {}
    header = _header_or_none(path)
    bundle_id = header.bundle_id if header else ""
    page.audit(
        "transfer.console_refused",
        "bundle",
        bundle_id[:36] or filename[:100],
        {"file": filename, "code": problem.kind.code, "device": header.device_id[:36] if header else ""},
    )
    values: dict = {"refusal": problem.kind.name, "details": details}
    if problem.kind is problems.BUNDLE_UNREADABLE and details.get("reason") == "transfer.not_a_bundle":
        values["refusal"] = "not_a_bundle"
    if problem.kind is problems.BUNDLE_ALREADY_IMPORTED:
        with page.services.db.read() as session:
            before = session.get(TransferBundle, bundle_id[:36])
        values["before"] = before
        values["ack_again"] = _acknowledgement(page, bundle_id) is not None
        values["bundle_id"] = bundle_id
    status = problem.status if problem.status in (403, 409, 422) else 422
    return _render(page, status, filename=filename, **values)


def _header_or_none(path: Path) -> transfer.Header | None:
    try:
        return transfer.read_header(path)
    except UserError:
        return None


# --- the acknowledgements kept -------------------------------------------------------------


def _acks_root(page: Page) -> Path:
    root = page.services.blobs.root / ACKS
    root.mkdir(parents=True, exist_ok=True)
    return root


def _acknowledgement(page: Page, bundle_id: str) -> Path | None:
    """The acknowledgement of a bundle imported in the console, if this user may have it:
    the one who imported it, or an administrator."""
    if not _BUNDLE_ID.match(bundle_id):
        return None
    with page.services.db.read() as session:
        row = session.get(TransferBundle, bundle_id)
        importer = (row.summary or {}).get("imported_by") if row else None
    principal = page.signed_in.principal
    if importer is None or not (principal.is_admin or importer == principal.user_id):
        return None
    files = sorted((_acks_root(page) / bundle_id).glob(f"*{transfer.SUFFIX}"))
    return files[0] if files else None


def _render(page: Page, status: int = 200, **values) -> Response:
    return page.render(
        "transfer.html",
        status=status,
        limit_mb=BUNDLE_BYTES // (1024 * 1024),
        statuses=_STATUSES,
        **values,
    )
