"""How a rule runs its pattern over the stream, and the context tests rules share.

Why: every rule is a pattern plus a ``build`` function that checks context and makes a
:class:`.cand.Cand`; trying the pattern only at word starts inside anchor windows
(:func:`matches`) and the tense and neighbour-word tests are the same for all of them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from rasd.extract.regexfirst import first_chars
from rasd.extract.times.cand import Cand
from rasd.extract.times.fold import F
from rasd.extract.times.stream import Stream, Window
from rasd.extract.times.vocab import BACKWARD, FUTURE_CUES, PAST_COPULA

#: A rule: every candidate of one kind of expression in a stream.
Rule = Callable[[Stream], list[Cand]]


def matches(pattern: re.Pattern[str], s: Stream, windows: list[Window]
             ) -> list[re.Match[str]]:
    """The matches of ``pattern`` that start in ``windows`` (see :meth:`Stream.around`), as
    ``finditer`` would give them (leftmost, non-overlapping), tried only where a word starts.

    Every rule pattern opens with ``(?<![^ ])``: a match can only start at a word, so trying
    the few word starts before an anchor finds what a scan of every character of the window
    finds, without the regex engine's failed attempt at each position.
    """
    out: list[re.Match[str]] = []
    joined = s.joined
    pos = s.pos
    n = len(pos)
    match = pattern.match  # bound once: a method lookup per call costs as much as a try
    # the characters a match can start with: a word starting otherwise is not tried at all
    chars, digits = first_chars_of(pattern)
    for a, last, b in windows:
        k = bisect.bisect_left(pos, a)
        end = a
        while k < n:
            p = pos[k]
            if p > last:
                break
            k += 1
            if p < end:
                continue  # inside the previous match
            if chars is not None:
                c = joined[p]
                if c not in chars and not (digits and c.isdecimal()):
                    continue
            m = match(joined, p, b)
            if m is not None:
                out.append(m)
                end = m.end()
    return out


#: id of a rule pattern (a module constant) -> (first characters or None for "any", digits
#: too); by id, as hashing a Pattern hashes its whole compiled program
_FIRST: dict[int, tuple[frozenset[str] | None, bool]] = {}


def first_chars_of(pattern: re.Pattern[str]) -> tuple[frozenset[str] | None, bool]:
    """:func:`rasd.extract.regexfirst.first_chars` of a rule pattern, memoized."""
    hit = _FIRST.get(id(pattern))
    if hit is None:
        f = first_chars(pattern)
        hit = _FIRST[id(pattern)] = (f.chars, f.digits) if f is not None else (None, False)
    return hit


def cands(
    pattern: re.Pattern[str],
    s: Stream,
    build: Callable[[re.Match[str], Stream], Cand | None],
    windows: list[Window],
) -> list[Cand]:
    """The candidates ``build`` makes of the matches of ``pattern`` in ``windows``."""
    out = []
    for m in matches(pattern, s, windows):
        c = build(m, s)
        if c is not None:
            out.append(c)
    return out


_PAST_CUES = {F("منذ"), F("قبل")}
_AN = {F("أن"), F("ان")}
_ALA = {F("على"), F("وعلى")}
_SENT_END = {".", "!", "؟", "?"}
_COMMAS = {"،", ","}
_CTX_WORDS = frozenset(FUTURE_CUES | _AN | _SENT_END | _COMMAS)


def future_ctx(s: Stream, a: int, window: int = 12) -> bool:
    """Is the expression in a future-tense context: a future clitic (سـ), "سوف", "المقبل",
    "من المقرر" … among the preceding words of its sentence?"""
    i = s.word_at(a)
    if i > 0 and s.keys[i - 1].lstrip("وف") in _PAST_CUES:
        return False  # "منذ مساء السبت": since, so past
    lo = max(0, i - window)
    keys, fut = s.keys, s.fut
    for j in range(i - 1, lo - 1, -1):
        if fut[j]:
            return True
        k = keys[j]
        if k not in _CTX_WORDS:  # one set test for most words
            continue
        if k in _SENT_END:
            break
        if k in _COMMAS:
            if j + 1 < i and keys[j + 1].lstrip("و") in BACKWARD:
                break  # "…المقبلة، بعد صيف جاف عرفت فيه…": a clause about what came before
        elif k in FUTURE_CUES or (j > 0 and keys[j - 1] in _ALA):
            # a future cue, or "على أن تجري …" (a planned event) — unless planned in the
            # past: "وكان من المقرر أن ينطلق في مايو"
            return not any(keys[x] in PAST_COPULA for x in range(max(lo, j - 2), j))
    return any(fut[i : i + 3])


def prev_word(s: Stream, a: int) -> str:
    """The stream word before the one at offset ``a`` ("" at the start)."""
    i = s.word_at(a)
    return s.joined_word(i - 1) if i > 0 else ""


def next_word(s: Stream, b: int) -> str:
    """The stream word after the one ending at offset ``b`` ("" at the end)."""
    i = s.word_at(b - 1)
    return s.joined_word(i + 1) if i + 1 < len(s.pos) else ""
