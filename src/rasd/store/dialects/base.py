"""The :class:`Dialect` strategy interface (see :mod:`rasd.store.dialects`)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Insert, Subquery, Table, insert
from sqlalchemy.engine import Connection, Engine

from rasd.store.textindex import QueryTerm

#: Seconds a writer waits for another writer's lock before :class:`rasd.errors.StoreBusy`
#: (``RASD_BUSY_TIMEOUT`` / ``open_store(busy_timeout=…)``).
DEFAULT_BUSY_TIMEOUT = 30.0


class Dialect(ABC):
    """What differs between backends; one instance per store (it may hold settings such as
    the PostgreSQL schema)."""

    #: SQLAlchemy's dialect name (``sqlite`` / ``postgresql``).
    name: str
    #: how long a statement waits for a lock held by another connection, in seconds
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT
    #: ``pool_size``/``max_overflow`` for the engine's pool (empty: SQLAlchemy's defaults)
    pool: dict[str, int] = {}  # noqa: RUF012 - replaced per instance, never mutated

    @abstractmethod
    def make_engine(self, url: str) -> Engine:
        """A pooled engine whose connections are set up for the store (pragmas, schema)."""

    @abstractmethod
    def is_busy(self, error: BaseException) -> bool:
        """Whether ``error`` (a driver error wrapped by SQLAlchemy) means "gave up waiting
        for a lock after :attr:`busy_timeout`" rather than a real failure."""

    def lock_for_migration(self, c: Connection) -> None:
        """Serialise concurrent opens while migrations run (inside the write transaction).
        SQLite needs nothing: ``BEGIN IMMEDIATE`` already excludes other writers."""
        return None

    def bulk_insert(self, c: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
        """Insert many rows of one shape (all dicts have the same keys, in the same order)."""
        if rows:
            c.execute(insert(table), rows)

    @abstractmethod
    def insert_ignore(self, table: Table) -> Insert:
        """``INSERT`` that skips rows whose key already exists (shared entity clusters)."""

    # -- full-text index -------------------------------------------------------------------
    @abstractmethod
    def index_document(self, c: Connection, seq: int, title: str, body: str) -> None:
        """Add a document's folded title and body to the full-text index under ``seq``."""

    @abstractmethod
    def unindex_document(self, c: Connection, seq: int) -> None:
        """Remove document ``seq`` from the full-text index (before re-indexing it)."""

    @abstractmethod
    def match(self, terms: Sequence[QueryTerm]) -> Subquery:
        """Documents matching every term: a subquery with columns ``seq`` and ``rank`` (lower
        is better), to join with ``documents``."""

    def ranked_unfiltered(self, c: Connection, terms: Sequence[QueryTerm], limit: int,
                          offset: int) -> list[tuple[int, float]] | None:
        """(seq, rank) of the best matches when no filter applies, if this backend has a
        faster way than joining :meth:`match` with ``documents``; None otherwise."""
        return None

    def total_unfiltered(self, c: Connection, terms: Sequence[QueryTerm]) -> int | None:
        """Number of matches without filters, if this backend can count them faster."""
        return None

    @abstractmethod
    def in_ints(self, col: Any, values: list[int]) -> ColumnElement[bool]:
        """``col IN values`` as ONE bound parameter: thousands of separate bind parameters
        cost more to compile than the query to run."""
