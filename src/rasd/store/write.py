"""Writing a document into the archive: its row, its sources, every layer, the typed records
(from the one flattener, :func:`rasd.store.records.flatten`), the full-text index and the
near-duplicate signature — all inside the caller's transaction.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, delete, func, insert, select, tuple_, update
from sqlalchemy.engine import Connection

from rasd.doc import Document, plain
from rasd.store import dedup, records
from rasd.store import schema as S
from rasd.store import textindex as T
from rasd.store.base import AddResult, AddStatus
from rasd.store.dialects import Dialect
from rasd.store.latin import latin_columns

#: Derived layers stored as one JSON blob per document (thousands of spans, rarely queried).
BLOB_LAYERS = frozenset({"tokens", "normalized"})
_DAY_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")


def now() -> str:
    """The timestamp written to ``added_at``/``updated_at``/``seen_at`` (UTC, seconds)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def day(published: str | None) -> str | None:
    """``published_day``: the leading ISO date (or year-month, year) of a publication date."""
    if not published:
        return None
    m = _DAY_RE.match(published.strip())
    return m.group(0) if m else None


def add(c: Connection, dialect: Dialect, doc: Document, version: str | None) -> AddResult:
    """Store ``doc`` (new, duplicate, near duplicate or re-analysed); see ``Store.add``.

    Safe against a concurrent writer storing the same text (two ``rasd ingest`` of one
    folder): the document row is inserted with ``ON CONFLICT DO NOTHING`` and, when the
    other writer won, the text is recorded as a duplicate (its source added) instead of
    failing on the unique key; an existing row is locked (``FOR UPDATE`` on PostgreSQL;
    SQLite's writer lock already excludes the other) so two re-analyses never interleave.
    """
    pieces = T.doc_pieces(doc)
    body = T.index_pieces(pieces)
    sig = dedup.signature(T.stem_terms(pieces))
    stamp = now()
    existing = _existing(c, doc)
    if existing is not None:
        return _again(c, dialect, doc, existing, body, version, stamp)
    d = S.documents
    group_id, sim = doc.id, None
    if sig is not None:
        match = _nearest(c, sig)
        if match is not None:
            group_id, sim = match
    seq = c.execute(dialect.insert_ignore(d).values(
        id=doc.id, content_hash=doc.content_hash, length=len(doc.text), text=doc.text,
        group_id=group_id, similarity=sim, added_at=stamp, updated_at=stamp,
        **doc_values(doc, version)).returning(d.c.seq)).scalar()
    if seq is None:  # a concurrent writer stored the same text first (now committed)
        existing = _existing(c, doc)
        if existing is None:  # pragma: no cover - a conflict on the id of another text
            raise ValueError(f"document id {doc.id} is taken by another text")
        return _again(c, dialect, doc, existing, body, version, stamp)
    seq = int(seq)
    _add_source(c, doc, stamp)
    _insert_layers(c, dialect, doc, seq, body)
    if sig is not None:
        c.execute(insert(S.doc_minhash).values(doc_id=doc.id, signature=dedup.to_bytes(sig)))
        dialect.bulk_insert(c, S.lsh_bands, [
            {"doc_id": doc.id, "band": b, "hash": h} for b, h in dedup.band_hashes(sig)
        ])
    status: AddStatus = "near_duplicate" if group_id != doc.id else "new"
    return AddResult(doc.id, status, group_id, sim)


def _existing(c: Connection, doc: Document) -> Any:
    """The stored row of ``doc``'s text (seq, analysis version, group), locked for update."""
    d = S.documents
    return c.execute(
        select(d.c.seq, d.c.analysis_version, d.c.group_id)
        .where(d.c.content_hash == doc.content_hash).with_for_update()
    ).first()


def _again(c: Connection, dialect: Dialect, doc: Document, row: Any, body: str,
           version: str | None, stamp: str) -> AddResult:
    """A text already stored: record the new source; re-analyse if the version differs."""
    _add_source(c, doc, stamp)
    if row.analysis_version == version or not doc.layers:
        return AddResult(doc.id, "duplicate", row.group_id)
    replace_layers(c, dialect, doc, row.seq, body, version)
    return AddResult(doc.id, "updated", row.group_id)


def replace_layers(c: Connection, dialect: Dialect, doc: Document, seq: int, body: str,
                   version: str | None) -> None:
    """Swap a stored document's layers for ``doc``'s (re-analysis): the text, id, sources
    and near-duplicate group stay."""
    d = S.documents
    for table in S.LAYER_TABLES:
        c.execute(delete(table).where(table.c.doc_id == doc.id))
    dialect.unindex_document(c, seq)
    _insert_layers(c, dialect, doc, seq, body)
    c.execute(update(d).where(d.c.seq == seq).values(**doc_values(doc, version),
                                                      updated_at=now()))


def doc_values(doc: Document, version: str | None) -> dict[str, Any]:
    """The ``documents`` columns that follow the analysis (metadata, relations, layer list)."""
    m = doc.meta
    return {
        "title": m.title, "outlet": m.outlet, "url": m.url, "author": m.author,
        "published": m.published, "published_day": day(m.published),
        "language": m.language, "source": m.source,
        "meta": json.dumps(m.to_dict(), ensure_ascii=False),
        "relations": json.dumps(plain(doc.relations), ensure_ascii=False),
        "warnings": json.dumps(doc.warnings, ensure_ascii=False),
        "layer_names": json.dumps(list(doc.layers), ensure_ascii=False),
        "analysis_version": version,
    }


def _eq_or_null(col: Any, value: Any) -> Any:
    return col.is_(None) if value is None else col == value


def _add_source(c: Connection, doc: Document, stamp: str) -> None:
    m, ds = doc.meta, S.document_sources
    seen = c.execute(select(ds.c.id).where(
        ds.c.doc_id == doc.id,
        _eq_or_null(ds.c.source, m.source), _eq_or_null(ds.c.url, m.url),
    ).limit(1)).first()
    if seen is None:
        c.execute(insert(ds).values(doc_id=doc.id, source=m.source, url=m.url,
                                    outlet=m.outlet, published=m.published, seen_at=stamp))


def _nearest(c: Connection, sig: Any) -> tuple[str, float] | None:
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


def table_rows(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The flattener's rows cut to the columns ``table`` has (same names, same order)."""
    cols = [k for k in table.c.keys() if rows and k in rows[0]]  # noqa: SIM118 - ColumnCollection
    return [{k: r[k] for k in cols} for r in rows]


def _insert_clusters(c: Connection, dialect: Dialect, doc: Document, flat: records.Flat) -> None:
    """The document's entities in ``entity_clusters``, with their Latin-script names; names a
    span carries in Latin script (``latin``, from :mod:`rasd.identities`) refresh a row that
    already exists."""
    carried: dict[str, list[str]] = {}
    by_span = {s.id: s for s in doc.layer("entities")}
    for r in flat.entities:
        span = by_span.get(r["span_id"])
        names = span.attrs.get("latin") if span is not None else None
        if isinstance(names, list):
            have = carried.setdefault(r["entity_id"], [])
            have.extend(str(n) for n in names if n and str(n) not in have)
    rows = [{**cl, **latin_columns(cl["name"], cl["label"], tuple(carried.get(eid, ())))}
            for eid, cl in flat.clusters.items()]
    c.execute(dialect.insert_ignore(S.entity_clusters), rows)
    for row in rows:
        if row["entity_id"] in carried:
            c.execute(update(S.entity_clusters)
                      .where(S.entity_clusters.c.entity_id == row["entity_id"])
                      .values(latin=row["latin"], latin_key=row["latin_key"]))


def _insert_layers(c: Connection, dialect: Dialect, doc: Document, seq: int, body: str) -> None:
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
                "start": s.start, "end": s.end, "label": s.label,
                "text": text_[s.start : s.end], "attrs": records.dumps(plain(s.attrs)),
            })
    dialect.bulk_insert(c, S.spans, span_rows)
    dialect.bulk_insert(c, S.layer_blobs, blob_rows)
    flat = records.flatten(doc)
    if flat.clusters:
        _insert_clusters(c, dialect, doc, flat)
    for table in (S.entities, S.places, S.times, S.quotes, S.events):
        dialect.bulk_insert(c, table, table_rows(table, flat.rows(table.name)))
    dialect.index_document(c, seq, T.index_title(doc.meta.title), body)
