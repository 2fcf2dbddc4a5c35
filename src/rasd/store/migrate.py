"""Apply Alembic migrations programmatically (no alembic.ini needed).

``open_store`` calls :func:`upgrade` on every open: a no-op when the archive is current, an
in-place upgrade when it was written by an older rasd.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head() -> str | None:
    return ScriptDirectory.from_config(_config()).get_current_head()


def current(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Bring the schema on ``connection`` to ``revision`` (default: the latest), inside the
    connection's transaction.  Tests pass an older revision to build an archive as an older
    rasd left it."""
    if revision == "head" and current(connection) == head():
        return
    command.upgrade(_config(connection), revision)


def downgrade(connection: Connection, revision: str) -> None:
    """Take the schema on ``connection`` back to ``revision`` (tests of the down paths)."""
    command.downgrade(_config(connection), revision)
