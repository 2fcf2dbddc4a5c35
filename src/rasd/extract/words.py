"""Orthographic words with clitic-stripped lookup keys, shared by quotes, events and claims.

The ``text`` layer splits proclitics with a frequency lexicon, which is right for most words
but not for every cue ("وارد" → و + ارد, "فإن" kept whole).  Cue and head-noun lookups need
the opposite trade-off: try the whole word *and* each plausible clitic-stripped variant, and
let the (small, closed) lexicons decide.  So extractors work on whole orthographic words and
ask :func:`variants` for the candidates.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

from rasd.doc import Document
from rasd.lang.ar.normalize import fold_key
from rasd.lang.ar.tokenize import words as ortho_words

QUOTE_OPEN = "«“„\"‹"
QUOTE_CLOSE = {"«": "»", "“": "”", "„": "”", '"': '"', "‹": "›"}
COMMA = {"،", ",", "؛", ";"}
DASH = {"-", "–", "—"}


@dataclass(frozen=True, slots=True)
class Word:
    """One orthographic word (or punctuation mark) in original offsets."""

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


def build_words(doc: Document) -> list[Word]:
    """Whole words of ``doc`` with their sentence index.

    Built from the ``tokens`` layer (pieces of one orthographic word share ``attrs.word``) so
    the text is not normalized twice; falls back to tokenizing when the layer is absent.
    """
    sents = doc.layer("sentences")
    starts = [s.start for s in sents]
    raw: list[tuple[int, int, str]] = []
    toks = doc.layer("tokens")
    if toks:
        cur = None
        for t in toks:
            w = t.attrs.get("word")
            if cur is not None and w == cur[3]:
                cur[1] = t.end
                cur[2] += t.attrs.get("norm", "")
            else:
                if cur is not None:
                    raw.append((cur[0], cur[1], cur[2]))
                cur = [t.start, t.end, t.attrs.get("norm", ""), w]
        if cur is not None:
            raw.append((cur[0], cur[1], cur[2]))
    else:
        raw = ortho_words(doc.text)
    out = []
    for s, e, norm in raw:
        if not norm:
            continue
        idx = max(0, bisect.bisect_right(starts, s) - 1) if starts else 0
        ch = norm[0]
        if ch.isdigit():
            kind = "num"
        elif ch.isalpha():
            kind = "word" if "\u0600" <= ch <= "\u06ff" else "latin"
        else:
            kind = "punct"
        out.append(Word(s, e, norm, fold_key(norm), kind, idx))
    return out


def sentence_bounds(words: list[Word], n_sentences: int) -> list[tuple[int, int]]:
    """For each sentence, the ``[first, last+1)`` word index range (empty when no words)."""
    bounds: list[list[int]] = [[-1, -1] for _ in range(max(n_sentences, 1))]
    for i, w in enumerate(words):
        b = bounds[min(w.sent, len(bounds) - 1)]
        if b[0] < 0:
            b[0] = i
        b[1] = i + 1
    return [(a, b) if a >= 0 else (0, 0) for a, b in bounds]
