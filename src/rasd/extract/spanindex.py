"""Sorted-span lookups in O(log n + k), so extractors stay linear on very long documents.

Extractors often ask "which places lie in this sentence?" or "does a time expression cover this
word?".  Scanning the whole layer for every question is quadratic: harmless on a 5 kB article,
minutes on a 2 MB transcript.  A :class:`SpanIndex` answers the same questions, in the same
order, from the layer's sorted start offsets and its longest span.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from rasd.doc import Span


class SpanIndex:
    """Spans sorted by start (stable), with range queries that keep that order."""

    __slots__ = ("spans", "starts", "maxlen")

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans = sorted(spans, key=lambda s: s.start)
        self.starts = [s.start for s in self.spans]
        self.maxlen = max((s.end - s.start for s in self.spans), default=0)

    def within(self, a: int, b: int) -> list[Span]:
        """Spans with ``a <= start`` and ``end <= b``."""
        lo, hi = bisect_left(self.starts, a), bisect_right(self.starts, b)
        return [s for s in self.spans[lo:hi] if s.end <= b]

    def overlapping(self, a: int, b: int) -> list[Span]:
        """Spans sharing at least one character with ``[a, b)``."""
        lo, hi = bisect_left(self.starts, a - self.maxlen), bisect_left(self.starts, b)
        return [s for s in self.spans[lo:hi] if s.end > a]
