"""Quote and event records across the archive (statements and what happened), newest first
or streamed in storage order."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.engine import Connection

from rasd.store import schema as S
from rasd.store.base import EventRecord, Filters, QuoteRecord
from rasd.store.filters import conditions, newest_first


def quote_stmt(filters: Filters | None) -> Select:
    q, d = S.quotes, S.documents
    return (select(q, d.c.published, d.c.outlet, d.c.seq.label("dseq"))
            .join(d, d.c.id == q.c.doc_id).where(*conditions(filters)))


def to_quote(r: Any) -> QuoteRecord:
    return QuoteRecord(r.doc_id, r.span_id, r.start, r.end, r.content, r.speaker,
                       r.speaker_start, r.speaker_end, r.speaker_entity, r.cue, r.published,
                       r.outlet, json.loads(r.attrs) if r.attrs else {})


def event_stmt(filters: Filters | None) -> Select:
    ev, d = S.events, S.documents
    return (select(ev, d.c.published, d.c.outlet)
            .join(d, d.c.id == ev.c.doc_id).where(*conditions(filters)))


def to_event(r: Any) -> EventRecord:
    return EventRecord(r.doc_id, r.span_id, r.start, r.end, r.text, r.label or "",
                       r.date, r.date_precision, r.place, r.place_id, r.lat, r.lon,
                       json.loads(r.actors or "[]"), r.published, r.outlet,
                       json.loads(r.attrs) if r.attrs else {})


def stream_order(kind: str) -> list[Any]:
    """Storage order for streaming ``quotes`` or ``events``: document, then offset, then id."""
    t = S.quotes if kind == "quotes" else S.events
    return [S.documents.c.seq, t.c.start, t.c.span_id]


def page(c: Connection, stmt: Select, kind: str, limit: int, offset: int
         ) -> tuple[list[Any], int]:
    """Newest-first rows of a quote/event statement and its total."""
    t = S.quotes if kind == "quotes" else S.events
    rows = c.execute(stmt.order_by(*newest_first(), t.c.start).limit(limit)
                     .offset(offset)).all()
    total = c.execute(select(func.count()).select_from(stmt.subquery())).scalar()
    convert = to_quote if kind == "quotes" else to_event
    return [convert(r) for r in rows], int(total or 0)
