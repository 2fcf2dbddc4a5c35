"""Sentence splitting for Arabic news text, in original offsets.

Boundaries: line breaks (headlines and paragraphs carry no full stop), and ``. ! ? ؟ …``
followed by space or a closing quote.  The Arabic comma ``،`` and semicolon ``؛`` do not end a
sentence (Arabic prose chains clauses with them).  A terminator inside «…» or “…” only ends the
sentence after the closing quote, so a quoted question stays with its attribution.  Decimal
points ("2.5") and single-letter abbreviations ("د.") are not boundaries.
"""

from __future__ import annotations

import re

_OPEN = "«“„‹\"'("
_CLOSE = "»”’›\"')"
_TERM = re.compile(r"[.!?؟…]+[»”’›\"')]*(?=\s|$)|\n+")
_ABBREV_BEFORE = re.compile(r"(?:^|\s)[\u0621-\u064aA-Za-z]$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each sentence, trimmed of surrounding whitespace."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _TERM.finditer(text):
        a, b = m.span()
        if text[a] != "\n":
            # "د." style abbreviations and decimals are not boundaries
            if _ABBREV_BEFORE.search(text, max(0, a - 3), a) and m.group() == ".":
                continue
            if _inside_quote(text, start, a):
                continue
        _emit(text, start, b, out)
        start = b
    _emit(text, start, len(text), out)
    return out


def _emit(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append((a, b))


def _inside_quote(text: str, a: int, b: int) -> bool:
    """True when ``text[a:b]`` opened a «…» or “…” quote that is still open at ``b``."""
    seg = text[a:b]
    return seg.count("«") > seg.count("»") or seg.count("“") > seg.count("”")
