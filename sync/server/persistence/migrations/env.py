"""Alembic environment: the caller passes an open connection (see sync.server.persistence.db.migrate)."""

from alembic import context

from sync.server.persistence.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
