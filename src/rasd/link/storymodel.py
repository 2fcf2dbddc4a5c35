"""How likely two articles report the same event: a logistic model over event evidence.

Why a learnt model: each piece of evidence (lead similarity, shared numbers, the same event
day, the same actors …) is weak alone and their weights are not obvious — the previous
hand-set threshold, chosen on the bundled samples, merged whole topics on real news.  The
weights and the joining threshold are fitted on real annotated stories
(``eval/stories/real/dev.tsv``, ``rasd train stories``) and shipped as
``link/data/story-model.json``; scoring is a dot product.

Fitting is a few lines of Newton–Raphson (iteratively re-weighted least squares with an L2
prior) on NumPy, which rasd already depends on: deterministic, no extra package for one
thirteen-weight model.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from rasd.link.eventprint import EventPrint
from rasd.link.features import background_idf

FEATURES = (
    "content_cos",    # TF-IDF cosine of the content words and bigrams
    "title_cos",      # TF-IDF cosine of the titles
    "numbers",        # IDF-weighted Jaccard of the numbers (not years)
    "actors",         # IDF-weighted Jaccard of person and organisation names
    "places",         # IDF-weighted Jaccard of resolved place ids
    "same_day_cited", # the texts cite one same day
    "days_apart",     # publication days apart (0..4, scaled to 0..1)
    "same_outlet",    # one outlet rarely runs two reports of one event
    "event_types",    # Jaccard of the events layer's PLOVER types
    "lead_cos",       # TF-IDF cosine of title + first two sentences
    "event_day",      # +1 same event day, -1 different, 0 unknown
    "weekday",        # +1 a weekday named in both leads, -1 different ones, 0 unknown
    "big_numbers",    # shared index closes, prices, totals (0..3, scaled)
)
MODEL_FILE = "story-model.json"
#: MinHash Jaccard of word 3-shingles from which two texts are one wire text rewritten: the
#: same story whatever else differs (not a model feature: near copies are certain).
NEAR_COPY = 0.5
#: Articles whose days (publication or in-text) lie further apart are never one story.
MAX_DAYS_APART = 30


#: IDF values remembered per kind before the memo starts again (bounds memory on an archive).
MEMO_MAX = 200_000


class TermStats:
    """Document frequencies of the parts the model weights by rarity, growing with the
    archive; until it holds enough articles, the bundled lexicon's background IDF helps."""

    KINDS = ("terms", "title", "numbers", "actors", "places")

    def __init__(self) -> None:
        self.n = 0
        self.df: dict[str, Counter[str]] = {k: Counter() for k in self.KINDS}
        #: IDF already computed at the current ``n``, by kind (cleared when an article is
        #: added, and when it grows past :data:`MEMO_MAX` so a whole archive stays bounded)
        self._memo: dict[str, dict[str, float]] = {k: {} for k in self.KINDS}

    def add(self, p: EventPrint) -> None:
        self.n += 1
        for m in self._memo.values():
            m.clear()
        self.df["terms"].update(p.terms.keys())
        self.df["title"].update(p.title.keys())
        self.df["numbers"].update(p.numbers)
        self.df["actors"].update(p.actors)
        self.df["places"].update(p.places)

    def idf(self, kind: str, term: str) -> float:
        memo = self._memo[kind]
        if (v := memo.get(term)) is not None:
            return v
        n = max(self.n, 1)
        v = math.log((n + 1) / (self.df[kind].get(term, 0) + 1)) + 1
        if kind in ("terms", "title"):
            weight = n / (n + 10)  # trust the archive more as it grows
            v = weight * v + (1 - weight) * background_idf(term)
        if len(memo) >= MEMO_MAX:
            memo.clear()
        memo[term] = v
        return v


class SparseVector:
    """A unit TF-IDF vector: weights by term, and the terms as a frozenset so that the
    shared terms of two vectors are one C-level intersection over the smaller one."""

    __slots__ = ("weights", "terms")

    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = weights
        self.terms = frozenset(weights)

    def __bool__(self) -> bool:
        return bool(self.weights)


def _vector(tf: Counter[str], stats: TermStats, kind: str) -> SparseVector:
    v = {t: (1 + math.log(c)) * stats.idf(kind, t) for t, c in tf.items()}
    norm = math.sqrt(math.fsum([x * x for x in v.values()])) or 1.0
    return SparseVector({t: x / norm for t, x in v.items()})


def _cos(a: SparseVector, b: SparseVector) -> float:
    """Dot product over the shared terms only (``fsum`` is exact, so the result does not
    depend on the intersection's iteration order)."""
    wa, wb = a.weights, b.weights
    return math.fsum([wa[t] * wb[t] for t in a.terms & b.terms])


def _wjaccard(a: frozenset[str], b: frozenset[str], stats: TermStats, kind: str) -> float:
    if not a or not b:
        return 0.0
    inter = math.fsum([stats.idf(kind, t) for t in a & b])
    return inter / math.fsum([stats.idf(kind, t) for t in a | b]) if inter else 0.0


@dataclass
class Vectors:
    """The TF-IDF vectors of one print, computed once per IDF state."""

    content: SparseVector
    title: SparseVector
    lead: SparseVector


def vectors(p: EventPrint, stats: TermStats) -> Vectors:
    return Vectors(_vector(p.terms, stats, "terms"), _vector(p.title, stats, "title"),
                   _vector(p.lead, stats, "terms"))


def apart(a: EventPrint, b: EventPrint) -> bool:
    """Never one story: their days (publication, else in-text) are too far apart — reports
    on one topic years apart stay apart even when neither has a publication date."""
    return a.day is not None and b.day is not None and abs((a.day - b.day).days) > MAX_DAYS_APART


def near_copy(a: EventPrint, b: EventPrint) -> bool:
    """One wire text, rewritten or reprinted (MinHash Jaccard of 3-shingles ≥ NEAR_COPY)."""
    if a.minhash is None or b.minhash is None:
        return False
    return bool(a.minhash.jaccard(b.minhash) >= NEAR_COPY)


def pair_features(a: EventPrint, b: EventPrint, va: Vectors, vb: Vectors,
                  stats: TermStats) -> list[float]:
    """The :data:`FEATURES` of a pair, in order."""
    days = abs((a.published - b.published).days) if a.published and b.published else 0
    return [
        _cos(va.content, vb.content),
        _cos(va.title, vb.title) if va.title and vb.title else 0.0,
        _wjaccard(a.numbers, b.numbers, stats, "numbers"),
        _wjaccard(a.actors, b.actors, stats, "actors"),
        _wjaccard(a.places, b.places, stats, "places"),
        1.0 if a.days & b.days else 0.0,
        min(days, 4) / 4,
        1.0 if a.outlet and a.outlet == b.outlet else 0.0,
        len(a.types & b.types) / len(a.types | b.types) if a.types and b.types else 0.0,
        _cos(va.lead, vb.lead),
        (1.0 if a.event_day == b.event_day else -1.0) if a.event_day and b.event_day else 0.0,
        (1.0 if a.weekdays & b.weekdays else -1.0) if a.weekdays and b.weekdays else 0.0,
        min(len(a.big_numbers & b.big_numbers), 3) / 3,
    ]


@dataclass(frozen=True)
class PairModel:
    """Logistic weights over :data:`FEATURES`, the bias, and the story-joining threshold."""

    weights: tuple[float, ...]
    bias: float
    threshold: float
    provenance: str = ""

    def probability(self, x: Sequence[float]) -> float:
        z = self.bias + sum(w * v for w, v in zip(self.weights, x, strict=True))
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0

    def to_json(self) -> str:
        return json.dumps({"features": list(FEATURES), "weights": [round(w, 6) for w in
                           self.weights], "bias": round(self.bias, 6),
                           "threshold": self.threshold, "provenance": self.provenance},
                          ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str) -> PairModel:
        d = json.loads(text)
        if tuple(d["features"]) != FEATURES:
            raise ValueError(f"story model features {d['features']} != {list(FEATURES)}")
        return cls(tuple(d["weights"]), float(d["bias"]), float(d["threshold"]),
                   d.get("provenance", ""))

    def save(self, path: Path) -> None:
        path.write_text(self.to_json(), encoding="utf-8")


@cache
def default_model() -> PairModel:
    """The shipped model (fitted on real annotated stories by ``rasd train stories``)."""
    ref = resources.files("rasd.link") / "data" / MODEL_FILE
    return PairModel.from_json(ref.read_text(encoding="utf-8"))


def fit(rows: Iterable[Sequence[float]], labels: Iterable[bool], l2: float = 1.0,
        iterations: int = 30) -> tuple[tuple[float, ...], float]:
    """Logistic regression by Newton–Raphson with an L2 prior (weights, bias)."""
    import numpy as np

    x = np.asarray(list(rows), dtype=float)
    y = np.asarray(list(labels), dtype=float)
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-xb @ w))
        hess = xb.T @ (xb * (p * (1 - p))[:, None]) + l2 * np.eye(len(w))
        step = np.linalg.solve(hess, xb.T @ (p - y) + l2 * w)
        w -= step
        if float(np.abs(step).max()) < 1e-9:
            break
    return tuple(float(v) for v in w[:-1]), float(w[-1])
