"""Unsupervised word clusters: a distributional class per frequent stem, as a CRF feature.

Why: most recall errors are names the tagger has never seen; a cluster learnt from raw text
groups an unseen "نواكشوط" with the capitals it shares contexts with ("في … عاصمة"), so the
weights learnt for the cluster carry over.  The clusters are built from the *words* of the
training corpora only (no labels): each stem with at least :data:`MIN_COUNT` occurrences gets
a vector of left/right neighbour counts over the most frequent stems, weighted by positive PMI,
reduced by SVD and clustered with k-means (fixed initialisation, so the build is
deterministic).  The shipped file is a small ``stem<TAB>cluster`` table.
"""

from __future__ import annotations

import gzip
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rasd.lang.ar.tokenize import Token
from rasd.ner.keys import bare_stem

CLUSTERS_FILE = "clusters.tsv.gz"
MIN_COUNT = 3
N_CONTEXT = 1000
DIMS = 80
K = 200
ITERATIONS = 20
_CLITIC = ("conj", "prep", "fut")


def stem(t: Token) -> str:
    """The key clusters are indexed by: folded stem without the article."""
    return bare_stem(t.key, t.det) if t.kind == "word" else ""


def _stems(sents: Iterable[Sequence[Token]]) -> list[list[str]]:
    """Content stems per sentence (clitic pieces dropped so "و الرئيس" neighbours "قال")."""
    out = []
    for toks in sents:
        out.append(["<p>" if t.kind == "punct" else (stem(t) or "<x>")
                    for t in toks if t.role not in _CLITIC])  # fmt: skip
    return out


def build(sents: Iterable[Sequence[Token]], k: int = K, min_count: int = MIN_COUNT) -> dict[str, int]:
    """Cluster id per stem (deterministic for the same input)."""
    import numpy as np

    seqs = _stems(sents)
    freq = Counter(w for s in seqs for w in s)
    vocab = sorted((w for w, c in freq.items() if c >= min_count and w not in ("<p>", "<x>")),
                   key=lambda w: (-freq[w], w))  # fmt: skip
    index = {w: i for i, w in enumerate(vocab)}
    ctx = sorted(freq, key=lambda w: (-freq[w], w))[:N_CONTEXT]
    cindex = {w: i for i, w in enumerate(ctx)}
    m = np.zeros((len(vocab), 2 * len(ctx)))
    for s in seqs:
        for i, w in enumerate(s):
            r = index.get(w)
            if r is None:
                continue
            left = s[i - 1] if i else "<s>"
            right = s[i + 1] if i + 1 < len(s) else "<s>"
            if left in cindex:
                m[r, cindex[left]] += 1
            if right in cindex:
                m[r, len(ctx) + cindex[right]] += 1
    total = m.sum()
    pmi = np.log((m * total + 1e-12) / (m.sum(1, keepdims=True) @ m.sum(0, keepdims=True) + 1e-12))
    ppmi = np.where(m > 0, np.maximum(pmi, 0.0), 0.0)
    u, sv, _vt = np.linalg.svd(ppmi, full_matrices=False)
    x = u[:, :DIMS] * sv[:DIMS]
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-12
    k = min(k, len(vocab))
    # initial centroids: evenly spaced through the frequency ranking (deterministic)
    centres = x[np.linspace(0, len(vocab) - 1, k).astype(int)].copy()
    assign = np.zeros(len(vocab), dtype=int)
    for _ in range(ITERATIONS):
        assign = (x @ centres.T).argmax(1)
        for j in range(k):
            members = x[assign == j]
            if len(members):
                c = members.mean(0)
                centres[j] = c / (np.linalg.norm(c) + 1e-12)
    return {w: int(c) for w, c in zip(vocab, assign, strict=True)}


def save(clusters: dict[str, int], path: Path) -> None:
    lines = "".join(f"{w}\t{c}\n" for w, c in sorted(clusters.items()))
    with gzip.GzipFile(path, "wb", mtime=0) as f:
        f.write(lines.encode("utf-8"))


def load(path: Path) -> dict[str, int]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return {w: int(c) for w, c in (line.rstrip("\n").split("\t") for line in f)}


@lru_cache(maxsize=1)
def default_clusters() -> dict[str, int]:
    """The packaged table; empty when not built yet (features then carry no cluster)."""
    ref = resources.files("rasd.ner") / "data" / CLUSTERS_FILE
    if not ref.is_file():
        return {}
    with resources.as_file(ref) as p:
        return load(p)
