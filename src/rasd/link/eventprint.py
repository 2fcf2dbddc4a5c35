"""What makes an article's event *this* event: its fingerprint for story clustering.

Why not topic similarity alone: on real news, one topic holds many events (three attacks in
one city on one day, a stock-market report every day, a football team's every match), and
their reports share most of their words.  What tells two reports of the same event apart
from two events of one topic is mostly small: the lead (title and first sentences say what
happened), the day the text says it happened, the weekday named for a market session, the
numbers (a death toll, an index close, a score), the actors and places, the kind of event.
Each is kept here, read from the analysed layers (times, places, entities, events) when they
exist and from the tokens otherwise, so a folder of raw text still clusters.

The fingerprint is small and holds no text, so an index over a whole archive stays bounded.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from datasketch import MinHash

from rasd.doc import Document
from rasd.lang.ar import vocab
from rasd.lang.ar.textview import text_view
from rasd.link.features import content_features, content_terms, parse_day

#: In-text dates this many days before publication may still be "the day it happened".
LOOKBACK_DAYS = 7
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_ISO_COARSE = re.compile(r"(\d{4})(?:-(\d\d))?")


@dataclass(slots=True)
class EventPrint:
    """One article, as the story clusterer compares it (no text kept)."""

    doc_id: str
    outlet: str | None
    published: date | None
    #: the day the article says its event happened (most cited in-text day near publication)
    event_day: date | None
    #: publication day, else the event day, else the most cited in-text day: for windows
    day: date | None
    terms: Counter[str]
    lead: Counter[str]
    title: Counter[str]
    minhash: MinHash | None
    numbers: frozenset[str]
    big_numbers: frozenset[str]
    actors: frozenset[str]
    places: frozenset[str]
    days: frozenset[str]
    weekdays: frozenset[str]
    types: frozenset[str]


def _lead_end(doc: Document, sentences: int = 2) -> int:
    sents = doc.layer("sentences")
    if sents:
        return sents[min(sentences, len(sents)) - 1].end
    return min(len(doc.text), 400)


def _numbers(doc: Document) -> tuple[frozenset[str], frozenset[str]]:
    """Numbers of two digits or more that are not years; and the 'big' ones (≥ 4 digits or a
    decimal: index closes, prices, totals), which almost never recur across events."""
    nums: set[str] = set()
    big: set[str] = set()
    for p in text_view(doc).pieces if doc.layer("tokens") else []:
        if p.kind != "num":
            continue
        n = p.norm
        if len(n) < 2 or _YEAR.fullmatch(n):
            continue
        nums.add(n)
        if "." in n or len(n.replace(",", "")) >= 4:
            big.add(n)
    return frozenset(nums), frozenset(big)


def _dates(doc: Document, published: date | None) -> tuple[frozenset[str], date | None,
                                                              date | None]:
    """Day-precise dates the text refers to; the event day (the most cited one in the week
    before publication); and, for undated text, the most cited day overall — or, when the text
    names only months or years ("في مارس 2013", "عام 2018"), the middle of the most cited one,
    so that undated reports years apart are still told apart."""
    days: Counter[date] = Counter()
    coarse: Counter[date] = Counter()
    for s in doc.layer("times"):
        value = str(s.attrs.get("value") or "")
        if s.label != "DATE":
            continue
        try:
            if _ISO_DAY.fullmatch(value):
                days[date.fromisoformat(value)] += 1
            elif m := _ISO_COARSE.fullmatch(value):
                coarse[date(int(m[1]), int(m[2] or 7), 15 if m[2] else 1)] += 1
        except ValueError:
            continue
    event_day = None
    if published is not None:
        near = Counter({d: c for d, c in days.items()
                        if published - timedelta(days=LOOKBACK_DAYS) <= d <= published})
        if near:
            event_day = min(near, key=lambda d: (-near[d], d))
    pool = days or coarse
    cited = min(pool, key=lambda d: (-pool[d], d)) if pool else None
    return frozenset(d.isoformat() for d in days), event_day, cited


def eventprint(doc: Document) -> EventPrint:
    """The fingerprint of ``doc`` (analysed or not: missing layers give empty parts)."""
    terms, minhash = content_features(doc)
    title = Counter(content_terms(doc.meta.title or ""))
    end = _lead_end(doc)
    lead = Counter(content_terms(doc.text[:end])) + title
    weekdays = vocab.words("weekdays")
    wd = frozenset(p.key for p in text_view(doc).pieces
                   if p.end <= end and p.key in weekdays) if doc.layer("tokens") else frozenset()
    published = parse_day(doc.meta.published)
    days, event_day, cited = _dates(doc, published)
    numbers, big = _numbers(doc)
    actors = frozenset(str(s.attrs.get("entity") or doc.span_text(s)) for s in doc.layer("entities")
                       if s.label in ("PER", "ORG") and not s.attrs.get("boilerplate"))
    places = frozenset(str(s.attrs["id"]) for s in doc.layer("places") if s.attrs.get("id"))
    types = frozenset(str(s.attrs.get("plover")) for s in doc.layer("events"))
    return EventPrint(
        doc_id=doc.id, outlet=doc.meta.outlet, published=published, event_day=event_day,
        day=published or event_day or cited, terms=terms, lead=lead, title=title,
        minhash=minhash, numbers=numbers, big_numbers=big, actors=actors, places=places,
        days=days, weekdays=wd, types=types)
