"""Highlights are cut from offsets into a strictly nested tree that loses no character."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.web.highlight import LAYER_DEPTH, Mark, MarkNode, TextNode, nest, plain_text

TEXT = "قال الرئيس السوري بشار الأسد في دمشق إن «الحرب انتهت» اليوم الاثنين."


def _find(s: str) -> tuple[int, int]:
    i = TEXT.index(s)
    return i, i + len(s)


def _walk(nodes, depth=0, parents=()):
    for n in nodes:
        if isinstance(n, MarkNode):
            yield n, parents
            yield from _walk(n.children, depth + 1, (*parents, n))


def test_overlapping_layers_nest_without_losing_text() -> None:
    q = _find("«الحرب انتهت»")
    person = _find("بشار الأسد")
    city = _find("دمشق")
    crossing = (person[0] + 5, q[0] + 3)  # an event crossing the person and the quote
    marks = [
        Mark(*q, "quote-content", "q-content", ref="q0"),
        Mark(*person, "entities", "ent ent-per", href="/entity/e1", ref="e1"),
        Mark(*city, "entities", "ent ent-loc", href="/entity/e2", ref="e2"),
        Mark(*city, "places", "plc", href="/place/p1", ref="p1"),
        Mark(*crossing, "events", "ev", ref="v0"),
    ]
    nodes = nest(TEXT, marks)
    assert plain_text(nodes) == TEXT
    seen = list(_walk(nodes))
    # the event crosses the entity: it is split into fragments, the later ones "continued"
    ev = [n for n, _ in seen if n.mark.ref == "v0"]
    assert len(ev) >= 2 and not ev[0].continued and all(n.continued for n in ev[1:])
    assert "".join(plain_text(n.children) for n in ev) == TEXT[crossing[0]:crossing[1]]
    # a place inside an entity link is not a second <a>
    place = next(n for n, _ in seen if n.mark.ref == "p1")
    assert place.inside_link and not place.is_link
    ent = next(n for n, _ in seen if n.mark.ref == "e2")
    assert ent.is_link


def test_bad_spans_are_dropped_not_fatal() -> None:
    nodes = nest(TEXT, [Mark(5, 3, "entities", "x"), Mark(0, 10_000, "entities", "x"),
                        Mark(-1, 2, "times", "x"), Mark(4, 4, "times", "x")])
    assert nodes == [TextNode(TEXT)]
    assert nest("", []) == []


layers = st.sampled_from(sorted(LAYER_DEPTH))


@st.composite
def text_and_marks(draw):
    text = draw(st.text(alphabet="ابتث جحخ،.\n<>&\"'", min_size=0, max_size=60))
    n = len(text)
    marks = []
    for i in range(draw(st.integers(0, 8))):
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, n))
        marks.append(Mark(a, b, draw(layers), "c", ref=f"m{i}",
                          href=draw(st.sampled_from([None, f"/entity/{i}"]))))
    return text, marks


@settings(max_examples=300, deadline=None)
@given(text_and_marks())
def test_nesting_properties(data) -> None:
    text, marks = data
    nodes = nest(text, marks)
    assert plain_text(nodes) == text
    covered: dict[str, str] = {}
    for node, parents in _walk(nodes):
        # a child always lies inside its parents' marks and never links inside a link
        assert not (node.is_link and any(p.is_link for p in parents))
        covered[node.mark.ref] = covered.get(node.mark.ref, "") + plain_text(node.children)
    for m in marks:
        if 0 <= m.start < m.end <= len(text):
            assert covered[m.ref] == text[m.start:m.end]
