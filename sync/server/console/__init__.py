"""The supervisors' web console, served by the central server under /console."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles

from sync.server.console import i18n
from sync.server.console.reports import LIMITS
from sync.server.console.sessions import SessionRules
from sync.server.console.web import HERE, ConsoleError, SignInNeeded, page_of

FORM_BYTES = 1024 * 1024  # a console form of fields alone
REPORT_BYTES = LIMITS.files * LIMITS.file_bytes + FORM_BYTES  # an execution report's files
ADMIN_BYTES = 32 * 1024 * 1024  # an administrator's import: a register, a checklist, a bundle
TRANSFER_BYTES = 512 * 1024 * 1024 + FORM_BYTES  # a laptop's transfer bundle from a USB stick


def form_limit(path: str) -> int:
    """The most a console request may send, refused before it arrives (api/middleware.py)."""
    if path.startswith("/console/orders/") and path.endswith("/report"):
        return REPORT_BYTES
    if path.rstrip("/") == "/console/transfer":
        return TRANSFER_BYTES
    return ADMIN_BYTES if path.startswith("/console/admin/") else FORM_BYTES


def install(app: FastAPI) -> None:
    """Add the console's routes, its static files, its error pages, and `/` → `/console/`."""
    from sync.server.console.admin_data_routes import router as admin_data_router
    from sync.server.console.admin_routes import router as admin_router
    from sync.server.console.assignment_routes import router as assignment_router
    from sync.server.console.order_routes import router as order_router
    from sync.server.console.outcome_routes import router as outcome_router
    from sync.server.console.routes import router
    from sync.server.console.statistics_routes import router as statistics_router
    from sync.server.console.transfer_routes import router as transfer_router

    i18n.compile_catalogues()
    app.state.console_rules = SessionRules.from_env()
    app.include_router(router)
    app.include_router(order_router)
    app.include_router(outcome_router)
    app.include_router(assignment_router)
    app.include_router(statistics_router)
    app.include_router(transfer_router)
    app.include_router(admin_router)
    app.include_router(admin_data_router)
    app.mount("/console/static", StaticFiles(directory=HERE / "static"), name="console-static")

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/console/", status_code=307)

    @app.exception_handler(SignInNeeded)
    async def on_sign_in(_request: Request, _error: SignInNeeded) -> RedirectResponse:
        return RedirectResponse("/console/signin", status_code=303)

    @app.exception_handler(ConsoleError)
    async def on_console_error(request: Request, error: ConsoleError):
        from fastapi.concurrency import run_in_threadpool

        page = await run_in_threadpool(page_of, request)
        return page.render("error.html", status=error.status, error=error)
