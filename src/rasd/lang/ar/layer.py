"""The ``text`` component: normalized view, tokens and sentences as stand-off layers.

Layers assigned:

* ``tokens`` — one span per token or clitic piece; ``label`` is the kind (word, num, latin,
  punct); attrs: ``norm`` (de-obfuscated form), ``key`` (folded form), ``role`` (stem, conj,
  prep, fut), ``word`` (index of the orthographic word), ``det`` (stem carries the article).
* ``normalized`` — only where the original differs from its normalized reading (diacritics,
  tatweel, obfuscation, digits …): ``attrs.norm`` is the reading.  Together with the original,
  this *is* the normalized text, kept stand-off.
* ``sentences`` — sentence extents.
"""

from __future__ import annotations

from rasd.config import Config
from rasd.doc import Document, Span
from rasd.lang.ar.normalize import normalize
from rasd.lang.ar.sentences import split_sentences
from rasd.lang.ar.tokenize import tokenize
from rasd.pipeline import component


@component("text", assigns=("tokens", "normalized", "sentences"))
def text_layer(doc: Document, config: Config) -> None:
    text = doc.text
    view = normalize(text, config.norm)
    toks = tokenize(text, config.norm, view=view)
    tok_spans = []
    norm_spans = []
    prev_word = -1
    for i, t in enumerate(toks):
        attrs = {"norm": t.norm, "key": t.key, "role": t.role, "word": t.word}
        if t.det:
            attrs["det"] = True
        tok_spans.append(Span(t.start, t.end, t.kind, f"t{i}", attrs))
        if t.word != prev_word:
            prev_word = t.word
            # one normalized span per orthographic word whose surface differs from its reading
            pieces = [x for x in toks[i : i + 4] if x.word == t.word]
            s, e = pieces[0].start, pieces[-1].end
            reading = "".join(p.norm for p in pieces)
            if text[s:e] != reading:
                norm_spans.append(Span(s, e, "norm", f"n{len(norm_spans)}", {"norm": reading}))
    doc.layers["tokens"] = tok_spans
    doc.layers["normalized"] = norm_spans
    doc.layers["sentences"] = [
        Span(a, b, "sentence", f"s{i}") for i, (a, b) in enumerate(split_sentences(text))
    ]
