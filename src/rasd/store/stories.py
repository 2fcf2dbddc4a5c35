"""Stories kept in the archive: saving a computed clustering, listing and reading stories.

The clustering itself is :mod:`rasd.link.stories` (the store never imports it); what is kept
is its result — one ``stories`` row per story and one ``story_members`` row per document —
so pages and the API list stories with plain indexed queries.  A new computation replaces
the stored one as a whole, inside one transaction: readers see the old stories or the new
ones, never a mix.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.engine import Connection

from rasd.store import read
from rasd.store import schema as S
from rasd.store.base import Filters, NotFound, StoryDetail, StorySummary
from rasd.store.dialects.base import Dialect
from rasd.store.filters import conditions

#: Rows written per bulk insert while saving (bounded memory on a 26k-article archive).
BATCH = 2000


def save(c: Connection, backend: Dialect,
         stories: Iterable[tuple[StorySummary, Sequence[str]]]) -> int:
    """Replace every stored story with ``stories`` (see :meth:`Store.save_stories`)."""
    st, sm = S.stories, S.story_members
    c.execute(delete(sm))
    c.execute(delete(st))
    known = {r[0] for r in c.execute(select(S.documents.c.id))}
    now = datetime.now(UTC).isoformat(timespec="seconds")
    n = 0
    story_rows: list[dict[str, Any]] = []
    member_rows: list[dict[str, Any]] = []
    taken: set[str] = set()
    for summary, doc_ids in stories:
        members = [d for d in dict.fromkeys(doc_ids) if d in known and d not in taken]
        if not members:
            continue
        taken.update(members)
        story_rows.append({
            "id": summary.id, "title": summary.title or "", "first_seen": summary.first_seen,
            "last_seen": summary.last_seen, "size": len(members),
            "outlets": json.dumps(sorted(summary.outlets), ensure_ascii=False),
            "computed_at": now,
        })  # fmt: skip
        member_rows.extend({"doc_id": d, "story_id": summary.id, "ord": i}
                           for i, d in enumerate(members))
        n += 1
        if len(member_rows) >= BATCH:
            _flush(c, backend, story_rows, member_rows)
    _flush(c, backend, story_rows, member_rows)
    return n


def _flush(c: Connection, backend: Dialect, story_rows: list[dict[str, Any]],
           member_rows: list[dict[str, Any]]) -> None:
    """Write the pending rows (stories first: members refer to them) and clear the lists."""
    backend.bulk_insert(c, S.stories, story_rows)
    backend.bulk_insert(c, S.story_members, member_rows)
    story_rows.clear()
    member_rows.clear()


def to_summary(r: Any) -> StorySummary:
    return StorySummary(r.id, r.title, r.first_seen, r.last_seen, int(r.size),
                        json.loads(r.outlets or "[]"))


def listing(c: Connection, filters: Filters | None, min_size: int, limit: int,
            offset: int) -> tuple[list[StorySummary], int]:
    """Stories with ≥ ``min_size`` articles, one of which matches ``filters``; most recently
    active first (undated last), then larger, then by id (a stable order for paging)."""
    st, sm, d = S.stories, S.story_members, S.documents
    where: list[Any] = [st.c.size >= max(1, min_size)]
    conds = conditions(filters)
    if conds:
        matching = select(sm.c.story_id).join(d, d.c.id == sm.c.doc_id).where(*conds)
        where.append(st.c.id.in_(matching))
    rows = c.execute(select(st).where(*where)
                     .order_by(st.c.last_seen.desc().nulls_last(), st.c.size.desc(), st.c.id)
                     .limit(limit).offset(offset)).all()
    total = c.execute(select(func.count()).select_from(st).where(*where)).scalar()
    return [to_summary(r) for r in rows], int(total or 0)


def detail(c: Connection, story_id: str) -> StoryDetail:
    st, sm, d = S.stories, S.story_members, S.documents
    r = c.execute(select(st).where(st.c.id == story_id)).first()
    if r is None:
        raise NotFound(f"no story {story_id!r}")
    rows = c.execute(select(*read.summary_cols()).join(sm, sm.c.doc_id == d.c.id)
                     .where(sm.c.story_id == story_id).order_by(sm.c.ord)).all()
    return StoryDetail(to_summary(r), [read.to_summary(x) for x in rows])


def story_of(c: Connection, doc_id: str) -> str | None:
    sm = S.story_members
    return c.execute(select(sm.c.story_id).where(sm.c.doc_id == doc_id)).scalar()
