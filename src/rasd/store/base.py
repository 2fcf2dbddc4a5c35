"""The archive contract: what every rasd store (SQLite, PostgreSQL) offers.

Callers (CLI, HTTP API, web UI, exporters) program against :class:`Store` only and get one
with :func:`rasd.store.open_store` (:mod:`rasd.store.opener`; this module never imports an
implementation).  The contract, in short:

* **Identity.**  A document's id is :attr:`rasd.doc.Document.id` (16 hex digits of the SHA-256
  of its text).  Adding the same text again never creates a second row: the result is
  ``duplicate`` (same analysis version) or ``updated`` (re-analysed by a newer pipeline), and
  the extra source/URL is remembered in ``document_sources``.  A text that is a near copy of a
  stored one (MinHash/LSH over folded word shingles) is stored but joins that one's group:
  status ``near_duplicate``; counts and facets count *groups* (stories), not rewrites.
* **Atomicity.**  Each :meth:`Store.add` / re-analysis is one transaction: a crash leaves
  either the whole document with all its layers or nothing.
* **Text is data, never markup or syntax.**  Stored text is verbatim (HTML included, never
  interpreted).  Queries are folded like the index and every user word becomes a quoted term:
  FTS/SQL syntax in a query is searched for as text and cannot raise or inject.
* **Snippets** are plain text plus ``highlights`` — ``(start, end)`` offsets into
  ``Snippet.text`` — so a UI escapes the text itself; :meth:`Snippet.html` does exactly that
  (escape first, then ``<mark>``), never trusting the content.
* **Never silently capped.**  ``iter_*`` methods stream everything matching the filters;
  list methods take ``limit``/``offset`` and report ``total``.
* **Layers are generic.**  Every span of every layer is kept (``spans`` table, JSON attrs);
  entities/places/times/quotes/events also get typed tables for querying.  Bulky derived
  layers (tokens, normalized) are stored as one JSON blob per document.
"""

from __future__ import annotations

import html
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from rasd.doc import Document
from rasd.errors import StoreBusy, StoreError

if TYPE_CHECKING:
    from rasd.pipeline import Analyzer

class NotFound(StoreError):
    """No document/entity/place with that id (the API maps it to HTTP 404)."""

    code = "E404"


AddStatus = Literal["new", "duplicate", "near_duplicate", "updated"]


@dataclass(frozen=True)
class Filters:
    """Restrictions shared by search, listings and exports (all optional, all ANDed).

    ``entity``/``place`` match an entity/place id (as returned by :meth:`Store.entities` /
    :meth:`Store.places`) or a name (folded, so spelling variants match).  ``date_from`` /
    ``date_to`` are inclusive ISO dates compared with the document's publication day.
    ``source`` matches the outlet name or a substring of the source path/URL.  ``kind``
    (``quote``/``event``) keeps documents that have at least one such record.
    """

    entity: str | None = None
    place: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    source: str | None = None
    kind: Literal["quote", "event"] | None = None
    doc_ids: tuple[str, ...] | None = None

    def is_empty(self) -> bool:
        return not any(v for v in asdict(self).values())


@dataclass(frozen=True)
class AddResult:
    doc_id: str
    status: AddStatus
    group_id: str | None = None  # the story group (id of its first document)
    similarity: float | None = None  # estimated Jaccard to the group head, for near_duplicate


@dataclass(frozen=True)
class Snippet:
    """A window of the original text; ``highlights`` are offsets into :attr:`text`."""

    text: str
    highlights: tuple[tuple[int, int], ...] = ()
    start: int = 0  # offset of ``text`` in the document, so a UI can link into the article
    end: int = 0
    prefix_ellipsis: bool = False
    suffix_ellipsis: bool = False

    def html(self) -> str:
        """Escaped HTML with ``<mark>`` around hits: safe to insert as-is."""
        out, pos = [], 0
        if self.prefix_ellipsis:
            out.append("… ")
        for a, b in self.highlights:
            out.append(html.escape(self.text[pos:a]))
            out.append(f"<mark>{html.escape(self.text[a:b])}</mark>")
            pos = b
        out.append(html.escape(self.text[pos:]))
        if self.suffix_ellipsis:
            out.append(" …")
        return "".join(out)


@dataclass(frozen=True)
class DocSummary:
    """What a listing or search hit shows about a document (no full text, no layers)."""

    id: str
    title: str | None
    outlet: str | None
    url: str | None
    source: str | None
    published: str | None
    length: int
    group_id: str | None
    analysis_version: str | None
    added_at: str | None


@dataclass(frozen=True)
class SearchHit:
    doc: DocSummary
    score: float  # higher is better (negated bm25 on SQLite, ts_rank_cd on PostgreSQL)
    snippet: Snippet


@dataclass(frozen=True)
class FacetValue:
    value: str  # id to filter on (entity id, place id, outlet name, ISO day)
    label: str  # what to show
    count: int  # distinct stories (near-duplicate groups) in the result set


@dataclass(frozen=True)
class SearchResult:
    query: str
    total: int  # all matching documents, not just this page
    limit: int
    offset: int
    hits: list[SearchHit]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)  # entities, places, outlets, dates
    #: documents the facets were counted over: ``total``, or the best-ranked 500 when more
    facets_over: int = 0


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity/place/record in one document (offsets into its text)."""

    doc_id: str
    span_id: str
    start: int
    end: int
    text: str
    label: str
    published: str | None = None
    outlet: str | None = None
    context: str | None = None  # the sentence or a window around the mention (plain text)


@dataclass(frozen=True)
class EntityInfo:
    """An entity across the archive: mentions sharing type and folded canonical name."""

    id: str
    name: str
    label: str  # PER, ORG, LOC, GPE, …
    doc_count: int
    mention_count: int
    latin: tuple[str, ...] = ()  # Latin-script names, the usual one first


@dataclass(frozen=True)
class EntityDetail:
    entity: EntityInfo
    mentions: list[Mention]
    mentions_total: int
    co_mentions: list[tuple[EntityInfo, int]]  # entities sharing documents, with doc counts
    timeline: list[tuple[str, int]]  # (ISO day, documents) for documents with a date
    #: the ways the articles write it (mention text as written → mentions), most used first
    aliases: list[tuple[str, int]] = field(default_factory=list)


@dataclass(frozen=True)
class PlaceInfo:
    id: str
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    kind: str | None  # city, country, region … (from the places layer when given)
    doc_count: int
    mention_count: int
    precision: str | None = None


@dataclass(frozen=True)
class QuoteRecord:
    doc_id: str
    span_id: str
    start: int  # the quote span (content, or whole quote when no content span)
    end: int
    content: str
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_entity: str | None  # entity id when the speaker is a known entity
    cue: str | None
    published: str | None
    outlet: str | None
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class EventRecord:
    doc_id: str
    span_id: str
    start: int
    end: int
    text: str
    label: str  # event type
    date: str | None  # ISO date/datetime of the event when resolved, else None
    date_precision: str | None  # day | month | year | …
    place: str | None  # place name
    place_id: str | None
    lat: float | None
    lon: float | None
    actors: list[str]
    published: str | None
    outlet: str | None
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DuplicateGroup:
    group_id: str
    doc_ids: list[str]  # first is the head (first stored)
    similarities: dict[str, float]  # doc id -> estimated Jaccard to the head


@dataclass(frozen=True)
class StorySummary:
    """A story (articles about one event across outlets and days) as a listing shows it."""

    id: str
    title: str  # the lead (earliest) article's title
    first_seen: str | None  # ISO day of the earliest dated article
    last_seen: str | None
    size: int  # articles
    outlets: list[str]


@dataclass(frozen=True)
class StoryDetail:
    story: StorySummary
    articles: list[DocSummary]  # chronological: the lead article first


@dataclass(frozen=True)
class Page:
    """A generic page of items with the total before paging."""

    items: list[Any]
    total: int
    limit: int
    offset: int


ProgressFn = Callable[[int], None]


class Store(ABC):
    """An archive of analysed documents.  Implementations pool their connections: one
    instance may serve the threads of a web server; separate processes open their own."""

    url: str

    # -- writing ---------------------------------------------------------------------------
    @abstractmethod
    def add(self, doc: Document, analysis_version: str | None = None) -> AddResult:
        """Store an *analysed* document and all its layers in one transaction.

        ``analysis_version`` identifies the pipeline that produced the layers (see
        :func:`rasd.store.version.pipeline_version`); an existing document with the same text
        but another version is replaced in place (status ``updated``).
        """

    def add_many(
        self, docs: Sequence[tuple[Document, str | None]]
    ) -> list[AddResult | Exception]:
        """Store several ``(document, analysis_version)`` pairs, in order; one result or one
        exception per document.  Implementations may commit them in one transaction (far
        fewer commits and fsyncs for a batch ingest); a document that cannot be stored must
        not stop the others.  The default stores them one by one."""
        out: list[AddResult | Exception] = []
        for doc, version in docs:
            try:
                out.append(self.add(doc, version))
            except StoreBusy:  # the archive is locked, not this document: stop the batch
                raise
            except Exception as e:  # noqa: BLE001 - reported per document
                out.append(e)
        return out

    @abstractmethod
    def reanalyze(
        self,
        pipeline: Analyzer,
        only_outdated: bool = True,
        progress: ProgressFn | None = None,
    ) -> dict[str, int]:
        """Re-run ``pipeline`` over stored texts (never deleting a document); returns counts
        ``{"reanalyzed": n, "failed": n, "skipped": n}``."""

    # -- reading documents ------------------------------------------------------------------
    @abstractmethod
    def get(self, doc_id: str) -> Document:
        """The full document with all layers; raises :class:`NotFound`."""

    @abstractmethod
    def version_of(self, doc_id: str) -> str | None:
        """The analysis version stored for ``doc_id``, or None if absent/unknown (cheap; lets
        ingest skip re-analysing texts it already has)."""

    @abstractmethod
    def summary(self, doc_id: str) -> DocSummary:
        """Listing data for one document; raises :class:`NotFound`."""

    @abstractmethod
    def list_documents(
        self, filters: Filters | None = None, limit: int = 20, offset: int = 0
    ) -> Page:
        """Newest first (by publication day, then insertion); ``Page.items`` are DocSummary."""

    @abstractmethod
    def iter_documents(self, filters: Filters | None = None) -> Iterator[Document]:
        """Stream every matching document (full layers), in insertion order."""

    @abstractmethod
    def count(self, filters: Filters | None = None) -> int:
        """Number of matching documents (rewrites included)."""

    @abstractmethod
    def sources_of(self, doc_id: str) -> list[dict[str, Any]]:
        """Every source/URL/outlet the same text was ingested from, first first."""

    # -- search -----------------------------------------------------------------------------
    @abstractmethod
    def search(
        self,
        query: str,
        filters: Filters | None = None,
        limit: int = 20,
        offset: int = 0,
        facets: bool = True,
    ) -> SearchResult:
        """Ranked full-text search (folded, clitic-aware); an empty query lists by date.

        ``total`` is always exact.  On SQLite an unfiltered query matching more than 10,000
        documents is ranked among its 10,000 most recently stored matches (bm25 costs a few
        microseconds per match; this keeps p95 latency flat on large archives)."""

    @abstractmethod
    def facets(
        self, query: str = "", filters: Filters | None = None, size: int = 10
    ) -> dict[str, list[FacetValue]]:
        """Top ``entities``, ``places``, ``outlets``, ``dates`` (counted in stories, i.e.
        near-duplicate groups) over the result set — its best-ranked 500 documents when
        larger (see ``SearchResult.facets_over``)."""

    # -- records across documents ----------------------------------------------------------
    @abstractmethod
    def entities(
        self,
        filters: Filters | None = None,
        name: str | None = None,
        label: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page:
        """EntityInfo items by document count; ``name`` is a folded substring match."""

    @abstractmethod
    def entity(self, entity_id: str, limit: int = 50, offset: int = 0) -> EntityDetail:
        """One entity with paged mentions, co-mentioned entities and a timeline."""

    @abstractmethod
    def places(
        self, filters: Filters | None = None, name: str | None = None, limit: int = 200,
        offset: int = 0,
    ) -> Page:
        """PlaceInfo items (with coordinates when resolved) by document count."""

    @abstractmethod
    def place(self, place_id: str, limit: int = 50, offset: int = 0) -> tuple[PlaceInfo, Page]:
        """One place and a page of its mentions."""

    @abstractmethod
    def quotes(self, filters: Filters | None = None, limit: int = 50, offset: int = 0) -> Page:
        """QuoteRecord items, newest first."""

    @abstractmethod
    def iter_quotes(self, filters: Filters | None = None) -> Iterator[QuoteRecord]: ...

    @abstractmethod
    def quotes_by(self, entity_id: str, limit: int = 50, offset: int = 0) -> Page:
        """QuoteRecord items whose speaker is the entity ``entity_id``, newest first."""

    @abstractmethod
    def events(self, filters: Filters | None = None, limit: int = 50, offset: int = 0) -> Page:
        """EventRecord items, newest first."""

    @abstractmethod
    def iter_events(self, filters: Filters | None = None) -> Iterator[EventRecord]: ...

    @abstractmethod
    def iter_mentions(self, filters: Filters | None = None) -> Iterator[tuple[EntityInfo, Mention]]:
        """Every entity mention in matching documents (for CSV/FtM exports)."""

    @abstractmethod
    def timeline(self, query: str = "", filters: Filters | None = None) -> list[tuple[str, int]]:
        """(ISO day, stories) over the matching documents that have a publication date."""

    @abstractmethod
    def duplicate_groups(self, limit: int = 50, offset: int = 0) -> Page:
        """DuplicateGroup items for groups with more than one document."""

    @abstractmethod
    def group_of(self, doc_id: str) -> DuplicateGroup:
        """The near-duplicate group a document belongs to (a singleton group if none)."""

    # -- stories ----------------------------------------------------------------------------
    @abstractmethod
    def save_stories(self, stories: Iterable[tuple[StorySummary, Sequence[str]]]) -> int:
        """Replace the stored stories with ``stories`` — (summary, member document ids in
        chronological order) — in one transaction; returns how many were saved.  Stories are
        computed over the whole archive (:mod:`rasd.link.stories`), so a new computation
        replaces the previous one instead of merging with it.  Member ids not in the archive
        are skipped (the summary's ``size`` then counts only stored ones)."""

    @abstractmethod
    def stories(self, filters: Filters | None = None, min_size: int = 1, limit: int = 50,
                offset: int = 0) -> Page:
        """StorySummary items with at least ``min_size`` articles of which at least one
        matches ``filters`` (so a date range keeps the stories that had an article in it),
        most recently active first, then larger first."""

    @abstractmethod
    def story(self, story_id: str) -> StoryDetail:
        """One story with its articles in chronological order; raises :class:`NotFound`."""

    @abstractmethod
    def story_of(self, doc_id: str) -> str | None:
        """The id of the stored story a document belongs to, or None (none computed yet)."""

    @abstractmethod
    def stats(self) -> dict[str, int]:
        """Row counts per table, for dashboards and the ingest summary."""

    # -- lifecycle --------------------------------------------------------------------------
    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__: Sequence[str] = (
    "AddResult",
    "AddStatus",
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
    "StoryDetail",
    "StorySummary",
)
