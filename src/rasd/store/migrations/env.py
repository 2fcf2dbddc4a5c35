"""Alembic environment: always runs on the connection handed over by the store.

The store calls :func:`rasd.store.migrate.upgrade`, which passes its open connection in
``config.attributes["connection"]``; there is no alembic.ini and no URL here, so migrations
run the same way from ``open_store`` and from tests, on SQLite and PostgreSQL.
"""

from __future__ import annotations

from alembic import context

from rasd.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    version_table="alembic_version",
)
with context.begin_transaction():
    context.run_migrations()
