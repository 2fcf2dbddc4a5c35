"""Ranked full-text search, facets and timelines over the archive.

The query is parsed once (:func:`rasd.store.textindex.parse_query`); the backend's
:class:`~rasd.store.dialects.Dialect` turns the terms into a ranked match, and everything
else — filters, paging, facets counted in stories — is the same SQL on every backend.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, distinct, func, select
from sqlalchemy.engine import Connection

from rasd.store import latin_search
from rasd.store import schema as S
from rasd.store import textindex as T
from rasd.store.base import FacetValue, SearchHit, SearchResult
from rasd.store.dialects import Dialect
from rasd.store.filters import newest_first, page_limit
from rasd.store.read import summary_cols, to_summary

#: Facets are counted over at most this many best-ranked hits (reported as ``facets_over``)
#: so that a query matching half of a 100k archive still answers interactively.
FACET_DOCS = 500

Ranked = tuple[list[tuple[int, float]], tuple[T.QueryTerm, ...]]


def ranked(c: Connection, dialect: Dialect, query: str, conds: list[Any], limit: int,
           offset: int = 0) -> Ranked | None:
    """(seq, rank) of the best matches, best first; None when the query has no terms.
    An empty query lists by date (rank 0)."""
    d = S.documents
    if not query.strip():
        rows = c.execute(select(d.c.seq).where(*conds).order_by(*newest_first())
                         .limit(limit).offset(offset)).all()
        return [(r.seq, 0.0) for r in rows], ()
    terms = T.parse_query(query)
    if not terms:
        return None
    if not conds:
        fast = dialect.ranked_unfiltered(c, terms, limit, offset)
        if fast is not None:
            return fast, terms
    sub = dialect.match(terms)
    rows = c.execute(select(d.c.seq, sub.c.rank).join(sub, sub.c.seq == d.c.seq)
                     .where(*conds).order_by(sub.c.rank, d.c.seq)
                     .limit(limit).offset(offset)).all()
    return [(int(r[0]), float(r[1] or 0.0)) for r in rows], terms


def total(c: Connection, dialect: Dialect, query: str, conds: list[Any]) -> int:
    """The exact number of matching documents."""
    d = S.documents
    if not query.strip():
        return int(c.execute(select(func.count()).select_from(d).where(*conds)).scalar() or 0)
    terms = T.parse_query(query)
    if not conds:
        fast = dialect.total_unfiltered(c, terms)
        if fast is not None:
            return fast
    sub = dialect.match(terms)
    return int(c.execute(select(func.count()).select_from(d).join(sub, sub.c.seq == d.c.seq)
                         .where(*conds)).scalar() or 0)


def search(c: Connection, dialect: Dialect, query: str, conds: list[Any], limit: int,
           offset: int, facets: bool) -> SearchResult:
    """One page of hits with snippets, the exact total, and facets (see ``Store.search``).
    Latin names in ``query`` are searched as the Arabic words they name
    (:mod:`rasd.store.latin_search`); the result echoes the query as typed."""
    d = S.documents
    asked, query = query, latin_search.rewrite(c, query)
    # one ranked scan serves both the page and the facets when the page is within it
    shared = facets and offset + limit <= FACET_DOCS
    got = ranked(c, dialect, query, conds, FACET_DOCS if shared else limit,
                 0 if shared else offset)
    if got is None:
        return SearchResult(asked, 0, limit, offset, [], {})
    best, terms = got
    page = best[offset : offset + limit] if shared else best
    n = len(best) if shared and len(best) < FACET_DOCS else total(c, dialect, query, conds)
    seqs = [q for q, _ in page]
    rows = {r.seq: r for r in c.execute(
        select(*summary_cols(), d.c.seq, d.c.text).where(d.c.seq.in_(seqs)))}
    values: dict[str, list[FacetValue]] = {}
    over = 0
    if facets and n:
        if not shared:
            again = ranked(c, dialect, query, conds, FACET_DOCS)
            best = again[0] if again else []
        values = facet_values(c, dialect, [q for q, _ in best])
        over = len(best)
    hits = [
        SearchHit(to_summary(rows[q]), -rank, T.make_snippet(rows[q].text, terms))
        for q, rank in page if q in rows
    ]
    return SearchResult(asked, n, limit, offset, hits, values, over)


def facets(c: Connection, dialect: Dialect, query: str, conds: list[Any],
           size: int) -> dict[str, list[FacetValue]]:
    """Top values over the best-ranked :data:`FACET_DOCS` matching documents."""
    query = latin_search.rewrite(c, query)
    got = ranked(c, dialect, query, conds, FACET_DOCS)
    return facet_values(c, dialect, [q for q, _ in got[0]] if got else [], size)


def facet_values(c: Connection, dialect: Dialect, seqs: list[int],
                 size: int = 10) -> dict[str, list[FacetValue]]:
    """Entities, places, outlets and days of the documents ``seqs``, counted in stories."""
    size = page_limit(size)
    d = S.documents
    if not seqs:
        return {"entities": [], "places": [], "outlets": [], "dates": []}
    in_ids = dialect.in_ints(d.c.seq, seqs)
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


def matching(dialect: Dialect, query: str, conds: list[Any]) -> Select | None:
    """SELECT id, group_id, seq of documents matching query + conditions (None: the query
    has no terms)."""
    d = S.documents
    stmt = select(d.c.id, d.c.group_id, d.c.seq)
    if query.strip():
        terms = T.parse_query(query)
        if not terms:
            return None
        sub = dialect.match(terms)
        stmt = stmt.join(sub, sub.c.seq == d.c.seq)
    return stmt.where(*conds)


def timeline(c: Connection, dialect: Dialect, query: str,
             conds: list[Any]) -> list[tuple[str, int]]:
    """(ISO day, stories) over the matching documents that have a publication date."""
    query = latin_search.rewrite(c, query)
    m = matching(dialect, query, conds)
    if m is None:
        return []
    docs = m.subquery("m")
    d = S.documents
    stories = func.count(distinct(docs.c.group_id))
    rows = c.execute(select(d.c.published_day, stories).join(docs, docs.c.id == d.c.id)
                     .where(d.c.published_day.is_not(None))
                     .group_by(d.c.published_day).order_by(d.c.published_day)).all()
    return [(r[0], int(r[1])) for r in rows]
