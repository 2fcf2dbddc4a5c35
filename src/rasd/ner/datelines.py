"""Datelines: the line or lead that names where a story was filed and who filed it.

Arabic news opens with a dateline in one of two shapes, across outlets and countries:

* a line of its own, "PLACE - SOURCE": "عدن - منبر عدن", "الرباط – هسبريس", "غزة - محمد
  الجمل" (the source is an outlet, or the reporter);
* the wire form at the head of the lead, "PLACE (SOURCE) -": "بيروت (رويترز) - قال …",
  "دمشق (سانا) - …".

The tagger reads the source words as running text, so an outlet named after its city ("منبر
عدن", "البتراء بوست") comes out as a place or as nothing.  Here the source becomes one ORG span
(what was found inside it is replaced), unless the tagger found a person there, who is kept:
a byline names the reporter.  The place before it must be one the tagger or the gazetteer
knows, so a line that merely contains a dash ("الحكومة - المعارضة") is left alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from rasd.lang.ar.tokenize import Token
from rasd.ner.gazetteer import Gazetteer, default_gazetteer
from rasd.ner.propagate import span_keys

TokSpan = tuple[int, int, str, float]

DASHES = frozenset("-–—")
_PLACES = frozenset(("GPE", "LOC", "FAC"))
_MAX_PLACE = 3  # tokens of the place part ("دير الزور", "أبو ظبي")
_MAX_SOURCE = 4  # tokens of the source part ("وكالة أنباء المشرق", "سودان 24")
CONFIDENCE = 0.9


def _line_starts(text: str, tokens: Sequence[Token]) -> list[int]:
    """Indices of the tokens that open a line (the first token, and any after a newline)."""
    out = [0] if tokens else []
    for k in range(1, len(tokens)):
        if "\n" in text[tokens[k - 1].end : tokens[k].start]:
            out.append(k)
    return out


def _place(tokens: Sequence[Token], i: int, j: int, found: Sequence[TokSpan],
           gaz: Gazetteer) -> str | None:  # fmt: skip
    """Empty when ``[i, j)`` lies in a place the tagger found, the gazetteer type when only the
    gazetteer knows it as a place, None otherwise."""
    if any(a <= i and j <= b and typ in _PLACES for a, b, typ, _c in found):
        return ""
    if any(a < j and i < b for a, b, _t, _c in found):
        return None
    hit = gaz.lookup(span_keys(tokens, i, j))
    return hit[0] if hit is not None and hit[0] in _PLACES else None


def _words(tokens: Sequence[Token], i: int, j: int) -> bool:
    """Words only, and not opening on a clitic piece: "(سانا)" cut as س + انا by the
    tokenizer would lose its first letter, so such a source is left to the tagger."""
    return (
        j - i > 0
        and tokens[i].role not in ("conj", "prep", "fut")
        and all(t.kind in ("word", "latin", "num") for t in tokens[i:j])
    )


def _source(tokens: Sequence[Token], a: int, n: int) -> tuple[int, int] | None:
    """Source span after the place starting at line token ``a``, or None: "PLACE - SOURCE"
    filling the rest of the line (``n`` = line end), or "PLACE (SOURCE) -"."""
    for d in range(a + 1, min(a + _MAX_PLACE + 1, n)):
        t = tokens[d]
        if t.norm in DASHES and d + 1 < n:
            if n - (d + 1) <= _MAX_SOURCE and _words(tokens, d + 1, n):
                return d + 1, n
            return None
        if t.norm == "(":
            close = next((k for k in range(d + 1, min(n, d + 2 + _MAX_SOURCE)) if
                          tokens[k].norm == ")"), None)  # fmt: skip
            if (
                close
                and close + 1 < n
                and tokens[close + 1].norm in DASHES
                and _words(tokens, d + 1, close)
            ):
                return d + 1, close
            return None
        if t.kind != "word":
            return None
    return None


def datelines(
    text: str, tokens: Sequence[Token], found: Sequence[TokSpan], gaz: Gazetteer | None = None
) -> list[TokSpan]:
    """``found`` with each dateline's source read as one ORG span (see the module doc)."""
    gaz = gaz or default_gazetteer()
    starts = _line_starts(text, tokens)
    out = list(found)
    for li, a in enumerate(starts):
        n = starts[li + 1] if li + 1 < len(starts) else len(tokens)
        src = _source(tokens, a, n)
        if src is None:
            continue
        i, j = src
        place = _place(tokens, a, i - 1, found, gaz)
        if place is None:
            continue
        inside = [s for s in out if i <= s[0] and s[1] <= j]
        if any(s[2] == "PER" for s in inside) or any(
            s[0] < j and i < s[1] and not (i <= s[0] and s[1] <= j) for s in out
        ):
            continue  # a byline, or a span the tagger ran across the dateline
        out = [s for s in out if s not in inside] + [(i, j, "ORG", CONFIDENCE)]
        if place:  # a known place the tagger left untagged: with no preposition before it,
            out.append((a, i - 1, place, CONFIDENCE))  # only the dateline says it is one
    return sorted(out)
