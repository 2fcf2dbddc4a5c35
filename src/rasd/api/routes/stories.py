"""Stories: articles about one event across outlets and days, as ``rasd stories --db``
saved them in the archive (the lead article, size, outlets, first/last seen), and one story
with everything its page shows."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from rasd.api.deps import FiltersDep, PagingDep, StoreDep
from rasd.api.models import StoryPage, StoryReportModel

router = APIRouter(prefix="/api", tags=["stories"])


@router.get("/stories", response_model=StoryPage,
            summary="Stories, most recently active first (filters: an article matches)")
def stories(
    store: StoreDep,
    page: PagingDep,
    filters: FiltersDep,
    min_size: Annotated[int, Query(ge=1, le=1_000_000,
                                   description="Only stories with at least this many articles")] = 1,
) -> StoryPage:
    p = store.stories(filters, min_size=min_size, limit=page.limit, offset=page.offset)
    return StoryPage(items=p.items, total=p.total, limit=p.limit, offset=p.offset)


@router.get(
    "/stories/{story_id}",
    response_model=StoryReportModel,
    summary="A story: articles, timeline by outlet, who said what, agreements, "
    "contradictions, entities/places/events, what each later article added",
)
def story(story_id: str, store: StoreDep) -> dict[str, Any]:
    from rasd.web.story_report import build_report

    return build_report(store, story_id).to_dict()
