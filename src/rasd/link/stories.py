"""Story clustering: articles about the same event, across outlets and days, form one story.

The method is the classic incremental "first story detection" of news tracking (TDT): each
arriving article is compared with the stories open in its time window and joins the most
similar one above a threshold, or opens a new story.  Similarity combines

* near-duplicate text — MinHash Jaccard over folded word 3-shingles (datasketch), which catches
  rewrites of one wire text even when words are obfuscated ("قـ.ـوات") or boilerplate differs;
* shared content — cosine of TF-IDF vectors of folded content words and word bigrams (names,
  places, numbers and dates live here), with entity names added when an ``entities`` layer
  exists; IDF mixes the archive seen so far with the bundled word-frequency lexicon, so the
  very first articles are weighted sensibly too.

Deterministic: :func:`cluster_documents` orders articles by (publication day, id) before the
incremental pass, so the same set of documents always gives the same stories whatever order
they were given in.  :class:`StoryIndex` is the incremental form for archives that grow.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rasd.doc import Document
from rasd.link.features import DocFeatures, background_idf, doc_features

#: Defaults chosen on the bundled samples (see ``rasd eval stories``); exposed as parameters.
THRESHOLD = 0.065
NEAR_DUP = 0.5
WINDOW_DAYS = 4
#: Weight of the story centroid vs. the closest single member (1.0 = centroid only: one
#: same-outlet look-alike should not pull an article into another event's story).
ALPHA = 1.0


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
    members: list[DocFeatures] = field(default_factory=list)
    centroid: Counter[str] = field(default_factory=Counter)
    first: date | None = None
    last: date | None = None
    vec: dict[str, float] | None = None  # cached weighted centroid
    vec_key: tuple[int, int] = (-1, -1)


def _title(doc: Document) -> str:
    if doc.meta.title:
        return doc.meta.title
    line = doc.text.strip().split("\n", 1)[0]
    return line[:120]


class StoryIndex:
    """Incremental story assignment: :meth:`add` returns the story id for each new article."""

    def __init__(
        self,
        threshold: float = THRESHOLD,
        near_dup: float = NEAR_DUP,
        window_days: int = WINDOW_DAYS,
        alpha: float = ALPHA,
        df: Counter[str] | None = None,
        n_docs: int = 0,
    ) -> None:
        self.threshold = threshold
        self.near_dup = near_dup
        self.window = window_days
        self.alpha = alpha
        self.clusters: list[_Cluster] = []
        self.assign: dict[str, int] = {}
        self.docs: dict[str, Document] = {}
        # Document frequencies: may be primed with the whole batch (two-pass mode).
        self.df: Counter[str] = df if df is not None else Counter()
        self.n_docs = n_docs
        self._primed = df is not None

    # -- similarity ---------------------------------------------------------------------
    def _idf(self, term: str) -> float:
        n = max(self.n_docs, 1)
        corpus = math.log((n + 1) / (self.df.get(term, 0) + 1)) + 1
        weight = n / (n + 10)  # trust the archive more as it grows
        return weight * corpus + (1 - weight) * background_idf(term)

    def _vector(self, tf: Counter[str]) -> dict[str, float]:
        v = {t: (1 + math.log(c)) * self._idf(t) for t, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items()}

    @staticmethod
    def _cos(a: dict[str, float], b: dict[str, float]) -> float:
        if len(a) > len(b):
            a, b = b, a
        return sum(x * b.get(t, 0.0) for t, x in a.items())

    def _centroid(self, c: _Cluster) -> dict[str, float]:
        """The story's weighted centroid, cached: exact when IDF is fixed (batch mode), and
        refreshed every 50 articles while an unprimed archive's IDF still moves."""
        key = (len(c.members), 0 if self._primed else self.n_docs // 50)
        if c.vec is None or c.vec_key != key:
            c.vec, c.vec_key = self._vector(c.centroid), key
        return c.vec

    def _in_window(self, c: _Cluster, day: date | None) -> bool:
        if day is None or c.first is None or c.last is None:
            return True
        return (day - c.last).days <= self.window and (c.first - day).days <= self.window

    def score(self, f: DocFeatures, c: _Cluster, v: dict[str, float] | None = None) -> float:
        """Similarity of an article to a story: max of near-dup Jaccard and content cosine."""
        best_dup = 0.0
        if f.minhash is not None:
            for m in c.members:
                if m.minhash is not None:
                    best_dup = max(best_dup, f.minhash.jaccard(m.minhash))
                    if best_dup >= self.near_dup:
                        return 1.0
        v = v if v is not None else self._vector(f.terms)
        cos = self._cos(v, self._centroid(c))
        if self.alpha < 1.0:  # optionally mix in the best single member (single link)
            best = max(self._cos(v, self._vector(m.terms)) for m in c.members)
            cos = self.alpha * cos + (1 - self.alpha) * best
        return max(cos, best_dup)

    # -- incremental assignment -----------------------------------------------------------
    def add(self, doc: Document, features: DocFeatures | None = None) -> str:
        """Assign ``doc`` to the best open story or open a new one; returns the story id."""
        if doc.id in self.assign:
            return self.story_id(self.assign[doc.id])
        f = features or doc_features(doc)
        if not self._primed:
            self.n_docs += 1
            self.df.update(f.terms.keys())
        v = self._vector(f.terms)
        best, best_k = 0.0, -1
        for k, c in enumerate(self.clusters):
            if not self._in_window(c, f.day):
                continue
            s = self.score(f, c, v)
            if s > best:  # strict: ties go to the older story (deterministic)
                best, best_k = s, k
        if best_k < 0 or best < self.threshold:
            self.clusters.append(_Cluster())
            best_k = len(self.clusters) - 1
        c = self.clusters[best_k]
        c.members.append(f)
        c.centroid.update(f.terms)
        if f.day is not None:
            c.first = min(c.first, f.day) if c.first else f.day
            c.last = max(c.last, f.day) if c.last else f.day
        self.assign[doc.id] = best_k
        self.docs[doc.id] = doc
        return self.story_id(best_k)

    def story_id(self, k: int) -> str:
        """Stable id: hash of the story's first article id (it never changes once opened)."""
        first = self.clusters[k].members[0].doc_id
        return "story-" + hashlib.sha1(first.encode()).hexdigest()[:10]

    def stories(self) -> list[Story]:
        out = []
        for k, c in enumerate(self.clusters):
            docs = [self.docs[m.doc_id] for m in c.members]
            docs.sort(key=lambda d: (d.meta.published or "", d.id))
            arts = [
                Article(
                    doc_id=d.id,
                    title=_title(d),
                    outlet=d.meta.outlet,
                    published=d.meta.published,
                    source=d.meta.url or d.meta.source,
                )
                for d in docs
            ]
            outlets = sorted({a.outlet for a in arts if a.outlet})
            days = sorted(a.published[:10] for a in arts if a.published)
            out.append(
                Story(
                    id=self.story_id(k),
                    title=_title(docs[0]),
                    first_seen=days[0] if days else None,
                    last_seen=days[-1] if days else None,
                    outlets=outlets,
                    articles=arts,
                )
            )
        out.sort(key=lambda s: (-len(s.articles), s.first_seen or "", s.id))
        return out


def cluster_documents(docs: Iterable[Document], **params: Any) -> list[Story]:
    """Cluster a set of documents into stories (pure function; order-independent).

    Two passes: document frequencies over the whole set first (so IDF does not depend on
    arrival order), then the incremental assignment in (publication day, id) order.
    """
    docs = list({d.id: d for d in docs}.values())
    docs.sort(key=lambda d: ((d.meta.published or "9999")[:10], d.id))
    feats = [doc_features(d) for d in docs]
    df: Counter[str] = Counter()
    for f in feats:
        df.update(f.terms.keys())
    index = StoryIndex(df=df, n_docs=len(docs), **params)
    for d, f in zip(docs, feats, strict=True):
        index.add(d, f)
    return index.stories()
