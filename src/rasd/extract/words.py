"""Orthographic words with clitic-stripped lookup keys, shared by quotes, events and claims.

The ``text`` layer splits proclitics with a frequency lexicon, which is right for most words
but not for every cue ("وارد" → و + ارد, "فإن" kept whole).  Cue and head-noun lookups need
the opposite trade-off: try the whole word *and* each plausible clitic-stripped variant, and
let the (small, closed) lexicons decide.  So extractors work on whole orthographic words and
ask :func:`variants` for the candidates.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from rasd.doc import Document
from rasd.lang.ar.normalize import fold_key
from rasd.lang.ar.tokenize import words as ortho_words

QUOTE_OPEN = "«“„\"‹"
QUOTE_CLOSE = {"«": "»", "“": "”", "„": "”", '"': '"', "‹": "›"}
COMMA = {"،", ",", "؛", ";"}
#: folded prepositions that never start a speaker or argument phrase
PREPOSITIONS = {"في", "عن", "من", "علي", "الي", "ب", "ل", "حول", "بعد", "قبل", "دون", "عند"}
DASH = {"-", "–", "—"}


class Word(NamedTuple):
    """One orthographic word (or punctuation mark) in original offsets.

    A named tuple rather than a frozen dataclass: a document has ~1000 of them and they are
    built for every analysis, so construction cost matters (see bench/layers.py).
    """

    start: int
    end: int
    norm: str  # normalized surface
    key: str  # folded surface
    kind: str  # word | num | latin | punct
    sent: int  # sentence index


@lru_cache(maxsize=100_000)
def variants(key: str) -> tuple[str, ...]:
    """The folded word and its proclitic-stripped readings, most specific first.

    و/ف (conjunction), then ب/ل/ك (preposition), then the article: "وللجيش" →
    (وللجيش, للجيش, لجيش?, الجيش, جيش).  The lexicons are closed lists, so over-generation
    is harmless: a wrong variant simply does not match.
    """
    out = [key]
    k = key
    if len(k) > 3 and k[0] in "وف":
        k = k[1:]
        out.append(k)
    if len(k) > 3 and k[0] in "بلك":
        if k.startswith("لل") and len(k) > 4:
            out.append("ال" + k[2:])
            out.append(k[2:])
        k2 = k[1:]
        out.append(k2)
        k = k2
    if k.startswith("ال") and len(k) > 3:
        out.append(k[2:])
    return tuple(dict.fromkeys(out))


def bare(key: str) -> str:
    """The shortest variant: the stem without proclitics or article (for head matching)."""
    return variants(key)[-1]


_CACHE: dict[tuple[int, int, int, str], list[Word]] = {}


def build_words(doc: Document) -> list[Word]:
    """Whole words of ``doc`` with their sentence index.

    Built from the ``tokens`` layer (pieces of one orthographic word share ``attrs.word``) so
    the text is not normalized twice; falls back to tokenizing when the layer is absent.
    The last result is cached so quotes, events and claims read one document once.
    """
    toks = doc.layer("tokens")
    key = (id(toks), len(toks), len(doc.layer("sentences")), doc.content_hash)
    hit = _CACHE.get(key)
    if hit is not None:
        return hit
    out = _build_words(doc)
    _CACHE.clear()
    _CACHE[key] = out
    return out


def _build_words(doc: Document) -> list[Word]:
    sents = doc.layer("sentences")
    ends = [s.end for s in sents]
    toks = doc.layer("tokens")
    if not toks:
        raw = [(s, e, n, fold_key(n)) for s, e, n in ortho_words(doc.text)]
        return _finish(raw, ends)
    out: list[Word] = []
    idx = 0
    n_sents = len(ends)
    cur_w = None
    s0 = e0 = 0
    norm = key = kind = ""
    for t in toks:
        a = t.attrs
        w = a["word"]
        if w == cur_w:
            e0 = t.end
            norm += a["norm"]
            key += a["key"]
            continue
        if cur_w is not None and norm:
            while idx < n_sents - 1 and s0 >= ends[idx]:
                idx += 1  # words come in text order: walk the sentences along
            out.append(Word(s0, e0, norm, key, kind, idx))
        # the token label is the kind of its word's first piece (word, num, latin, punct)
        cur_w, s0, e0, norm, key = w, t.start, t.end, a["norm"], a["key"]
        kind = t.label if t.label in _KINDS else _kind(norm[0] if norm else " ", "")
    if cur_w is not None and norm:
        while idx < n_sents - 1 and s0 >= ends[idx]:
            idx += 1
        out.append(Word(s0, e0, norm, key, kind, idx))
    return out


_KINDS = frozenset(("word", "num", "latin", "punct"))


def _kind(ch: str, _label: str) -> str:
    if ch.isdigit():
        return "num"
    if ch.isalpha():
        return "word" if "\u0600" <= ch <= "\u06ff" else "latin"
    return "punct"


def _finish(raw: list[tuple[int, int, str, str]], ends: list[int]) -> list[Word]:
    out = []
    idx = 0
    n_sents = len(ends)
    for s, e, norm, key in raw:
        if not norm:
            continue
        while idx < n_sents - 1 and s >= ends[idx]:
            idx += 1
        out.append(Word(s, e, norm, key or fold_key(norm), _kind(norm[0], ""), idx))
    return out


#: last (words list, sentence count, bounds); the list itself is kept so identity is safe
_BOUNDS: list = [None, -1, None]


def sentence_bounds(words: list[Word], n_sentences: int) -> list[tuple[int, int]]:
    """For each sentence, the ``[first, last+1)`` word index range (empty when no words)."""
    if _BOUNDS[0] is words and _BOUNDS[1] == n_sentences:
        return _BOUNDS[2]
    bounds = _sentence_bounds(words, n_sentences)
    _BOUNDS[:] = [words, n_sentences, bounds]
    return bounds


def _sentence_bounds(words: list[Word], n_sentences: int) -> list[tuple[int, int]]:
    bounds: list[list[int]] = [[-1, -1] for _ in range(max(n_sentences, 1))]
    for i, w in enumerate(words):
        b = bounds[min(w.sent, len(bounds) - 1)]
        if b[0] < 0:
            b[0] = i
        b[1] = i + 1
    return [(a, b) if a >= 0 else (0, 0) for a, b in bounds]
