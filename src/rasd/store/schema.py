"""Table definitions (SQLAlchemy Core), shared by the store code and the migrations.

Names are plain and readable from any SQL tool (Datasette, psql, DuckDB): one row per
document in ``documents``; every span of every layer in ``spans`` (layer, span id, offsets,
label, the evidence ``text`` and JSON ``attrs``); typed convenience tables for the layers
people query (``entities`` = mentions, ``entity_clusters`` = the same entity across documents,
``places``, ``times``, ``quotes``, ``events``) whose rows come from the one flattener
(:func:`rasd.store.records.flatten`), the people's ``corrections``, and the computed
``stories`` with their ``story_members``.  Offsets are
``start``/``end`` (Python string indices into ``documents.text``), the names of the JSON, the
CSV export and the batch Parquet tables (revision 0005 renamed the older ``char_start`` /
``char_end``); ``end`` is a reserved word, so hand-written SQL quotes it: ``"end"``.

Changing a table: edit it here AND add a revision in ``migrations/versions`` that makes the
same change (docs/store.md); revision 0001 builds from its own frozen copy.

The full-text index is dialect specific and created by the migration: an FTS5 virtual table
``documents_fts(title, body)`` on SQLite, a table with a generated ``tsvector`` and a GIN index
on PostgreSQL.  Both index *folded keys* (see :mod:`rasd.store.textindex`), keyed by
``documents.seq``.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

def _doc_fk() -> Column:
    return Column("doc_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)


def _span_columns() -> list[Column]:
    """What every per-layer table starts with: the document, the span id and its offsets."""
    return [
        _doc_fk(),
        Column("span_id", Text, nullable=False),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
    ]


documents = Table(
    "documents",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", Text, nullable=False, unique=True),
    Column("content_hash", Text, nullable=False, unique=True),
    Column("title", Text),
    Column("outlet", Text),
    Column("url", Text),
    Column("author", Text),
    Column("published", Text),  # ISO date/datetime as found
    Column("published_day", Text),  # YYYY-MM-DD (or shorter when only month/year known)
    Column("language", Text),
    Column("source", Text),
    Column("length", Integer, nullable=False),
    Column("text", Text, nullable=False),  # verbatim original, never altered
    Column("meta", Text, nullable=False),  # JSON of rasd.doc.Meta
    Column("relations", Text, nullable=False),  # JSON
    Column("warnings", Text, nullable=False),  # JSON list
    Column("layer_names", Text, nullable=False),  # JSON list, original layer order
    Column("analysis_version", Text),
    Column("group_id", Text, nullable=False),  # near-duplicate group = id of its first doc
    Column("similarity", Float),  # estimated Jaccard to the group head (None for heads)
    Column("added_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
)
Index("ix_documents_published_day", documents.c.published_day)
Index("ix_documents_outlet", documents.c.outlet)
Index("ix_documents_group", documents.c.group_id)

document_sources = Table(
    "document_sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    Column("source", Text),
    Column("url", Text),
    Column("outlet", Text),
    Column("published", Text),
    Column("seen_at", Text, nullable=False),
)
Index("ix_document_sources_doc", document_sources.c.doc_id)

spans = Table(
    "spans",
    metadata,
    _doc_fk(),
    Column("layer", Text, nullable=False),
    Column("span_id", Text, nullable=False),
    Column("ord", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("label", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("attrs", Text),  # JSON or NULL
    UniqueConstraint("doc_id", "layer", "ord", name="uq_spans_doc_layer_ord"),
)
Index("ix_spans_doc_layer", spans.c.doc_id, spans.c.layer)

#: Bulky derived layers kept as one JSON array per document instead of a row per span.
layer_blobs = Table(
    "layer_blobs",
    metadata,
    _doc_fk(),
    Column("layer", Text, nullable=False),
    Column("spans", Text, nullable=False),  # JSON: [[start, end, label, id, attrs|null], ...]
    UniqueConstraint("doc_id", "layer", name="uq_layer_blobs_doc_layer"),
)

entity_clusters = Table(
    "entity_clusters",
    metadata,
    Column("entity_id", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("label", Text, nullable=False),
    Column("key", Text, nullable=False),  # folded name: the cross-document identity
    Column("latin", Text),  # Latin-script names, "; "-joined, the shown one first (0008)
    Column("latin_key", Text),  # "|key|key|" match keys of rasd.lang.ar.latin (0008)
)
Index("ix_entity_clusters_key", entity_clusters.c.key)

entities = Table(
    "entities",
    metadata,
    *_span_columns(),
    Column("text", Text, nullable=False),
    Column("label", Text, nullable=False),
    Column("entity_id", Text, nullable=False),
    Column("cluster", Text),  # in-document cluster id when the extractor gives one
)
Index("ix_entities_entity", entities.c.entity_id)
Index("ix_entities_doc", entities.c.doc_id)

places = Table(
    "places",
    metadata,
    *_span_columns(),
    Column("text", Text, nullable=False),
    Column("place_id", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("key", Text, nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", Text),
    Column("kind", Text),
    Column("precision", Text),
)
Index("ix_places_place", places.c.place_id)
Index("ix_places_doc", places.c.doc_id)

times = Table(
    "times",
    metadata,
    *_span_columns(),
    Column("text", Text, nullable=False),
    Column("label", Text),
    Column("value", Text),
    Column("precision", Text),
)
Index("ix_times_doc", times.c.doc_id)

quotes = Table(
    "quotes",
    metadata,
    *_span_columns(),
    Column("content", Text, nullable=False),
    Column("speaker", Text),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("speaker_entity", Text),
    Column("cue", Text),
    Column("attrs", Text),
)
Index("ix_quotes_doc", quotes.c.doc_id)

events = Table(
    "events",
    metadata,
    *_span_columns(),
    Column("text", Text, nullable=False),
    Column("label", Text),
    Column("date", Text),
    Column("date_precision", Text),
    Column("place", Text),
    Column("place_id", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("actors", Text),  # JSON list of names
    Column("attrs", Text),
)
Index("ix_events_doc", events.c.doc_id)

#: MinHash signature per document (near-duplicate detection) and its LSH band keys.
doc_minhash = Table(
    "doc_minhash",
    metadata,
    Column("doc_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("signature", LargeBinary, nullable=False),
)

lsh_bands = Table(
    "lsh_bands",
    metadata,
    _doc_fk(),
    Column("band", Integer, nullable=False),
    Column("hash", BigInteger, nullable=False),
)
Index("ix_lsh_bands_band_hash", lsh_bands.c.band, lsh_bands.c.hash)
Index("ix_lsh_bands_doc", lsh_bands.c.doc_id)

#: Corrections by people (W3C Web Annotations, :mod:`rasd.corrections`), one row each.
#: ``doc_id`` is NULL for entity-level corrections (merge/split) and is deliberately not a
#: foreign key: a correction outlives the document it names and is re-applied if it returns.
#: Column types are those the table had when rasd created it outside the schema (revision
#: 0004 adopts such a table as it is).
corrections = Table(
    "corrections",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("doc_id", String(64), index=True),
    Column("action", String(16), nullable=False),
    Column("created", String(40), nullable=False),
    Column("creator", String(200)),
    Column("annotation", Text, nullable=False),  # the Web Annotation, JSON
)

#: Stories: articles about the same event across outlets and days, as last computed over the
#: whole archive by ``rasd stories --db`` (:mod:`rasd.link.stories`) and replaced as a whole
#: by :meth:`rasd.store.base.Store.save_stories`.  ``stories`` holds what a listing shows
#: (``outlets`` is a JSON list); ``story_members`` says which story each document is in (one
#: story per document) and its place in the story (``ord``, chronological).  Not per-layer
#: tables: re-analysing a document keeps its story until the next computation.
stories = Table(
    "stories",
    metadata,
    Column("id", Text, primary_key=True),
    Column("title", Text, nullable=False),
    Column("first_seen", Text),  # ISO day of the earliest dated member
    Column("last_seen", Text),
    Column("size", Integer, nullable=False),  # member documents
    Column("outlets", Text, nullable=False),  # JSON list, sorted
    Column("computed_at", Text, nullable=False),
)
Index("ix_stories_last_seen", stories.c.last_seen)
Index("ix_stories_size", stories.c.size)

story_members = Table(
    "story_members",
    metadata,
    Column("doc_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("story_id", Text, ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    Column("ord", Integer, nullable=False),
)
Index("ix_story_members_story", story_members.c.story_id, story_members.c.ord)

#: Per-document tables cleared when a document is re-analysed (order: children first).
LAYER_TABLES = (spans, layer_blobs, entities, places, times, quotes, events)

# --------------------------------------------------------------------------- watch (issue 21)
#: ``rasd watch`` state, so a restart (or a crash) resumes without duplicates or gaps: one row
#: per watched source (HTTP validators, schedule and health), one per article URL ever seen
#: (keyed by the SHA-256 of the URL: PostgreSQL B-tree keys cannot hold arbitrary URLs), the
#: alert rules and the alerts they raised (one per rule and story, ``UNIQUE``).  Times used for
#: scheduling are epoch seconds (arithmetic on them is the point); see docs/watch.md.
watch_sources = Table(
    "watch_sources",
    metadata,
    Column("name", Text, primary_key=True),
    Column("kind", Text, nullable=False),  # feed | sitemap | page
    Column("url", Text, nullable=False),
    Column("interval", Integer, nullable=False),  # seconds
    Column("etag", Text),
    Column("last_modified", Text),
    Column("next_due", Float, nullable=False),
    Column("last_polled", Float),
    Column("last_success", Float),
    Column("last_new", Float),  # when the last new article of this source was stored
    Column("last_status", Integer),  # HTTP status of the last poll (0: no response)
    Column("last_error", Text),
    Column("polls", Integer, nullable=False),
    Column("failures", Integer, nullable=False),
    Column("consecutive_failures", Integer, nullable=False),
    Column("articles_seen", Integer, nullable=False),  # article URLs listed, ever
    Column("articles_new", Integer, nullable=False),  # new documents stored
    Column("empty_extractions", Integer, nullable=False),
    Column("flag", Text),  # why the source needs a look (None: healthy)
)

watch_seen = Table(
    "watch_seen",
    metadata,
    Column("url_hash", String(64), primary_key=True),
    Column("url", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("first_seen", Float, nullable=False),
    Column("status", Text, nullable=False),  # new | duplicate | near_duplicate | updated | failed …
    Column("doc_id", Text),
    Column("attempts", Integer, nullable=False),
    Column("last_error", Text),
)
Index("ix_watch_seen_source", watch_seen.c.source, watch_seen.c.first_seen)

watch_rules = Table(
    "watch_rules",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", Text, nullable=False),  # entity | place | event
    Column("value", Text, nullable=False),
    Column("radius_km", Float),  # place rules given as "lat,lon"
    Column("label", Text),
    Column("created", Text, nullable=False),
    UniqueConstraint("kind", "value", name="uq_watch_rules_kind_value"),
)

watch_alerts = Table(
    "watch_alerts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("rule_id", Integer, ForeignKey("watch_rules.id", ondelete="CASCADE"), nullable=False),
    Column("story_key", Text, nullable=False),  # near-duplicate group of the article
    Column("doc_id", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("outlet", Text),
    Column("created", Float, nullable=False),
    Column("spans", Text, nullable=False),  # JSON list of {layer, start, end, text, why}
    UniqueConstraint("rule_id", "story_key", name="uq_watch_alerts_rule_story"),
)
Index("ix_watch_alerts_created", watch_alerts.c.created)
