"""Story clustering: reports of the same event, across outlets and days, form one story.

An incremental "first story detection" (as in TDT news tracking): articles arrive in
(day, id) order; each is compared with the stories open in its time window and joins the one
it most probably belongs to, or opens a new story.  What is compared is *event identity*, not
topic (:mod:`rasd.link.eventprint`): the lead, the day the text says it happened, the weekday
named, numbers, actors, places, event types, near-copy text.  A logistic model fitted on real
annotated stories turns those into the probability that two articles report one event
(:mod:`rasd.link.storymodel`); an article joins a story when its mean probability over the
story's recent members (average link) reaches the model's threshold.  Articles whose days lie
more than a month apart never share a story, with or without publication dates.

Deterministic: :func:`cluster_documents` orders articles by (day, id) and counts document
frequencies over the whole set first, so a set of documents always gives the same stories
whatever order it was given in.  :class:`StoryIndex` is the incremental form for archives that
grow a day at a time; it keeps fingerprints, not documents, and forgets the fingerprints of
stories that left the window, so memory stays bounded on a whole archive.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rasd.doc import Document
from rasd.link.eventprint import EventPrint, eventprint
from rasd.link.storymodel import (
    PairModel,
    TermStats,
    Vectors,
    apart,
    default_model,
    near_copy,
    pair_features,
    vectors,
)

WINDOW_DAYS = 4
#: Members a new article is compared with (the most recent ones): bounds the cost of the
#: biggest stories without changing which story wins in practice.
MAX_MEMBERS = 30
#: Candidate stories fully scored per article (those sharing most lead words, names, numbers).
MAX_CANDIDATES = 40


@dataclass
class Article:
    """One member of a story, with what a listing shows about it."""

    doc_id: str
    title: str | None
    outlet: str | None
    published: str | None
    source: str | None  # URL when known, else the ingest source path


@dataclass
class Story:
    id: str
    title: str
    first_seen: str | None
    last_seen: str | None
    outlets: list[str]
    articles: list[Article]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "outlets": self.outlets,
            "articles": [a.__dict__ for a in self.articles],
        }


@dataclass
class _Cluster:
    first_id: str
    articles: list[Article] = field(default_factory=list)
    members: list[tuple[EventPrint, Vectors]] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)  # its entries in the postings
    first: date | None = None
    last: date | None = None


def _title(doc: Document) -> str:
    if doc.meta.title:
        return doc.meta.title
    line = doc.text.strip().split("\n", 1)[0]
    return line[:120]


def article_of(doc: Document) -> Article:
    """What a story listing shows of ``doc`` (kept instead of the document)."""
    return Article(doc_id=doc.id, title=_title(doc), outlet=doc.meta.outlet,
                   published=doc.meta.published, source=doc.meta.url or doc.meta.source)


def _keys(p: EventPrint) -> set[str]:
    """What a candidate story must share with an article to be scored at all."""
    return ({"t:" + t for t in p.lead} | {"a:" + a for a in p.actors}
            | {"n:" + n for n in p.big_numbers})


class StoryIndex:
    """Incremental story assignment: :meth:`add` returns the story id of each new article."""

    def __init__(
        self,
        threshold: float | None = None,
        window_days: int = WINDOW_DAYS,
        model: PairModel | None = None,
        stats: TermStats | None = None,
        forget_closed: bool = False,
    ) -> None:
        self.model = model or default_model()
        self.threshold = self.model.threshold if threshold is None else threshold
        self.window = window_days
        #: drop the fingerprints of stories older than the window: right (and memory-bounded)
        #: when articles arrive in day order, as in :func:`cluster_documents`; an archive that
        #: may receive late or back-dated articles keeps them
        self.forget_closed = forget_closed
        self.clusters: list[_Cluster] = []
        self.assign: dict[str, int] = {}
        self.stats = stats if stats is not None else TermStats()
        self._primed = stats is not None
        self._postings: dict[str, set[int]] = {}
        self._open: set[int] = set()  # clusters whose members are still kept

    def _in_window(self, c: _Cluster, day: date | None) -> bool:
        if day is None or c.first is None or c.last is None:
            return True
        return (day - c.last).days <= self.window and (c.first - day).days <= self.window

    def _close_old(self, day: date | None) -> None:
        """Forget the fingerprints of stories that ended before the window (bounded memory)."""
        if day is None or not self.forget_closed:
            return
        for k in [k for k in self._open if (c := self.clusters[k]).last is not None
                  and (day - c.last).days > self.window]:
            self._open.discard(k)
            c = self.clusters[k]
            for key in c.keys:  # a closed story is never a candidate again: unlist it
                self._postings[key].discard(k)
            c.members, c.keys = [], set()

    def probability(self, p: EventPrint, v: Vectors, c: _Cluster) -> float:
        """How likely ``p`` reports the event of story ``c``: the mean of the mean and the best
        same-event probability over its recent members (average link alone lets one story's
        many loose follow-ups outvote the closest report; best alone chains topics), 1 for a
        near copy of a member, 0 when a member is :func:`apart`."""
        members = c.members[-MAX_MEMBERS:]
        if not members or any(apart(p, m) for m, _ in members):
            return 0.0
        probs = []
        for m, mv in members:
            if near_copy(p, m):
                return 1.0
            probs.append(self.model.probability(pair_features(p, m, v, mv, self.stats)))
        return (sum(probs) / len(probs) + max(probs)) / 2

    def add(self, doc: Document) -> str:
        """Assign ``doc`` to the best open story or open a new one; returns the story id."""
        if doc.id in self.assign:
            return self.story_id(self.assign[doc.id])
        return self.add_print(eventprint(doc), article_of(doc))

    def add_print(self, p: EventPrint, article: Article) -> str:
        """:meth:`add` for an article already reduced to its fingerprint and listing."""
        if p.doc_id in self.assign:
            return self.story_id(self.assign[p.doc_id])
        if not self._primed:
            self.stats.add(p)
        self._close_old(p.day)
        v = vectors(p, self.stats)
        keys = _keys(p)
        shared: dict[int, int] = {}
        for key in keys:
            for k in self._postings.get(key, ()):
                if k in self._open:
                    shared[k] = shared.get(k, 0) + 1
        candidates = sorted(shared, key=lambda k: (-shared[k], k))[:MAX_CANDIDATES]
        best, best_k = 0.0, -1
        for k in sorted(candidates):
            c = self.clusters[k]
            if not self._in_window(c, p.day):
                continue
            s = self.probability(p, v, c)
            if s > best:  # strict: ties go to the older story (deterministic)
                best, best_k = s, k
        if best_k < 0 or best < self.threshold:
            self.clusters.append(_Cluster(first_id=p.doc_id))
            best_k = len(self.clusters) - 1
            self._open.add(best_k)
        c = self.clusters[best_k]
        c.members.append((p, v))
        c.articles.append(article)
        if p.day is not None:
            c.first = min(c.first, p.day) if c.first else p.day
            c.last = max(c.last, p.day) if c.last else p.day
        for key in keys:
            self._postings.setdefault(key, set()).add(best_k)
        c.keys |= keys
        self.assign[p.doc_id] = best_k
        return self.story_id(best_k)

    def story_id(self, k: int) -> str:
        """Stable id: hash of the story's first article id (it never changes once opened)."""
        return "story-" + hashlib.sha1(self.clusters[k].first_id.encode()).hexdigest()[:10]

    def stories(self) -> list[Story]:
        out = []
        for k, c in enumerate(self.clusters):
            arts = sorted(c.articles, key=lambda a: (a.published or "", a.doc_id))
            outlets = sorted({a.outlet for a in arts if a.outlet})
            days = sorted(a.published[:10] for a in arts if a.published)
            first = c.first.isoformat() if c.first else None
            last = c.last.isoformat() if c.last else None
            out.append(Story(
                id=self.story_id(k),
                title=arts[0].title or "",
                first_seen=days[0] if days else first,
                last_seen=days[-1] if days else last,
                outlets=outlets,
                articles=arts,
            ))
        out.sort(key=lambda s: (-len(s.articles), s.first_seen or "", s.id))
        return out


def _order(p: EventPrint) -> tuple[str, str]:
    return ((p.day.isoformat() if p.day else "9999"), p.doc_id)


def cluster_documents(docs: Iterable[Document], **params: Any) -> list[Story]:
    """Cluster a set of documents into stories (pure function; order-independent).

    Two passes: document frequencies over the whole set first (so IDF does not depend on
    arrival order), then the incremental assignment in (day, id) order.  ``docs`` may be a
    stream (an archive's documents): only fingerprints and listings are kept, and until the
    second pass each fingerprint is kept pickled and compressed (a few kB instead of tens), so
    a whole archive waiting to be sorted stays small; the assignment unpacks one at a time.
    """
    seen: dict[str, tuple[tuple[str, str], bytes, Article]] = {}
    stats = TermStats()
    for d in docs:
        if d.id not in seen:
            p = eventprint(d)
            stats.add(p)
            seen[d.id] = (_order(p), _pack(p), article_of(d))
    index = StoryIndex(stats=stats, forget_closed=True, **params)
    for key in sorted(seen, key=lambda k: seen[k][0]):
        _, blob, a = seen.pop(key)
        index.add_print(_unpack(blob), a)
    return index.stories()


def _pack(p: EventPrint) -> bytes:
    return zlib.compress(pickle.dumps(p, protocol=pickle.HIGHEST_PROTOCOL), 1)


def _unpack(blob: bytes) -> EventPrint:
    """The fingerprint back, its words interned again (unpickling makes fresh strings, and a
    story window holds thousands of fingerprints sharing most words)."""
    p: EventPrint = pickle.loads(zlib.decompress(blob))  # noqa: S301 - our own bytes
    for name in ("terms", "lead", "title"):
        counts: Counter[str] = getattr(p, name)
        setattr(p, name, Counter({sys.intern(t): c for t, c in counts.items()}))
    return p
