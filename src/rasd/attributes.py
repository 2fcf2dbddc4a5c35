"""The attributes each documented layer's spans carry, as types.

Why: ``Span.attrs`` is a plain mapping so that plug-in components can add layers without
asking anyone, but the layers rasd itself writes are read by the store, the exports, the web
UI and other components.  Their readers need to know what is there without reading the
writer's code.  These TypedDicts are that contract, for mypy and for people; the JSON Schema
(``schema/document.schema.json``) says the same thing for consumers outside Python, and
``tests/test_attributes.py`` keeps the two in step and checks real output against both.

References to text inside an attribute (a quote's cue, an event's actor) are one shape,
:class:`Extent`: ``start``/``end`` offsets into the document text, the ``text`` they cover
and, when the extent is also a span of another layer, that span's ``id``.
"""

from typing import Literal, NotRequired, TypedDict

__all__ = [
    "LAYER_ATTRS",
    "Actor",
    "Cue",
    "EntityAttrs",
    "EventAttrs",
    "EventPlace",
    "EventTime",
    "Extent",
    "NormalizedAttrs",
    "PlaceAttrs",
    "QuoteAttrs",
    "Speaker",
    "TimeAttrs",
    "TokenAttrs",
]


class Extent(TypedDict):
    """A piece of the document text: offsets, and the text when it helps a reader."""

    start: int
    end: int
    text: NotRequired[str]
    id: NotRequired[str]


class TokenAttrs(TypedDict):
    norm: str
    key: str
    role: Literal["stem", "conj", "prep", "fut", ""]
    word: int
    det: NotRequired[bool]


class NormalizedAttrs(TypedDict):
    norm: str


class EntityAttrs(TypedDict):
    canonical: str
    entity: str
    cluster: str
    confidence: float
    boilerplate: NotRequired[bool]


class TimeAttrs(TypedDict):
    value: str | None
    anchor: str  # "publication", "absolute", or the id of the time it is anchored on
    offset: NotRequired[str]
    mod: NotRequired[str]
    calendar: NotRequired[str]
    hijri: NotRequired[str]
    begin: NotRequired[str]
    end: NotRequired[str]


class PlaceAttrs(TypedDict):
    resolved: bool
    entity: str
    id: NotRequired[str]
    name_ar: NotRequired[str]
    name_en: NotRequired[str]
    country: NotRequired[str | None]
    kind: NotRequired[str]
    lat: NotRequired[float | None]
    lon: NotRequired[float | None]
    method: NotRequired[str]
    confidence: NotRequired[float]
    candidates: NotRequired[int]


class Cue(Extent):
    kind: str


class Speaker(Extent):
    kind: str
    implicit: bool
    entity: NotRequired[str]
    canonical: NotRequired[str]
    descriptor: NotRequired[Extent]


class QuoteAttrs(TypedDict):
    cue: Cue
    content: Extent
    stance: str
    direct: bool
    speaker: NotRequired[Speaker]
    via: NotRequired[Extent]
    antecedent: NotRequired[str]
    previous: NotRequired[str]
    negated: NotRequired[bool]


class Actor(Extent):
    entity: NotRequired[str]
    canonical: NotRequired[str]
    #: government, military, police, rebel, militia, civilians, protesters, international, other
    type: NotRequired[str]


class EventPlace(Extent):
    lat: NotRequired[float | None]
    lon: NotRequired[float | None]
    country: NotRequired[str | None]


class EventTime(Extent):
    value: NotRequired[str | None]


class EventAttrs(TypedDict):
    type: str
    plover: str
    trigger: Cue
    #: asserted | denied | hypothetical | uncertain | prohibited (rasd.extract.event_mode)
    mode: str
    actor: NotRequired[Actor]
    target: NotRequired[Actor]
    place: NotRequired[EventPlace]
    time: NotRequired[EventTime]
    source: NotRequired[str]
    #: casualty counts of the event's sentence ("مقتل 20", "أصيب ثلاثة")
    fatalities: NotRequired[int]
    injured: NotRequired[int]


#: The attribute type of each documented layer (layers without attributes are absent).
LAYER_ATTRS: dict[str, type] = {
    "tokens": TokenAttrs,
    "normalized": NormalizedAttrs,
    "entities": EntityAttrs,
    "times": TimeAttrs,
    "places": PlaceAttrs,
    "quotes": QuoteAttrs,
    "events": EventAttrs,
}
