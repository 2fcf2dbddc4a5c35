"""The scoring arithmetic every ``rasd eval`` command shares: P/R/F1, span alignment, clustering.

Why one module: the evaluators used to carry their own copies of the same three formulas and
they drifted (one returned 0 for an empty denominator, another 1; one rounded, another not).
Here each choice is a named argument, so an evaluator states its convention instead of
re-deriving it:

* :func:`prf` — precision, recall and F1 from true positives and the two totals.  ``empty``
  is the value of a ratio whose denominator is 0 (0.0 for extraction: nothing predicted is
  not perfect precision; 1.0 for clustering, where "no pairs" is vacuously right).
* :class:`TypedCounts` — tp/fp/fn per type with a per-type and micro-averaged report.
* Span alignment — :func:`overlaps` / :func:`exact` / :func:`iou` compare ``(start, end)``
  pairs; :func:`align_one_to_one` pairs items greedily in order (each partner used once,
  an optional ``prefer`` test wins over a plain match) and :func:`align_by_score` pairs the
  best-scored candidates first.
* Clustering — :func:`pairwise` (pairs of items placed together) and :func:`bcubed` (per-item
  precision and recall averaged over items; Bagga & Baldwin 1998, recommended by Amigó et al.
  2009 as the only common metric meeting all four of their formal constraints).

The float arithmetic (the order of the divisions, ``2 * p * r / (p + r)``) is exactly what the
evaluators computed before, so the printed figures did not move when they adopted it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

K = TypeVar("K", bound=Hashable)
L = TypeVar("L")
R = TypeVar("R")

#: a character (or token) range ``(start, end)``, end exclusive
Pair = tuple[int, int]


def ratio(num: float, den: float, empty: float = 0.0) -> float:
    """``num / den``, or ``empty`` when nothing was there to divide by."""
    return num / den if den else empty


def f1(p: float, r: float) -> float:
    """Harmonic mean of precision and recall (0 when both are 0)."""
    return 2 * p * r / (p + r) if p + r else 0.0


def prf(tp: int, n_pred: int, n_gold: int, empty: float = 0.0) -> tuple[float, float, float]:
    """``(precision, recall, F1)``: precision over the ``n_pred`` predictions, recall over the
    ``n_gold`` gold items; a ratio with a zero denominator is ``empty``."""
    p = ratio(tp, n_pred, empty)
    r = ratio(tp, n_gold, empty)
    return p, r, f1(p, r)


def prf_dict(tp: int, fp: int, fn: int, empty: float = 0.0,
             digits: int | None = None) -> dict[str, Any]:
    """``{"precision", "recall", "f1", "tp", "fp", "fn"}`` — the report row of most evaluators
    (``digits`` rounds the three scores, as the NER report does)."""
    p, r, f = prf(tp, tp + fp, tp + fn, empty)
    if digits is not None:
        p, r, f = round(p, digits), round(r, digits), round(f, digits)
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


@dataclass
class TypedCounts:
    """True positives, false positives and misses per type, summed over documents.

    ``report()`` scores each type and the micro average (all types pooled), the usual
    CoNLL-style NER table.
    """

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    def add(self, other: TypedCounts) -> None:
        """Pool ``other``'s counts into these."""
        self.tp.update(other.tp)
        self.fp.update(other.fp)
        self.fn.update(other.fn)

    def report(self, digits: int | None = 4) -> dict[str, dict[str, Any]]:
        """P/R/F1 and counts per type (sorted), then ``"micro"``."""
        types = sorted(set(self.tp) | set(self.fp) | set(self.fn))
        out = {t: prf_dict(self.tp[t], self.fp[t], self.fn[t], digits=digits) for t in types}
        out["micro"] = prf_dict(sum(self.tp.values()), sum(self.fp.values()),
                                sum(self.fn.values()), digits=digits)
        return out


# -- span alignment ------------------------------------------------------------------------


def overlaps(a: Pair, b: Pair) -> bool:
    """The two ranges share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def exact(a: Sequence[Any], b: Sequence[Any]) -> bool:
    """Same start and same end."""
    return (a[0], a[1]) == (b[0], b[1])


def iou(a: Pair, b: Pair) -> float:
    """Intersection over union of two ranges (0 when they do not meet)."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


@dataclass
class Alignment:
    """One-to-one pairs ``(left index, right index)`` and the indices left without a partner."""

    pairs: list[tuple[int, int]]
    left_only: list[int]
    right_only: list[int]


def _alignment(pairs: list[tuple[int, int]], n_left: int, n_right: int) -> Alignment:
    used_l = {i for i, _ in pairs}
    used_r = {j for _, j in pairs}
    return Alignment(pairs, [i for i in range(n_left) if i not in used_l],
                     [j for j in range(n_right) if j not in used_r])


def align_one_to_one(left: Sequence[L], right: Sequence[R], match: Callable[[L, R], bool],
                     prefer: Callable[[L, R], bool] | None = None) -> Alignment:
    """Greedy one-to-one alignment: each left item, in order, takes the first unused right
    item that ``match``-es it — or, with ``prefer``, the first unused one that ``prefer``-s
    it when there is one (e.g. an exact span before a merely overlapping one).

    Greedy in the order given, not an optimal matching: on real annotations two predictions
    rarely compete for one gold item, and a greedy pass is what the published figures were
    measured with (the NER scorer sorts spans first so the order is the text's).
    """
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for i, a in enumerate(left):
        best: int | None = None
        for j, b in enumerate(right):
            if j in used or not match(a, b):
                continue
            if prefer is None or prefer(a, b):
                best = j
                break
            best = j if best is None else best
        if best is not None:
            used.add(best)
            pairs.append((i, best))
    return _alignment(pairs, len(left), len(right))


def align_by_score(candidates: Iterable[tuple[float, int, int]], n_left: int,
                   n_right: int) -> Alignment:
    """One-to-one alignment taking ``(score, left, right)`` candidates best first (ties: the
    higher indices first, as ``sorted(reverse=True)`` orders the tuples)."""
    used_l: set[int] = set()
    used_r: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _score, i, j in sorted(candidates, reverse=True):
        if i in used_l or j in used_r:
            continue
        used_l.add(i)
        used_r.add(j)
        pairs.append((i, j))
    return _alignment(pairs, n_left, n_right)


# -- clustering ----------------------------------------------------------------------------


@dataclass
class PairCounts:
    """Pairwise clustering counts: pairs together in both (tp), only in the prediction (fp,
    false merges) or only in the gold (fn, false splits), with the offending pairs."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_merges: list[tuple[Any, Any]] = field(default_factory=list)
    false_splits: list[tuple[Any, Any]] = field(default_factory=list)

    def scores(self) -> dict[str, Any]:
        """``{"precision", "recall", "f1", "tp", "fp", "fn"}``; no pairs at all scores 1."""
        return prf_dict(self.tp, self.fp, self.fn, empty=1.0)


def pair_counts(keys: Sequence[K], gold: Mapping[K, Any], pred: Mapping[K, Any]) -> PairCounts:
    """Compare every pair of ``keys`` (in order, ``i < j``): same gold label vs same predicted
    label.  Singletons contribute no pairs."""
    c = PairCounts()
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            same_g = gold[a] == gold[b]
            same_p = pred[a] == pred[b]
            if same_g and same_p:
                c.tp += 1
            elif same_p:
                c.fp += 1
                c.false_merges.append((a, b))
            elif same_g:
                c.fn += 1
                c.false_splits.append((a, b))
    return c


def pairwise(gold: Mapping[K, Any], pred: Mapping[K, Any]) -> dict[str, Any]:
    """Pairwise P/R/F1 of a clustering ``item -> cluster`` against gold ``item -> class``,
    over the items present in both."""
    keys = sorted(set(gold) & set(pred))  # type: ignore[type-var]
    return pair_counts(keys, gold, pred).scores()


def bcubed(gold: Mapping[K, Any], pred: Mapping[K, Any]) -> dict[str, float]:
    """B-cubed precision, recall and F1 over the items present in both mappings.

    For an item e with predicted cluster C(e) and gold class L(e): precision(e) =
    |C(e) ∩ L(e)| / |C(e)|, recall(e) = |C(e) ∩ L(e)| / |L(e)|; both are averaged over the
    items and F1 is their harmonic mean (Amigó et al. 2009, §3.3).  Unlike pairwise scores,
    singletons count: a correctly isolated item scores 1, so B-cubed tells "left alone
    rightly" apart from "missed".
    """
    keys = [k for k in gold if k in pred]  # a fixed order: float sums do not vary by run
    if not keys:
        return {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    g_size: Counter[Any] = Counter(gold[k] for k in keys)
    p_size: Counter[Any] = Counter(pred[k] for k in keys)
    both: Counter[tuple[Any, Any]] = Counter((gold[k], pred[k]) for k in keys)
    p_sum = r_sum = 0.0
    for k in keys:
        common = both[(gold[k], pred[k])]
        p_sum += common / p_size[pred[k]]
        r_sum += common / g_size[gold[k]]
    p, r = p_sum / len(keys), r_sum / len(keys)
    return {"precision": p, "recall": r, "f1": f1(p, r)}
