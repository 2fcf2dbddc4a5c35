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
from rasd.doc import Document, Span
from rasd.lang.ar.charsets import arabic_share
from rasd.lang.ar.normalize import fold_key, normalize
from rasd.lang.ar.sentences import split_sentences
from rasd.lang.ar.tokenize import Token, tokenize
from rasd.pipeline import component


@component("text", assigns=("tokens", "normalized", "sentences"))
def text_layer(doc: Document, config: Config) -> None:
    text = doc.text
    view = normalize(text, config.norm)
    toks = tokenize(text, config.norm, view=view)
    if view.expanded:  # a ligature became two letters: clitic pieces may share a character
        toks = _merge_overlaps(toks, config)
    tok_spans: list[Span] = []
    norm_spans: list[Span] = []
    add_tok = tok_spans.append
    # One normalized span per orthographic word whose surface differs from its reading.
    # Written as one flat loop: this is the hottest code of the whole pipeline.
    w_word = w_start = w_end = -1
    w_reading = ""
    for i, t in enumerate(toks):
        word = t.word
        if t.det:
            attrs = {"norm": t.norm, "key": t.key, "role": t.role, "word": word, "det": True}
        else:
            attrs = {"norm": t.norm, "key": t.key, "role": t.role, "word": word}
        add_tok(Span(t.start, t.end, t.kind, f"t{i}", attrs))
        if word != w_word:
            if w_word >= 0 and text[w_start:w_end] != w_reading:
                norm_spans.append(
                    Span(w_start, w_end, "norm", f"n{len(norm_spans)}", {"norm": w_reading})
                )
            w_word, w_start, w_reading = word, t.start, t.norm
        else:
            w_reading += t.norm
        w_end = t.end
    if w_word >= 0 and text[w_start:w_end] != w_reading:
        norm_spans.append(Span(w_start, w_end, "norm", f"n{len(norm_spans)}", {"norm": w_reading}))
    doc.layers["tokens"] = tok_spans
    doc.layers["normalized"] = norm_spans
    doc.layers["sentences"] = [
        Span(a, b, "sentence", f"s{i}") for i, (a, b) in enumerate(split_sentences(text))
    ]
    if doc.meta.language is None:
        doc.meta.language = "ar" if arabic_share(text) >= 0.5 else "und"


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
