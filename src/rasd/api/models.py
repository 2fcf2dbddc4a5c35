"""Response shapes of the JSON API (they make up the OpenAPI schema at ``/openapi.json``).

The store's dataclasses are reused as-is where their shape is already good JSON; the few
tuple-shaped fields (co-mentions, timelines) become named objects here, because an API client
should not have to know that ``[x, 3]`` means "x, in 3 documents".
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from rasd.store.base import (
    AddResult,
    DocSummary,
    EntityInfo,
    EventRecord,
    FacetValue,
    Mention,
    PlaceInfo,
    QuoteRecord,
    SearchHit,
    StorySummary,
)


class PageInfo(BaseModel):
    total: int = Field(description="All matching items, not just this page")
    limit: int
    offset: int


class DocumentPage(PageInfo):
    items: list[DocSummary]


class EntityPage(PageInfo):
    items: list[EntityInfo]


class PlacePage(PageInfo):
    items: list[PlaceInfo]


class QuotePage(PageInfo):
    items: list[QuoteRecord]


class EventPage(PageInfo):
    items: list[EventRecord]


class StoryPage(PageInfo):
    items: list[StorySummary]


class StoryReportModel(BaseModel):
    """One story (``/api/stories/{id}``); claim pairs carry both evidence spans as offsets
    into their documents (``doc_id``, ``start``, ``end``, ``text``)."""

    story: StorySummary
    articles: list[DocSummary] = Field(description="Chronological: the lead article first")
    timeline: dict[str, Any] = Field(
        description="`days` (ISO, null = undated) and per outlet the article ids of each day")
    speakers: list[dict[str, Any]] = Field(description="Who said what: statements by speaker")
    agreements: list[dict[str, Any]]
    contradictions: list[dict[str, Any]]
    additions: list[dict[str, Any]] = Field(
        description="Per article: entities, places, numbers, quotes absent from earlier ones")
    entities: list[EntityInfo]
    places: list[PlaceInfo]
    events: list[EventRecord]
    events_total: int
    analysed: int = Field(description="Articles compared for agreements/contradictions/additions")
    sourcing: dict[str, Any] | None = Field(
        default=None, description="Over the compared articles: statements and distinct sources "
        "per speaker kind (`kinds`), claims resting on a single anonymous source (`lone`)")


class MentionPage(PageInfo):
    items: list[Mention]


class SearchResponse(PageInfo):
    query: str
    hits: list[SearchHit]
    facets: dict[str, list[FacetValue]]


class CoMention(BaseModel):
    entity: EntityInfo
    documents: int = Field(description="Documents where both entities are mentioned")


class DayCount(BaseModel):
    date: str = Field(description="ISO day (YYYY-MM-DD)")
    count: int


class AliasCount(BaseModel):
    name: str = Field(description="the entity as an article writes it")
    mentions: int


class EntityProfile(BaseModel):
    entity: EntityInfo
    mentions: MentionPage
    co_mentions: list[CoMention]
    timeline: list[DayCount]
    aliases: list[AliasCount] = Field(default_factory=list,
                                      description="how the articles write it, most used first")


class PlaceProfile(BaseModel):
    place: PlaceInfo
    mentions: MentionPage


class DocumentOut(BaseModel):
    """The full document (``rasd.doc`` JSON: text, meta, every layer) plus archive data."""

    document: dict[str, Any] = Field(description="schema/document.schema.json")
    summary: DocSummary
    sources: list[dict[str, Any]]
    group: dict[str, Any]


class IngestResponse(BaseModel):
    results: list[AddResult]
    errors: list[str] = Field(default_factory=list)


class GeoJSONFeatureCollection(BaseModel):
    """RFC 7946 FeatureCollection; coordinates are ``[lon, lat]``."""

    type: str = "FeatureCollection"
    features: list[dict[str, Any]]
    total: int = Field(description="Places matching (with or without coordinates)")
    limit: int
    offset: int
