"""The SQL store: the one implementation of :class:`~rasd.store.base.Store`, on SQLite and
PostgreSQL through SQLAlchemy Core.

This class owns connections and transactions and nothing else: writing is
:mod:`rasd.store.write`, reading :mod:`rasd.store.read`, search and facets
:mod:`rasd.store.search`, entities/places :mod:`rasd.store.mentions`, quotes/events
:mod:`rasd.store.statements`, and every difference between the two databases is one
:class:`~rasd.store.dialects.Dialect` strategy.  docs/store.md maps it all.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sqlalchemy import Select, func, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from rasd.doc import Document, Meta
from rasd.errors import StoreBusy, StoreError
from rasd.store import mentions, migrate, read, search, statements, write
from rasd.store import schema as S
from rasd.store import stories as stories_
from rasd.store import textindex as T
from rasd.store.base import (
    AddResult,
    DocSummary,
    DuplicateGroup,
    EntityDetail,
    EntityInfo,
    EventRecord,
    FacetValue,
    Filters,
    Mention,
    NotFound,
    Page,
    PlaceInfo,
    ProgressFn,
    QuoteRecord,
    SearchResult,
    Store,
    StoryDetail,
    StorySummary,
)
from rasd.store.dialects import DEFAULT_BUSY_TIMEOUT, dialect_for
from rasd.store.filters import clean, conditions, newest_first, page_limit
from rasd.store.write import BLOB_LAYERS

_SCHEMA_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


def parse_target(target: str) -> tuple[str, str | None, Path | None]:
    """(SQLAlchemy URL, PostgreSQL schema or None, SQLite path or None)."""
    if target.startswith(("postgresql:", "postgres:", "postgresql+psycopg:")):
        parts = urlsplit(target)
        query = dict(parse_qsl(parts.query))
        schema = query.pop("schema", None)
        if schema is not None and not _SCHEMA_RE.match(schema):
            raise StoreError(f"bad schema name {schema!r}")
        url = urlunsplit(("postgresql+psycopg", parts.netloc, parts.path, urlencode(query), ""))
        return url, schema, None
    if target.startswith("sqlite:"):
        path = target.split("sqlite:///", 1)[1] if "sqlite:///" in target else ""
        if not path:
            raise StoreError("in-memory SQLite is not supported: give a file path")
    else:
        path = target
    p = Path(path).expanduser().resolve()
    return f"sqlite:///{p}", None, p


def _short(e: Exception) -> str:
    return str(e).splitlines()[0][:300]


class SQLStore(Store):
    """:class:`Store` over SQLAlchemy.  The engine pools connections, so one instance may be
    shared by the threads of a web server."""

    def __init__(self, target: str, create: bool = True,
                 busy_timeout: float | None = None, pool_size: int | None = None,
                 max_overflow: int = 0) -> None:
        url, self.schema, path = parse_target(target)
        self.url = target
        if path is not None:
            if not path.exists() and not create:
                raise StoreError(f"no archive at {path} (--create starts an empty one)")
            path.parent.mkdir(parents=True, exist_ok=True)
        wait = DEFAULT_BUSY_TIMEOUT if busy_timeout is None else busy_timeout
        self.backend = dialect_for(url, self.schema, wait)
        if pool_size is not None:
            self.backend.pool = {"pool_size": max(1, pool_size),
                                 "max_overflow": max(0, max_overflow)}
        #: the backend's name (``sqlite``/``postgresql``)
        self.dialect = self.backend.name
        try:
            self.engine = self.backend.make_engine(url)
            with self.read() as c:  # a current archive opens without taking the write lock
                current = migrate.is_current(c)
            if not current:
                with self.write() as c:
                    self.backend.lock_for_migration(c)
                    migrate.upgrade(c)  # re-checks under the lock
        except SQLAlchemyError as e:
            raise StoreError(f"cannot open archive {self._safe_url()}: {_short(e)}") from e

    # -- connections ------------------------------------------------------------------------
    def _safe_url(self) -> str:
        parts = urlsplit(self.url)
        if parts.password:
            return self.url.replace(parts.password, "***")
        return self.url

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction (``BEGIN IMMEDIATE`` on SQLite): other writers wait, at most
        the busy timeout, then :class:`~rasd.errors.StoreBusy`."""
        try:
            with self.engine.connect() as c:
                c.execution_options(rasd_write=True)
                with c.begin():
                    yield c
        except DBAPIError as e:
            self._raise_if_busy(e)
            raise

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read transaction: one consistent snapshot for the queries inside it (never
        waits for a writer on SQLite in WAL mode nor on PostgreSQL)."""
        try:
            with self.engine.connect() as c, c.begin():
                yield c
        except DBAPIError as e:
            self._raise_if_busy(e)
            raise

    def _raise_if_busy(self, e: DBAPIError) -> None:
        if self.backend.is_busy(e):
            raise StoreBusy(
                f"archive {self._safe_url()} is busy: another process held its write lock "
                f"for more than {self.backend.busy_timeout:g} s (RASD_BUSY_TIMEOUT); "
                "try again when it has finished") from e

    def close(self) -> None:
        self.engine.dispose()

    def _stream(self, stmt: Select, order: list[Any], batch: int = 1000) -> Iterator[Any]:
        """All rows of ``stmt`` in ``order``, fetched in batches (streamed, never capped)."""
        offset = 0
        while True:
            with self.read() as c:
                rows = c.execute(stmt.order_by(*order).limit(batch).offset(offset)).all()
            yield from rows
            if len(rows) < batch:
                return
            offset += batch

    # -- writing ----------------------------------------------------------------------------
    def add(self, doc: Document, analysis_version: str | None = None) -> AddResult:
        try:
            with self.write() as c:
                return write.add(c, self.backend, doc, analysis_version)
        except SQLAlchemyError as e:
            raise StoreError(f"cannot store document {doc.id}: {_short(e)}") from e

    def add_many(
        self, docs: Sequence[tuple[Document, str | None]]
    ) -> list[AddResult | Exception]:
        """One transaction for the whole batch; if any document fails, the batch is rolled
        back and stored one document per transaction, so only the bad one is lost."""
        if len(docs) > 1:
            try:
                with self.write() as c:
                    return [write.add(c, self.backend, doc, v) for doc, v in docs]
            except StoreBusy:  # not a bad document: retrying one by one would wait N times
                raise
            except Exception:  # noqa: BLE001 - rolled back; find the culprit below
                pass
        return super().add_many(docs)

    def reanalyze(self, pipeline: Any, only_outdated: bool = True,
                  progress: ProgressFn | None = None) -> dict[str, int]:
        from rasd.store.version import pipeline_version

        version = pipeline_version(pipeline)
        d = S.documents
        stmt = select(d.c.seq, d.c.id).order_by(d.c.seq)
        if only_outdated:
            stmt = stmt.where(or_(d.c.analysis_version.is_(None), d.c.analysis_version != version))
        with self.read() as c:
            todo = c.execute(stmt).all()
        counts = {"reanalyzed": 0, "failed": 0, "skipped": 0}
        for row in todo:
            try:
                with self.read() as c:
                    r = c.execute(select(d.c.text, d.c.meta).where(d.c.seq == row.seq)).one()
                doc = Document(r.text, Meta.from_dict(json.loads(r.meta)))
                pipeline(doc)
                body = T.index_pieces(T.doc_pieces(doc))
                with self.write() as c:
                    write.replace_layers(c, self.backend, doc, row.seq, body, version)
                counts["reanalyzed"] += 1
            except StoreBusy:  # the archive, not the document: stop instead of waiting N times
                raise
            except Exception:  # one bad document never stops the batch
                counts["failed"] += 1
            if progress:
                progress(1)
        return counts

    # -- documents --------------------------------------------------------------------------
    def get(self, doc_id: str) -> Document:
        with self.read() as c:
            return read.get(c, clean(doc_id))

    def version_of(self, doc_id: str) -> str | None:
        d = S.documents
        with self.read() as c:
            return c.execute(select(d.c.analysis_version).where(d.c.id == clean(doc_id))).scalar()

    def summary(self, doc_id: str) -> DocSummary:
        with self.read() as c:
            return read.summary(c, clean(doc_id))

    def list_documents(self, filters: Filters | None = None, limit: int = 20,
                       offset: int = 0) -> Page:
        limit = page_limit(limit)
        conds = conditions(filters)
        with self.read() as c:
            rows = c.execute(select(*read.summary_cols()).where(*conds)
                             .order_by(*newest_first()).limit(limit).offset(offset)).all()
            total = c.execute(select(func.count()).select_from(S.documents).where(*conds)).scalar()
        return Page([read.to_summary(r) for r in rows], int(total or 0), limit, offset)

    def iter_documents(self, filters: Filters | None = None) -> Iterator[Document]:
        d = S.documents
        last = 0
        conds = conditions(filters)
        while True:  # keyset pagination: no long-lived cursor, constant memory
            with self.read() as c:
                rows = c.execute(select(d).where(d.c.seq > last, *conds)
                                 .order_by(d.c.seq).limit(200)).all()
                docs = [read.load(c, r) for r in rows]
            if not rows:
                return
            last = rows[-1].seq
            yield from docs

    def count(self, filters: Filters | None = None) -> int:
        with self.read() as c:
            return int(c.execute(select(func.count()).select_from(S.documents)
                                 .where(*conditions(filters))).scalar() or 0)

    def sources_of(self, doc_id: str) -> list[dict[str, Any]]:
        with self.read() as c:
            return read.sources_of(c, clean(doc_id))

    # -- search -----------------------------------------------------------------------------
    def search(self, query: str, filters: Filters | None = None, limit: int = 20,
               offset: int = 0, facets: bool = True) -> SearchResult:
        query = query or ""
        limit, offset = page_limit(limit), max(0, int(offset))
        conds = conditions(filters)
        with self.read() as c:
            return search.search(c, self.backend, query, conds, limit, offset, facets)

    def facets(self, query: str = "", filters: Filters | None = None,
               size: int = 10) -> dict[str, list[FacetValue]]:
        """Top values over the best-ranked :data:`~rasd.store.search.FACET_DOCS` matching
        documents (all of them when fewer); :meth:`search` reports that number as
        ``facets_over``."""
        with self.read() as c:
            return search.facets(c, self.backend, query or "", conditions(filters), size)

    def timeline(self, query: str = "", filters: Filters | None = None) -> list[tuple[str, int]]:
        with self.read() as c:
            return search.timeline(c, self.backend, query or "", conditions(filters))

    # -- entities and places ----------------------------------------------------------------
    def entities(self, filters: Filters | None = None, name: str | None = None,
                 label: str | None = None, limit: int = 50, offset: int = 0) -> Page:
        limit = page_limit(limit)
        with self.read() as c:
            items, total = mentions.entities(c, filters, name, label, limit, offset)
        return Page(items, total, limit, offset)

    def entity(self, entity_id: str, limit: int = 50, offset: int = 0) -> EntityDetail:
        with self.read() as c:
            return mentions.entity(c, clean(entity_id), page_limit(limit), offset)

    def iter_mentions(self, filters: Filters | None = None) -> Iterator[tuple[EntityInfo, Mention]]:
        stmt, order = mentions.mentions_stmt(filters)
        for r in self._stream(stmt, order):
            yield mentions.to_mention(r)

    def places(self, filters: Filters | None = None, name: str | None = None,
               limit: int = 200, offset: int = 0) -> Page:
        limit = page_limit(limit)
        with self.read() as c:
            items, total = mentions.places(c, filters, name, limit, offset)
        return Page(items, total, limit, offset)

    def place(self, place_id: str, limit: int = 50, offset: int = 0) -> tuple[PlaceInfo, Page]:
        limit = page_limit(limit)
        with self.read() as c:
            info, ms = mentions.place(c, clean(place_id), limit, offset)
        return info, Page(ms, info.mention_count, limit, offset)

    # -- quotes and events ------------------------------------------------------------------
    def quotes(self, filters: Filters | None = None, limit: int = 50, offset: int = 0) -> Page:
        limit = page_limit(limit)
        with self.read() as c:
            items, total = statements.page(c, statements.quote_stmt(filters), "quotes",
                                           limit, offset)
        return Page(items, total, limit, offset)

    def quotes_by(self, entity_id: str, limit: int = 50, offset: int = 0) -> Page:
        limit = page_limit(limit)
        stmt = statements.quote_stmt(None).where(S.quotes.c.speaker_entity == clean(entity_id))
        with self.read() as c:
            items, total = statements.page(c, stmt, "quotes", limit, offset)
        return Page(items, total, limit, offset)

    def iter_quotes(self, filters: Filters | None = None) -> Iterator[QuoteRecord]:
        for r in self._stream(statements.quote_stmt(filters), statements.stream_order("quotes")):
            yield statements.to_quote(r)

    def events(self, filters: Filters | None = None, limit: int = 50, offset: int = 0) -> Page:
        limit = page_limit(limit)
        with self.read() as c:
            items, total = statements.page(c, statements.event_stmt(filters), "events",
                                           limit, offset)
        return Page(items, total, limit, offset)

    def iter_events(self, filters: Filters | None = None) -> Iterator[EventRecord]:
        for r in self._stream(statements.event_stmt(filters), statements.stream_order("events")):
            yield statements.to_event(r)

    # -- near-duplicates and counts ---------------------------------------------------------
    def duplicate_groups(self, limit: int = 50, offset: int = 0) -> Page:
        limit = page_limit(limit)
        with self.read() as c:
            groups, total = read.duplicate_groups(c, limit, offset)
        return Page(groups, total, limit, offset)

    def group_of(self, doc_id: str) -> DuplicateGroup:
        d = S.documents
        with self.read() as c:
            g = c.execute(select(d.c.group_id).where(d.c.id == clean(doc_id))).scalar()
            if g is None:
                raise NotFound(f"no document {clean(doc_id)!r}")
            return read.group(c, g)

    # -- stories ----------------------------------------------------------------------------
    def save_stories(self, stories: Iterable[tuple[StorySummary, Sequence[str]]]) -> int:
        try:
            with self.write() as c:
                return stories_.save(c, self.backend, stories)
        except SQLAlchemyError as e:
            raise StoreError(f"cannot save stories: {_short(e)}") from e

    def stories(self, filters: Filters | None = None, min_size: int = 1, limit: int = 50,
                offset: int = 0) -> Page:
        limit, offset = page_limit(limit), max(0, int(offset))
        with self.read() as c:
            items, total = stories_.listing(c, filters, min_size, limit, offset)
        return Page(items, total, limit, offset)

    def story(self, story_id: str) -> StoryDetail:
        with self.read() as c:
            return stories_.detail(c, clean(story_id))

    def story_of(self, doc_id: str) -> str | None:
        with self.read() as c:
            return stories_.story_of(c, clean(doc_id))

    def stats(self) -> dict[str, int]:
        with self.read() as c:
            return read.stats(c)


__all__ = ["SQLStore", "BLOB_LAYERS", "parse_target"]
