"""Orthographic words with clitic-stripped lookup keys, shared by quotes, events and claims.

The ``text`` layer splits proclitics with a frequency lexicon, which is right for most words
but not for every cue ("وارد" → و + ارد, "فإن" kept whole).  Cue and head-noun lookups need
the opposite trade-off: try the whole word *and* each plausible clitic-stripped variant, and
let the (small, closed) lexicons decide.  So extractors work on whole orthographic words and
ask :func:`variants` for the candidates.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from rasd.doc import Document
from rasd.lang.ar.textview import text_view
from rasd.lang.ar.tokenize import Word

__all__ = ["DocWords", "Word", "bare", "doc_words", "variants"]

QUOTE_OPEN = "«“„\"‹"
QUOTE_CLOSE = {"«": "»", "“": "”", "„": "”", '"': '"', "‹": "›"}
COMMA = {"،", ",", "؛", ";"}
#: folded prepositions that never start a speaker or argument phrase
PREPOSITIONS = {"في", "عن", "من", "علي", "الي", "ب", "ل", "حول", "بعد", "قبل", "دون", "عند"}
DASH = {"-", "–", "—"}


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


def doc_words(doc: Document) -> DocWords:
    """The shared word view of ``doc``: built once, read in turn by quotes, events and claims.

    The words themselves come from the text layer's tokenizer pass
    (:mod:`rasd.lang.ar.textview`); this adds the per-sentence word ranges and the start
    offsets to bisect.
    """
    view = doc.view(_VIEW)
    if view is None:
        tv = text_view(doc)
        words = tv.words
        view = DocWords(words, list(map(_START, words)),
                        _sentence_bounds(words, len(doc.layer("sentences"))),
                        frozenset(tv.conj_starts))
        doc.set_view(_VIEW, view, ("tokens", "sentences"))
    return view


_VIEW = "words"
_START = itemgetter(0)
_SENT = itemgetter(5)


def _sentence_bounds(words: list[Word], n_sentences: int) -> list[tuple[int, int]]:
    """Bisect the sentence indices, which never decrease along the text (both builders walk
    the sentences in order), instead of looping over every word."""
    sents = list(map(_SENT, words))
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
