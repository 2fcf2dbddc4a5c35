"""``/api/search``, ``/api/facets``, ``/api/timeline``: full-text search over the archive.

The query is handed to the store as text: the store folds it like the index and quotes every
word, so FTS or SQL syntax in a query is searched for, never executed.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from rasd.api.deps import FiltersDep, PagingDep, StoreDep
from rasd.api.models import DayCount, SearchResponse
from rasd.store.base import FacetValue

router = APIRouter(prefix="/api", tags=["search"])

QueryText = Annotated[str, Query(max_length=1000, description="Words to find (any script)")]


@router.get("/search", response_model=SearchResponse, summary="Ranked full-text search")
def search(
    store: StoreDep,
    page: PagingDep,
    filters: FiltersDep,
    q: QueryText = "",
    facets: Annotated[bool, Query(description="Also compute facets")] = True,
) -> SearchResponse:
    r = store.search(q, filters, limit=page.limit, offset=page.offset, facets=facets)
    return SearchResponse(
        query=r.query, total=r.total, limit=r.limit, offset=r.offset, hits=r.hits, facets=r.facets
    )


@router.get(
    "/facets",
    response_model=dict[str, list[FacetValue]],
    summary="Top entities, places, outlets and dates of a result set",
)
def facets(
    store: StoreDep,
    filters: FiltersDep,
    q: QueryText = "",
    size: Annotated[int, Query(ge=1, le=100)] = 10,
) -> dict[str, list[FacetValue]]:
    return store.facets(q, filters, size=size)


@router.get("/timeline", response_model=list[DayCount], summary="Stories per day")
def timeline(store: StoreDep, filters: FiltersDep, q: QueryText = "") -> list[DayCount]:
    return [DayCount(date=d, count=n) for d, n in store.timeline(q, filters)]
