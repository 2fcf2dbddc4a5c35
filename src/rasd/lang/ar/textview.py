"""The text layer's pieces and whole words of a document, shared by the layers that read them.

The ``text`` component stores what its tokenizer pass produced (:class:`~rasd.lang.ar.tokenize.
Tokens`: clitic pieces, orthographic words with their sentence index, conjunction starts,
future-marked words) as a document view.  Times, places, quotes, events and claims read words,
not pieces; rebuilding the words from the ``tokens`` layer's spans cost each of them a Python
loop over ~1000 span attribute dicts per article.

A document that arrives without the view (loaded from JSON or from a store, then re-analysed)
gets it rebuilt from its ``tokens`` and ``sentences`` layers by :func:`from_layers`, which gives
exactly what the tokenizer gives (``tests/lang/test_textview.py``).
"""

from __future__ import annotations

from rasd.doc import Document
from rasd.lang.ar.tokenize import Token, Tokens, Word, tokenize_words

VIEW = "text"


def text_view(doc: Document) -> Tokens:
    """The pieces and words of ``doc`` (stored by the text layer, or rebuilt once)."""
    v = doc.view(VIEW)
    if v is None:
        v = from_layers(doc)
        store(doc, v)
    return v


def store(doc: Document, tokens: Tokens) -> None:
    """Attach ``tokens`` to ``doc`` as derived from its current tokens and sentences layers."""
    doc.set_view(VIEW, tokens, ("tokens", "sentences"))


def from_layers(doc: Document) -> Tokens:
    """Rebuild the view from the ``tokens``/``sentences`` layers; tokenize the text when the
    tokens layer is absent or was not made by the text layer (spans without forms)."""
    ends = [s.end for s in doc.layer("sentences")]
    spans = doc.layer("tokens")
    if not spans or any("key" not in t.attrs or "norm" not in t.attrs for t in spans):
        return tokenize_words(doc.text, sentence_ends=ends)
    pieces: list[Token] = []
    words: list[Word] = []
    conj: list[int] = []
    fut: list[int] = []
    sidx = 0
    last = len(ends) - 1
    cur = None
    for t in spans:
        a = t.attrs
        w = a.get("word")
        same = w == cur and w is not None
        wi = len(words) - 1 if same else len(words)  # word index, renumbered from 0
        role = a.get("role", "")
        pieces.append(Token(t.start, t.end, a["norm"], a["key"], t.label, role, wi,
                            bool(a.get("det", False))))
        if role == "conj":
            conj.append(t.start)
        elif role == "fut":
            fut.append(wi)
        if same:
            p = words[-1]
            words[-1] = p._replace(end=t.end, norm=p.norm + a["norm"], key=p.key + a["key"])
            continue
        cur = w
        while sidx < last and t.start >= ends[sidx]:
            sidx += 1
        words.append(Word(t.start, t.end, a["norm"], a["key"], t.label, sidx))
    return Tokens(pieces, words, conj, fut)
