"""Open an archive by path or URL: the one place that picks the :class:`Store` implementation
(kept apart from :mod:`rasd.store.base` so the contract never imports its implementation)."""

from __future__ import annotations

import os

from rasd.store.base import Store

DEFAULT_DB = "rasd.db"


def open_store(url_or_path: str | None = None, *, create: bool = True) -> Store:
    """Open (and migrate) a store.

    * ``None`` → ``$RASD_DB`` or ``./rasd.db``;
    * a file path or ``sqlite:///path`` → SQLite (WAL, FTS5);
    * ``postgresql://user@host:port/db`` → PostgreSQL.  An extra ``?schema=NAME`` puts all
      tables in that schema (created if missing) — used by tests for isolation.

    Migrations (Alembic) are applied on open, so an old archive is upgraded in place.
    """
    from rasd.store.sql import SQLStore  # SQLAlchemy loads only when an archive is opened

    target = url_or_path or os.environ.get("RASD_DB") or DEFAULT_DB
    return SQLStore(str(target), create=create)


__all__ = ["DEFAULT_DB", "open_store"]
