"""Scoring of story clustering (``rasd eval stories``) on a folder of articles whose
``manifest.jsonl`` carries gold ``story`` ids.

Two views of the same clustering: pairwise P/R/F1 (pairs of articles put together; singletons
contribute nothing, so it measures the merges) and B-cubed (per-article precision and recall;
a correctly isolated article counts, so it also rewards leaving one-off articles alone).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

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
