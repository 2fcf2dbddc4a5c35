"""Dialect strategies: everything the SQL store does differently on SQLite and PostgreSQL.

The store (:mod:`rasd.store.sql` and its query modules) is written once in SQLAlchemy Core;
what cannot be portable lives behind :class:`Dialect`, one small class per backend:

* connection setup (SQLite: WAL, ``BEGIN IMMEDIATE`` for writers; PostgreSQL: ``search_path``
  for ``?schema=``) and the lock that serialises concurrent first opens (migrations);
* bulk inserts (executemany vs ``COPY``) and insert-or-ignore (both ``ON CONFLICT DO NOTHING``
  but from each dialect's own ``insert``);
* the full-text index (FTS5 virtual table vs a generated ``tsvector`` column), how a parsed
  query becomes a ranked match, and the SQLite-only shortcut that ranks inside FTS5 alone;
* ``col IN (many ints)`` as one bound parameter (``json_each`` vs an array with ``ANY``).

Adding a backend means one more subclass and a branch in :func:`dialect_for`; nothing else in
the store asks which database it is talking to.
"""

from __future__ import annotations

from rasd.store.dialects.base import DEFAULT_BUSY_TIMEOUT, Dialect


def dialect_for(url: str, schema: str | None = None,
                busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> Dialect:
    """The strategy for a SQLAlchemy URL (as built by :func:`rasd.store.sql.parse_target`);
    ``busy_timeout`` bounds, in seconds, every wait for another connection's lock."""
    if url.startswith("sqlite"):
        from rasd.store.dialects.sqlite import SQLiteDialect

        return SQLiteDialect(busy_timeout)
    from rasd.store.dialects.postgres import PostgresDialect

    return PostgresDialect(schema, busy_timeout)


__all__ = ["DEFAULT_BUSY_TIMEOUT", "Dialect", "dialect_for"]
