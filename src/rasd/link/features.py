"""Content words of a document for story clustering (:mod:`rasd.link.eventprint`).

Why a separate module: clustering must work on raw :class:`~rasd.doc.Document` objects (a
folder of text files, no store, no NER model) as well as on fully analysed ones.  So terms
come from the Arabic tokenizer (folded, clitic-split, obfuscation-proof keys: "قـ.ـوات" and
"قوات" give the same key) and skip boilerplate lines when the layer is there; names, dates
and places are read from the analysed layers by the fingerprint itself.
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from datetime import date
from functools import lru_cache
from typing import Any

from datasketch import MinHash

from rasd.doc import Document
from rasd.lang.ar import vocab
from rasd.lang.ar.textview import text_view
from rasd.lang.ar.tokenize import tokenize

#: Function words and news filler that say nothing about *which* event a text reports.
STOPWORDS = vocab.words("stopwords", "clustering-stop")

def _term(key: str, det: bool) -> str:
    """Drop the article so "الفاشر"/"فاشر" (after ب/ل/و) compare equal."""
    if det and key.startswith("ال") and len(key) > 4:
        return key[2:]
    if key.startswith("لل") and len(key) > 4:  # "للجيش": ل + الجيش
        return key[2:]
    return key


def content_terms(text: str, skip: list[tuple[int, int]] | None = None,
                  tokens: list[Any] | None = None) -> list[str]:  # fmt: skip
    """Folded content-word keys of ``text`` in order (clitics, stopwords and boilerplate out).

    ``tokens`` may pass the document's ``tokens`` layer (rebuilt as Token objects) to skip
    re-tokenizing an analysed document.
    """
    out: list[str] = []
    skip = skip or []
    for t in tokens if tokens is not None else tokenize(text):
        if t.kind != "word" or t.role != "stem":
            if t.kind == "num" and len(t.norm) >= 3:
                out.append(t.norm)
            continue
        if skip and any(a <= t.start < b for a, b in skip):
            continue
        k = _term(t.key, t.det)
        if len(k) < 3 or k in STOPWORDS:
            continue
        out.append(k)
    return out


def parse_day(value: str | None) -> date | None:
    """The calendar day of an ISO date/datetime string (None when missing or unreadable)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def shingle_minhash(terms: list[str], k: int = 3, num_perm: int = 64) -> MinHash:
    """MinHash of word k-shingles: rewrites of one wire text share most shingles."""
    mh = MinHash(num_perm=num_perm, seed=1)
    mh.update_batch([" ".join(terms[i : i + k]).encode("utf-8")
                     for i in range(max(1, len(terms) - k + 1))])  # fmt: skip
    return mh


def content_features(doc: Document) -> tuple[Counter[str], MinHash]:
    """Content-word and bigram counts of one document (the title line and place names
    count double; boilerplate left out) and the MinHash of its word 3-shingles.  Terms are
    interned: the same word in many fingerprints (and in the document frequencies of a whole
    archive) is one string."""
    skip = [(s.start, s.end) for s in doc.layer("boilerplate")]
    tokens = text_view(doc).pieces if doc.layer("tokens") else None
    terms = content_terms(doc.text, skip, tokens)
    tf: Counter[str] = Counter(terms)
    title_end = doc.text.find("\n")
    if title_end > 0:
        tf.update(content_terms(doc.text[:title_end]))
    places = _places()
    for term in list(tf):
        if term in places or "ال" + term in places:
            tf[term] *= 2  # a place pins an event down more than most words
    for a, b in zip(terms, terms[1:], strict=False):
        tf[f"{a}_{b}"] += 1
    tf = Counter({sys.intern(t): c for t, c in tf.items()})
    return tf, shingle_minhash(terms)


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    from rasd.lang.ar.lexicon import place_names

    return frozenset(place_names())


@lru_cache(maxsize=1)
def _background() -> tuple[dict[str, int], int]:
    """Word counts of the bundled lexicon: a prior for how common a word is in Arabic news."""
    from rasd.lang.ar.lexicon import default_lexicon

    counts = default_lexicon().counts
    return counts, max(1, max(counts.values(), default=1))


def background_idf(term: str) -> float:
    """IDF-like weight from the background lexicon (bigrams: the rarer part counts)."""
    counts, top = _background()
    parts = term.split("_")
    best = 0.0
    for p in parts:
        c = counts.get(p, 0) + counts.get("ال" + p, 0)
        best = max(best, math.log(1 + top / (1 + c)))
    return best / 2.5 + (0.5 if len(parts) > 1 else 0.0)
