"""SpanIndex answers exactly what a scan of the whole layer would, in the same order."""

from hypothesis import given
from hypothesis import strategies as st

from rasd.doc import Span
from rasd.extract.spanindex import SpanIndex

spans_st = st.lists(
    st.tuples(st.integers(0, 200), st.integers(0, 30)).map(lambda t: Span(t[0], t[0] + t[1])),
    max_size=40,
)


@given(spans_st, st.integers(0, 240), st.integers(0, 40))
def test_queries_equal_brute_force(spans, a, width):
    b = a + width
    ordered = sorted(spans, key=lambda s: s.start)
    idx = SpanIndex(spans)
    assert idx.within(a, b) == [s for s in ordered if s.start >= a and s.end <= b]
    assert idx.overlapping(a, b) == [s for s in ordered if s.start < b and a < s.end]
