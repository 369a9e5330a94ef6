"""The FastAPI application: routes, error handlers and middleware, built from Settings."""

from __future__ import annotations

import gc
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from inspector_app.core import problems, protocol
from inspector_app.core.problems import Problem
from sync.server import console
from sync.server.api import admin, auth, health, records, statistics, uploads, verify
from sync.server.api.bodies import add_schemas, validation_problem
from sync.server.api.deps import Services, principal_of_token
from sync.server.api.middleware import BodyGuard, RequestLog
from sync.server.config import Settings
from sync.server.persistence.blobs import BlobStore
from sync.server.persistence.db import Database
from sync.server.services.security import Throttle

log = logging.getLogger("inspector.server")

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": protocol.ErrorBody, "description": description}
    for status, description in (
        (400, "Malformed request"),
        (401, "No valid device token"),
        (403, "Outside the caller's role or regions"),
        (404, "Not found"),
        (409, "Conflict"),
        (413, "Body too large"),
        (422, "Invalid content"),
        (429, "Too many attempts"),
        (503, "Database or storage unavailable"),
    )
}


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    app = FastAPI(
        title="Field Inspector sync server",
        version=str(protocol.PROTOCOL_VERSION),
        description="Central server of Field Inspector; protocol in sync/PROTOCOL.md.",
        responses=ERROR_RESPONSES,
    )
    app.state.services = Services(
        settings=settings,
        db=Database(settings.database_url),
        blobs=BlobStore(settings.blob_dir),
        throttle=Throttle(settings.login_free_attempts, settings.login_max_delay_s),
    )
    for module in (health, auth, records, uploads, admin, verify, statistics):
        app.include_router(module.router)
    add_schemas(app, [protocol.PushRequest])
    _install_handlers(app)
    console.install(app)  # the supervisors' web console at /console (its own error pages)
    app.add_middleware(
        BodyGuard,
        max_json_bytes=settings.max_json_bytes,
        max_upload_bytes=settings.max_upload_request_bytes,
        body_timeout=settings.body_timeout_s,
        authenticate=principal_of_token,
        console_limit=console.form_limit,
    )
    app.add_middleware(RequestLog)
    _calm_collector()
    return app


def _calm_collector() -> None:
    """A pushed batch makes some 100,000 short-lived objects; with the default thresholds
    the cycle collector runs hundreds of times per batch, each time re-scanning everything
    loaded at start. Park what exists now outside its scans and let it run less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def problem_response(problem: Problem) -> JSONResponse:
    headers = dict(problem.headers)
    if problem.status in (408, 413):  # the rest of the body is not read: the connection ends
        headers["Connection"] = "close"
    return JSONResponse(problem.body(), status_code=problem.status, headers=headers)


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(Problem)
    async def on_problem(_request: Request, problem: Problem) -> JSONResponse:
        return problem_response(problem)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        errors = error.errors()
        if errors and all(tuple(e.get("loc", ()))[:1] == ("header",) for e in errors):
            headers = sorted(
                {str(e["loc"][1]).replace("_", "-").title() for e in errors if len(e["loc"]) > 1}
            )
            return problem_response(Problem(problems.BAD_HEADER, details={"headers": headers}))
        return problem_response(validation_problem(errors))

    @app.exception_handler(UnicodeEncodeError)
    async def on_unencodable(_request: Request, _error: UnicodeEncodeError) -> JSONResponse:
        # a lone surrogate ("\ud800") in a JSON string: not Unicode text, cannot be stored
        return problem_response(Problem(problems.MALFORMED_JSON, details={"reason": "lone surrogate"}))

    @app.exception_handler(StarletteHTTPException)
    async def on_http(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        if isinstance(error.__cause__, Problem):  # raised while FastAPI read the body
            return problem_response(error.__cause__)
        if error.status_code == 400 and error.__cause__ is not None:
            # a body FastAPI could not read as JSON: invalid UTF-8, nested too deep
            return problem_response(Problem(problems.MALFORMED_JSON))
        kind = {
            404: problems.NOT_FOUND,
            405: problems.METHOD_NOT_ALLOWED,
            413: problems.BODY_TOO_LARGE,
            415: problems.UNSUPPORTED_MEDIA_TYPE,
            401: problems.AUTH_REQUIRED,
            403: problems.AUTH_REQUIRED,
        }.get(error.status_code, problems.BAD_HEADER)
        return problem_response(Problem(kind, details={"detail": str(error.detail)[:200]}))

    @app.exception_handler(IntegrityError)
    async def on_integrity(_request: Request, error: IntegrityError) -> JSONResponse:
        log.warning("integrity error", extra={"error": str(error.orig)[:300]})
        return problem_response(Problem(problems.DUPLICATE))

    @app.exception_handler(DataError)
    async def on_data(_request: Request, error: DataError) -> JSONResponse:
        log.info("value refused by the database", extra={"error": str(error.orig)[:300]})
        return problem_response(
            Problem(
                problems.VALIDATION_FAILED,
                details={
                    "reason": "a value is too long, out of range, or holds characters that cannot be stored"
                },
            )
        )

    @app.exception_handler(DBAPIError)
    async def on_database(_request: Request, error: DBAPIError) -> JSONResponse:
        if isinstance(error, OperationalError) or error.connection_invalidated:
            log.error("database unavailable", extra={"error": str(error.orig)[:300]})
            return problem_response(Problem(problems.DATABASE_UNAVAILABLE, headers={"Retry-After": "5"}))
        log.error("database error", exc_info=error)
        return problem_response(Problem(problems.INTERNAL))

    @app.exception_handler(Exception)
    async def on_bug(_request: Request, error: Exception) -> JSONResponse:
        log.error("unhandled error", exc_info=error)
        return problem_response(Problem(problems.INTERNAL))

    @app.exception_handler(OSError)
    async def on_storage(_request: Request, error: OSError) -> JSONResponse:
        log.error("storage unavailable", extra={"error": str(error)[:300]})
        return problem_response(Problem(problems.STORAGE_UNAVAILABLE, headers={"Retry-After": "5"}))
