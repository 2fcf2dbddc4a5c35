"""Apply Alembic migrations programmatically (no alembic.ini needed).

``open_store`` first reads the archive's revision in a plain read transaction
(:func:`is_current`): opening a current archive takes no write lock, so it never waits for a
long ingest.  Only an archive that is behind is upgraded, in a write transaction that
re-checks the revision under the lock (:func:`upgrade` is a no-op when another process has
just done it).
"""

from __future__ import annotations

from functools import lru_cache
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


@lru_cache(maxsize=1)
def head() -> str | None:
    """The newest revision this rasd knows (read from the scripts once per process)."""
    return ScriptDirectory.from_config(_config()).get_current_head()


def is_current(connection: Connection) -> bool:
    """Whether the schema on ``connection`` is at :func:`head` (reads only)."""
    return current(connection) == head()


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
