"""Folding literal words the way the text is folded, and regex alternations of folded words.

Why a module of its own: every other module of the time extractor writes Arabic literals
(``F("منذ")``) and builds patterns from word lists, and the vocabulary tables are folded with
the same function the word stream's keys are, so a literal and a text word compare alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rasd.lang.ar.normalize import fold_key

_FOLDED: dict[str, str] = {}


def F(s: str) -> str:
    """Fold a pattern or word the way token keys are folded (length-preserving).

    Memoized: rules fold their literal words where they test them (``pre == F("منذ")``),
    which would otherwise call the normalizer for every candidate.
    """
    f = _FOLDED.get(s)
    if f is None:
        f = _FOLDED[s] = fold_key(s)
    return f


def alt(words: Iterable[str]) -> str:
    """Regex alternation of folded words as a prefix trie (longer continuations tried first).

    Python's ``re`` tries alternatives one by one; factoring common prefixes ("تشرين الأول",
    "تشرين الثاني", "يونيو", "يوليو" …) makes the big vocabularies several times cheaper.
    The order of ``words`` does not matter (see :func:`alt_ordered` where it does).
    """
    trie: dict = {}
    for w in {F(w) for w in words}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _emit(trie) + ")"


def alt_ordered(words: Iterable[str]) -> str:
    """Regex alternation of folded words tried in the given order (first match wins).

    For the short lists whose order is part of the rule: an earlier, shorter word followed by
    optional parts can win over a later, longer one, as a hand-written ``a|b|c`` did.
    """
    return "(?:" + "|".join(F(w) for w in words) + ")"


def _emit(node: dict) -> str:
    alts = [
        (" " if ch == " " else re.escape(ch)) + _emit(child)
        for ch, child in sorted(node.items())
        if ch
    ]
    if "" in node:
        alts.append("")
    if len(alts) == 1:
        return alts[0]
    return "(?:" + "|".join(alts) + ")"
