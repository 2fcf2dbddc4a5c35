"""The word stream the rules match on: one folded key per orthographic word, joined by spaces.

Matching runs over the text layer's words re-joined and folded (alef/yaa/taa forms,
Arabic-Indic digits), so one pattern covers spelling variants and clitics ("و2016",
"بالأمس"); matches are mapped back to original offsets through the words.  The stream is a
document view (:func:`stream_for`): ``places`` matches names on the same stream.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from rasd.doc import Document
from rasd.extract.times.anchors import ALL_ANCHORS, ANCHOR_SURFACES
from rasd.extract.times.fold import F
from rasd.lang.ar.normalize import normalize
from rasd.lang.ar.textview import text_view
from rasd.lang.ar.tokenize import Word, tokenize_words

#: (first allowed match start, last allowed match start, end limit) in the joined string
Window = tuple[int, int, int]


@dataclass
class Stream:
    """A document's (or a text's) folded words joined by single spaces, with the way back to
    the original offsets and an index of the anchor words it holds."""

    text: str  # original document text
    joined: str
    pos: list[int]  # start of each word in ``joined``
    words: Sequence[Word]  # the text layer's words (original offsets), one per key
    fut: list[bool]  # word carries the future clitic س / is "سوف"
    keys: list[str] = field(default_factory=list)
    _index: dict[str, list[int]] | None = None
    _hits: dict[int, list[int]] = field(default_factory=dict)  # id(anchor set) -> positions

    def index(self) -> dict[str, list[int]]:
        """Word form (and its clitic-stripped forms, "#" for numbers) → word positions."""
        if self._index is None:
            idx: dict[str, list[int]] = {}
            for i, k in enumerate(self.keys):
                for v in variants(k):
                    idx.setdefault(v, []).append(i)
            self._index = idx
        return self._index

    def around(self, words: frozenset[str], before: int, after: int) -> list[Window]:
        """Windows of ``before``/``after`` words around any word of ``words``.

        Each rule is anchored on a closed vocabulary (month names, units, "الساعة" …) and runs
        its regex only there: most of a news text cannot hold a time expression, and scanning
        it all with every rule would cost more than tokenizing.  A window is ``(a, last, b)``:
        a match may start at a word from ``a`` up to the anchor word at ``last`` (every
        expression contains an anchor word) and must end by ``b``.
        """
        # rules sharing an anchor set find its hits once (the sets are module constants:
        # :mod:`rasd.extract.times.anchors`, so their ids are stable)
        hits = self._hits.get(id(words))
        if hits is None:
            idx = self.index()
            hits = [i for w, ii in idx.items() if w in words for i in ii]  # idx is small
            if len(hits) > 1:
                hits = sorted(set(hits))
            self._hits[id(words)] = hits
        if not hits:
            return []
        out: list[Window] = []
        keys, pos = self.keys, self.pos
        last = len(keys) - 1
        for i in hits:
            a = pos[i - before if i > before else 0]
            j = i + after if i + after < last else last
            b = pos[j] + len(keys[j])
            if out and a <= out[-1][2]:
                pa, _, pb = out[-1]
                out[-1] = (pa, pos[i], b if b > pb else pb)
            else:
                out.append((a, pos[i], b))
        return out

    def word_at(self, a: int) -> int:
        return bisect.bisect_right(self.pos, a) - 1

    def to_original(self, a: int, b: int) -> tuple[int, int]:
        i = self.word_at(a)
        j = self.word_at(b - 1)
        return self._map(i, a - self.pos[i], True), self._map(j, b - self.pos[j], False)

    def _map(self, i: int, p: int, start: bool) -> int:
        w = self.words[i]
        s, e = w.start, w.end
        n = len(self.joined_word(i))
        if start and p == 0:
            return s
        if not start and p >= n:
            return e
        if e - s == n:  # no marks inside the word: positions coincide
            return s + p
        view = normalize(self.text[s:e])
        if len(view.text) != n:
            return s if start else e
        return s + (view.starts[p] if start else view.ends[p - 1])

    def joined_word(self, i: int) -> str:
        if len(self.keys) == len(self.pos):  # ``joined`` is the keys joined by single spaces
            return self.keys[i]
        end = self.pos[i + 1] - 1 if i + 1 < len(self.pos) else len(self.joined)
        return self.joined[self.pos[i] : end]


_SAWF = F("سوف")


def stream_from_words(
    text: str, words: Sequence[Word], fut_words: Sequence[int] = (), a: int = 0,
    b: int | None = None,
) -> Stream:
    """The word stream of ``words[a:b]`` (the text layer's whole words, clitics on).

    ``fut_words`` are the indices (into ``words``) of words carrying the future clitic س.
    One plain loop over the words: it runs for every document, and compiled (``rasd.native``)
    a typed loop beats chains of ``map``/``accumulate`` calls, which are no slower as Python.
    """
    ws = list(words[a:b] if a or b is not None else words)
    n = len(ws)
    if not n:
        return Stream(text, "", [], [], [], [], {})
    surface = ANCHOR_SURFACES  # anchors with their possible proclitics: one set test a word
    keys: list[str] = []
    pos: list[int] = []  # start of each word in the joined string (one space between words)
    anchors: list[int] = []
    fut = [False] * n
    sawf = _SAWF
    p = 0
    for i, w in enumerate(ws):
        k: str = w[3]  # Word.key
        keys.append(k)
        pos.append(p)
        p += len(k) + 1
        # an anchor, or a number: a digit among the first two characters ("2016", "G7");
        # Arabic words hold no digit, so only other kinds need the test
        if k in surface or (w[4] != "word" and (k[:1].isdigit() or k[1:2].isdigit())):
            anchors.append(i)
        elif k == sawf:
            fut[i] = True
    for j in fut_words:
        if a <= j and (b is None or j < b):
            fut[j - a] = True
    idx: dict[str, list[int]] = {}
    for j in anchors:
        for v in variants(keys[j]):
            if v in idx:
                idx[v].append(j)
            else:
                idx[v] = [j]
    st = Stream(text, " ".join(keys), pos, ws, fut, keys)
    st._index = idx
    return st


def variants_all(k: str) -> tuple[str, ...]:
    """``k`` and its forms without one or two proclitics ("وفي" → "في").

    Not :func:`rasd.lang.ar.clitics.variants`: the stream's readings strip و/ف then ب/ل/ك
    from any word longer than two letters and keep the article, which is what the rules'
    context tests (years, parts of day) were tuned on.
    """
    out = [k]
    if len(k) > 2 and k[0] in "وفبلك":
        out.append(k[1:])
        if len(k) > 3 and k[1] in "بلك":
            out.append(k[2:])
    return tuple(out)


_VARIANTS: dict[str, tuple[str, ...]] = {}


def clear_caches() -> None:
    """Forget the memoized anchor readings of words (benchmarks time a cold start)."""
    _VARIANTS.clear()


def variants(k: str) -> tuple[str, ...]:
    """The anchor words ``k`` stands for: itself or its forms without one or two proclitics
    when they are anchors, ``#`` for numbers.  Memoized: news vocabulary is Zipfian."""
    v = _VARIANTS.get(k)
    if v is None:
        A = ALL_ANCHORS
        out = []
        if k in A:
            out.append(k)
        if len(k) > 2 and k[0] in "وفبلك":
            if k[1:] in A:
                out.append(k[1:])
            if len(k) > 3 and k[1] in "بلك" and k[2:] in A:
                out.append(k[2:])
        if k[:1].isdigit() or k[1:2].isdigit():
            out.append("#")
        v = _VARIANTS[k] = tuple(out)
    return v


def stream_for(doc: Document) -> Stream:
    """The whole-document word stream, built once per document (``places`` matches names on
    it); a document view derived from the tokens layer."""
    st = doc.view("time_stream")
    if st is None:
        tv = text_view(doc)
        st = stream_from_words(doc.text, tv.words, tv.fut_words)
        doc.set_view("time_stream", st, ("tokens",))
    return st


def stream_from_text(text: str) -> Stream:
    """Tokenize ``text`` and build its whole word stream."""
    tv = tokenize_words(text)
    return stream_from_words(text, tv.words, tv.fut_words)
