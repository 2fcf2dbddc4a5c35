"""Orthographic words with clitic-stripped lookup keys, shared by quotes, events and claims.

The ``text`` layer splits proclitics with a frequency lexicon, which is right for most words
but not for every cue ("وارد" → و + ارد, "فإن" kept whole).  Cue and head-noun lookups need
the opposite trade-off: try the whole word *and* each plausible clitic-stripped variant, and
let the (small, closed) lexicons decide.  So extractors work on whole orthographic words and
ask :func:`variants` for the candidates.
"""

from __future__ import annotations

from bisect import bisect_left
from contextlib import suppress
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


class DocWords(NamedTuple):
    """Everything quotes, events and claims derive from the ``tokens`` layer, built once."""

    words: list[Word]
    starts: list[int]  # word start offsets, for bisecting
    bounds: list[tuple[int, int]]  # per sentence, the [first, last+1) word range
    conj_starts: frozenset[int]  # words whose first letter the text layer split off as و/ف


#: a few recent documents (several may be in flight on Dask threads), keyed by the id of
#: their tokens list plus its length, the sentence count and the text hash.  The tokens list
#: itself is deliberately not referenced: keeping it alive would charge the deallocation of
#: a finished document's ~1000 token spans to whichever analysis evicts it.  Should the id be
#: reused, the rest of the key still has to match: same text, same tokens, same words.
_CACHE: dict[tuple[int, int, int, str], DocWords] = {}
_CACHE_SIZE = 2


def doc_words(doc: Document) -> DocWords:
    """The shared word view of ``doc`` (cached: quotes, events and claims read it in turn)."""
    toks = doc.layer("tokens")
    key = (id(toks), len(toks), len(doc.layer("sentences")), doc.content_hash)
    hit = _CACHE.get(key)
    if hit is not None:
        return hit
    view = _build_view(doc)
    if len(_CACHE) >= _CACHE_SIZE:
        # another thread may be evicting or inserting at the same moment
        with suppress(KeyError, StopIteration, RuntimeError):
            del _CACHE[next(iter(_CACHE))]
    _CACHE[key] = view
    return view


def build_words(doc: Document) -> list[Word]:
    """Whole words of ``doc`` with their sentence index.

    Built from the ``tokens`` layer (pieces of one orthographic word share ``attrs.word``) so
    the text is not normalized twice; falls back to tokenizing when the layer is absent.
    Cached per document (see :func:`doc_words`) so quotes, events and claims read it once.
    """
    return doc_words(doc).words


def _build_view(doc: Document) -> DocWords:
    n_sents = len(doc.layer("sentences"))
    words, conj = _build_words(doc)
    return DocWords(words, [w.start for w in words], _sentence_bounds(words, n_sents),
                    frozenset(conj))


def _build_words(doc: Document) -> tuple[list[Word], list[int]]:
    """Merge token pieces into words; also collect the starts of conjunction pieces.

    The loop is the per-document floor of three layers, hence the local-variable style and
    the direct ``tuple.__new__`` (a named tuple's generated ``__new__`` is a Python call).
    """
    ends = [s.end for s in doc.layer("sentences")]
    toks = doc.layer("tokens")
    if not toks:
        raw = [(s, e, n, fold_key(n)) for s, e, n in ortho_words(doc.text)]
        return _finish(raw, ends), []
    out: list[Word] = []
    app = out.append
    new = tuple.__new__
    conj: list[int] = []
    idx = 0
    last = len(ends) - 1
    nxt = ends[0] if last > 0 else _INF  # offset from which a word is in a later sentence
    kinds = _KINDS
    cur_w = None
    s0 = e0 = 0
    norm = key = kind = ""
    for t in toks:
        a = t.attrs
        if a.get("role") == "conj":
            conj.append(t.start)
        w = a["word"]
        if w == cur_w:
            e0 = t.end
            norm += a["norm"]
            key += a["key"]
            continue
        if cur_w is not None and norm:
            if s0 >= nxt:
                while idx < last and s0 >= ends[idx]:
                    idx += 1  # words come in text order: walk the sentences along
                nxt = ends[idx] if idx < last else _INF
            app(new(Word, (s0, e0, norm, key, kind, idx)))
        # the token label is the kind of its word's first piece (word, num, latin, punct)
        cur_w, s0, e0, norm, key = w, t.start, t.end, a["norm"], a["key"]
        lab = t.label
        kind = lab if lab in kinds else _kind(norm[0] if norm else " ", "")
    if cur_w is not None and norm:
        while idx < last and s0 >= ends[idx]:
            idx += 1
        app(new(Word, (s0, e0, norm, key, kind, idx)))
    return out, conj


_INF = float("inf")
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


def sentence_bounds(words: list[Word], n_sentences: int) -> list[tuple[int, int]]:
    """For each sentence, the ``[first, last+1)`` word index range (empty when no words)."""
    for key, view in list(_CACHE.items()):
        if view.words is words and key[2] == n_sentences:
            return view.bounds
    return _sentence_bounds(words, n_sentences)


def _sentence_bounds(words: list[Word], n_sentences: int) -> list[tuple[int, int]]:
    """Bisect the sentence indices, which never decrease along the text (both builders walk
    the sentences in order), instead of looping over every word."""
    sents = [w.sent for w in words]
    nb = max(n_sentences, 1)
    if sents and sents[-1] >= nb:  # cannot happen with the builders above; stay correct
        sents = [min(x, nb - 1) for x in sents]
    out: list[tuple[int, int]] = []
    a = 0
    for k in range(nb):
        b = bisect_left(sents, k + 1, a)
        out.append((a, b) if b > a else (0, 0))
        a = b
    return out
