"""Administrators' data pages: the register (import in the browser, edit a facility, the
register of facilities under special control), reference data (MRP, articles) and
checklists (publish a version, retire one). Administrators only; every POST carries the
CSRF token; the services write the audit entries and the change log laptops pull."""

from __future__ import annotations

import tempfile
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from inspector_app.core.domain.errors import UserError
from inspector_app.core.domain.models import FacilityKind, RiskDegree
from inspector_app.core.problems import Problem
from sync.server.console import admin_data, admin_reference
from sync.server.console.admin_routes import admin_page
from sync.server.console.assignments import find_facilities
from sync.server.console.routes import see_other
from sync.server.console.web import ConsoleError, Page
from sync.server.persistence.models import FacilityRow
from sync.server.services import checklists, reference
from sync.server.services.importer import import_facilities
from sync.server.services.registry import set_article, set_mrp, upsert_facilities

router = APIRouter(prefix="/console/admin", include_in_schema=False)


async def _form(request: Request, upload_limit: int = 0):
    """The form of a POST; with `upload_limit`, a multipart form whose file is read up to it."""
    length = request.headers.get("content-length", "")
    if upload_limit and length.isdigit() and int(length) > upload_limit + 64 * 1024:
        raise ConsoleError(413, "too_big")
    try:
        form = await request.form(max_files=1, max_fields=60, max_part_size=64 * 1024)
    except Exception as error:  # starlette refuses too many parts with its own exception
        raise ConsoleError(400, "bad_form") from error
    upload = await admin_data.read_upload(form, upload_limit) if upload_limit else None
    return form, upload


# --- the register --------------------------------------------------------------------------


def _register(page: Page, status: int = 200, **values) -> Response:
    query = page.request.query_params.get("q", "")[:100].strip()
    with page.services.db.read() as session:
        found = find_facilities(session, page.signed_in.principal, query)
        special, special_total = admin_data.special_control(session)
        regions = admin_data.region_names(session, page.lang)
    return page.render(
        "admin_register.html",
        status=status,
        query=query,
        found=found,
        special=special,
        special_total=special_total,
        regions=regions,
        limit_mb=admin_data.REGISTER_MAX_BYTES // (1024 * 1024),
        done=page.request.query_params.get("done", "")[:40],
        **values,
    )


@router.get("/register")
def register_page(request: Request) -> Response:
    return _register(admin_page(request))


@router.post("/register/import")
async def import_register(request: Request) -> Response:
    page = admin_page(request)
    form, upload = await _form(request, admin_data.REGISTER_MAX_BYTES)
    return await run_in_threadpool(_import, page, form, upload)


def _import(page: Page, form, upload: admin_data.Upload | None) -> Response:
    page.check_csrf(form)
    if upload is None or upload.data is None:
        problem = "no_file" if upload is None else "too_big"
        return _register(page, 400, problem=problem, filename=upload.filename if upload else "")
    with tempfile.TemporaryDirectory(prefix="register-") as folder:
        path = Path(folder) / upload.filename
        path.write_bytes(upload.data)
        try:
            with page.services.db.write() as session:
                report = import_facilities(session, page.signed_in.principal, path, page.lang)
        except UserError as error:  # the file as a whole: its type, encoding or header row
            page.audit("register.import_refused", "register", upload.filename, {"code": error.code})
            return _register(page, 400, file_error=error.message(page.lang), filename=upload.filename)
    details = {"imported": report.imported, "unchanged": report.unchanged, "rejected": len(report.rejected)}
    page.audit("register.import", "register", upload.filename, details)
    return _register(page, 200, report=report, filename=upload.filename)


def _facility_row(session, facility_id: str) -> FacilityRow:
    row = session.get(FacilityRow, facility_id[:64])
    if row is None:
        raise ConsoleError(404, "no_facility")
    return row


def _facility_page(page: Page, facility_id: str, checked: admin_data.FacilityForm, status: int = 200):
    with page.services.db.read() as session:
        regions = admin_data.region_names(session, page.lang)
    return page.render(
        "admin_facility.html",
        status=status,
        facility_id=facility_id,
        values=checked.values,
        errors=checked.errors,
        regions=regions,
        kinds=[k.value for k in FacilityKind],
        risks=[r.value for r in RiskDegree],
    )


@router.get("/register/facilities/{facility_id}")
def facility_page(facility_id: str, request: Request) -> Response:
    page = admin_page(request)
    with page.services.db.read() as session:
        values = admin_data.facility_values(_facility_row(session, facility_id))
    return _facility_page(page, facility_id, admin_data.FacilityForm(values))


@router.post("/register/facilities/{facility_id}")
async def save_facility(facility_id: str, request: Request) -> Response:
    page = admin_page(request)
    form, _ = await _form(request)
    return await run_in_threadpool(_save_facility, page, facility_id, form)


def _save_facility(page: Page, facility_id: str, form) -> Response:
    page.check_csrf(form)
    with page.services.db.read() as session:
        row_id = _facility_row(session, facility_id).id
        checked = admin_data.check_facility(session, row_id, form, page.lang)
    if checked.errors or checked.facility is None:
        return _facility_page(page, row_id, checked, 400)
    with page.services.db.write() as session:
        changed = upsert_facilities(session, page.signed_in.principal, [checked.facility])
    page.audit("facility.edit", "facility", row_id, {"changed": bool(changed)})
    return see_other(f"/console/admin/register/facilities/{row_id}?done=saved")


@router.post("/register/special-control")
async def special_control(request: Request) -> Response:
    page = admin_page(request)
    form, _ = await _form(request)
    return await run_in_threadpool(_special_control, page, form)


def _special_control(page: Page, form) -> Response:
    page.check_csrf(form)
    on = form.get("on") == "1"
    with page.services.db.write() as session:
        row = _facility_row(session, str(form.get("facility_id") or ""))
        upsert_facilities(session, page.signed_in.principal, [admin_data.with_special_control(row, on)])
        row_id = row.id
    page.audit("facility.special_control", "facility", row_id, {"on": on})
    return see_other(f"/console/admin/register?done={'special_on' if on else 'special_off'}#special")


# --- reference data ------------------------------------------------------------------------


def _reference(page: Page, status: int = 200, **values) -> Response:
    with page.services.db.read() as session:
        mrp = admin_data.mrp_rows(session)
        articles = admin_data.articles(session)
        bodies = reference.bodies(session)
        districts = reference.districts(session)
        regions = reference.regions(session)
        names = admin_reference.body_names(session)
    values.setdefault("mrp_values", {})
    values.setdefault("mrp_errors", {})
    for kind, found in (("body", bodies), ("district", districts), ("region", regions)):
        _chosen(page, kind, found, values)
    return page.render(
        "admin_reference.html",
        status=status,
        mrp=mrp,
        articles=articles,
        bodies=names,
        body_rows=bodies,
        district_rows=districts,
        region_rows=regions,
        regions=admin_data.region_names_of(regions, page.lang),
        done=page.request.query_params.get("done", "")[:40],
        **values,
    )


def _chosen(page: Page, kind: str, found: list, values: dict) -> None:
    """The form of `kind` as typed (after an error), or filled with the entry the page's
    `?<kind>=<code>` asks to edit, or empty for a new one (regions are only edited)."""
    if f"{kind}_form" in values:
        return
    code = page.request.query_params.get(kind, "")[:40]
    entry = next((e for e in found if e.code == code), None)
    if code and entry is None:
        raise ConsoleError(404, "no_reference")
    values[f"{kind}_form"] = admin_reference.Checked(admin_reference.values_of(entry), new=entry is None)


@router.get("/reference")
def reference_page(request: Request) -> Response:
    return _reference(admin_page(request))


@router.post("/reference/mrp")
async def save_mrp(request: Request) -> Response:
    page = admin_page(request)
    form, _ = await _form(request)
    return await run_in_threadpool(_save_mrp, page, form)


def _save_mrp(page: Page, form) -> Response:
    page.check_csrf(form)
    values, errors, mrp = admin_data.check_mrp(form)
    if mrp is None:
        return _reference(page, 400, mrp_values=values, mrp_errors=errors)
    with page.services.db.write() as session:
        set_mrp(session, page.signed_in.principal, mrp)
    page.audit("console.mrp", "mrp", str(mrp.year), {"tenge": mrp.tenge})
    return see_other("/console/admin/reference?done=mrp#mrp")


@router.post("/reference/bodies")
async def save_body(request: Request) -> Response:
    page = admin_page(request)
    form, _ = await _form(request)
    return await run_in_threadpool(_save_reference, page, form, "body")


@router.post("/reference/districts")
async def save_district(request: Request) -> Response:
    page = admin_page(request)
    form, _ = await _form(request)
    return await run_in_threadpool(_save_reference, page, form, "district")


@router.post("/reference/regions")
async def save_region(request: Request) -> Response:
    page = admin_page(request)
    form, _ = await _form(request)
    return await run_in_threadpool(_save_reference, page, form, "region")


def _save_reference(page: Page, form, kind: str) -> Response:
    """Add or edit a body or district, or rename a region; the errors beside the fields."""
    page.check_csrf(form)
    with page.services.db.read() as session:
        checked = {
            "body": lambda: admin_reference.check_body(session, form),
            "district": lambda: admin_reference.check_district(session, form),
            "region": lambda: admin_reference.check_region(form),
        }[kind]()
    if checked.errors:
        return _reference(page, 400, **{f"{kind}_form": checked})
    actor = page.signed_in.principal
    try:
        with page.services.db.write() as session:
            if kind == "body":
                changed = reference.set_body(session, actor, checked.entry, new=checked.new)
            elif kind == "district":
                changed = reference.set_district(session, actor, checked.entry, new=checked.new)
            else:
                changed = reference.set_region_name(session, actor, checked.entry)
    except Problem as problem:  # the code was taken or went away meanwhile
        raise ConsoleError(409 if problem.kind.status == 422 else 404, "no_reference") from problem
    details = {"new": checked.new, "changed": changed, "active": checked.values.get("active", "1") == "1"}
    page.audit(f"console.{kind}", kind, checked.entry.code, details)
    return see_other(f"/console/admin/reference?done={kind}#{kind}-section")


def _article_page(page: Page, values: dict, errors: dict, status: int = 200, new: bool = False) -> Response:
    with page.services.db.read() as session:
        bodies = admin_reference.body_names(session)
    return page.render(
        "admin_article.html",
        status=status,
        values=values,
        errors=errors,
        new=new,
        bodies=bodies,
        sizes=admin_data.SIZES,
    )


@router.get("/reference/articles/new")
def new_article(request: Request) -> Response:
    return _article_page(admin_page(request), admin_data.article_values(None), {}, new=True)


@router.get("/reference/articles/{code}")
def article_page(code: str, request: Request) -> Response:
    page = admin_page(request)
    with page.services.db.read() as session:
        found = next((a for a in admin_data.articles(session) if a.code == code), None)
    if found is None:
        raise ConsoleError(404, "no_article")
    return _article_page(page, admin_data.article_values(found), {})


@router.post("/reference/articles")
async def save_article(request: Request) -> Response:
    page = admin_page(request)
    form, _ = await _form(request)
    return await run_in_threadpool(_save_article, page, form)


def _save_article(page: Page, form) -> Response:
    page.check_csrf(form)
    new = form.get("new") == "1"
    with page.services.db.read() as session:
        known = admin_reference.body_names(session)
    values, errors, article = admin_data.check_article(form, known)
    if article is None:
        return _article_page(page, values, errors, 400, new)
    with page.services.db.write() as session:
        set_article(session, page.signed_in.principal, article)
    page.audit("console.article", "article", article.code, {"min_mrp": article.min_mrp})
    return see_other("/console/admin/reference?done=article#articles")


# --- checklists ----------------------------------------------------------------------------


def _checklists(page: Page, status: int = 200, **values) -> Response:
    with page.services.db.read() as session:
        rows = checklists.versions(session)
    confirm = page.request.query_params.get("retire", "")[:120]
    return page.render(
        "admin_checklists.html",
        status=status,
        rows=rows,
        confirm=next((r for r in rows if f"{r.form_id}@{r.version}" == confirm and not r.retired_at), None),
        limit_kb=admin_data.FORM_MAX_BYTES // 1024,
        done=page.request.query_params.get("done", "")[:40],
        **values,
    )


@router.get("/checklists")
def checklists_page(request: Request) -> Response:
    return _checklists(admin_page(request))


@router.post("/checklists/publish")
async def publish(request: Request) -> Response:
    page = admin_page(request)
    form, upload = await _form(request, admin_data.FORM_MAX_BYTES)
    return await run_in_threadpool(_publish, page, form, upload)


def _publish(page: Page, form, upload: admin_data.Upload | None) -> Response:
    page.check_csrf(form)
    if upload is None or upload.data is None:
        return _checklists(page, 400, problem="no_file" if upload is None else "too_big")
    try:
        text = upload.data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _checklists(page, 400, problem="not_text", filename=upload.filename)
    try:
        with page.services.db.write() as session:
            published = checklists.publish_text(session, page.signed_in.principal, text, upload.filename)
    except UserError as error:  # the strict loader's FormError: line and key
        page.audit("form.publish_refused", "form", upload.filename, {"code": error.code})
        return _checklists(
            page, 400, form_error=error, message=error.message(page.lang), filename=upload.filename
        )
    except Problem as problem:
        page.audit("form.publish_refused", "form", upload.filename, {"code": problem.kind.code})
        return _checklists(
            page, 409, problem=problem.kind.name, details=problem.details, filename=upload.filename
        )
    entity = f"{published.form_id}@{published.version}"
    page.audit("console.form_publish", "form", entity, {"new": published.new})
    return see_other(f"/console/admin/checklists?done={'published' if published.new else 'same'}")


@router.post("/checklists/retire")
async def retire(request: Request) -> Response:
    page = admin_page(request)
    form, _ = await _form(request)
    return await run_in_threadpool(_retire, page, form)


def _retire(page: Page, form) -> Response:
    page.check_csrf(form)
    form_id, version = str(form.get("form_id") or "")[:100], str(form.get("version") or "")
    if not version.isdigit():
        raise ConsoleError(400, "bad_form")
    try:
        with page.services.db.write() as session:
            checklists.retire(session, page.signed_in.principal, form_id, int(version))
    except Problem as problem:
        raise ConsoleError(404, "no_form") from problem
    page.audit("console.form_retire", "form", f"{form_id}@{version}")
    return see_other("/console/admin/checklists?done=retired")
