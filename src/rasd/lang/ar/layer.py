"""The ``text`` component: normalized view, tokens and sentences as stand-off layers.

Layers assigned:

* ``tokens`` — one span per token or clitic piece; ``label`` is the kind (word, num, latin,
  punct); attrs: ``norm`` (de-obfuscated form), ``key`` (folded form), ``role`` (stem, conj,
  prep, fut), ``word`` (index of the orthographic word), ``det`` (stem carries the article).
* ``normalized`` — only where the original differs from its normalized reading (diacritics,
  tatweel, obfuscation, digits …): ``attrs.norm`` is the reading.  Together with the original,
  this *is* the normalized text, kept stand-off.
* ``sentences`` — sentence extents.

The component also fills ``meta.language`` when no reader did (text passed straight to
:func:`rasd.analyze`), with the same cheap Arabic-letter test the readers use.
"""

from __future__ import annotations

from rasd.config import Config
from rasd.doc import SPAN_SETTERS, Document, Span
from rasd.lang.ar import textview
from rasd.lang.ar.normalize import fold_key, normalize
from rasd.lang.ar.sentences import split_sentences
from rasd.lang.ar.tokenize import Token, Tokens, Word, tokenize_words
from rasd.lang.identify import language_of
from rasd.pipeline import component

_SETTERS = SPAN_SETTERS
_IDS: list[str] = []


def _ids(n: int) -> list[str]:
    """Token ids "t0", "t1" …, formatted once per process instead of once per token."""
    if len(_IDS) < n:
        _IDS.extend(f"t{i}" for i in range(len(_IDS), max(n, 2 * len(_IDS))))
    return _IDS


@component("text", assigns=("tokens", "normalized", "sentences"), meta=("language",),
           any_language=True)
def text_layer(doc: Document, config: Config) -> None:
    text = doc.text
    view = normalize(text, config.norm)
    sents = split_sentences(text)
    tw = tokenize_words(text, config.norm, view=view, sentence_ends=[b for _, b in sents])
    toks = tw.pieces
    if view.expanded:  # a ligature became two letters: clitic pieces may share a character
        toks = _merge_overlaps(toks, config)
        tw = Tokens(toks, tw.words, [t.start for t in toks if t.role == "conj"],
                    [t.word for t in toks if t.role == "fut"])
    doc.set_layer("tokens", _token_spans(text, toks), as_is=True)
    doc.set_layer("normalized", _normalized_spans(text, tw.words), as_is=True)
    doc.set_layer("sentences", [Span(a, b, "sentence", f"s{i}") for i, (a, b) in enumerate(sents)],
                  as_is=True)
    textview.store(doc, tw)  # words for the layers downstream (see rasd.lang.ar.textview)
    if doc.meta.language is None:
        doc.meta.language = language_of(doc.text, _arabic_token_share(tw.words))


def _arabic_token_share(words: list[Word]) -> float:
    """Share of letters in Arabic words among letters in all words.

    Same test as :func:`~rasd.lang.ar.charsets.arabic_share`, read off the words this
    component already has instead of two more regex passes over the text (about 8 % of the
    text layer's time).
    """
    ar = other = 0
    for w in words:
        kind = w.kind
        if kind == "word":
            ar += len(w.norm)
        elif kind == "latin" or (kind == "punct" and w.norm.isalpha()):
            other += len(w.norm)
    return ar / (ar + other) if ar + other else 0.0


def _token_spans(text: str, toks: list[Token]) -> list[Span]:
    """One span per token; a flat loop because this is the hottest code of the pipeline."""
    ids = _ids(len(toks))
    out: list[Span] = []
    add = out.append
    if _SETTERS is None:  # pragma: no cover
        for i, t in enumerate(toks):
            attrs = {"norm": t.norm, "key": t.key, "role": t.role, "word": t.word}
            if t.det:
                attrs["det"] = True
            add(Span(t.start, t.end, t.kind, ids[i], attrs))
        return out
    new = Span.__new__
    s_start, s_end, s_label, s_id, s_attrs = _SETTERS
    for i, t in enumerate(toks):
        if t.det:
            attrs = {"norm": t.norm, "key": t.key, "role": t.role, "word": t.word, "det": True}
        else:
            attrs = {"norm": t.norm, "key": t.key, "role": t.role, "word": t.word}
        sp = new(Span)
        s_start(sp, t.start)
        s_end(sp, t.end)
        s_label(sp, t.kind)
        s_id(sp, ids[i])
        s_attrs(sp, attrs)
        add(sp)
    return out


def _normalized_spans(text: str, words: list[Word]) -> list[Span]:
    """One span per orthographic word whose surface differs from its reading."""
    return [
        Span(w.start, w.end, "norm", f"n{i}", {"norm": w.norm})
        for i, w in enumerate([w for w in words if text[w.start : w.end] != w.norm])
    ]


def _merge_overlaps(toks: list[Token], config: Config) -> list[Token]:
    """Join pieces that share original characters into one token.

    A ligature such as "ﻻ" is one original character read as two letters; if a clitic split
    falls inside it, the two pieces would claim the same character.  Stand-off spans must not
    overlap, so such pieces become one stem token (the split cannot be shown in the original).
    """
    out: list[Token] = []
    for t in toks:
        if out and t.start < out[-1].end:
            p = out[-1]
            norm = p.norm + t.norm
            out[-1] = Token(
                p.start, max(p.end, t.end), norm, fold_key(norm, config.norm), p.kind,
                "stem" if p.kind == "word" else p.role, p.word, p.det or t.det,
            )  # fmt: skip
        else:
            out.append(t)
    return out
