"""Administration pages under /console/admin (administrators only): users, devices and the
audit log. Every change goes through services/users.py, which audits it; anyone else is
refused (403, audited) before a form is read."""

from __future__ import annotations

import time

import sqlalchemy as sa
from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from inspector_app.core.problems import Problem
from sync.server.console import admin
from sync.server.console.routes import _region_names, see_other
from sync.server.console.web import ConsoleError, Page, signed_page
from sync.server.persistence import audit_chain
from sync.server.persistence.models import AuditEntry, Device, User
from sync.server.services import users
from sync.server.services.audit import find_audit
from sync.server.services.security import MIN_PASSWORD_CHARS, utcnow

router = APIRouter(prefix="/console/admin", include_in_schema=False)


def admin_page(request: Request) -> Page:
    """The page of a signed-in administrator; anyone else signed in is refused (and audited)."""
    page = signed_page(request)
    principal = page.signed_in.principal
    if not principal.is_admin:
        page.audit("console.admin_refused", "console", request.url.path[:100], {"role": principal.role})
        raise ConsoleError(403, "admin_only")
    return page


def _user(session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise ConsoleError(404, "no_user")
    return user


# --- users -------------------------------------------------------------------------------


@router.get("")
def admin_home(request: Request) -> Response:
    admin_page(request)
    return see_other("/console/admin/users")


@router.get("/users")
def users_page(request: Request) -> Response:
    page = admin_page(request)
    with page.services.db.read() as session:
        regions = _region_names(session, page)
        filters = admin.user_filters(request.query_params, set(regions))
        found = users.find_users(
            session,
            role=filters["role"] or None,
            region=filters["region"] or None,
            active={"yes": True, "no": False}.get(filters["active"]),
        )
    return page.render(
        "admin_users.html",
        found=found,
        filters=filters,
        regions=regions,
        roles=users.ROLES,
        admin_nav="users",
    )


def _render_new(page: Page, checked: admin.UserForm | None = None, status: int = 200) -> Response:
    with page.services.db.read() as session:
        regions = _region_names(session, page)
    return page.render(
        "admin_user_new.html",
        status=status,
        form=checked or admin.UserForm({"role": "inspector"}),
        regions=regions,
        roles=users.ROLES,
        min_chars=MIN_PASSWORD_CHARS,
        admin_nav="users",
    )


@router.get("/users/new")
def new_user_page(request: Request) -> Response:
    return _render_new(admin_page(request))


@router.post("/users/new")
async def create(request: Request) -> Response:
    page = await run_in_threadpool(admin_page, request)
    form = await request.form()
    return await run_in_threadpool(_create, page, form)


def _create(page: Page, form) -> Response:
    page.check_csrf(form)
    with page.services.db.read() as session:
        checked = admin.read_user_form(form, set(_region_names(session, page)), new=True)
    if checked.errors:
        return _render_new(page, checked, 400)
    v = checked.values
    try:
        with page.services.db.write() as session:
            user = users.create_user(
                session,
                username=v["username"],
                password=v["password"],
                role=v["role"],
                regions=checked.regions,
                full_name=v["full_name"],
                actor=page.signed_in.principal,
            )
            session.flush()
            user_id = user.id
    except Problem as problem:
        return _refused_field(page, problem, checked, lambda: _render_new(page, checked, 400))
    return see_other(f"/console/admin/users/{user_id}?done=created")


def _refused_field(page: Page, problem: Problem, checked: admin.UserForm, again) -> Response:
    """The form again with the service's refusal beside its field (other refusals: a page)."""
    found = admin.field_of(problem)
    if found is None:
        raise ConsoleError(400, "refused") from problem
    checked.errors[found[0]] = found[1]
    return again()


def _render_user(page: Page, user_id: int, status: int = 200, **extra) -> Response:
    with page.services.db.read() as session:
        user = _user(session, user_id)
        context = {
            "user": user,
            "user_regions": users.user_regions(session, user.id),
            "devices": users.user_devices(session, user.username),
            "regions": _region_names(session, page),
        }
    extra.setdefault("form", admin.UserForm())
    extra.setdefault("password_error", "")
    return page.render(
        "admin_user.html",
        status=status,
        roles=users.ROLES,
        languages_offered=users.LANGUAGES,
        min_chars=MIN_PASSWORD_CHARS,
        done=page.request.query_params.get("done", "")[:40],
        problem=page.request.query_params.get("problem", "")[:40],
        myself=user_id == page.signed_in.principal.user_id,
        now=utcnow(),
        admin_nav="users",
        **context,
        **extra,
    )


@router.get("/users/{user_id}")
def user_page(user_id: int, request: Request) -> Response:
    return _render_user(admin_page(request), user_id)


@router.post("/users/{user_id}")
async def edit(user_id: int, request: Request) -> Response:
    page = await run_in_threadpool(admin_page, request)
    form = await request.form()
    return await run_in_threadpool(_edit, page, user_id, form)


def _edit(page: Page, user_id: int, form) -> Response:
    page.check_csrf(form)
    with page.services.db.read() as session:
        username = _user(session, user_id).username
        checked = admin.read_user_form(form, set(_region_names(session, page)), new=False)
    again = lambda: _render_user(page, user_id, 400, form=checked)  # noqa: E731
    if checked.errors:
        return again()
    v = checked.values
    try:
        with page.services.db.write() as session:
            users.update_user(
                session,
                page.signed_in.principal,
                username,
                full_name=v["full_name"],
                role=v["role"],
                regions=checked.regions,
                language=v["language"] or None,
            )
    except Problem as problem:
        return _refused_field(page, problem, checked, again)
    return see_other(f"/console/admin/users/{user_id}?done=saved")


@router.post("/users/{user_id}/active")
async def activity(user_id: int, request: Request) -> Response:
    page = await run_in_threadpool(admin_page, request)
    form = await request.form()
    return await run_in_threadpool(_activity, page, user_id, form)


def _activity(page: Page, user_id: int, form) -> Response:
    page.check_csrf(form)
    active = {"yes": True, "no": False}.get(str(form.get("active") or ""))
    if active is None:
        raise ConsoleError(400, "bad_form")
    try:
        with page.services.db.write() as session:
            users.set_active(session, page.signed_in.principal, _user(session, user_id).username, active)
    except Problem:
        return see_other(f"/console/admin/users/{user_id}?problem=self#state")
    return see_other(f"/console/admin/users/{user_id}?done={'activated' if active else 'deactivated'}#state")


@router.post("/users/{user_id}/password")
async def password(user_id: int, request: Request) -> Response:
    page = await run_in_threadpool(admin_page, request)
    form = await request.form()
    return await run_in_threadpool(_password, page, user_id, form)


def _password(page: Page, user_id: int, form) -> Response:
    page.check_csrf(form)
    new = str(form.get("password") or "")[:1000]
    with page.services.db.read() as session:
        username = _user(session, user_id).username
    if not new:
        return _render_user(page, user_id, 400, password_error=admin.REQUIRED)
    try:
        users.reset_password(page.services.db, page.signed_in.principal, username, new)
    except Problem as problem:
        found = admin.field_of(problem)
        if found is None:
            raise ConsoleError(400, "refused") from problem
        return _render_user(page, user_id, 400, password_error=found[1])
    return see_other(f"/console/admin/users/{user_id}?done=password_reset#password-title")


# --- devices -----------------------------------------------------------------------------


@router.get("/devices")
def devices_page(request: Request) -> Response:
    page = admin_page(request)
    with page.services.db.read() as session:
        grouped = users.devices_by_user(session)
    return page.render(
        "admin_devices.html",
        grouped=grouped,
        now=utcnow(),
        done=request.query_params.get("done", "")[:40],
        admin_nav="devices",
    )


def _device(session, device_id: str) -> tuple[Device, User]:
    found = session.execute(
        sa.select(Device, User).join(User, User.id == Device.user_id).where(Device.id == device_id[:36])
    ).first()
    if found is None:
        raise ConsoleError(404, "no_device")
    return found[0], found[1]


@router.get("/devices/{device_id}/revoke")
def revoke_confirm(device_id: str, request: Request) -> Response:
    page = admin_page(request)
    with page.services.db.read() as session:
        device, user = _device(session, device_id)
    return page.render("admin_revoke.html", device=device, user=user, admin_nav="devices")


@router.post("/devices/{device_id}/revoke")
async def revoke(device_id: str, request: Request) -> Response:
    page = await run_in_threadpool(admin_page, request)
    form = await request.form()
    return await run_in_threadpool(_revoke, page, device_id, form)


def _revoke(page: Page, device_id: str, form) -> Response:
    page.check_csrf(form)
    with page.services.db.write() as session:
        device, _ = _device(session, device_id)
        users.revoke_device(session, page.signed_in.principal, device.id)
    return see_other(f"/console/admin/devices?done=revoked#device-{device.id}")


# --- the audit log -----------------------------------------------------------------------


AUTO_CHECK_ENTRIES = 50_000  # larger logs are checked when asked (about 0.1 ms an entry)


@router.get("/audit")
def audit_page(request: Request) -> Response:
    page = admin_page(request)
    filters = admin.audit_filters(request.query_params)
    offset = (filters.page - 1) * admin.PAGE_SIZE
    asked = request.query_params.get("verify") == "1"
    with page.services.db.read() as session:
        entries, total = (
            ([], 0) if filters.errors else find_audit(session, filters.query, offset, admin.PAGE_SIZE)
        )
        chain, seconds = _chain(session) if asked or _entries(session) <= AUTO_CHECK_ENTRIES else (None, 0.0)
    if asked and chain is not None:  # when asked, the chain was checked above
        page.audit(
            "console.audit_verify", "audit", "chain", {"intact": chain.intact, "entries": chain.entries}
        )
    return page.render(
        "admin_audit.html",
        status=400 if filters.errors else 200,
        filters=filters,
        entries=entries,
        total=total,
        pages=max(1, -(-total // admin.PAGE_SIZE)),
        actions=admin.action_choices(filters.form["action"], page.gettext),
        action_name=lambda code: admin.action_name(code, page.gettext),
        chain=chain,
        chain_seconds=seconds,
        admin_nav="audit",
    )


def _entries(session) -> int:
    return session.scalar(sa.select(sa.func.count()).select_from(AuditEntry)) or 0


def _chain(session) -> tuple[audit_chain.ChainReport, float]:
    """The hash chain's check (what `inspector-server verify-audit` does) and its time."""
    started = time.perf_counter()
    report = audit_chain.verify(session)
    return report, time.perf_counter() - started
