"""Scoring of story clustering (``rasd eval stories``) on a folder of articles whose
``manifest.jsonl`` carries gold ``story`` ids.

Two views of the same clustering: pairwise P/R/F1 (pairs of articles put together; singletons
contribute nothing, so it measures the merges) and B-cubed (per-article precision and recall;
a correctly isolated article counts, so it also rewards leaving one-off articles alone).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rasd.doc import Document
from rasd.eval.metrics import bcubed, pairwise


def story_scores(folder: str, full: bool = False, ignore_dates: bool = False,
                 **params: Any) -> dict[str, Any]:
    """Pairwise and B-cubed scores of story clustering on ``folder`` against its manifest's
    story ids (pairwise keys at the top level, B-cubed under ``"bcubed"``).

    ``full`` analyses with the default pipeline (entity names become features);
    ``ignore_dates`` drops publication dates (no time window) to measure text alone;
    ``params`` go to :func:`rasd.link.stories.cluster_documents` (e.g. ``threshold``).
    """
    from rasd.config import Config
    from rasd.link.corpus import gold_stories, iter_corpus
    from rasd.link.stories import cluster_documents
    from rasd.pipeline import Pipeline

    pipe = Pipeline() if full else Pipeline(Config(components=("boilerplate",)))
    docs = [pipe(d) for d in iter_corpus([folder])]
    if ignore_dates:
        for d in docs:
            d.meta.published = None
    gold = gold_stories(folder)
    name = {d.id: Path(d.meta.source or "").name for d in docs}
    result = cluster_documents(docs, **params)
    pred = {name[a.doc_id]: s.id for s in result for a in s.articles}
    score = pairwise(gold, pred)
    score.update(documents=len(docs), stories=len(result),
                 gold_stories=len(set(gold.values())), bcubed=bcubed(gold, pred))
    return score


#: The plain baseline's cosine threshold, fixed before any real gold was scored (not tuned).
BASELINE_THRESHOLD = 0.4


def tfidf_single_link(docs: list[Document], threshold: float = BASELINE_THRESHOLD
                      ) -> dict[str, int]:
    """The plain baseline: TF-IDF cosine of folded title + text words, single link at a
    fixed threshold, no dates.  ``doc id → cluster number``."""
    import math
    import re
    from collections import Counter

    from rasd.lang.ar.normalize import normalize_key

    bags = [Counter(re.findall(r"\w+", normalize_key(f"{d.meta.title or ''}\n{d.text}")))
            for d in docs]
    df: Counter[str] = Counter()
    for b in bags:
        df.update(b.keys())
    n = len(bags)
    vecs = []
    for b in bags:
        v = {w: (1 + math.log(c)) * math.log(n / df[w]) for w, c in b.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({w: x / norm for w, x in v.items()})
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    postings: dict[str, list[int]] = {}
    for i, v in enumerate(vecs):
        dots: dict[int, float] = {}
        for w, x in v.items():
            for j in postings.get(w, ()):
                dots[j] = dots.get(j, 0.0) + x * vecs[j][w]
            postings.setdefault(w, []).append(i)
        for j, dot in dots.items():
            if dot >= threshold:
                parent[root(i)] = root(j)
    return {d.id: root(i) for i, d in enumerate(docs)}


def analysed_gold(path: Path, corpus: Path) -> list[tuple[str, str, Document]]:
    """``(key, gold story, analysed document)`` for every row of a real story gold table."""
    from rasd.eval.realgold import documents
    from rasd.pipeline import Pipeline

    pipe = Pipeline()
    return [(row.key, row.labels["story"], pipe(doc)) for row, doc in documents(path, corpus)]


def score_clustering(items: list[tuple[str, str, Document]], doc_story: dict[str, Any]
                     ) -> dict[str, Any]:
    """Pairwise and B-cubed scores of ``doc id → predicted cluster`` on gold ``items``."""
    gold = {key: story for key, story, _ in items}
    pred = {key: doc_story[doc.id] for key, _, doc in items}
    out = pairwise(gold, pred)
    out.update(bcubed=bcubed(gold, pred), stories=len(set(pred.values())))
    return out


def real_story_scores(path: Path, corpus: Path, **params: Any) -> dict[str, Any]:
    """rasd and the plain baseline on a real story gold table, in one run."""
    from rasd.link.stories import cluster_documents

    items = analysed_gold(path, corpus)
    docs = [doc for _, _, doc in items]
    stories = cluster_documents(docs, **params)
    ours = {a.doc_id: s.id for s in stories for a in s.articles}
    return {
        "gold": str(path),
        "documents": len(items),
        "gold_stories": len({story for _, story, _ in items}),
        "rasd": score_clustering(items, ours),
        "baseline": score_clustering(items, tfidf_single_link(docs)),
        "baseline_threshold": BASELINE_THRESHOLD,
    }
