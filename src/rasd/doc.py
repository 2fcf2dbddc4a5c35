"""The one document model: an immutable original text plus stand-off layers.

Every fact rasd extracts is a :class:`Span` whose ``start``/``end`` are character offsets
into :attr:`Document.text`, the text exactly as ingested.  Normalized forms (folded letters,
de-obfuscated words, ISO dates, coordinates …) live in ``Span.attrs``; they never replace the
original.  Relations between facts (quote → speaker, entity cluster → mentions) refer to span
ids instead of copying text, so a reader can always go back to the exact characters.

The JSON form (``Document.to_dict``) is the stable, documented exchange format; its JSON Schema
is ``schema/document.schema.json`` and ``to_dict(from_dict(x)) == x`` is a tested invariant.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from rasd.errors import UnknownLayer
from rasd.isodate import iso_published

SCHEMA_VERSION = "1.0"


#: Layers every analysed document may carry, in pipeline order.  Unknown layers are allowed
#: (plug-in components), these are just the documented ones.
KNOWN_LAYERS = (
    "boilerplate",
    "sentences",
    "tokens",
    "entities",
    "times",
    "places",
    "quotes",
    "events",
)

# Names doc.layer() answers with [] when a document lacks them; components register the
# layers they assign (rasd.pipeline.component), so a plug-in's layers are known too.
_LAYER_NAMES: set[str] = {*KNOWN_LAYERS, "normalized"}


def register_layer(name: str) -> None:
    """Make ``name`` a layer ``Document.layer`` knows (called for every component's layers)."""
    _LAYER_NAMES.add(name)


@dataclass(frozen=True, slots=True)
class Span:
    """A stand-off annotation: ``doc.text[start:end]`` is the evidence, ``attrs`` the reading."""

    start: int
    end: int
    label: str = ""
    id: str = ""
    attrs: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.end):
            raise ValueError(f"[E001] bad span offsets {self.start}:{self.end}")

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def to_dict(self, text: str) -> dict[str, Any]:
        start, end = self.start, self.end
        d: dict[str, Any] = {"id": self.id, "start": start, "end": end, "text": text[start:end]}
        if self.label:
            d["label"] = self.label
        attrs = self.attrs
        if attrs:
            d["attrs"] = plain_attrs(attrs)
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Span:
        return cls(
            start=int(d["start"]),
            end=int(d["end"]),
            label=d.get("label", ""),
            id=d.get("id", ""),
            attrs=dict(d.get("attrs", {})),
        )


def _span_setters() -> tuple[Callable[..., Any], ...] | None:
    """Slot setters of :class:`Span`, to build spans whose offsets are already valid.

    The text layer builds one span per token — about a quarter of a million per megabyte —
    and the frozen dataclass ``__init__`` (five ``object.__setattr__`` calls plus validation)
    was the largest single cost of the layer.  Setting the slots through their descriptors
    gives equal objects about four times faster.  ``None`` (ordinary constructor) if ``Span``
    ever stops being a slots class.
    """
    try:
        return tuple(getattr(Span, f).__set__ for f in ("start", "end", "label", "id", "attrs"))
    except AttributeError:  # pragma: no cover - only if Span changes shape
        return None


SPAN_SETTERS = _span_setters()


def trusted_span(start: int, end: int, label: str, id: str, attrs: Mapping[str, Any]) -> Span:
    """A :class:`Span` from offsets the caller has already validated (``0 <= start <= end``,
    within the text), built through the slot setters: for extractors' hot loops."""
    if SPAN_SETTERS is None:  # pragma: no cover
        return Span(start, end, label, id, attrs)
    sp = Span.__new__(Span)
    s_start, s_end, s_label, s_id, s_attrs = SPAN_SETTERS
    s_start(sp, start)
    s_end(sp, end)
    s_label(sp, label)
    s_id(sp, id)
    s_attrs(sp, attrs)
    return sp


def plain(value: Any) -> Any:
    """Turn mappings/tuples into JSON-plain dicts/lists so round trips compare equal (the
    JSON form and the archive both write attrs through it)."""
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


#: Value types :func:`plain` returns unchanged (``bool`` is an ``int``; exact types only).
_SCALARS = frozenset({str, int, float, bool, type(None)})


def plain_attrs(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """``plain(attrs)`` for a span's attrs, with a fast path for the common flat mapping.

    Why: writing a document's JSON called :func:`plain` once per value of every span (a
    quarter of a million token spans per megabyte of text); most attrs are flat mappings of
    strings and numbers, which a single dict comprehension copies unchanged.  The result is
    equal to ``plain(attrs)`` (same keys, order and values) in every case.
    """
    scalars = _SCALARS
    for k, v in attrs.items():
        if type(k) is not str or type(v) not in scalars:
            out: dict[str, Any] = plain(attrs)
            return out
    return dict(attrs)


def content_hash(text: str) -> str:
    """SHA-256 of the UTF-8 text: identity for exact-duplicate detection across outlets."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Meta:
    """Where a document came from and when it was published.

    ``published`` is an ISO-8601 string (date or datetime, with offset when known);
    ``published_info`` records how it was found (method, precision, reliable) because news
    dates are often wrong and users must know how far to trust them.
    """

    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    published_info: dict[str, Any] = field(default_factory=dict)
    language: str | None = None
    source: str | None = None
    extraction: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    FIELDS = (
        "url",
        "outlet",
        "title",
        "author",
        "published",
        "published_info",
        "language",
        "source",
        "extraction",
        "extra",
    )

    def __post_init__(self) -> None:
        self.published = iso_published(self.published)

    def to_dict(self) -> dict[str, Any]:
        return {k: plain(getattr(self, k)) for k in self.FIELDS}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Meta:
        """Meta of a stored or serialised document: read as written (an archive made before
        dates were checked may hold a published value that Meta(published=…) would refuse)."""
        meta = cls(**{k: d[k] for k in cls.FIELDS if k in d and k != "published"})
        meta.published = d.get("published")
        return meta


class Document:
    """Original text (read-only) + metadata + named layers of spans + relation records."""

    __slots__ = ("_text", "meta", "layers", "relations", "warnings", "_hash", "_views")

    def __init__(
        self,
        text: str,
        meta: Meta | None = None,
        layers: Mapping[str, Iterable[Span]] | None = None,
        relations: Mapping[str, list[dict[str, Any]]] | None = None,
        warnings: Iterable[str] = (),
    ) -> None:
        if not isinstance(text, str):
            raise TypeError("[E002] Document text must be str (decode bytes at ingest)")
        self._text = text
        self._hash = content_hash(text)
        self.meta = meta or Meta()
        self.layers: dict[str, list[Span]] = {k: list(v) for k, v in (layers or {}).items()}
        self.relations: dict[str, list[dict[str, Any]]] = {
            k: list(v) for k, v in (relations or {}).items()
        }
        self.warnings: list[str] = list(warnings)
        #: derived, never serialized: name → (the layer lists it was built from, value)
        self._views: dict[str, tuple[tuple[tuple[str, object], ...], Any]] = {}

    # The text is a read-only property: spans stay valid for the document's whole life.
    @property
    def text(self) -> str:
        return self._text

    @property
    def content_hash(self) -> str:
        return self._hash

    @property
    def id(self) -> str:
        """Stable id derived from content (first 16 hex digits of the SHA-256)."""
        return self._hash[:16]

    def layer(self, name: str) -> list[Span]:
        """The spans of layer ``name`` ([] when it was not computed); an unknown name raises
        [E201] instead of silently reading as "nothing found"."""
        spans = self.layers.get(name)
        if spans is not None:
            return spans
        if name in _LAYER_NAMES:
            return []
        raise UnknownLayer(f"no layer {name!r}; known: {', '.join(sorted(_LAYER_NAMES))}")

    def set_layer(
        self, name: str, spans: Iterable[Span], prefix: str | None = None, *, as_is: bool = False
    ) -> None:
        """Store a layer, sorted by offset, giving ids ``<prefix><n>`` to spans without one.

        The default prefix is the layer name itself: ids must be unique across layers because
        relations (quote → speaker, event → place) refer to spans by id alone.

        ``as_is=True`` keeps the spans in the given order with their ids untouched: for edits
        of an analysed layer (corrections, identity linking), whose order and ids relations,
        stored documents and digests already rely on.
        """
        prefix = prefix or name
        out = []
        ordered = list(spans) if as_is else sorted(spans, key=lambda s: (s.start, s.end))
        for i, s in enumerate(ordered):
            if not s.id and not as_is:
                s = Span(s.start, s.end, s.label, f"{prefix}{i}", s.attrs)
            if s.end > len(self._text):
                raise ValueError(f"[E003] span {s.id} ends past the text ({s.end})")
            out.append(s)
        self.layers[name] = out

    def set_relation(self, name: str, records: Iterable[dict[str, Any]]) -> None:
        """Store the relation records ``name`` (clusters, contradictions …), replacing any."""
        self.relations[name] = list(records)

    def set_published(self, value: str | None, info: Mapping[str, Any]) -> None:
        """Record the publication date found by a component, with how it was found."""
        self.meta.published = value
        self.meta.published_info = dict(info)

    def view(self, name: str) -> Any | None:
        """A derived view stored with :meth:`set_view`, or None.

        Views are working data several components read (the text layer's whole words, a word
        stream) — computed once per document instead of once per reader, and never part of the
        JSON.  A view is dropped as soon as one of the layers it was derived from has been
        replaced, so a stale view can never be read.
        """
        hit = self._views.get(name)
        if hit is None:
            return None
        for layer, lst in hit[0]:
            if self.layers.get(layer) is not lst:
                self._views.pop(name, None)
                return None
        return hit[1]

    def set_view(self, name: str, value: Any, derived_from: Iterable[str]) -> None:
        """Store a derived view of the layers named in ``derived_from`` (see :meth:`view`)."""
        deps = tuple((layer, self.layers.get(layer)) for layer in derived_from)
        self._views[name] = (deps, value)

    def __getstate__(self) -> dict[str, Any]:
        # views are caches: not worth pickling to a Dask worker
        return {k: getattr(self, k) for k in self.__slots__ if k != "_views"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for k, v in state.items():
            object.__setattr__(self, k, v)
        self._views = {}

    def span_text(self, span: Span) -> str:
        return self._text[span.start : span.end]

    def get(self, span_id: str) -> Span | None:
        for spans in self.layers.values():
            for s in spans:
                if s.id == span_id:
                    return s
        return None

    def iter_spans(self) -> Iterator[tuple[str, Span]]:
        for name, spans in self.layers.items():
            for s in spans:
                yield name, s

    def to_dict(self) -> dict[str, Any]:
        meta = self.meta.to_dict()
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "content_hash": self._hash,
            "meta": meta,
            "text": self._text,
            "layers": {k: [s.to_dict(self._text) for s in v] for k, v in self.layers.items()},
            "relations": plain(self.relations),
            "warnings": list(self.warnings),
        }

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, sort_keys=False)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Document:
        text = d["text"]
        layers: dict[str, list[Span]] = {}
        for name, spans in d.get("layers", {}).items():
            layers[name] = []
            for sd in spans:
                sp = Span.from_dict(sd)
                if "text" in sd and text[sp.start : sp.end] != sd["text"]:
                    raise ValueError(f"[E004] span {sp.id} text does not match its offsets")
                layers[name].append(sp)
        doc = cls(
            text,
            Meta.from_dict(d.get("meta", {})),
            layers,
            d.get("relations", {}),
            d.get("warnings", []),
        )
        if "content_hash" in d and d["content_hash"] != doc.content_hash:
            raise ValueError("[E005] content_hash does not match the text")
        return doc

    @classmethod
    def from_json(cls, s: str) -> Document:
        return cls.from_dict(json.loads(s))

    def __repr__(self) -> str:
        layers = ", ".join(f"{k}={len(v)}" for k, v in self.layers.items())
        return f"<Document {self.id} {len(self._text)} chars {layers}>"
