"""Open an archive by path or URL: the one place that picks the :class:`Store` implementation
(kept apart from :mod:`rasd.store.base` so the contract never imports its implementation)."""

from __future__ import annotations

import os

from rasd.store.base import Store

DEFAULT_DB = "rasd.db"


def busy_timeout_from_env() -> float | None:
    """``RASD_BUSY_TIMEOUT`` in seconds (None when unset or not a number)."""
    raw = os.environ.get("RASD_BUSY_TIMEOUT", "").strip()
    try:
        return max(0.0, float(raw)) if raw else None
    except ValueError:
        return None


def open_store(url_or_path: str | None = None, *, create: bool = True,
               busy_timeout: float | None = None, pool_size: int | None = None,
               max_overflow: int = 0) -> Store:
    """Open (and migrate) a store.

    * ``None`` → ``$RASD_DB`` or ``./rasd.db``;
    * a file path or ``sqlite:///path`` → SQLite (WAL, FTS5);
    * ``postgresql://user@host:port/db`` → PostgreSQL.  An extra ``?schema=NAME`` puts all
      tables in that schema (created if missing) — used by tests for isolation.

    Migrations (Alembic) are applied on open when the archive is behind, so an old archive
    is upgraded in place; opening a current archive only reads.  ``busy_timeout`` (seconds;
    default ``$RASD_BUSY_TIMEOUT`` or 30) bounds every wait for another process's write lock,
    after which the operation fails with :class:`rasd.errors.StoreBusy` (E408).
    ``pool_size``/``max_overflow`` size the connection pool of a store shared by threads (a
    server); by default SQLAlchemy's (5 + 10).  ``Store.close`` closes its connections.
    """
    from rasd.store.sql import SQLStore  # SQLAlchemy loads only when an archive is opened

    target = url_or_path or os.environ.get("RASD_DB") or DEFAULT_DB
    wait = busy_timeout if busy_timeout is not None else busy_timeout_from_env()
    return SQLStore(str(target), create=create, busy_timeout=wait, pool_size=pool_size,
                    max_overflow=max_overflow)


__all__ = ["DEFAULT_DB", "open_store"]
