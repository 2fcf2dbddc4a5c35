"""Records across documents: entities, places (GeoJSON), quotes and events."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from rasd.api.deps import FiltersDep, PagingDep, StoreDep
from rasd.api.geojson import feature_collection
from rasd.api.models import (
    AliasCount,
    CoMention,
    DayCount,
    EntityPage,
    EntityProfile,
    EventPage,
    GeoJSONFeatureCollection,
    MentionPage,
    PlacePage,
    PlaceProfile,
    QuotePage,
)
from rasd.api.settings import MAX_PLACES_PAGE

router = APIRouter(prefix="/api", tags=["records"])

Name = Annotated[str | None, Query(max_length=200, description="Folded substring of the name")]


@router.get("/entities", response_model=EntityPage, summary="Entities by document count")
def entities(
    store: StoreDep,
    page: PagingDep,
    filters: FiltersDep,
    name: Name = None,
    label: Annotated[str | None, Query(max_length=20, description="PER, ORG, LOC …")] = None,
) -> EntityPage:
    p = store.entities(filters, name=name, label=label, limit=page.limit, offset=page.offset)
    return EntityPage(items=p.items, total=p.total, limit=p.limit, offset=p.offset)


@router.get(
    "/entities/{entity_id}",
    response_model=EntityProfile,
    summary="An entity: its mentions across articles, co-mentioned entities, timeline",
)
def entity(entity_id: str, store: StoreDep, page: PagingDep) -> EntityProfile:
    d = store.entity(entity_id, limit=page.limit, offset=page.offset)
    return EntityProfile(
        entity=d.entity,
        mentions=MentionPage(
            items=d.mentions, total=d.mentions_total, limit=page.limit, offset=page.offset
        ),
        co_mentions=[CoMention(entity=e, documents=n) for e, n in d.co_mentions],
        timeline=[DayCount(date=day, count=n) for day, n in d.timeline],
        aliases=[AliasCount(name=a, mentions=n) for a, n in d.aliases],
    )


@router.get(
    "/entities/{entity_id}/statements",
    response_model=QuotePage,
    summary="What an entity said: quotes whose speaker is this entity, newest first",
)
def entity_statements(entity_id: str, store: StoreDep, page: PagingDep) -> QuotePage:
    store.entity(entity_id, limit=1)  # 404 for an unknown entity, like its profile
    p = store.quotes_by(entity_id, limit=page.limit, offset=page.offset)
    return QuotePage(items=p.items, total=p.total, limit=p.limit, offset=p.offset)


@router.get(
    "/places",
    response_model=GeoJSONFeatureCollection,
    summary="Places with coordinates as a GeoJSON FeatureCollection",
)
def places_geojson(
    store: StoreDep,
    filters: FiltersDep,
    name: Name = None,
    limit: Annotated[int, Query(ge=1, description=f"capped at {MAX_PLACES_PAGE}")] = 500,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> GeoJSONFeatureCollection:
    limit = min(limit, MAX_PLACES_PAGE)
    p = store.places(filters, name=name, limit=limit, offset=offset)
    return GeoJSONFeatureCollection(
        features=feature_collection(p.items), total=p.total, limit=limit, offset=offset
    )


@router.get("/places/list", response_model=PlacePage, summary="Places as a plain list")
def places_list(
    store: StoreDep, page: PagingDep, filters: FiltersDep, name: Name = None
) -> PlacePage:
    p = store.places(filters, name=name, limit=page.limit, offset=page.offset)
    return PlacePage(items=p.items, total=p.total, limit=p.limit, offset=p.offset)


@router.get("/places/{place_id}", response_model=PlaceProfile, summary="A place and its mentions")
def place(place_id: str, store: StoreDep, page: PagingDep) -> PlaceProfile:
    info, p = store.place(place_id, limit=page.limit, offset=page.offset)
    return PlaceProfile(
        place=info,
        mentions=MentionPage(items=p.items, total=p.total, limit=p.limit, offset=p.offset),
    )


@router.get("/quotes", response_model=QuotePage, summary="Who said what, newest first")
def quotes(store: StoreDep, page: PagingDep, filters: FiltersDep) -> QuotePage:
    p = store.quotes(filters, limit=page.limit, offset=page.offset)
    return QuotePage(items=p.items, total=p.total, limit=p.limit, offset=p.offset)


@router.get("/events", response_model=EventPage, summary="Who did what to whom, newest first")
def events(store: StoreDep, page: PagingDep, filters: FiltersDep) -> EventPage:
    p = store.events(filters, limit=page.limit, offset=page.offset)
    return EventPage(items=p.items, total=p.total, limit=p.limit, offset=p.offset)
