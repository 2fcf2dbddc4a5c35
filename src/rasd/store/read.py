"""Reading documents back: full documents with every layer, listing summaries, sources,
near-duplicate groups and table counts."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import distinct, func, select
from sqlalchemy.engine import Connection

from rasd.doc import Document, Meta, Span
from rasd.errors import StoreError
from rasd.store import schema as S
from rasd.store.base import DocSummary, DuplicateGroup, NotFound


def summary_cols() -> list[Any]:
    """The ``documents`` columns a :class:`DocSummary` is made of."""
    d = S.documents
    return [d.c.id, d.c.title, d.c.outlet, d.c.url, d.c.source, d.c.published, d.c.length,
            d.c.group_id, d.c.analysis_version, d.c.added_at]


def to_summary(r: Any) -> DocSummary:
    """A row selected with :func:`summary_cols` as a :class:`DocSummary`."""
    return DocSummary(r.id, r.title, r.outlet, r.url, r.source, r.published, r.length,
                      r.group_id, r.analysis_version, r.added_at)


def load(c: Connection, r: Any) -> Document:
    """The full document of a ``documents`` row: spans in their stored order, blob layers,
    layer order as written; the content hash is checked so corruption never goes unseen."""
    layers: dict[str, list[Span]] = {}
    for name in json.loads(r.layer_names):
        layers[name] = []
    sp = S.spans
    for s in c.execute(
        select(sp.c.layer, sp.c.start, sp.c.end, sp.c.label, sp.c.span_id,
               sp.c.attrs).where(sp.c.doc_id == r.id).order_by(sp.c.layer, sp.c.ord)
    ):
        layers.setdefault(s.layer, []).append(Span(
            s.start, s.end, s.label, s.span_id, json.loads(s.attrs) if s.attrs else {}))
    lb = S.layer_blobs
    for b in c.execute(select(lb.c.layer, lb.c.spans).where(lb.c.doc_id == r.id)):
        layers[b.layer] = [Span(a, e, lab, i, at or {}) for a, e, lab, i, at in
                           json.loads(b.spans)]
    doc = Document(r.text, Meta.from_dict(json.loads(r.meta)), layers,
                   json.loads(r.relations), json.loads(r.warnings))
    if doc.content_hash != r.content_hash:
        raise StoreError(f"document {r.id} is corrupt (hash mismatch)")
    return doc


def get(c: Connection, doc_id: str) -> Document:
    d = S.documents
    r = c.execute(select(d).where(d.c.id == doc_id)).first()
    if r is None:
        raise NotFound(f"no document {doc_id!r}")
    return load(c, r)


def summary(c: Connection, doc_id: str) -> DocSummary:
    r = c.execute(select(*summary_cols()).where(S.documents.c.id == doc_id)).first()
    if r is None:
        raise NotFound(f"no document {doc_id!r}")
    return to_summary(r)


def sources_of(c: Connection, doc_id: str) -> list[dict[str, Any]]:
    ds = S.document_sources
    rows = c.execute(select(ds.c.source, ds.c.url, ds.c.outlet, ds.c.published, ds.c.seen_at)
                     .where(ds.c.doc_id == doc_id).order_by(ds.c.id)).all()
    return [dict(r._mapping) for r in rows]


def group(c: Connection, group_id: str) -> DuplicateGroup:
    """The documents of a near-duplicate group, head first, with their similarity to it."""
    d = S.documents
    rows = c.execute(select(d.c.id, d.c.similarity).where(d.c.group_id == group_id)
                     .order_by(d.c.seq)).all()
    return DuplicateGroup(group_id, [r.id for r in rows],
                          {r.id: (1.0 if r.id == group_id else float(r.similarity or 0.0))
                           for r in rows})


def duplicate_groups(c: Connection, limit: int, offset: int) -> tuple[list[DuplicateGroup], int]:
    """Groups with more than one document, largest first, and how many there are."""
    d = S.documents
    n = func.count().label("n")
    grp = select(d.c.group_id, n).group_by(d.c.group_id).having(func.count() > 1)
    gids = [r.group_id for r in c.execute(grp.order_by(n.desc(), d.c.group_id)
                                          .limit(limit).offset(offset))]
    total = c.execute(select(func.count()).select_from(grp.subquery())).scalar()
    return [group(c, g) for g in gids], int(total or 0)


def stats(c: Connection) -> dict[str, int]:
    out = {}
    for t in (S.documents, S.document_sources, S.spans, S.entities, S.entity_clusters,
              S.places, S.times, S.quotes, S.events, S.stories):
        out[t.name] = int(c.execute(select(func.count()).select_from(t)).scalar() or 0)
    out["groups"] = int(c.execute(select(func.count(distinct(S.documents.c.group_id))))
                        .scalar() or 0)
    return out
