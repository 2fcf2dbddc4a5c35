"""Sentence splitting for Arabic news text, in original offsets.

Boundaries:

* line breaks — headlines, paragraphs and teaser lines carry no full stop;
* ``. ! ? ؟ …`` (and runs like ``؟!``) followed by space, a closing quote/bracket or the end;
* a full stop glued to the next Arabic word ("الحرب.وقال"), common in hurried copy, when the
  word before it has at least three letters (so "أ.ف.ب" and obfuscated "عسكـ.ـري" stay whole).

Not boundaries: the Arabic headline pause ``..`` ("الحرب على الإرهاب.. الصين تستعد"), the Arabic comma ``،`` and semicolon ``؛`` (Arabic prose chains clauses with
them), decimals ("2.5", "٢٫٥"), single-letter abbreviations ("د." doctor, "م." CE, "هـ." AH,
"أ.ف.ب"), and terminators inside an open «…» or “…” quotation — the sentence ends after the
closing quote, so a quoted question stays with its attribution.
"""

from __future__ import annotations

import re

_AR = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3"
_CLOSERS = "»”’›\"')]"
_TERM = re.compile(
    rf"[.!?؟…]+[{re.escape(_CLOSERS)}]*(?=\s|$)"  # terminator (+ closing quotes) before space/end
    rf"|(?<=[{_AR}]{{3}})[.!؟?](?=[{_AR}])"  # glued full stop between two Arabic words
    r"|\n+"
)
_ABBREV_BEFORE = re.compile(rf"(?:^|[\s(.])[{_AR}A-Za-z]\u0640?$")
#: Opening → closing quotation marks whose content is never split.
_QUOTES = (("«", "»"), ("“", "”"), ("‹", "›"))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each sentence, trimmed of surrounding whitespace."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _TERM.finditer(text):
        a, b = m.span()
        if text[a] != "\n":
            g = m.group()
            # "د." style abbreviations are not boundaries
            if g == "." and _ABBREV_BEFORE.search(text, max(0, a - 3), a):
                continue
            if g.rstrip(_CLOSERS) == "..":  # headline "X.. Y": a pause, not an end
                continue
            if _inside_quote(text, start, b):
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
    """True when ``text[a:b]`` opened a «…» or “…” quote that is still open at ``b``.

    News copy often mixes “ and ” in either direction, so more closers than openers means
    "closed"; straight ``"`` quotes are paired by parity.
    """
    for o, c in _QUOTES:
        n_open = text.count(o, a, b)
        if n_open and n_open > text.count(c, a, b):
            return True
    # straight quotes open and close alike: an odd count means one is still open (a stray
    # quote costs at most the splits up to the end of its paragraph)
    return text.count('"', a, b) % 2 == 1
