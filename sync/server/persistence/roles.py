"""PostgreSQL: the server runs under a role that cannot rewrite history.

The tables belong to the owner role, which runs the migrations (`inspector-server migrate`
or `grant-roles`, with INSPECTOR_DATABASE_URL naming the owner). The server itself runs
as a second role (`serve` with INSPECTOR_DATABASE_URL naming it; the schema being up to
date, its start-up migration changes nothing): it reads and writes the tables it needs, but on audit_log only
INSERT and SELECT. Not being the owner, it cannot TRUNCATE, UPDATE, DELETE, ALTER the
table or DISABLE its triggers. See packaging/server/README-roles.md.
"""

from __future__ import annotations

import sqlalchemy as sa

from sync.server.persistence.db import make_engine


def grant_statements(role: str, schema: str) -> list[str]:
    r, s = _ident(role), _ident(schema)
    return [
        f"GRANT USAGE ON SCHEMA {s} TO {r}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} TO {r}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {r}",
        f"REVOKE ALL ON {s}.audit_log FROM {r}",
        f"GRANT SELECT, INSERT ON {s}.audit_log TO {r}",
        f"REVOKE INSERT, UPDATE, DELETE ON {s}.alembic_version FROM {r}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {r}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT USAGE, SELECT ON SEQUENCES TO {r}",
    ]


def grant_app_role(url: str, role: str) -> None:
    """Run as the owner: give `role` what the server needs, the audit log append-only."""
    engine = make_engine(url)
    try:
        if engine.dialect.name != "postgresql":
            raise SystemExit("grant-roles is for PostgreSQL; on SQLite the file's owner is the server")
        with engine.begin() as connection:
            schema = connection.exec_driver_sql("SELECT current_schema()").scalar()
            if schema is None:
                raise SystemExit("the role has no current schema: set its search_path")
            owner = connection.exec_driver_sql("SELECT current_user").scalar()
            if owner == role:
                raise SystemExit("the server's role must not be the owner of the tables")
            for statement in grant_statements(role, schema):
                connection.exec_driver_sql(statement)
    finally:
        engine.dispose()


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def audit_table_rights(connection: sa.Connection, role: str) -> set[str]:
    """The privileges `role` holds on audit_log (for checks and tests)."""
    rights = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")
    return {
        right
        for right in rights
        if connection.execute(
            sa.text("SELECT has_table_privilege(:role, 'audit_log', :right)"), {"role": role, "right": right}
        ).scalar()
    }
