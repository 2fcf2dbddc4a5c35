"""Entities and places across the archive: listings by document count, one entity or place
with its mentions (and the sentence around each), co-mentions and timelines."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, Table, case, distinct, func, select
from sqlalchemy.engine import Connection

from rasd.store import records
from rasd.store import schema as S
from rasd.store.base import EntityDetail, EntityInfo, Filters, Mention, NotFound, PlaceInfo
from rasd.store.filters import clean, conditions, doc_filter, newest_first
from rasd.store.latin import latin_match


def context(table: Table, before: int = 80, after: int = 80) -> Any:
    """The text around a mention (``before``/``after`` characters), labelled ``context``."""
    d = S.documents
    start = case((table.c.start > before, table.c.start - before + 1), else_=1)
    length = table.c.end - table.c.start + before + after
    return func.substr(d.c.text, start, length).label("context")


def latin_names(value: str | None) -> tuple[str, ...]:
    """The ``entity_clusters.latin`` column as a tuple of names."""
    return tuple(n for n in (value or "").split("; ") if n)


def entities(c: Connection, filters: Filters | None, name: str | None, label: str | None,
             limit: int, offset: int) -> tuple[list[EntityInfo], int]:
    e, ec = S.entities, S.entity_clusters
    where = doc_filter(e.c.doc_id, filters)
    first: list[Any] = []
    if name and clean(name):
        by_latin = latin_match(clean(name))
        if by_latin is not None:
            where.append(by_latin[0])
            first = [by_latin[1]]
        else:
            where.append(ec.c.key.contains(records.name_key(clean(name)), autoescape=True))
    if label:
        where.append(ec.c.label == clean(label).upper())
    ndocs = func.count(distinct(e.c.doc_id)).label("docs")
    nment = func.count().label("mentions")
    stmt = (select(ec.c.entity_id, ec.c.name, ec.c.label, ec.c.latin, ndocs, nment)
            .join(ec, ec.c.entity_id == e.c.entity_id).where(*where)
            .group_by(ec.c.entity_id, ec.c.name, ec.c.label, ec.c.latin, ec.c.latin_key))
    rows = c.execute(stmt.order_by(*first, ndocs.desc(), nment.desc(), ec.c.entity_id)
                     .limit(limit).offset(offset)).all()
    total = c.execute(select(func.count(distinct(e.c.entity_id)))
                      .select_from(e.join(ec, ec.c.entity_id == e.c.entity_id))
                      .where(*where)).scalar()
    items = [EntityInfo(r.entity_id, r.name, r.label, r.docs, r.mentions, latin_names(r.latin))
             for r in rows]
    return items, int(total or 0)


def entity_info(c: Connection, entity_id: str) -> EntityInfo:
    e, ec = S.entities, S.entity_clusters
    r = c.execute(select(ec).where(ec.c.entity_id == entity_id)).first()
    if r is None:
        raise NotFound(f"no entity {entity_id!r}")
    n = c.execute(select(func.count(distinct(e.c.doc_id)), func.count())
                  .where(e.c.entity_id == entity_id)).one()
    return EntityInfo(r.entity_id, r.name, r.label, int(n[0]), int(n[1]),
                      latin_names(r.latin))


def entity(c: Connection, entity_id: str, limit: int, offset: int) -> EntityDetail:
    e, ec, d = S.entities, S.entity_clusters, S.documents
    info = entity_info(c, entity_id)
    rows = c.execute(
        select(e.c.doc_id, e.c.span_id, e.c.start, e.c.end, e.c.text, e.c.label,
               d.c.published, d.c.outlet, context(e))
        .join(d, d.c.id == e.c.doc_id).where(e.c.entity_id == entity_id)
        .order_by(*newest_first(), e.c.start).limit(limit).offset(offset)
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
    mentions = [Mention(r.doc_id, r.span_id, r.start, r.end, r.text, r.label,
                        r.published, r.outlet, r.context) for r in rows]
    co_list = [(EntityInfo(r.entity_id, r.name, r.label, r.n, 0), int(r.n)) for r in co]
    n_as = func.count().label("n")
    aliases = c.execute(select(e.c.text, n_as).where(e.c.entity_id == entity_id)
                        .group_by(e.c.text).order_by(n_as.desc(), e.c.text).limit(50)).all()
    return EntityDetail(info, mentions, info.mention_count, co_list,
                        [(r[0], int(r[1])) for r in tl], [(r[0], int(r[1])) for r in aliases])


def mentions_stmt(filters: Filters | None) -> tuple[Select, list[Any]]:
    """Every entity mention of the matching documents, and the order to stream it in."""
    e, ec, d = S.entities, S.entity_clusters, S.documents
    stmt = (select(ec.c.entity_id, ec.c.name, ec.c.label.label("elabel"), e.c.doc_id,
                   e.c.span_id, e.c.start, e.c.end, e.c.text, e.c.label,
                   d.c.published, d.c.outlet, d.c.seq)
            .join(ec, ec.c.entity_id == e.c.entity_id).join(d, d.c.id == e.c.doc_id)
            .where(*conditions(filters)))
    return stmt, [d.c.seq, e.c.start, e.c.span_id]


def to_mention(r: Any) -> tuple[EntityInfo, Mention]:
    """A row of :func:`mentions_stmt` as (entity, mention)."""
    return (EntityInfo(r.entity_id, r.name, r.elabel, 0, 0),
            Mention(r.doc_id, r.span_id, r.start, r.end, r.text, r.label, r.published,
                    r.outlet))


def _place_stmt() -> Select:
    p = S.places
    return select(
        p.c.place_id, func.min(p.c.name).label("name"), func.max(p.c.lat).label("lat"),
        func.max(p.c.lon).label("lon"), func.max(p.c.country).label("country"),
        func.max(p.c.kind).label("kind"), func.max(p.c.precision).label("precision"),
        func.count(distinct(p.c.doc_id)).label("docs"), func.count().label("mentions"),
    ).group_by(p.c.place_id)


def _to_place(r: Any) -> PlaceInfo:
    return PlaceInfo(r.place_id, r.name, r.lat, r.lon, r.country, r.kind, int(r.docs),
                     int(r.mentions), r.precision)


def places(c: Connection, filters: Filters | None, name: str | None, limit: int,
           offset: int) -> tuple[list[PlaceInfo], int]:
    p = S.places
    where = doc_filter(p.c.doc_id, filters)
    if name and clean(name):
        where.append(p.c.key.contains(records.name_key(clean(name)), autoescape=True))
    stmt = _place_stmt().where(*where)
    sub = stmt.subquery()
    rows = c.execute(stmt.order_by(func.count(distinct(p.c.doc_id)).desc(), p.c.place_id)
                     .limit(limit).offset(offset)).all()
    total = c.execute(select(func.count()).select_from(sub)).scalar()
    return [_to_place(r) for r in rows], int(total or 0)


def place(c: Connection, place_id: str, limit: int, offset: int
          ) -> tuple[PlaceInfo, list[Mention]]:
    p, d = S.places, S.documents
    r = c.execute(_place_stmt().where(p.c.place_id == place_id)).first()
    if r is None:
        raise NotFound(f"no place {place_id!r}")
    rows = c.execute(
        select(p.c.doc_id, p.c.span_id, p.c.start, p.c.end, p.c.text,
               p.c.kind, d.c.published, d.c.outlet, context(p))
        .join(d, d.c.id == p.c.doc_id).where(p.c.place_id == place_id)
        .order_by(*newest_first(), p.c.start).limit(limit).offset(offset)
    ).all()
    ms = [Mention(x.doc_id, x.span_id, x.start, x.end, x.text, x.kind or "",
                  x.published, x.outlet, x.context) for x in rows]
    return _to_place(r), ms
