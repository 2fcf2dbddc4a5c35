"""Filters → SQL conditions on ``documents``, and the small rules every query shares.

User strings reach SQL only as bound parameters; :func:`clean` drops NUL because PostgreSQL
text cannot hold it (an error there would turn a query into a failure).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import ColumnElement, exists, func, or_, select

from rasd.store import records
from rasd.store import schema as S
from rasd.store.base import Filters
from rasd.store.latin import latin_match

#: The largest page any list method returns.
MAX_LIMIT = 1000


def clean(value: str) -> str:
    """The user string without NUL characters (see the module docstring)."""
    return value.replace("\x00", "")


def clean_filters(f: Filters) -> Filters:
    """``f`` with every user string passed through :func:`clean`."""
    def opt(v: str | None) -> str | None:
        return clean(v) if v else v

    ids = tuple(clean(i) for i in f.doc_ids) if f.doc_ids is not None else None
    return replace(f, doc_ids=ids, entity=opt(f.entity), place=opt(f.place),
                   date_from=opt(f.date_from), date_to=opt(f.date_to), source=opt(f.source))


def page_limit(n: int) -> int:
    """A page size within 0 … :data:`MAX_LIMIT`."""
    return max(0, min(int(n), MAX_LIMIT))


def newest_first() -> list[Any]:
    """The order of every listing: by publication day (undated last), then newest stored."""
    d = S.documents
    return [d.c.published_day.desc().nulls_last(), d.c.seq.desc()]


def conditions(f: Filters | None) -> list[ColumnElement[bool]]:
    """WHERE conditions on ``documents`` for the filters (all ANDed)."""
    d = S.documents
    if f is None:
        return []
    f = clean_filters(f)
    out: list[ColumnElement[bool]] = []
    if f.entity:
        e, ec = S.entities, S.entity_clusters
        key = records.name_key(f.entity)
        named: ColumnElement[bool] = or_(ec.c.entity_id == f.entity, ec.c.key == key)
        by_latin = latin_match(f.entity)
        if by_latin is not None:  # "Assad": the entities of the best Latin match tier
            cond, tier = by_latin
            best = select(func.min(tier)).where(cond).scalar_subquery()
            named = or_(named, ec.c.entity_id.in_(select(ec.c.entity_id)
                                                   .where(cond, tier == best)))
        sub = select(e.c.doc_id).join(ec, ec.c.entity_id == e.c.entity_id).where(named)
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


def doc_filter(col: Any, filters: Filters | None) -> list[Any]:
    """``col`` (a ``doc_id`` column) restricted to documents matching ``filters``."""
    conds = conditions(filters)
    if not conds:
        return []
    return [col.in_(select(S.documents.c.id).where(*conds))]
