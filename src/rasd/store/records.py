"""The one Document → rows flattener: the typed records of the archive tables (entities,
places, times, quotes, events), the CSV export and the batch Parquet tables.

Every consumer reads :func:`flatten` and picks its columns from the same row dicts, so a
column has one name and one meaning everywhere (see :data:`COLUMNS` and docs/batch.md).
Offsets are ``start``/``end``, the JSON's names: character offsets into the document text.
Each row also carries the values a consumer needs that the archive table does not store
(``canonical``/``entity``/``boilerplate`` of an entity, the quote's ``stance`` …); the
archive keeps only its table's columns and the full span in its ``spans`` table.

Extractors are written by different people and evolve; these functions only pick out what
the tables need.  A reference to other evidence (a quote's speaker, an event's place …) is a
:data:`SpanRef` (:class:`rasd.attributes.Extent`) — ``{"start": a, "end": b}`` plus optional
``text``/``id`` — the shape every rasd extractor writes; :func:`as_span_ref` still reads the
older shapes found in stored or hand-made documents.  Cross-document identities are derived from folded names: an
entity is (label, folded canonical name), a place is its gazetteer id when resolved, else its
folded name.
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from rasd.attributes import Extent
from rasd.doc import Document, Span
from rasd.lang.ar.normalize import normalize_key


def stable_id(prefix: str, *parts: str) -> str:
    h = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]
    return f"{prefix}{h}"


def name_key(name: str) -> str:
    """Folded, whitespace-collapsed name used as the cross-document identity."""
    return " ".join(normalize_key(name).split())


def entity_id(label: str, name: str) -> str:
    return stable_id("ent_", label.upper(), name_key(name))


def place_id(name: str, gazetteer_id: Any = None) -> str:
    if gazetteer_id not in (None, ""):
        return f"geo_{gazetteer_id}"
    return stable_id("plc_", name_key(name))


def dumps(value: Any) -> str | None:
    if value in (None, {}, []):
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


class SpanIndex:
    """The spans of one document by id, built once per layer on first use.

    Looking a span id up by scanning every layer (``Document.get``) made flattening
    quadratic: every entity row asks whether its ``entity`` attribute names a span, and a
    2 MB document has ~300k spans and ~20k entities (307 s to store).  The index answers the
    same question in O(1) with the same result: the first span with that id in ``layers``,
    then in the document's layer order.  It reflects the layers as they were when first
    asked; build a new one after editing the document.
    """

    __slots__ = ("_doc", "_by_layer", "_any")

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._by_layer: dict[str, dict[str, Span]] = {}
        self._any: dict[str, Span] | None = None

    def _layer(self, name: str) -> dict[str, Span]:
        ids = self._by_layer.get(name)
        if ids is None:
            ids = {}
            for s in self._doc.layers.get(name, ()):
                ids.setdefault(s.id, s)
            self._by_layer[name] = ids
        return ids

    def find(self, span_id: str, layers: tuple[str, ...] = ()) -> Span | None:
        """The span with this id, looked up in ``layers`` first (see :func:`find_span`)."""
        for name in layers:
            s = self._layer(name).get(span_id)
            if s is not None:
                return s
        if self._any is None:
            self._any = {}
            for spans in self._doc.layers.values():
                for s in spans:
                    self._any.setdefault(s.id, s)
        return self._any.get(span_id)


def find_span(doc: Document, span_id: str, layers: tuple[str, ...] = (),
              index: SpanIndex | None = None) -> Span | None:
    """The span with this id, looked up in ``layers`` first: ids are only unique per layer
    (tokens "t0" and times "t0" may coexist).  Pass an ``index`` when looking up many ids in
    the same document (one scan instead of one per lookup)."""
    if index is not None:
        return index.find(span_id, layers)
    for name in layers:
        for s in doc.layers.get(name, ()):
            if s.id == span_id:
                return s
    return doc.get(span_id)


#: The one reference shape (:class:`rasd.attributes.Extent`): ``{"start", "end"}`` plus
#: optional ``text``/``id``.  Chosen over ``{"doc", "span"}`` ids because it is what every rasd
#: extractor already writes (each quote speaker/cue/content, event actor/place/time in the
#: analysed corpus), and because offsets stay meaningful when the referenced text is not a
#: span of any layer (a cue, a quote's content); ``id`` names the span when there is one.
SpanRef = Extent


def as_span_ref(doc: Document, ref: Any, layers: tuple[str, ...] = (),
                index: SpanIndex | None = None) -> SpanRef | str | None:
    """``ref`` as a :data:`SpanRef`, or as plain text when it has no offsets, or None.

    Besides the SpanRef itself this reads the shapes of older or hand-made documents: a
    :class:`Span`, a span id (``"e3"``, looked up in ``layers`` first), a ``[start, end]``
    pair, ``{"span"|"id"|"span_id": id}``, ``{"text"|"name": text}`` and plain text.
    """
    if ref is None:
        return None
    if isinstance(ref, Mapping):
        if "start" in ref and "end" in ref:
            return {"start": int(ref["start"]), "end": int(ref["end"])}
        for k in ("span", "id", "span_id"):
            if k in ref:
                return as_span_ref(doc, ref[k], layers, index)
        for k in ("text", "name"):
            if k in ref:
                return str(ref[k])
        return ""
    if isinstance(ref, Span):
        return {"start": ref.start, "end": ref.end}
    if isinstance(ref, str):
        span = find_span(doc, ref, layers, index) if len(ref) <= 24 else None
        return ref if span is None else {"start": span.start, "end": span.end}
    if isinstance(ref, (list, tuple)) and len(ref) == 2 and all(isinstance(x, int) for x in ref):
        a, b = int(ref[0]), int(ref[1])
        if 0 <= a <= b <= len(doc.text):
            return {"start": a, "end": b}
    return str(ref)


def resolve(doc: Document, ref: Any, layers: tuple[str, ...] = (),
            index: SpanIndex | None = None) -> tuple[str, int | None, int | None]:
    """A reference → (text, start, end); offsets None when only text is known."""
    r = as_span_ref(doc, ref, layers, index)
    if r is None:
        return "", None, None
    if isinstance(r, str):
        return r, None, None
    a, b = r["start"], r["end"]
    return doc.text[a:b], a, b


def _first(attrs: Mapping[str, Any], *keys: str) -> Any:
    for k in keys:
        v = attrs.get(k)
        if v not in (None, ""):
            return v
    return None


def _float(v: Any) -> float | None:
    try:
        return None if v is None else float(v)
    except (TypeError, ValueError):
        return None


def _name_of(doc: Document, span: Span, index: SpanIndex) -> str:
    # "entity" is the in-document cluster's canonical name ("الأسد" → "بشار الأسد") when it
    # is text, not a span id
    cl = span.attrs.get("entity")
    if isinstance(cl, str) and cl.strip() and index.find(cl, ("entities",)) is None:
        return cl
    v = _first(span.attrs, "canonical", "name", "norm", "lemma")
    if isinstance(v, str) and v.strip():
        return v
    return doc.text[span.start : span.end]


def entity_rows(doc: Document, index: SpanIndex | None = None
                ) -> tuple[list[dict[str, Any]], dict[str, dict[str, str]]]:
    """Rows for ``entities`` plus the ``entity_clusters`` they refer to."""
    index = index or SpanIndex(doc)
    rows: list[dict[str, Any]] = []
    clusters: dict[str, dict[str, str]] = {}
    for s in doc.layer("entities"):
        label = (s.label or str(s.attrs.get("type", "")) or "ENT").upper()
        name = _name_of(doc, s, index)
        eid = entity_id(label, name)
        clusters.setdefault(eid, {"entity_id": eid, "name": name, "label": label,
                                  "key": name_key(name)})
        cluster = _first(s.attrs, "cluster", "cluster_id", "coref")
        rows.append({
            "doc_id": doc.id, "span_id": s.id, "start": s.start, "end": s.end,
            "text": doc.text[s.start : s.end], "label": label, "entity_id": eid,
            "cluster": None if cluster is None else str(cluster),
            "canonical": s.attrs.get("canonical"), "entity": s.attrs.get("entity"),
            "boilerplate": bool(s.attrs.get("boilerplate")),
        })
    return rows, clusters


def _coords(attrs: Mapping[str, Any]) -> tuple[float | None, float | None]:
    lat, lon = _float(_first(attrs, "lat", "latitude")), _float(_first(attrs, "lon", "lng",
                                                                         "longitude"))
    if lat is None or lon is None:
        c = _first(attrs, "coordinates", "coords", "point")
        if isinstance(c, (list, tuple)) and len(c) == 2:  # GeoJSON order [lon, lat]
            lon, lat = _float(c[0]), _float(c[1])
        elif isinstance(c, Mapping):
            lat, lon = _float(c.get("lat")), _float(c.get("lon", c.get("lng")))
    return lat, lon


def place_rows(doc: Document) -> list[dict[str, Any]]:
    rows = []
    for s in doc.layer("places"):
        a = s.attrs
        name = str(_first(a, "name", "name_ar", "canonical", "norm") or doc.text[s.start : s.end])
        lat, lon = _coords(a)
        gid = _gazetteer_id(a)
        rows.append({
            "doc_id": doc.id, "span_id": s.id, "start": s.start, "end": s.end,
            "text": doc.text[s.start : s.end], "place_id": place_id(name, gid), "name": name,
            "key": name_key(name), "lat": lat, "lon": lon,
            "country": _str(_first(a, "country", "country_code", "cc")),
            "kind": _str(_first(a, "kind", "feature", "type", "feature_class")) or s.label or None,
            "precision": _str(_first(a, "precision", "geo_precision")),
        })
    return rows


def _gazetteer_id(a: Mapping[str, Any]) -> Any:
    if a.get("resolved") is False:
        return None
    return _first(a, "geonameid", "geonames_id", "gazetteer_id", "place_id", "id")


def precision_of(value: str | None) -> str | None:
    """day/week/month/year from the shape of an ISO value ("2021-11", "2021-W44" …)."""
    if not value:
        return None
    v = value.split("T")[0]
    if len(v) >= 10 and v[4] == "-" and v[7] == "-":
        return "day"
    if "-W" in v:
        return "week"
    if len(v) == 7 and v[4] == "-":
        return "month"
    if len(v) == 4 and v.isdigit():
        return "year"
    return None


def _str(v: Any) -> str | None:
    return None if v is None else str(v)


def time_rows(doc: Document) -> list[dict[str, Any]]:
    return [
        {
            "doc_id": doc.id, "span_id": s.id, "start": s.start, "end": s.end,
            "text": doc.text[s.start : s.end], "label": s.label or None,
            "value": _str(_first(s.attrs, "value", "iso", "normalized", "date")),
            "precision": _str(_first(s.attrs, "precision", "granularity")),
        }
        for s in doc.layer("times")
    ]


def quote_rows(doc: Document, entity_of_span: Mapping[str, str],
               index: SpanIndex | None = None) -> list[dict[str, Any]]:
    index = index or SpanIndex(doc)
    covering = _Covering(doc.layer("entities"))
    rows = []
    for s in doc.layer("quotes"):
        a = s.attrs
        content, cs_, ce = resolve(doc, _first(a, "content", "content_span"), (), index)
        if cs_ is None:
            content, cs_, ce = doc.text[s.start : s.end], s.start, s.end
        speaker_ref = _first(a, "speaker", "speaker_span", "source")
        speaker, ss, se = resolve(doc, speaker_ref, ("entities",), index)
        if not speaker:
            speaker = _str(_first(a, "speaker_text", "speaker_name")) or ""
        if ss is None and _first(a, "speaker_start") is not None:
            ss, se = int(a["speaker_start"]), int(a["speaker_end"])
            speaker = doc.text[ss:se]
        cue, _, _ = resolve(doc, _first(a, "cue", "cue_span", "verb"), (), index)
        sp_ent = _first(a, "speaker_entity", "speaker_entity_id")
        if isinstance(speaker_ref, Mapping):
            linked = speaker_ref.get("entity")
            if isinstance(linked, str) and linked in entity_of_span:
                sp_ent = entity_of_span[linked]
        if isinstance(speaker_ref, str) and speaker_ref in entity_of_span:
            sp_ent = entity_of_span[speaker_ref]
        elif sp_ent is None and ss is not None:
            sp_ent = covering.longest_inside(ss, se, entity_of_span)
        rows.append({
            "doc_id": doc.id, "span_id": s.id, "start": cs_, "end": ce,
            "content": content, "speaker": speaker or None, "speaker_start": ss,
            "speaker_end": se, "speaker_entity": _str(sp_ent), "cue": cue or None,
            "attrs": dumps(dict(a)), "text": doc.text[s.start : s.end],
            "speaker_kind": _str(speaker_ref.get("kind")) if isinstance(speaker_ref, Mapping)
            else None,
            "stance": _str(a.get("stance")),
        })
    return rows


class _Covering:
    """Entity mentions sorted by start, to find those inside a speaker span by bisection
    (a scan of every entity per quote was quadratic on long documents)."""

    def __init__(self, spans: list[Span]) -> None:
        order = sorted(range(len(spans)), key=lambda i: spans[i].start)
        self._spans = [spans[i] for i in order]
        self._rank = order  # layer position: ties go to the earlier span, as a scan would
        self._starts = [s.start for s in self._spans]

    def longest_inside(self, a: int, b: int | None, ents: Mapping[str, str]) -> str | None:
        """The entity whose mention lies inside ``[a, b]`` (the longest one)."""
        if b is None:
            return None
        best: tuple[int, int] | None = None  # (length, -layer position)
        found: Span | None = None
        for k in range(bisect_left(self._starts, a), len(self._spans)):
            s = self._spans[k]
            if s.start > b:
                break
            key = (s.end - s.start, -self._rank[k])
            if s.end <= b and s.end > s.start and (best is None or key > best):
                best, found = key, s
        return None if found is None else ents.get(found.id)


def event_rows(doc: Document, index: SpanIndex | None = None) -> list[dict[str, Any]]:
    index = index or SpanIndex(doc)
    rows = []
    for s in doc.layer("events"):
        a = s.attrs
        date_ref = _first(a, "date", "time", "when")
        date, precision = None, _str(_first(a, "date_precision", "time_precision"))
        t = index.find(date_ref, ("times",)) if isinstance(date_ref, str) else None
        if t is None and isinstance(date_ref, Mapping) and isinstance(date_ref.get("id"), str):
            t = index.find(date_ref["id"], ("times",))
        if t is not None:
            date = _str(_first(t.attrs, "value", "iso"))
            precision = precision or _str(t.attrs.get("precision"))
        elif isinstance(date_ref, Mapping):
            date = _str(_first(date_ref, "value", "iso"))
            precision = precision or _str(date_ref.get("precision"))
        elif date_ref is not None:
            date = _str(date_ref)
        if date and not date[:4].isdigit():
            date = None  # PAST_REF, PRESENT_REF …: not a date an event table can use
        precision = precision or precision_of(date)
        place_ref = _first(a, "place", "where", "location")
        place, pid, lat, lon = None, None, None, None
        p = index.find(place_ref, ("places",)) if isinstance(place_ref, str) else None
        if p is None and isinstance(place_ref, Mapping) and isinstance(place_ref.get("id"), str):
            p = index.find(place_ref["id"], ("places",))
        if p is not None:
            place = str(_first(p.attrs, "name", "name_ar", "canonical")
                        or doc.text[p.start : p.end])
            pid = place_id(place, _gazetteer_id(p.attrs))
            lat, lon = _coords(p.attrs)
        elif place_ref is not None:
            place, _, _ = resolve(doc, place_ref, ("places",), index)
            if isinstance(place_ref, Mapping):
                lat, lon = _coords(place_ref)
            pid = place_id(place) if place else None
        if lat is None:
            lat, lon = _coords(a)
        actors = []
        for k in ("actors", "agent", "actor", "actor1", "target", "patient", "actor2",
                  "participants"):
            v = a.get(k)
            for ref in v if isinstance(v, list) else ([v] if v is not None else []):
                txt, _, _ = resolve(doc, ref, ("entities",), index)
                if txt and txt not in actors:
                    actors.append(txt)
        rows.append({
            "doc_id": doc.id, "span_id": s.id, "start": s.start, "end": s.end,
            "text": doc.text[s.start : s.end],
            "label": s.label or _str(_first(a, "type", "event_type")),
            "date": date, "date_precision": precision, "place": place, "place_id": pid,
            "lat": lat, "lon": lon, "actors": dumps(actors) or "[]", "attrs": dumps(dict(a)),
            "mode": _str(a.get("mode")),
        })
    return rows


#: Every row key of each record kind, in a stable order: CSV and Parquet columns are chosen
#: from these (with the same names), the archive keeps those its table has.
COLUMNS: dict[str, tuple[str, ...]] = {
    "entities": ("doc_id", "span_id", "start", "end", "text", "label", "entity_id", "cluster",
                 "canonical", "entity", "boilerplate"),
    "places": ("doc_id", "span_id", "start", "end", "text", "place_id", "name", "key", "lat",
               "lon", "country", "kind", "precision"),
    "times": ("doc_id", "span_id", "start", "end", "text", "label", "value", "precision"),
    "quotes": ("doc_id", "span_id", "start", "end", "content", "speaker", "speaker_start",
               "speaker_end", "speaker_entity", "cue", "attrs", "text", "speaker_kind",
               "stance"),
    "events": ("doc_id", "span_id", "start", "end", "text", "label", "date", "date_precision",
               "place", "place_id", "lat", "lon", "actors", "attrs", "mode"),
}
KINDS = tuple(COLUMNS)


@dataclass
class Flat:
    """All records of one document, flattened once (see :func:`flatten`)."""

    entities: list[dict[str, Any]] = field(default_factory=list)
    #: the cross-document entities the mentions refer to, by entity id
    clusters: dict[str, dict[str, str]] = field(default_factory=dict)
    places: list[dict[str, Any]] = field(default_factory=list)
    times: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)

    def rows(self, kind: str) -> list[dict[str, Any]]:
        """The rows of one record kind (one of :data:`KINDS`)."""
        if kind not in COLUMNS:
            raise ValueError(f"unknown record kind {kind!r}; choose from {KINDS}")
        rows: list[dict[str, Any]] = getattr(self, kind)
        return rows


def flatten(doc: Document) -> Flat:
    """Every typed record of ``doc`` as row dicts keyed as in :data:`COLUMNS`.

    A quote's ``start``/``end`` delimit its content (the quoted words; the whole span when
    there is no content) and ``text`` is the whole attributed statement; for every other kind
    ``start``/``end``/``text`` are the span itself.
    """
    index = SpanIndex(doc)  # one id → span map per document: flattening stays linear
    ents, clusters = entity_rows(doc, index)
    ent_of_span = {r["span_id"]: r["entity_id"] for r in ents}
    return Flat(ents, clusters, place_rows(doc), time_rows(doc),
                quote_rows(doc, ent_of_span, index), event_rows(doc, index))
