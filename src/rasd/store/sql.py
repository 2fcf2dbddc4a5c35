"""The SQL store: one implementation of :class:`~rasd.store.base.Store` for SQLite and
PostgreSQL (SQLAlchemy Core), differing only in connection setup and full-text search.

SQLite runs in WAL mode with ``synchronous=NORMAL`` (a killed process never corrupts or
half-writes; only an OS crash can lose the last commits) and write transactions start with
``BEGIN IMMEDIATE`` so concurrent writers wait instead of failing mid-transaction.
PostgreSQL may be given ``?schema=NAME`` to keep an archive in its own schema.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sqlalchemy import (
    Column,
    ColumnElement,
    Float,
    Integer,
    MetaData,
    Select,
    Table,
    Text,
    any_,
    case,
    cast,
    create_engine,
    delete,
    distinct,
    event,
    exists,
    func,
    insert,
    literal,
    literal_column,
    or_,
    select,
    text,
    tuple_,
    update,
)
from sqlalchemy.dialects import postgresql as pg
from sqlalchemy.dialects import sqlite as sq
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from rasd.doc import Document, Meta, Span
from rasd.errors import StoreError
from rasd.store import dedup, migrate, records
from rasd.store import schema as S
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
    SearchHit,
    SearchResult,
    Snippet,
    Store,
)

#: Derived layers stored as one JSON blob per document (thousands of spans, rarely queried).
BLOB_LAYERS = frozenset({"tokens", "normalized"})
MAX_LIMIT = 1000
#: Facets are counted over at most this many best-ranked hits (reported as ``facets_over``)
#: so that a query matching half of a 100k archive still answers interactively.
FACET_DOCS = 500
#: Unfiltered SQLite searches rank at most this many (most recently stored) matches.
RANK_CAP = 10000
_SCHEMA_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
_DAY_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")

_pg_meta = MetaData()
pg_fts = Table(
    "documents_fts",
    _pg_meta,
    Column("seq", Integer, primary_key=True),
    Column("title", Text),
    Column("body", Text),
    Column("tsv", TSVECTOR),
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _day(published: str | None) -> str | None:
    if not published:
        return None
    m = _DAY_RE.match(published.strip())
    return m.group(0) if m else None


def _limit(n: int) -> int:
    return max(0, min(int(n), MAX_LIMIT))


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


class SQLStore(Store):
    """:class:`Store` over SQLAlchemy.  The engine pools connections, so one instance may be
    shared by the threads of a web server."""

    def __init__(self, target: str, create: bool = True) -> None:
        url, self.schema, path = parse_target(target)
        self.url = target
        if path is not None:
            if not path.exists() and not create:
                raise StoreError(f"no archive at {path}")
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.engine = self._make_engine(url)
            self.dialect = self.engine.dialect.name
            with self._write() as c:
                if self.dialect == "postgresql":
                    c.execute(text("SELECT pg_advisory_xact_lock(727384)"))
                migrate.upgrade(c)
        except SQLAlchemyError as e:
            raise StoreError(f"cannot open archive {self._safe_url()}: {_short(e)}") from e

    # -- connections ------------------------------------------------------------------------
    def _safe_url(self) -> str:
        parts = urlsplit(self.url)
        if parts.password:
            return self.url.replace(parts.password, "***")
        return self.url

    def _make_engine(self, url: str) -> Engine:
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"timeout": 30})

            @event.listens_for(engine, "connect")
            def _on_connect(dbapi_conn: Any, _rec: Any) -> None:
                dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (SQLAlchemy recipe)
                cur = dbapi_conn.cursor()
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=NORMAL")
                cur.execute("PRAGMA foreign_keys=ON")
                cur.execute("PRAGMA busy_timeout=30000")
                cur.close()

            @event.listens_for(engine, "begin")
            def _on_begin(conn: Connection) -> None:
                immediate = conn.get_execution_options().get("rasd_write", False)
                conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

            return engine
        engine = create_engine(url, pool_pre_ping=True)
        if self.schema:
            with engine.begin() as c:
                c.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"'))
            schema = self.schema

            @event.listens_for(engine, "connect")
            def _pg_connect(dbapi_conn: Any, _rec: Any) -> None:
                cur = dbapi_conn.cursor()
                cur.execute(f'SET search_path TO "{schema}"')
                cur.close()
                dbapi_conn.commit()

            engine.dispose()  # connections made before the listener must not be reused
        return engine

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self.engine.connect() as c:
            c.execution_options(rasd_write=True)
            with c.begin():
                yield c

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self.engine.connect() as c, c.begin():
            yield c

    def close(self) -> None:
        self.engine.dispose()

    # -- writing ----------------------------------------------------------------------------
    def add(self, doc: Document, analysis_version: str | None = None) -> AddResult:
        try:
            return self._add(doc, analysis_version)
        except SQLAlchemyError as e:
            raise StoreError(f"cannot store document {doc.id}: {_short(e)}") from e

    def _add(self, doc: Document, version: str | None) -> AddResult:
        pieces = T.doc_pieces(doc)
        body = T.index_pieces(pieces)
        sig = dedup.signature(T.stem_terms(pieces))
        now = _now()
        d = S.documents
        with self._write() as c:
            row = c.execute(
                select(d.c.seq, d.c.analysis_version, d.c.group_id).where(
                    d.c.content_hash == doc.content_hash
                )
            ).first()
            if row is not None:
                self._add_source(c, doc, now)
                if row.analysis_version == version or not _analysed(doc):
                    return AddResult(doc.id, "duplicate", row.group_id)
                self._delete_layers(c, doc.id, row.seq)
                self._insert_layers(c, doc, row.seq, body)
                c.execute(update(d).where(d.c.seq == row.seq).values(
                    **self._doc_values(doc, version), updated_at=now))
                return AddResult(doc.id, "updated", row.group_id)
            group_id, sim = doc.id, None
            if sig is not None:
                match = self._nearest(c, sig)
                if match is not None:
                    group_id, sim = match
            values = self._doc_values(doc, version)
            res = c.execute(insert(d).values(
                id=doc.id, content_hash=doc.content_hash, length=len(doc.text), text=doc.text,
                group_id=group_id, similarity=sim, added_at=now, updated_at=now, **values))
            seq = res.inserted_primary_key[0]
            self._add_source(c, doc, now)
            self._insert_layers(c, doc, seq, body)
            if sig is not None:
                c.execute(insert(S.doc_minhash).values(doc_id=doc.id,
                                                       signature=dedup.to_bytes(sig)))
                self._bulk(c, S.lsh_bands, [
                    {"doc_id": doc.id, "band": b, "hash": h} for b, h in dedup.band_hashes(sig)
                ])
        status = "near_duplicate" if group_id != doc.id else "new"
        return AddResult(doc.id, status, group_id, sim)

    @staticmethod
    def _doc_values(doc: Document, version: str | None) -> dict[str, Any]:
        m = doc.meta
        return {
            "title": m.title, "outlet": m.outlet, "url": m.url, "author": m.author,
            "published": m.published, "published_day": _day(m.published),
            "language": m.language, "source": m.source,
            "meta": json.dumps(m.to_dict(), ensure_ascii=False),
            "relations": json.dumps(_plain(doc.relations), ensure_ascii=False),
            "warnings": json.dumps(doc.warnings, ensure_ascii=False),
            "layer_names": json.dumps(list(doc.layers), ensure_ascii=False),
            "analysis_version": version,
        }

    def _add_source(self, c: Connection, doc: Document, now: str) -> None:
        m, ds = doc.meta, S.document_sources
        seen = c.execute(select(ds.c.id).where(
            ds.c.doc_id == doc.id,
            _eq_or_null(ds.c.source, m.source), _eq_or_null(ds.c.url, m.url),
        ).limit(1)).first()
        if seen is None:
            c.execute(insert(ds).values(doc_id=doc.id, source=m.source, url=m.url,
                                        outlet=m.outlet, published=m.published, seen_at=now))

    def _nearest(self, c: Connection, sig: Any) -> tuple[str, float] | None:
        """Best near-duplicate among LSH candidates: (its group id, estimated Jaccard)."""
        bands = dedup.band_hashes(sig)
        lb = S.lsh_bands
        cond = tuple_(lb.c.band, lb.c.hash).in_(bands)
        cand = (select(lb.c.doc_id).where(cond).group_by(lb.c.doc_id)
                .having(func.count() >= dedup.MIN_SHARED_BANDS)
                .order_by(func.count().desc()).limit(50).subquery())
        rows = c.execute(
            select(S.doc_minhash.c.signature, S.documents.c.group_id)
            .join(S.documents, S.documents.c.id == S.doc_minhash.c.doc_id)
            .where(S.doc_minhash.c.doc_id.in_(select(cand.c[0])))
        ).all()
        best: tuple[str, float] | None = None
        for r in rows:
            s = dedup.similarity(sig, dedup.from_bytes(r.signature))
            if s >= dedup.THRESHOLD and (best is None or s > best[1]):
                best = (r.group_id, s)
        return best

    def _insert_layers(self, c: Connection, doc: Document, seq: int, body: str) -> None:
        text_ = doc.text
        span_rows, blob_rows = [], []
        for name, spans in doc.layers.items():
            if name in BLOB_LAYERS:
                blob = [[s.start, s.end, s.label, s.id, dict(s.attrs) or None] for s in spans]
                blob_rows.append({"doc_id": doc.id, "layer": name,
                                  "spans": json.dumps(blob, ensure_ascii=False)})
                continue
            for i, s in enumerate(spans):
                span_rows.append({
                    "doc_id": doc.id, "layer": name, "span_id": s.id, "ord": i,
                    "char_start": s.start, "char_end": s.end, "label": s.label,
                    "text": text_[s.start : s.end], "attrs": records.dumps(_plain(s.attrs)),
                })
        self._bulk(c, S.spans, span_rows)
        self._bulk(c, S.layer_blobs, blob_rows)
        ent_rows, clusters = records.entity_rows(doc)
        if clusters:
            c.execute(self._insert_ignore(S.entity_clusters), list(clusters.values()))
        self._bulk(c, S.entities, ent_rows)
        ent_of_span = {r["span_id"]: r["entity_id"] for r in ent_rows}
        for table, rows in (
            (S.places, records.place_rows(doc)),
            (S.times, records.time_rows(doc)),
            (S.quotes, records.quote_rows(doc, ent_of_span)),
            (S.events, records.event_rows(doc)),
        ):
            self._bulk(c, table, rows)
        title = T.index_title(doc.meta.title)
        if self.dialect == "sqlite":
            c.execute(text("INSERT INTO documents_fts(rowid, title, body) VALUES (:s, :t, :b)"),
                      {"s": seq, "t": title, "b": body})
        else:
            c.execute(insert(pg_fts).values(seq=seq, title=title, body=body))

    def _bulk(self, c: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
        """Insert many rows: executemany on SQLite (fast in-process), COPY on PostgreSQL.
        Column names come from our own row dicts (never from input), so the COPY statement is
        not built from user data; values travel in COPY's data stream."""
        if not rows:
            return
        if self.dialect == "sqlite":
            c.execute(insert(table), rows)
            return
        # psycopg: COPY is one round trip and no SQL compilation per row
        cols = list(rows[0])
        raw = c.connection.dbapi_connection
        assert raw is not None
        with raw.cursor() as cur, cur.copy(
            f"COPY {table.name} ({', '.join(cols)}) FROM STDIN"
        ) as cp:
            for r in rows:
                cp.write_row([r[k] for k in cols])

    def _insert_ignore(self, table: Table) -> Any:
        if self.dialect == "sqlite":
            return sq.insert(table).on_conflict_do_nothing()
        return pg.insert(table).on_conflict_do_nothing()

    def _delete_layers(self, c: Connection, doc_id: str, seq: int) -> None:
        for table in S.LAYER_TABLES:
            c.execute(delete(table).where(table.c.doc_id == doc_id))
        if self.dialect == "sqlite":
            c.execute(text("DELETE FROM documents_fts WHERE rowid = :s"), {"s": seq})
        else:
            c.execute(delete(pg_fts).where(pg_fts.c.seq == seq))

    def reanalyze(self, pipeline: Any, only_outdated: bool = True,
                  progress: ProgressFn | None = None) -> dict[str, int]:
        from rasd.store.version import pipeline_version

        version = pipeline_version(pipeline)
        d = S.documents
        stmt = select(d.c.seq, d.c.id).order_by(d.c.seq)
        if only_outdated:
            stmt = stmt.where(or_(d.c.analysis_version.is_(None), d.c.analysis_version != version))
        with self._read() as c:
            todo = c.execute(stmt).all()
        counts = {"reanalyzed": 0, "failed": 0, "skipped": 0}
        for row in todo:
            try:
                with self._read() as c:
                    r = c.execute(select(d.c.text, d.c.meta).where(d.c.seq == row.seq)).one()
                doc = Document(r.text, Meta.from_dict(json.loads(r.meta)))
                pipeline(doc)
                body = T.index_pieces(T.doc_pieces(doc))
                with self._write() as c:
                    self._delete_layers(c, row.id, row.seq)
                    self._insert_layers(c, doc, row.seq, body)
                    c.execute(update(d).where(d.c.seq == row.seq).values(
                        **self._doc_values(doc, version), updated_at=_now()))
                counts["reanalyzed"] += 1
            except Exception:  # one bad document never stops the batch
                counts["failed"] += 1
            if progress:
                progress(1)
        return counts

    # -- filters ----------------------------------------------------------------------------
    def _conds(self, f: Filters | None) -> list[ColumnElement[bool]]:
        d = S.documents
        if f is None:
            return []
        f = _clean_filters(f)
        out: list[ColumnElement[bool]] = []
        if f.entity:
            e, ec = S.entities, S.entity_clusters
            key = records.name_key(f.entity)
            sub = select(e.c.doc_id).join(ec, ec.c.entity_id == e.c.entity_id).where(
                or_(ec.c.entity_id == f.entity, ec.c.key == key))
            out.append(d.c.id.in_(sub))
        if f.place:
            p = S.places
            sub = select(p.c.doc_id).where(
                or_(p.c.place_id == f.place, p.c.key == records.name_key(f.place)))
            out.append(d.c.id.in_(sub))
        if f.date_from:
            out.append(d.c.published_day >= f.date_from)
        if f.date_to:
            # "2021-11" must include "2021-11-30": compare against the prefix's upper end
            out.append(d.c.published_day <= f.date_to + "\uffff")
        if f.source:
            ds = S.document_sources
            out.append(or_(
                d.c.outlet == f.source,
                d.c.source.contains(f.source, autoescape=True),
                d.c.url.contains(f.source, autoescape=True),
                d.c.id.in_(select(ds.c.doc_id).where(or_(
                    ds.c.outlet == f.source, ds.c.url.contains(f.source, autoescape=True)))),
            ))
        if f.kind == "quote":
            out.append(exists().where(S.quotes.c.doc_id == d.c.id))
        elif f.kind == "event":
            out.append(exists().where(S.events.c.doc_id == d.c.id))
        if f.doc_ids is not None:
            out.append(d.c.id.in_(list(f.doc_ids)))
        return out

    def _match(self, query: str) -> tuple[Any, Any] | None:
        """(subquery with columns seq, rank — lower rank is better) or None for no terms."""
        terms = T.parse_query(query)
        if not terms:
            return None
        if self.dialect == "sqlite":
            sub = (
                text("SELECT rowid AS seq, bm25(documents_fts, 3.0, 1.0) AS rank "
                     "FROM documents_fts WHERE documents_fts MATCH :q")
                .bindparams(q=T.fts5_match(terms))
                .columns(Column("seq", Integer), Column("rank", Float))
                .subquery("fts")
            )
            return sub, terms
        tsq = None
        for t in terms:
            alt = None
            for a in t.alternatives:
                q1 = func.plainto_tsquery(literal_column("'simple'::regconfig"),
                                          cast(literal(a), Text))
                alt = q1 if alt is None else alt.op("||")(q1)
            tsq = alt if tsq is None else tsq.op("&&")(alt)
        sub = (
            select(pg_fts.c.seq, (-func.ts_rank_cd(pg_fts.c.tsv, tsq)).label("rank"))
            .where(pg_fts.c.tsv.op("@@")(tsq))
            .subquery("fts")
        )
        return sub, terms

    def _matching(self, query: str, f: Filters | None) -> Select | None:
        """SELECT id, group_id of documents matching query+filters (None: query has no terms)."""
        d = S.documents
        stmt = select(d.c.id, d.c.group_id, d.c.seq)
        if query.strip():
            m = self._match(query)
            if m is None:
                return None
            sub, _ = m
            stmt = stmt.join(sub, sub.c.seq == d.c.seq)
        return stmt.where(*self._conds(f))

    # -- reading ----------------------------------------------------------------------------
    def _summary_cols(self) -> list[Any]:
        d = S.documents
        return [d.c.id, d.c.title, d.c.outlet, d.c.url, d.c.source, d.c.published, d.c.length,
                d.c.group_id, d.c.analysis_version, d.c.added_at]

    @staticmethod
    def _to_summary(r: Any) -> DocSummary:
        return DocSummary(r.id, r.title, r.outlet, r.url, r.source, r.published, r.length,
                          r.group_id, r.analysis_version, r.added_at)

    def get(self, doc_id: str) -> Document:
        doc_id = _clean(doc_id)
        d = S.documents
        with self._read() as c:
            r = c.execute(select(d).where(d.c.id == doc_id)).first()
            if r is None:
                raise NotFound(f"no document {doc_id!r}")
            return self._load(c, r)

    def _load(self, c: Connection, r: Any) -> Document:
        layers: dict[str, list[Span]] = {}
        for name in json.loads(r.layer_names):
            layers[name] = []
        sp = S.spans
        for s in c.execute(
            select(sp.c.layer, sp.c.char_start, sp.c.char_end, sp.c.label, sp.c.span_id,
                   sp.c.attrs).where(sp.c.doc_id == r.id).order_by(sp.c.layer, sp.c.ord)
        ):
            layers.setdefault(s.layer, []).append(Span(
                s.char_start, s.char_end, s.label, s.span_id,
                json.loads(s.attrs) if s.attrs else {}))
        lb = S.layer_blobs
        for b in c.execute(select(lb.c.layer, lb.c.spans).where(lb.c.doc_id == r.id)):
            layers[b.layer] = [Span(a, e, lab, i, at or {}) for a, e, lab, i, at in
                               json.loads(b.spans)]
        doc = Document(r.text, Meta.from_dict(json.loads(r.meta)), layers,
                       json.loads(r.relations), json.loads(r.warnings))
        if doc.content_hash != r.content_hash:
            raise StoreError(f"document {r.id} is corrupt (hash mismatch)")
        return doc

    def version_of(self, doc_id: str) -> str | None:
        doc_id = _clean(doc_id)
        d = S.documents
        with self._read() as c:
            return c.execute(select(d.c.analysis_version).where(d.c.id == doc_id)).scalar()

    def summary(self, doc_id: str) -> DocSummary:
        doc_id = _clean(doc_id)
        with self._read() as c:
            r = c.execute(select(*self._summary_cols()).where(S.documents.c.id == doc_id)).first()
        if r is None:
            raise NotFound(f"no document {doc_id!r}")
        return self._to_summary(r)

    def _newest_first(self) -> list[Any]:
        d = S.documents
        return [d.c.published_day.desc().nulls_last(), d.c.seq.desc()]

    def list_documents(self, filters: Filters | None = None, limit: int = 20,
                       offset: int = 0) -> Page:
        limit = _limit(limit)
        conds = self._conds(filters)
        with self._read() as c:
            rows = c.execute(select(*self._summary_cols()).where(*conds)
                             .order_by(*self._newest_first()).limit(limit).offset(offset)).all()
            total = c.execute(select(func.count()).select_from(S.documents).where(*conds)).scalar()
        return Page([self._to_summary(r) for r in rows], int(total or 0), limit, offset)

    def iter_documents(self, filters: Filters | None = None) -> Iterator[Document]:
        d = S.documents
        last = 0
        conds = self._conds(filters)
        while True:  # keyset pagination: no long-lived cursor, constant memory
            with self._read() as c:
                rows = c.execute(select(d).where(d.c.seq > last, *conds)
                                 .order_by(d.c.seq).limit(200)).all()
                docs = [self._load(c, r) for r in rows]
            if not rows:
                return
            last = rows[-1].seq
            yield from docs

    def count(self, filters: Filters | None = None) -> int:
        with self._read() as c:
            return int(c.execute(select(func.count()).select_from(S.documents)
                                 .where(*self._conds(filters))).scalar() or 0)

    def sources_of(self, doc_id: str) -> list[dict[str, Any]]:
        doc_id = _clean(doc_id)
        ds = S.document_sources
        with self._read() as c:
            rows = c.execute(select(ds.c.source, ds.c.url, ds.c.outlet, ds.c.published,
                                    ds.c.seen_at).where(ds.c.doc_id == doc_id)
                             .order_by(ds.c.id)).all()
        return [dict(r._mapping) for r in rows]

    # -- search -----------------------------------------------------------------------------
    def _ranked(self, c: Connection, query: str, conds: list[Any], limit: int,
                offset: int = 0) -> tuple[list[tuple[int, float]], tuple[T.QueryTerm, ...]] | None:
        """(seq, rank) of the best matches, best first; None when the query has no terms.

        Without filters on SQLite the FTS5 table is queried alone (``ORDER BY rank LIMIT``
        lets FTS5 keep only the top rows); with filters it is joined with ``documents``.
        """
        d = S.documents
        if not query.strip():
            rows = c.execute(select(d.c.seq).where(*conds).order_by(*self._newest_first())
                             .limit(limit).offset(offset)).all()
            return [(r.seq, 0.0) for r in rows], ()
        terms = T.parse_query(query)
        if not terms:
            return None
        if self.dialect == "sqlite" and not conds:
            q = T.fts5_match(terms)
            # bm25 costs a few microseconds per match: past RANK_CAP matches, rank the most
            # recently stored RANK_CAP of them (a news archive's reader wants those anyway)
            floor = c.execute(text(
                "SELECT rowid FROM documents_fts WHERE documents_fts MATCH :q"
                " ORDER BY rowid DESC LIMIT 1 OFFSET :cap"), {"q": q, "cap": RANK_CAP}).scalar()
            rows = c.execute(text(
                "SELECT rowid, rank FROM documents_fts WHERE documents_fts MATCH :q"
                " AND rowid > :floor AND rank MATCH 'bm25(3.0, 1.0)'"
                " ORDER BY rank LIMIT :n OFFSET :o"
            ), {"q": q, "floor": floor or 0, "n": limit, "o": offset}).all()
            return [(int(r[0]), float(r[1])) for r in rows], terms
        m = self._match(query)
        assert m is not None
        sub, _ = m
        rows = c.execute(select(d.c.seq, sub.c.rank).join(sub, sub.c.seq == d.c.seq)
                         .where(*conds).order_by(sub.c.rank, d.c.seq)
                         .limit(limit).offset(offset)).all()
        return [(int(r[0]), float(r[1] or 0.0)) for r in rows], terms

    def _total(self, c: Connection, query: str, conds: list[Any]) -> int:
        d = S.documents
        if not query.strip():
            return int(c.execute(select(func.count()).select_from(d).where(*conds)).scalar() or 0)
        if self.dialect == "sqlite" and not conds:
            terms = T.parse_query(query)
            return int(c.execute(text("SELECT count(*) FROM documents_fts WHERE documents_fts "
                                      "MATCH :q"), {"q": T.fts5_match(terms)}).scalar() or 0)
        m = self._match(query)
        assert m is not None
        sub, _ = m
        return int(c.execute(select(func.count()).select_from(d).join(sub, sub.c.seq == d.c.seq)
                             .where(*conds)).scalar() or 0)

    def search(self, query: str, filters: Filters | None = None, limit: int = 20,
               offset: int = 0, facets: bool = True) -> SearchResult:
        query = query or ""
        limit, offset = _limit(limit), max(0, int(offset))
        d = S.documents
        conds = self._conds(filters)
        # one ranked scan serves both the page and the facets when the page is within it
        shared = facets and offset + limit <= FACET_DOCS
        with self._read() as c:
            got = self._ranked(c, query, conds, FACET_DOCS if shared else limit,
                               0 if shared else offset)
            if got is None:
                return SearchResult(query, 0, limit, offset, [], {})
            ranked, terms = got
            page = ranked[offset : offset + limit] if shared else ranked
            total = len(ranked) if shared and len(ranked) < FACET_DOCS else self._total(
                c, query, conds)
            seqs = [q for q, _ in page]
            rows = {r.seq: r for r in c.execute(
                select(*self._summary_cols(), d.c.seq, d.c.text).where(d.c.seq.in_(seqs)))}
            values: dict[str, list[FacetValue]] = {}
            over = 0
            if facets and total:
                if not shared:
                    got = self._ranked(c, query, conds, FACET_DOCS)
                    ranked = got[0] if got else []
                values = self._facet_values(c, [q for q, _ in ranked])
                over = len(ranked)
        hits = [
            SearchHit(self._to_summary(rows[q]), -rank, T.make_snippet(rows[q].text, terms))
            for q, rank in page if q in rows
        ]
        return SearchResult(query, total, limit, offset, hits, values, over)

    def facets(self, query: str = "", filters: Filters | None = None,
               size: int = 10) -> dict[str, list[FacetValue]]:
        """Top values over the best-ranked :data:`FACET_DOCS` matching documents (all of them
        when fewer); :meth:`search` reports that number as ``facets_over``."""
        with self._read() as c:
            got = self._ranked(c, query or "", self._conds(filters), FACET_DOCS)
            return self._facet_values(c, [q for q, _ in got[0]] if got else [], size)

    def _in_ints(self, col: Any, values: list[int]) -> Any:
        """``col IN values`` as ONE bound parameter (JSON on SQLite, an array on PostgreSQL):
        thousands of separate bind parameters cost more to compile than the query to run."""
        if self.dialect == "sqlite":
            each = func.json_each(literal(json.dumps(values))).table_valued("value")
            return col.in_(select(each.c.value))
        return col == any_(literal(values, type_=pg.ARRAY(Integer)))

    def _facet_values(self, c: Connection, seqs: list[int],
                      size: int = 10) -> dict[str, list[FacetValue]]:
        size = _limit(size)
        d = S.documents
        if not seqs:
            return {"entities": [], "places": [], "outlets": [], "dates": []}
        in_ids = self._in_ints(d.c.seq, seqs)
        e, ec, p = S.entities, S.entity_clusters, S.places
        stories = func.count(distinct(d.c.group_id)).label("n")
        ents = c.execute(
            select(e.c.entity_id, stories).join(d, d.c.id == e.c.doc_id).where(in_ids)
            .group_by(e.c.entity_id).order_by(stories.desc(), e.c.entity_id).limit(size)
        ).all()
        names = {r.entity_id: (r.name, r.label) for r in c.execute(
            select(ec.c.entity_id, ec.c.name, ec.c.label)
            .where(ec.c.entity_id.in_([x.entity_id for x in ents])))}
        plcs = c.execute(
            select(p.c.place_id, func.min(p.c.name).label("name"), stories)
            .join(d, d.c.id == p.c.doc_id).where(in_ids)
            .group_by(p.c.place_id).order_by(stories.desc(), p.c.place_id).limit(size)
        ).all()
        outlets = c.execute(
            select(d.c.outlet, stories).where(in_ids, d.c.outlet.is_not(None))
            .group_by(d.c.outlet).order_by(stories.desc(), d.c.outlet).limit(size)
        ).all()
        days = c.execute(
            select(d.c.published_day, stories).where(in_ids, d.c.published_day.is_not(None))
            .group_by(d.c.published_day).order_by(stories.desc(), d.c.published_day.desc())
            .limit(size)
        ).all()
        return {
            "entities": [FacetValue(r.entity_id, names.get(r.entity_id, ("?", ""))[0], r.n)
                         for r in ents],
            "places": [FacetValue(r.place_id, r.name, r.n) for r in plcs],
            "outlets": [FacetValue(r.outlet, r.outlet, r.n) for r in outlets],
            "dates": [FacetValue(r.published_day, r.published_day, r.n) for r in days],
        }

    def timeline(self, query: str = "", filters: Filters | None = None) -> list[tuple[str, int]]:
        m = self._matching(query or "", filters)
        if m is None:
            return []
        docs = m.subquery("m")
        d = S.documents
        stories = func.count(distinct(docs.c.group_id))
        with self._read() as c:
            rows = c.execute(select(d.c.published_day, stories).join(docs, docs.c.id == d.c.id)
                             .where(d.c.published_day.is_not(None))
                             .group_by(d.c.published_day).order_by(d.c.published_day)).all()
        return [(r[0], int(r[1])) for r in rows]

    # -- entities ---------------------------------------------------------------------------
    def _doc_filter(self, col: Any, filters: Filters | None) -> list[Any]:
        conds = self._conds(filters)
        if not conds:
            return []
        return [col.in_(select(S.documents.c.id).where(*conds))]

    def entities(self, filters: Filters | None = None, name: str | None = None,
                 label: str | None = None, limit: int = 50, offset: int = 0) -> Page:
        limit = _limit(limit)
        e, ec = S.entities, S.entity_clusters
        where = self._doc_filter(e.c.doc_id, filters)
        if name and _clean(name):
            where.append(ec.c.key.contains(records.name_key(_clean(name)), autoescape=True))
        if label:
            where.append(ec.c.label == _clean(label).upper())
        ndocs = func.count(distinct(e.c.doc_id)).label("docs")
        nment = func.count().label("mentions")
        stmt = (select(ec.c.entity_id, ec.c.name, ec.c.label, ndocs, nment)
                .join(ec, ec.c.entity_id == e.c.entity_id).where(*where)
                .group_by(ec.c.entity_id, ec.c.name, ec.c.label))
        with self._read() as c:
            rows = c.execute(stmt.order_by(ndocs.desc(), nment.desc(), ec.c.entity_id)
                             .limit(limit).offset(offset)).all()
            total = c.execute(select(func.count(distinct(e.c.entity_id)))
                              .select_from(e.join(ec, ec.c.entity_id == e.c.entity_id))
                              .where(*where)).scalar()
        items = [EntityInfo(r.entity_id, r.name, r.label, r.docs, r.mentions) for r in rows]
        return Page(items, int(total or 0), limit, offset)

    def _entity_info(self, c: Connection, entity_id: str) -> EntityInfo:
        e, ec = S.entities, S.entity_clusters
        r = c.execute(select(ec).where(ec.c.entity_id == entity_id)).first()
        if r is None:
            raise NotFound(f"no entity {entity_id!r}")
        n = c.execute(select(func.count(distinct(e.c.doc_id)), func.count())
                      .where(e.c.entity_id == entity_id)).one()
        return EntityInfo(r.entity_id, r.name, r.label, int(n[0]), int(n[1]))

    @staticmethod
    def _context(table: Any, before: int = 80, after: int = 80) -> Any:
        d = S.documents
        start = case((table.c.char_start > before, table.c.char_start - before + 1), else_=1)
        length = table.c.char_end - table.c.char_start + before + after
        return func.substr(d.c.text, start, length).label("context")

    def entity(self, entity_id: str, limit: int = 50, offset: int = 0) -> EntityDetail:
        entity_id = _clean(entity_id)
        limit = _limit(limit)
        e, ec, d = S.entities, S.entity_clusters, S.documents
        with self._read() as c:
            info = self._entity_info(c, entity_id)
            rows = c.execute(
                select(e.c.doc_id, e.c.span_id, e.c.char_start, e.c.char_end, e.c.text, e.c.label,
                       d.c.published, d.c.outlet, self._context(e))
                .join(d, d.c.id == e.c.doc_id).where(e.c.entity_id == entity_id)
                .order_by(*self._newest_first(), e.c.char_start).limit(limit).offset(offset)
            ).all()
            docs_of = select(e.c.doc_id).where(e.c.entity_id == entity_id)
            e2 = e.alias("e2")
            nd = func.count(distinct(e2.c.doc_id)).label("n")
            co = c.execute(
                select(ec.c.entity_id, ec.c.name, ec.c.label, nd)
                .select_from(e2.join(ec, ec.c.entity_id == e2.c.entity_id))
                .where(e2.c.doc_id.in_(docs_of), e2.c.entity_id != entity_id)
                .group_by(ec.c.entity_id, ec.c.name, ec.c.label)
                .order_by(nd.desc(), ec.c.entity_id).limit(20)
            ).all()
            tl = c.execute(
                select(d.c.published_day, func.count(distinct(d.c.id)))
                .where(d.c.id.in_(docs_of), d.c.published_day.is_not(None))
                .group_by(d.c.published_day).order_by(d.c.published_day)
            ).all()
        mentions = [Mention(r.doc_id, r.span_id, r.char_start, r.char_end, r.text, r.label,
                            r.published, r.outlet, r.context) for r in rows]
        co_list = [(EntityInfo(r.entity_id, r.name, r.label, r.n, 0), int(r.n)) for r in co]
        return EntityDetail(info, mentions, info.mention_count, co_list,
                            [(r[0], int(r[1])) for r in tl])

    def iter_mentions(self, filters: Filters | None = None) -> Iterator[tuple[EntityInfo, Mention]]:
        e, ec, d = S.entities, S.entity_clusters, S.documents
        stmt = (select(ec.c.entity_id, ec.c.name, ec.c.label.label("elabel"), e.c.doc_id,
                       e.c.span_id, e.c.char_start, e.c.char_end, e.c.text, e.c.label,
                       d.c.published, d.c.outlet, d.c.seq)
                .join(ec, ec.c.entity_id == e.c.entity_id).join(d, d.c.id == e.c.doc_id)
                .where(*self._conds(filters)))
        for r in self._stream(stmt, [d.c.seq, e.c.char_start, e.c.span_id]):
            yield (EntityInfo(r.entity_id, r.name, r.elabel, 0, 0),
                   Mention(r.doc_id, r.span_id, r.char_start, r.char_end, r.text, r.label,
                           r.published, r.outlet))

    def _stream(self, stmt: Select, order: list[Any], batch: int = 1000) -> Iterator[Any]:
        """All rows of ``stmt`` in ``order``, fetched in batches (streamed, never capped)."""
        offset = 0
        while True:
            with self._read() as c:
                rows = c.execute(stmt.order_by(*order).limit(batch).offset(offset)).all()
            yield from rows
            if len(rows) < batch:
                return
            offset += batch

    # -- places -----------------------------------------------------------------------------
    def _place_stmt(self) -> Select:
        p = S.places
        return select(
            p.c.place_id, func.min(p.c.name).label("name"), func.max(p.c.lat).label("lat"),
            func.max(p.c.lon).label("lon"), func.max(p.c.country).label("country"),
            func.max(p.c.kind).label("kind"), func.max(p.c.precision).label("precision"),
            func.count(distinct(p.c.doc_id)).label("docs"), func.count().label("mentions"),
        ).group_by(p.c.place_id)

    @staticmethod
    def _to_place(r: Any) -> PlaceInfo:
        return PlaceInfo(r.place_id, r.name, r.lat, r.lon, r.country, r.kind, int(r.docs),
                         int(r.mentions), r.precision)

    def places(self, filters: Filters | None = None, name: str | None = None,
               limit: int = 200, offset: int = 0) -> Page:
        limit = _limit(limit)
        p = S.places
        where = self._doc_filter(p.c.doc_id, filters)
        if name and _clean(name):
            where.append(p.c.key.contains(records.name_key(_clean(name)), autoescape=True))
        stmt = self._place_stmt().where(*where)
        sub = stmt.subquery()
        with self._read() as c:
            rows = c.execute(stmt.order_by(func.count(distinct(p.c.doc_id)).desc(), p.c.place_id)
                             .limit(limit).offset(offset)).all()
            total = c.execute(select(func.count()).select_from(sub)).scalar()
        return Page([self._to_place(r) for r in rows], int(total or 0), limit, offset)

    def place(self, place_id: str, limit: int = 50, offset: int = 0) -> tuple[PlaceInfo, Page]:
        place_id = _clean(place_id)
        limit = _limit(limit)
        p, d = S.places, S.documents
        with self._read() as c:
            r = c.execute(self._place_stmt().where(p.c.place_id == place_id)).first()
            if r is None:
                raise NotFound(f"no place {place_id!r}")
            rows = c.execute(
                select(p.c.doc_id, p.c.span_id, p.c.char_start, p.c.char_end, p.c.text,
                       p.c.kind, d.c.published, d.c.outlet, self._context(p))
                .join(d, d.c.id == p.c.doc_id).where(p.c.place_id == place_id)
                .order_by(*self._newest_first(), p.c.char_start).limit(limit).offset(offset)
            ).all()
        info = self._to_place(r)
        ms = [Mention(x.doc_id, x.span_id, x.char_start, x.char_end, x.text, x.kind or "",
                      x.published, x.outlet, x.context) for x in rows]
        return info, Page(ms, info.mention_count, limit, offset)

    # -- quotes & events --------------------------------------------------------------------
    def _quote_stmt(self, filters: Filters | None) -> Select:
        q, d = S.quotes, S.documents
        return (select(q, d.c.published, d.c.outlet, d.c.seq.label("dseq"))
                .join(d, d.c.id == q.c.doc_id).where(*self._conds(filters)))

    @staticmethod
    def _to_quote(r: Any) -> QuoteRecord:
        return QuoteRecord(r.doc_id, r.span_id, r.char_start, r.char_end, r.content, r.speaker,
                           r.speaker_start, r.speaker_end, r.speaker_entity, r.cue, r.published,
                           r.outlet, json.loads(r.attrs) if r.attrs else {})

    def quotes(self, filters: Filters | None = None, limit: int = 50, offset: int = 0) -> Page:
        limit = _limit(limit)
        stmt = self._quote_stmt(filters)
        with self._read() as c:
            rows = c.execute(stmt.order_by(*self._newest_first(), S.quotes.c.char_start)
                             .limit(limit).offset(offset)).all()
            total = c.execute(select(func.count()).select_from(stmt.subquery())).scalar()
        return Page([self._to_quote(r) for r in rows], int(total or 0), limit, offset)

    def quotes_by(self, entity_id: str, limit: int = 50, offset: int = 0) -> Page:
        limit = _limit(limit)
        q = S.quotes
        stmt = self._quote_stmt(None).where(q.c.speaker_entity == _clean(entity_id))
        with self._read() as c:
            rows = c.execute(stmt.order_by(*self._newest_first(), q.c.char_start)
                             .limit(limit).offset(offset)).all()
            total = c.execute(select(func.count()).select_from(stmt.subquery())).scalar()
        return Page([self._to_quote(r) for r in rows], int(total or 0), limit, offset)

    def iter_quotes(self, filters: Filters | None = None) -> Iterator[QuoteRecord]:
        q, d = S.quotes, S.documents
        for r in self._stream(self._quote_stmt(filters), [d.c.seq, q.c.char_start, q.c.span_id]):
            yield self._to_quote(r)

    def _event_stmt(self, filters: Filters | None) -> Select:
        ev, d = S.events, S.documents
        return (select(ev, d.c.published, d.c.outlet)
                .join(d, d.c.id == ev.c.doc_id).where(*self._conds(filters)))

    @staticmethod
    def _to_event(r: Any) -> EventRecord:
        return EventRecord(r.doc_id, r.span_id, r.char_start, r.char_end, r.text, r.label or "",
                           r.date, r.date_precision, r.place, r.place_id, r.lat, r.lon,
                           json.loads(r.actors or "[]"), r.published, r.outlet,
                           json.loads(r.attrs) if r.attrs else {})

    def events(self, filters: Filters | None = None, limit: int = 50, offset: int = 0) -> Page:
        limit = _limit(limit)
        stmt = self._event_stmt(filters)
        with self._read() as c:
            rows = c.execute(stmt.order_by(*self._newest_first(), S.events.c.char_start)
                             .limit(limit).offset(offset)).all()
            total = c.execute(select(func.count()).select_from(stmt.subquery())).scalar()
        return Page([self._to_event(r) for r in rows], int(total or 0), limit, offset)

    def iter_events(self, filters: Filters | None = None) -> Iterator[EventRecord]:
        ev, d = S.events, S.documents
        for r in self._stream(self._event_stmt(filters), [d.c.seq, ev.c.char_start, ev.c.span_id]):
            yield self._to_event(r)

    # -- near-duplicates --------------------------------------------------------------------
    def duplicate_groups(self, limit: int = 50, offset: int = 0) -> Page:
        limit = _limit(limit)
        d = S.documents
        n = func.count().label("n")
        grp = select(d.c.group_id, n).group_by(d.c.group_id).having(func.count() > 1)
        with self._read() as c:
            gids = [r.group_id for r in c.execute(grp.order_by(n.desc(), d.c.group_id)
                                                  .limit(limit).offset(offset))]
            total = c.execute(select(func.count()).select_from(grp.subquery())).scalar()
            groups = [self._group(c, g) for g in gids]
        return Page(groups, int(total or 0), limit, offset)

    def _group(self, c: Connection, group_id: str) -> DuplicateGroup:
        d = S.documents
        rows = c.execute(select(d.c.id, d.c.similarity).where(d.c.group_id == group_id)
                         .order_by(d.c.seq)).all()
        return DuplicateGroup(group_id, [r.id for r in rows],
                              {r.id: (1.0 if r.id == group_id else float(r.similarity or 0.0))
                               for r in rows})

    def group_of(self, doc_id: str) -> DuplicateGroup:
        doc_id = _clean(doc_id)
        d = S.documents
        with self._read() as c:
            g = c.execute(select(d.c.group_id).where(d.c.id == doc_id)).scalar()
            if g is None:
                raise NotFound(f"no document {doc_id!r}")
            return self._group(c, g)

    def stats(self) -> dict[str, int]:
        out = {}
        with self._read() as c:
            for t in (S.documents, S.document_sources, S.spans, S.entities, S.entity_clusters,
                      S.places, S.times, S.quotes, S.events):
                out[t.name] = int(c.execute(select(func.count()).select_from(t)).scalar() or 0)
            out["groups"] = int(c.execute(select(func.count(distinct(S.documents.c.group_id))))
                                .scalar() or 0)
        return out


def _clean(value: str) -> str:
    """User strings reach SQL only as bound parameters; NUL is dropped because PostgreSQL
    text cannot hold it (an error there would turn a query into a failure)."""
    return value.replace("\x00", "")


def _clean_filters(f: Filters) -> Filters:
    from dataclasses import replace

    changes = {k: _clean(getattr(f, k)) for k in ("entity", "place", "date_from", "date_to",
                                                   "source") if getattr(f, k)}
    ids = tuple(_clean(i) for i in f.doc_ids) if f.doc_ids is not None else None
    return replace(f, doc_ids=ids, **changes)


def _analysed(doc: Document) -> bool:
    return bool(doc.layers)


def _eq_or_null(col: Any, value: Any) -> Any:
    return col.is_(None) if value is None else col == value


def _plain(attrs: Any) -> Any:
    from rasd.doc import _plain as plain

    return plain(attrs)


def _short(e: Exception) -> str:
    return str(e).splitlines()[0][:300]


__all__ = ["SQLStore", "BLOB_LAYERS", "parse_target", "Snippet"]
