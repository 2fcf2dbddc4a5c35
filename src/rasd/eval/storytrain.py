"""``rasd train stories``: fit the story model's weights and threshold on real gold.

Why here and not in :mod:`rasd.link`: fitting needs the annotated real articles (the gold
table and the shared corpus it points into), which is evaluation data; the link layer only
reads the fitted model.  The procedure is deterministic:

1. analyse every article of the development table with the default pipeline;
2. for every pair of articles within the story window (not :func:`apart`, not near copies,
   which join by rule), compute the
   :data:`~rasd.link.storymodel.FEATURES` with document frequencies over the whole set;
3. fit the logistic weights (L2, Newton–Raphson);
4. choose the joining threshold on a fixed grid by the mean of pairwise and B-cubed F1 of
   the incremental clusterer on the same articles.

The held-out table is never read here.
"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path
from typing import Any

from rasd.eval.stories import analysed_gold, score_clustering
from rasd.link.eventprint import eventprint
from rasd.link.stories import WINDOW_DAYS, cluster_documents
from rasd.link.storymodel import (
    PairModel,
    TermStats,
    apart,
    fit,
    near_copy,
    pair_features,
    vectors,
)

GRID = tuple(round(0.1 + 0.05 * i, 2) for i in range(15))  # 0.10 … 0.80


def train_story_model(gold: Path, corpus: Path, l2: float = 1.0) -> tuple[PairModel,
                                                                          dict[str, Any]]:
    """The fitted model and a report (pairs, positives, the grid's scores)."""
    items = analysed_gold(gold, corpus)
    prints = [eventprint(doc) for _, _, doc in items]
    stats = TermStats()
    for p in prints:
        stats.add(p)
    vecs = [vectors(p, stats) for p in prints]
    rows: list[list[float]] = []
    labels: list[bool] = []
    for i, j in combinations(range(len(items)), 2):
        a, b = prints[i], prints[j]
        if a.doc_id == b.doc_id or apart(a, b) or near_copy(a, b):
            continue
        if a.day and b.day and abs((a.day - b.day).days) > WINDOW_DAYS:
            continue
        rows.append(pair_features(a, b, vecs[i], vecs[j], stats))
        labels.append(items[i][1] == items[j][1])
    weights, bias = fit(rows, labels, l2=l2)
    provenance = (f"fitted by `rasd train stories` on {gold.as_posix().split('eval/')[-1]}: "
                  f"{len(items)} real articles, {len(rows)} pairs, {sum(labels)} same-story")
    grid: dict[float, dict[str, Any]] = {}
    docs = [doc for _, _, doc in items]
    for t in GRID:
        model = PairModel(weights, bias, t, provenance)
        stories = cluster_documents(docs, model=model)
        grid[t] = score_clustering(items, {a.doc_id: s.id for s in stories for a in s.articles})
    best = max(GRID, key=lambda t: (grid[t]["f1"] + grid[t]["bcubed"]["f1"], -t))
    report = {"pairs": len(rows), "positives": sum(labels), "threshold": best,
              "grid": {str(t): {"pairwise_f1": round(g["f1"], 4),
                                "bcubed_f1": round(g["bcubed"]["f1"], 4)}
                       for t, g in grid.items()}}
    return PairModel(weights, bias, best, provenance), report
