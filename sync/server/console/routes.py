"""The supervisors' web console under /console: sign-in, the review queue, an inspection's
page with its documents re-rendered by the server, and review decisions."""

from __future__ import annotations

import io
from typing import Literal

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, RedirectResponse, Response

from inspector_app.core import problems, protocol
from inspector_app.core.problems import Problem
from sync.server.api.deps import client_ip
from sync.server.console import i18n, sessions
from sync.server.console.diff import diff_view, returned_review
from sync.server.console.inspection import inspection_view
from sync.server.console.queue import STATES, SUPERVISOR_STATES, SYSTEM_STATES, Filters, choices, queue_page
from sync.server.console.web import (
    CONSOLE_ROLES,
    HEADERS,
    LANG_COOKIE,
    ConsoleError,
    Page,
    page_of,
    signed_page,
)
from sync.server.persistence.models import FacilityRow, User
from sync.server.services.records import readable_record, review
from sync.server.services.rendering import render_record_documents
from sync.server.services.users import sign_in

router = APIRouter(prefix="/console", include_in_schema=False)
FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")


def see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


@router.get("/")
def home(request: Request) -> Response:
    page = page_of(request)
    return see_other("/console/review" if page.signed else "/console/signin")


# --- signing in and out ------------------------------------------------------------------


@router.get("/signin")
def signin_form(request: Request) -> Response:
    page = page_of(request)
    if page.signed is not None:
        return see_other("/console/review")
    return page.render("signin.html", username="", error=None)


@router.post("/signin")
async def signin(request: Request) -> Response:
    form = await request.form()
    return await run_in_threadpool(_signin, page_of(request), form)


def _signin(page: Page, form) -> Response:
    page.check_csrf(form)
    username = str(form.get("username") or "").strip()[:200]
    password = str(form.get("password") or "")[:1000]
    if not username or not password:
        return page.render(
            "signin.html",
            status=400,
            username=username,
            error=page.gettext("Enter your user name and password."),
        )
    ip = client_ip(page.request)
    services = page.services
    try:
        # counted first, the password checked outside any transaction (services.users.sign_in)
        user = sign_in(services.db, services.throttle, username, password, ip)
    except Problem as problem:
        if problem.kind is problems.TOO_MANY_ATTEMPTS:
            wait = problem.details.get("retry_after", 60)
            message = page.gettext(
                "Too many failed attempts. Try again in %(seconds)s seconds.", seconds=wait
            )
            return page.render("signin.html", status=429, username=username, error=message)
        if problem.kind is problems.PASSWORD_CHANGE_REQUIRED:
            message = page.gettext("Your password was reset and must be changed before you sign in.")
            return page.render("signin.html", status=403, username=username, error=message)
        if problem.kind not in (problems.BAD_CREDENTIALS, problems.ACCOUNT_DEACTIVATED):
            raise
        return page.render(
            "signin.html",
            status=401,
            username=username,
            error=page.gettext("The user name or password is wrong."),
        )
    refused = user.role not in CONSOLE_ROLES
    if not refused:
        with services.db.write() as session:
            sessions.end_expired(session, page.rules)
            row = session.get(User, user.id)
            assert row is not None  # signed in a moment ago
            cookie, _ = sessions.start(session, row, page.rules, ip)
            user_id, language = user.id, user.language
    if refused:
        page.audit("console.signin_refused", "user", username, {"role": user.role})
        message = page.gettext(
            "The web console is for supervisors and administrators. Inspectors work in the desktop application."
        )
        return page.render("signin.html", status=403, username=username, error=message)
    with services.db.write() as session:
        from sync.server.services.audit import audit

        audit(
            session,
            user_id=user_id,
            device_id=None,
            action="console.signin",
            entity_kind="user",
            entity_id=username,
            details={"ip": ip},
        )
    response = see_other("/console/review")
    page.set_cookie(response, sessions.COOKIE, cookie)
    if language is None and page.lang:
        with services.db.write() as session:
            row = session.get(User, user_id)
            assert row is not None  # signed in a moment ago
            row.language = page.lang
    return response


@router.post("/signout")
async def signout(request: Request) -> Response:
    form = await request.form()
    return await run_in_threadpool(_signout, signed_page(request), form)


def _signout(page: Page, form) -> Response:
    page.check_csrf(form)
    with page.services.db.write() as session:
        sessions.end(session, page.signed_in.id_hash)
    page.audit("console.signout", "user", page.signed_in.principal.username)
    response = see_other("/console/signin")
    response.delete_cookie(sessions.COOKIE, path="/console")
    return response


@router.post("/language")
async def language(request: Request) -> Response:
    form = await request.form()
    return await run_in_threadpool(_language, page_of(request), form)


def _language(page: Page, form) -> Response:
    page.check_csrf(form)
    lang = i18n.pick(str(form.get("lang") or ""))
    back = str(form.get("back") or "/console/")
    back = back if back.startswith("/console") and not back.startswith("//") else "/console/"
    if page.signed is not None:
        with page.services.db.write() as session:
            user = session.get(User, page.signed.principal.user_id)
            assert user is not None  # the signed-in user
            user.language = lang
        page.audit("console.language", "user", page.signed.principal.username, {"language": lang})
    response = see_other(back)
    page.set_cookie(response, LANG_COOKIE, lang, max_age=365 * 86400)
    return response


# --- the queue ---------------------------------------------------------------------------


@router.get("/review")
def review_queue(request: Request) -> Response:
    page = signed_page(request)
    filters = Filters.of(request.query_params)
    with page.services.db.read() as session:
        result = queue_page(session, page.signed_in.principal, filters)
        offered = choices(session, page.signed_in.principal)
        regions = _region_names(session, page)
    return page.render(
        "queue.html",
        filters=filters,
        result=result,
        offered=offered,
        regions=regions,
        states=STATES,
        system_states=SYSTEM_STATES,
        supervisor_states=SUPERVISOR_STATES,
    )


def _region_names(session, page: Page) -> dict[str, str]:
    import sqlalchemy as sa

    from sync.server.persistence.models import Region

    rows = session.scalars(sa.select(Region).order_by(Region.code))
    names = {r.code: {"kk": r.name_kk, "ru": r.name_ru}.get(page.lang, r.name_en or r.name_ru) for r in rows}
    principal = page.signed_in.principal
    return {code: name for code, name in names.items() if principal.sees_region(code)}


# --- an inspection -----------------------------------------------------------------------


def _readable(session, page: Page, record_id: str):
    """The record if this user may read it; anything else is "not found" (no hint that a
    record of another region exists)."""
    try:
        return readable_record(session, page.signed_in.principal, record_id[:64])
    except Problem as problem:
        raise ConsoleError(404, "not_found") from problem


@router.get("/inspections/{record_id}")
def inspection(record_id: str, request: Request) -> Response:
    page = signed_page(request)
    with page.services.db.read() as session:
        row = _readable(session, page, record_id)
        view = inspection_view(session, page.services.blobs, row, page)
        diff = diff_view(session, row, page)
    page.audit("console.view", "inspection", row.id, {"revision": row.revision})
    return page.render("inspection.html", view=view, diff=diff, row_id=row.id)


@router.get("/inspections/{record_id}/diff")
def inspection_diff(record_id: str, request: Request) -> Response:
    page = signed_page(request)
    with page.services.db.read() as session:
        row = _readable(session, page, record_id)
        diff = diff_view(session, row, page)
        facility = session.get(FacilityRow, row.facility_id)
    page.audit("console.diff", "inspection", row.id, {"revision": row.revision, "against": diff.old_revision})
    return page.render("diff.html", diff=diff, facility=facility, row_id=row.id)


@router.get("/inspections/{record_id}/photos/{sha256}")
def photo(record_id: str, sha256: str, request: Request, size: str = "full") -> Response:
    page = signed_page(request)
    with page.services.db.read() as session:
        row = _readable(session, page, record_id)
        if sha256 not in _photo_shas(session, row):
            raise ConsoleError(404, "not_found")
    path = page.services.blobs.blob_path(sha256)
    if not path.exists():
        raise ConsoleError(404, "not_found")
    headers = {"Cache-Control": "private, max-age=3600", "X-Content-Type-Options": "nosniff"}
    if size == "thumb":
        return Response(_thumbnail(path), media_type="image/jpeg", headers=headers)
    return FileResponse(path, media_type="image/jpeg", headers=headers)


def _photo_shas(session, row) -> set[str]:
    """The photos of the record now and of its last returned revision (removed since)."""
    payloads = [row.payload]
    review = returned_review(session, row)
    if review is not None and review.payload:
        payloads.append(review.payload)
    return {p.get("sha256") for payload in payloads for p in payload.get("photos", [])}


def _thumbnail(path) -> bytes:
    from PIL import Image

    with Image.open(path) as image:
        image.thumbnail((320, 320))
        out = io.BytesIO()
        image.convert("RGB").save(out, "JPEG", quality=80)
    return out.getvalue()


@router.get("/inspections/{record_id}/documents/{document_id}.pdf")
def document_pdf(record_id: str, document_id: str, request: Request, lang: str = "kk") -> Response:
    page = signed_page(request)
    lang = lang if lang in ("kk", "ru", "kk+ru") else "kk"
    with page.services.db.read() as session:
        row = _readable(session, page, record_id)
        found = render_record_documents(
            session,
            page.services.blobs,
            row,
            lang,
            only=document_id[:200],
            server_url=str(page.request.base_url),
        )
    if not found or found[0].rendered is None:
        raise ConsoleError(404, "not_found")
    document = found[0].rendered
    page.audit("console.document", "inspection", row.id, {"number": document.number, "lang": lang})
    return Response(
        document.pdf,
        media_type="application/pdf",
        headers={**HEADERS, "Content-Disposition": f'inline; filename="{document.filename()}"'},
    )


# --- decisions ---------------------------------------------------------------------------


@router.post("/inspections/{record_id}/decision")
async def decide(record_id: str, request: Request) -> Response:
    form = await request.form()
    return await run_in_threadpool(_decide, signed_page(request), record_id, form)


DECISIONS: dict[str, Literal["approved", "returned"]] = {"approved": "approved", "returned": "returned"}


def _decide(page: Page, record_id: str, form) -> Response:
    page.check_csrf(form)
    decision = DECISIONS.get(str(form.get("decision") or ""))
    comment = str(form.get("comment") or "").strip()[:4000]
    items = _item_comments(form)
    try:
        revision = int(str(form.get("revision") or "0"))
    except ValueError:
        revision = 0
    url = f"/console/inspections/{record_id}"
    if decision is None or revision < 1:
        raise ConsoleError(400, "bad_form")
    if decision == "returned" and not comment:
        return see_other(f"{url}?problem=comment_required#decision")
    if decision == "approved":
        items = []
    with page.services.db.read() as session:
        _readable(session, page, record_id)
    try:
        with page.services.db.write() as session:
            review(
                session,
                page.signed_in.principal,
                record_id[:64],
                protocol.ReviewRequest(
                    decision=decision, revision=revision, comment=comment, item_comments=items
                ),
            )
    except Problem as problem:
        reason = problem.details.get("reason") if problem.kind is problems.REVIEW_STATE else None
        code = "own_record" if reason == "own_record" else "not_allowed"
        if problem.kind is problems.VALIDATION_FAILED:
            code = "unknown_item"
        if problem.kind in (problems.FORBIDDEN_ROLE,):
            code = "role"
        return see_other(f"{url}?problem={code}#decision")
    return see_other(f"{url}?done={decision}")


def _item_comments(form) -> list[protocol.ItemComment]:
    """Pairs item_id_N / item_comment_N of the return form with both filled in."""
    found = []
    for n in range(1, 21):
        item_id = str(form.get(f"item_id_{n}") or "").strip()[:200]
        text = str(form.get(f"item_comment_{n}") or "").strip()[:4000]
        if item_id and text:
            found.append(protocol.ItemComment(item_id=item_id, comment=text))
    return found


# --- assets ------------------------------------------------------------------------------


@router.get("/fonts/{name}")
def font(name: str) -> Response:
    from inspector_app.core.documents.fonts import fonts_dir

    if name not in FONTS:
        raise ConsoleError(404, "not_found")
    return FileResponse(
        fonts_dir() / name, media_type="font/ttf", headers={"Cache-Control": "public, max-age=86400"}
    )
