"""Offset-exact tokenization with proclitic segmentation.

Tokens are found in the normalized view (so "عسكـ.ـري" is one token "عسكري") and mapped
back to original offsets.  Each orthographic Arabic word is then split into proclitics and a
stem — conjunctions و ف, prepositions ب ك ل, future س, and the article ال inside the stem
(recorded as ``det`` so entity spans keep it: "الأسد" stays whole) — giving sub-token offsets:
"وبيونغ" → و + بيونغ, "لـ(الحل نت)" → لـ + ( + الحل + نت + ).

Whether a leading و/ب/ل… is a clitic or part of the word ("وزارة", "بيروت", "لبنان") cannot be
read off the letters.  The decision uses a frequency lexicon built from the bundled training
corpora (:mod:`rasd.lang.ar.lexicon`): split when the remainder is a much better-attested word
than the whole.  Unknown words fall back to conservative rules (split only before "ال").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from rasd.lang.ar.lexicon import Lexicon, default_lexicon
from rasd.lang.ar.normalize import DEFAULT, Normalized, NormOptions, fold_key, normalize

_AR = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06d5\u06fa-\u06ff"
_TOKEN_RE = re.compile(
    rf"(?P<ar>[{_AR}]+)"
    r"|(?P<num>\d+(?:[.,\u066b\u066c]\d+)*)"
    r"|(?P<lat>[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f0-9'’]*(?:-[A-Za-z0-9]+)*)"
    r"|(?P<sym>[^\s])"
)

KIND = {"ar": "word", "num": "num", "lat": "latin", "sym": "punct"}


class Token(NamedTuple):
    """One token or sub-token.  ``start``/``end`` are offsets into the *original* text.

    A NamedTuple rather than a frozen dataclass: tokens are the most numerous objects of the
    pipeline and tuple construction is several times cheaper.
    """

    start: int
    end: int
    norm: str  # normalized view form (de-obfuscated, no marks)
    key: str  # folded form for matching
    kind: str  # word | num | latin | punct
    role: str  # stem | conj | prep | fut  (clitic roles), or "" for non-Arabic tokens
    word: int  # index of the orthographic word this piece belongs to
    det: bool = False  # stem starts with the article ال


def segment_word(word: str, lexicon: Lexicon | None = None) -> list[tuple[int, int, str]]:
    """Split a normalized Arabic word into ``(start, end, role)`` pieces (offsets in ``word``).

    Two greedy stages, each comparing "keep whole" against "split one clitic": first the
    conjunction (و ف), then a preposition or future marker (ب ك ل س) on what is left.  A split
    needs the remainder to be clearly better attested than the whole; prepositions need more
    evidence than conjunctions because "كان", "بعد", "لكن" are words, not ك/ب/ل + stem.
    Pure function of the word and the lexicon, so the same word always segments the same way.
    """
    if lexicon is None:
        return _segment_default(word)
    return _segment(word, lexicon)


@lru_cache(maxsize=200_000)
def _segment_default(word: str) -> list[tuple[int, int, str]]:
    # news vocabulary is Zipfian: memoizing per word makes segmentation nearly free
    return _segment(word, default_lexicon())


def _segment(word: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    n = len(word)
    if n == 1 and word in "وفبكل":  # a detached clitic: "لـ(الحل نت)", "و 2016"
        return [(0, 1, "conj" if word in "وف" else "prep")]
    pieces: list[tuple[int, int, str]] = []
    pos = 0
    if word[0] in "وف" and _should_split(word, "conj", lex):
        pieces.append((0, 1, "conj"))
        pos = 1
    if n - pos >= 3 and word[pos] in "بكلس":
        role = "fut" if word[pos] == "س" else "prep"
        if _should_split(word[pos:], role, lex):
            pieces.append((pos, pos + 1, role))
            pos += 1
    pieces.append((pos, n, "stem"))
    return pieces


def _should_split(word: str, role: str, lex: Lexicon) -> bool:
    """Is the first letter of ``word`` a clitic?  Decided on folded forms and lexicon counts."""
    key = fold_key(word)
    rest = key[1:]
    if key[0] == "ل" and rest.startswith("ل") and len(rest) >= 3 and key[:3] != "للّ":
        return True  # "للجيش" = ل + (ا)لجيش: lam-lam is always the preposition + article
    if len(rest) < 2 or lex.is_protected(key):
        return False
    whole = lex.count(key)
    rest_count = lex.count(rest)
    if role == "fut":
        return rest[:1] in "يتنا" and rest_count >= 3 and rest_count > 4 * whole
    if rest.startswith("ال") and len(rest) >= 4:
        return whole < max(rest_count, 1) * 2  # clitic + article: nearly always a real split
    if role == "conj":
        if rest_count >= 2:
            return rest_count > 3 * whole
        # و + unknown word (foreign names: "وبيونغ"); not ف, which starts many foreign names
        # ("فولكر", "فيرجسون") and is a far rarer conjunction before an unknown name
        return whole == 0 and len(rest) >= 3 and key[0] == "و"
    return rest_count >= 3 and rest_count > 8 * whole


def tokenize(
    text: str,
    opts: NormOptions = DEFAULT,
    lexicon: Lexicon | None = None,
    view: Normalized | None = None,
) -> list[Token]:
    """Tokenize ``text``; every token's ``start:end`` slices the original text."""
    return tokenize_words(text, opts, lexicon, view).pieces


class Word(NamedTuple):
    """One orthographic word (or number, Latin word, punctuation mark) in original offsets.

    ``norm``/``key`` are the whole word's normalized and folded forms (its pieces' forms
    joined); ``sent`` is the index of its sentence when the tokenizer was given sentence ends
    (0 otherwise).  A named tuple: a document has ~1000 of them.
    """

    start: int
    end: int
    norm: str  # normalized surface
    key: str  # folded surface
    kind: str  # word | num | latin | punct
    sent: int  # sentence index


class Tokens(NamedTuple):
    """What one tokenizer pass yields: the clitic pieces and the orthographic words they
    belong to (``Token.word`` indexes ``words``), plus the two piece facts word-level readers
    need — the original starts of conjunction pieces (و/ف split off) and the indices of words
    carrying the future clitic س."""

    pieces: list[Token]
    words: list[Word]
    conj_starts: list[int]
    fut_words: list[int]


_INF = float("inf")


def tokenize_words(
    text: str,
    opts: NormOptions = DEFAULT,
    lexicon: Lexicon | None = None,
    view: Normalized | None = None,
    sentence_ends: list[int] | None = None,
) -> Tokens:
    """Tokenize ``text`` into pieces *and* whole words in one pass.

    The words come almost for free here (the loop already has each word's extent and forms),
    whereas rebuilding them from the pieces later cost the times, quotes, events and claims
    layers a Python loop each.  ``sentence_ends`` (ascending sentence end offsets) numbers
    each word's sentence: a word belongs to the first sentence ending after its start.
    """
    view = view or normalize(text, opts)
    out: list[Token] = []
    add = out.append
    wout: list[Word] = []
    wadd = wout.append
    new = tuple.__new__
    conj: list[int] = []
    fut: list[int] = []
    vt = view.text
    fv = fold_key(vt, opts)  # length-preserving: fold once, slice per token
    starts, ends = view.starts, view.ends
    ends_s = sentence_ends or []
    last = len(ends_s) - 1
    sidx = 0
    nxt = ends_s[0] if last > 0 else _INF  # offset from which a word is in a later sentence
    for w, m in enumerate(_TOKEN_RE.finditer(vt)):
        a, b = m.span()
        kind = KIND[m.lastgroup or "sym"]
        os, oe = starts[a], ends[b - 1]
        if os >= nxt:
            while sidx < last and os >= ends_s[sidx]:
                sidx += 1  # words come in text order: walk the sentences along
            nxt = ends_s[sidx] if sidx < last else _INF
        word = vt[a:b]
        wkey = fv[a:b]
        wadd(new(Word, (os, oe, word, wkey, kind, sidx)))
        # tuple.__new__ directly: a named tuple's own __new__ is a Python-level call
        if kind != "word":
            add(new(Token, (os, oe, word, wkey, kind, "", w, False)))
            continue
        pieces = segment_word(word, lexicon)
        if len(pieces) == 1 and pieces[0][2] == "stem":  # most words: no clitic
            add(new(Token, (os, oe, word, wkey, "word", "stem", w, word.startswith("ال"))))
            continue
        for pa, pb, role in pieces:
            piece = word[pa:pb]
            det = role == "stem" and (
                piece.startswith("ال") or (pa > 0 and word[pa - 1] == "ل" == piece[0])
            )
            ps = starts[a + pa]
            if role == "conj":
                conj.append(ps)
            elif role == "fut":
                fut.append(w)
            add(new(Token, (ps, ends[a + pb - 1], piece, fv[a + pa : a + pb], "word", role, w,
                            det)))
    return Tokens(out, wout, conj, fut)


def words(text: str, opts: NormOptions = DEFAULT) -> list[tuple[int, int, str]]:
    """Orthographic words (no clitic split) as ``(start, end, norm)`` in original offsets."""
    view = normalize(text, opts)
    res = []
    for m in _TOKEN_RE.finditer(view.text):
        s, e = view.to_original(*m.span())
        res.append((s, e, m.group()))
    return res
