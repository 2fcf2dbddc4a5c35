"""Orthographic words with clitic-stripped lookup keys, shared by quotes, events and claims.

The ``text`` layer splits proclitics with a frequency lexicon, which is right for most words
but not for every cue ("وارد" → و + ارد, "فإن" kept whole).  Cue and head-noun lookups need
the opposite trade-off: try the whole word *and* each plausible clitic-stripped variant, and
let the (small, closed) lexicons decide.  So extractors work on whole orthographic words and
ask :func:`variants` for the candidates.
"""

from __future__ import annotations

from typing import NamedTuple

from rasd.doc import Document
from rasd.lang.ar import vocab
from rasd.lang.ar.clitics import bare, variants
from rasd.lang.ar.textview import text_view
from rasd.lang.ar.tokenize import Word

__all__ = ["COMMA", "DASH", "PREPOSITIONS", "QUOTE_CLOSE", "QUOTE_OPEN", "DocWords", "Word", "bare",
           "doc_words", "variants"]

QUOTE_OPEN = "«“„\"‹"
QUOTE_CLOSE = {"«": "»", "“": "”", "„": "”", '"': '"', "‹": "›"}
#: marks that open speech only right after a speech verb: a closing quote used as an opener
#: ("وأضاف ”نحن …”") and a dash ("وأضاف – نشكر …")
CUE_OPENERS = "”–—"
COMMA = {"،", ",", "؛", ";"}
#: folded prepositions that never start a speaker or argument phrase
PREPOSITIONS = vocab.words("phrase_words", "preposition")
DASH = {"-", "–", "—"}


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
        view = DocWords(words, [w[0] for w in words],  # Word.start
                        _sentence_bounds(words, len(doc.layer("sentences"))),
                        frozenset(tv.conj_starts))
        doc.set_view(_VIEW, view, ("tokens", "sentences"))
    return view


_VIEW = "words"


def _sentence_bounds(words: list[Word], n_sentences: int) -> list[tuple[int, int]]:
    """Per sentence, its ``[first, last+1)`` word range; ``(0, 0)`` for a sentence without
    words.  One pass: the sentence indices never decrease along the text (both builders walk
    the sentences in order)."""
    nb = max(n_sentences, 1)
    out: list[tuple[int, int]] = [(0, 0)] * nb
    cur = -1
    first = 0
    for i, w in enumerate(words):
        sent: int = w[5]  # Word.sent
        if sent >= nb:  # cannot happen with the builders above; stay correct
            sent = nb - 1
        if sent != cur:
            if cur >= 0:
                out[cur] = (first, i)
            cur = sent
            first = i
    if cur >= 0:
        out[cur] = (first, len(words))
    return out
