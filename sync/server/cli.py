"""`inspector-server`: serve, migrate, create-user, import-facilities, load-forms, seed-demo,
verify-audit, grant-roles, clean-uploads, import-bundle.

A thin layer over the server modules; configuration comes from the environment
(INSPECTOR_DATABASE_URL or INSPECTOR_SERVER_DB, INSPECTOR_BLOB_DIR, ...).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from inspector_app.core.domain.errors import UserError
from inspector_app.core.problems import Problem
from sync.server import logs
from sync.server.config import Settings
from sync.server.persistence.blobs import BlobStore
from sync.server.persistence.db import Database, migrate


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = Settings.from_env()
    logs.configure(settings.log_level)
    try:
        return args.run(args, settings) or 0
    except Problem as problem:
        print(
            f"error {problem.kind.code} {problem.kind.name}: {problem.message} {problem.details or ''}".rstrip(),
            file=sys.stderr,
        )
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="inspector-server", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(required=True, metavar="command")
    serve = commands.add_parser("serve", help="migrate, then serve HTTP with uvicorn")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8400)
    serve.add_argument("--workers", type=int, default=1)
    serve.set_defaults(run=_serve)
    commands.add_parser("migrate", help="bring the database schema up to date").set_defaults(
        run=lambda _a, s: migrate(s.database_url)
    )
    user = commands.add_parser("create-user", help="add a user (asks for the password)")
    user.add_argument("username")
    user.add_argument("--role", required=True, choices=("inspector", "supervisor", "administrator"))
    user.add_argument("--regions", default="", help="comma-separated region codes, e.g. AST,AKM")
    user.add_argument("--full-name", default="")
    user.add_argument(
        "--code", default="", help="the inspector code printed in document numbers, bound in each region"
    )
    user.add_argument("--password", help="instead of the prompt (scripts, tests)")
    user.set_defaults(run=_create_user)
    facilities = commands.add_parser("import-facilities", help="import the register from CSV/XLSX")
    facilities.add_argument("file", type=Path)
    facilities.set_defaults(run=_import_facilities)
    forms = commands.add_parser("load-forms", help="publish the checklist forms of a folder")
    forms.add_argument("directory", type=Path, nargs="?")
    forms.set_defaults(run=_load_forms)
    commands.add_parser("seed-demo", help="demo users, facilities, forms and reference data").set_defaults(
        run=_seed_demo
    )
    commands.add_parser("verify-audit", help="check the hash chain of the audit log").set_defaults(
        run=_verify_audit
    )
    grant = commands.add_parser(
        "grant-roles",
        help="PostgreSQL: give the server's role what it needs, and the audit log only INSERT/SELECT",
    )
    grant.add_argument("role", help="the role the server runs as (not the owner of the tables)")
    grant.set_defaults(run=_grant_roles)
    clean = commands.add_parser(
        "clean-uploads",
        help="remove abandoned partial uploads, unreferenced files and old statistics exports",
    )
    clean.add_argument(
        "--older-than", type=float, default=None, help="hours (default INSPECTOR_STALE_UPLOAD_S, 24 h)"
    )
    clean.set_defaults(run=_clean_uploads)
    bundle = commands.add_parser(
        "import-bundle",
        help="take in a laptop's transfer bundle (USB stick) and write its acknowledgement",
    )
    bundle.add_argument("file", type=Path)
    bundle.add_argument("--out", type=Path, required=True, help="folder for the acknowledgement bundle")
    bundle.set_defaults(run=_import_bundle)
    return parser


def _serve(args, settings: Settings) -> None:
    import uvicorn

    from sync.server.api.httpproto import GuardedHttpTools

    migrate(settings.database_url)
    uvicorn.run(
        "sync.server.api.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_config=logs.UVICORN_LOG_CONFIG,
        access_log=False,
        timeout_keep_alive=30,
        http=GuardedHttpTools,
        h11_max_incomplete_event_size=64 * 1024,  # request line and headers
        # X-Forwarded-For only from the configured reverse proxies (none by default): from
        # anyone else it would let a caller choose the address sign-ins are counted under
        proxy_headers=bool(settings.trusted_proxies),
        forwarded_allow_ips=list(settings.trusted_proxies) or None,
    )


def _create_user(args, settings: Settings) -> None:
    from sync.server.services.documents import bind_inspector_code
    from sync.server.services.users import create_user

    password = args.password or _ask_password()
    migrate(settings.database_url)
    db = Database(settings.database_url)
    regions = [r.strip() for r in args.regions.split(",") if r.strip()]
    try:
        with db.write() as session:
            user = create_user(
                session,
                username=args.username,
                password=password,
                role=args.role,
                regions=regions,
                full_name=args.full_name,
            )
            if args.code:
                session.flush()
                bind_inspector_code(session, user.id, regions, args.code)
    finally:
        db.dispose()
    print(f"created {args.role} {args.username}")


def _ask_password() -> str:
    first = getpass.getpass("password: ")
    if len(first) < 8:
        raise SystemExit("the password needs at least 8 characters")
    if getpass.getpass("again: ") != first:
        raise SystemExit("the passwords differ")
    return first


def _import_facilities(args, settings: Settings) -> int:
    from sync.server.services.importer import import_facilities
    from sync.server.services.principal import SYSTEM

    migrate(settings.database_url)
    db = Database(settings.database_url)
    try:
        with db.write() as session:
            report = import_facilities(session, SYSTEM, args.file)
    except UserError as error:  # a file that cannot be read at all
        print(error.message("en"), file=sys.stderr)
        return 2
    print("\n".join(report.lines()))
    return 1 if report.errors and not (report.imported or report.unchanged) else 0


def _load_forms(args, settings: Settings) -> int:
    from sync.server.services.seed import load_forms

    migrate(settings.database_url)
    with Database(settings.database_url).write() as session:
        published, unavailable = load_forms(session, args.directory)
    print("\n".join([f"published: {p}" for p in published] + [f"unavailable: {u}" for u in unavailable]))
    return 1 if unavailable else 0


def _seed_demo(_args, settings: Settings) -> int:
    from sync.server.services.seed import DEMO_PASSWORD, seed_demo

    migrate(settings.database_url)
    with Database(settings.database_url).write() as session:
        report = seed_demo(session)
    print(
        f"users created: {', '.join(report.users) or 'none (already there)'}; "
        f"password of each: {DEMO_PASSWORD}"
    )
    print(f"facilities added or changed: {report.facilities}")
    print(f"forms: {', '.join(report.forms) or 'none'}")
    for line in report.unavailable_forms:
        print(f"form not loaded: {line}")
    return 1 if report.unavailable_forms else 0


def _verify_audit(_args, settings: Settings) -> int:
    from sync.server.persistence import audit_chain

    db = Database(settings.database_url)
    try:
        with db.read() as session:
            report = audit_chain.verify(session)
    finally:
        db.dispose()
    if report.intact:
        print(f"{report.entries} entries, chain intact")
        return 0
    print(f"audit chain broken: {report.reason}", file=sys.stderr)
    return 1


def _grant_roles(args, settings: Settings) -> int:
    from sync.server.persistence.roles import grant_app_role

    migrate(settings.database_url)
    grant_app_role(settings.database_url, args.role)
    print(f"granted {args.role}: tables read/write, audit_log INSERT and SELECT only")
    return 0


def _clean_uploads(args, settings: Settings) -> int:
    from sync.server.services.cleanup import clean_uploads

    age = settings.stale_upload_s if args.older_than is None else args.older_than * 3600
    db = Database(settings.database_url)
    try:
        report = clean_uploads(db, BlobStore(settings.blob_dir), age)
    finally:
        db.dispose()
    print(report.line())
    _clean_exports(settings)
    return 0


def _clean_exports(settings: Settings) -> None:
    """Statistics exports older than INSPECTOR_EXPORT_RETENTION_DAYS (7) go, with their jobs."""
    import datetime as dt

    from sync.server.services import statistics_jobs

    db = Database(settings.database_url)
    try:
        retention = dt.timedelta(days=settings.export_retention_days)
        report = statistics_jobs.clean(db, settings.blob_dir / "exports", retention)
    finally:
        db.dispose()
    print(report.line())


def _import_bundle(args, settings: Settings) -> int:
    from sync.server.services.transfer import import_bundle

    if not args.file.is_file():
        print(f"error: no such file: {args.file}", file=sys.stderr)
        return 2
    migrate(settings.database_url)
    db = Database(settings.database_url)
    try:
        imported = import_bundle(db, BlobStore(settings.blob_dir), args.file, args.out)
    finally:
        db.dispose()
    print("\n".join(imported.lines()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
