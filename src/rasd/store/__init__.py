"""The archive: analysed documents in SQLite (default) or PostgreSQL, searchable.

Program against :class:`rasd.store.base.Store`; get one with :func:`open_store`.
"""

from rasd.store.base import (
    AddResult,
    DocSummary,
    DuplicateGroup,
    EntityDetail,
    EntityInfo,
    EventRecord,
    FacetValue,
    Filters,
    Mention,
    NotFound,
    Page,
    PlaceInfo,
    QuoteRecord,
    SearchHit,
    SearchResult,
    Snippet,
    Store,
    open_store,
)

__all__ = [
    "AddResult",
    "DocSummary",
    "DuplicateGroup",
    "EntityDetail",
    "EntityInfo",
    "EventRecord",
    "FacetValue",
    "Filters",
    "Mention",
    "NotFound",
    "Page",
    "PlaceInfo",
    "QuoteRecord",
    "SearchHit",
    "SearchResult",
    "Snippet",
    "Store",
    "open_store",
]
