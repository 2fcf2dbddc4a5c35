"""What the tagger missed and fixed evidence is sure of, added after it has decided.

Three sources, in this order, each on tokens no earlier mention covers:

1. :mod:`rasd.ner.patterns` — organizations in patterns of news copy (an outlet in brackets
   after لـ, a quoted or Latin-script name after a media or organization noun, numbered
   military units);
2. the agencies and platforms news cites as sources (:data:`rasd.ner.patterns.OUTLETS`);
3. :mod:`rasd.ner.known_places` — prominent gazetteer places in a place context;
4. peoples by origin: plurals of a country's adjective (:func:`rasd.ner.propagate.
   origin_groups`).

Measured with the shipped tagger (``rasd eval ner``, ``rasd eval geo --pipeline``, commands in
docs/measurements.md): seed micro F1 0.917 → 0.938 (ORG 0.800 → 0.909); Wojood val unchanged
(no addition there); end-to-end place F1 on the held-out place sets 0.718 → 0.833 and
0.671 → 0.752 at unchanged precision (0.95–0.97).
"""

from __future__ import annotations

from collections.abc import Sequence

from rasd.lang.ar.tokenize import Token
from rasd.ner.known_places import add_known_places
from rasd.ner.nationality import nationality_mentions
from rasd.ner.patterns import outlet_mentions, pattern_mentions
from rasd.ner.propagate import origin_groups

#: confidence given to added mentions (the tagger's are mean CRF marginals)
CONFIDENCE = 0.9


def supplement(
    text: str,
    tokens: Sequence[Token],
    found: Sequence[tuple[int, int, str]],
    platforms: bool = True,
) -> list[tuple[int, int, str, int, int]]:
    """Mentions to add, ``(start, end, type, first, last)``: character offsets into ``text``
    and the token range ``[first, last)``; ``found`` are the tagger's token ranges.
    ``platforms``: also social platforms as ORG (not in the Wojood convention)."""
    taken = list(found)
    out: list[tuple[int, int, str, int, int]] = []
    for start, end, typ, first, last in pattern_mentions(text, tokens, taken):
        out.append((start, end, typ, first, last))
        taken.append((first, last, typ))
    for start, end, typ, first, last in outlet_mentions(tokens, taken, platforms):
        out.append((start, end, typ, first, last))
        taken.append((first, last, typ))
    for start, end, typ, _key, first, last in add_known_places(text, tokens, taken):
        out.append((start, end, typ, first, last))
        taken.append((first, last, typ))
    groups = origin_groups(tokens, taken)
    out += groups
    if platforms:  # news convention: every nationality adjective left free is NORP
        taken += [(first, last, typ) for _s, _e, typ, first, last in groups]
        out += nationality_mentions(tokens, taken)
    return out
