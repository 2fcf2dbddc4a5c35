"""Storing stays linear in the number of spans (issue 20: a 2 MB document took 307 s).

No timing: the test counts how many spans are visited while a document is flattened and
stored.  A lookup that scans every layer per entity row (the old ``find_span`` →
``Document.get`` path) visits entities × spans; an index built once per document visits each
span a small constant number of times.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rasd.doc import Document, Span
from rasd.store import open_store, records

SENTENCE = "قال الوزير أحمد سالم في الرياض يوم الأحد إن الاجتماع كان ناجحا. "
N = 1500  # ~90 KB of text, ~20k spans: small enough to store in about a second


class CountingList(list[Span]):
    """A layer that counts every span handed out by iteration."""

    visits = 0

    def __iter__(self) -> Iterator[Span]:
        for s in super().__iter__():
            CountingList.visits += 1
            yield s


def synthetic() -> Document:
    doc = Document(SENTENCE * N)
    layers: dict[str, list[Span]] = {k: [] for k in
                                     ("tokens", "entities", "places", "times", "quotes",
                                      "events")}
    L = len(SENTENCE)
    for i in range(N):
        o = i * L
        pos = 0
        for w, word in enumerate(SENTENCE.split()):
            a = SENTENCE.index(word, pos)
            pos = a + len(word)
            layers["tokens"].append(Span(o + a, o + pos, "", f"t{i}_{w}"))
        name = SENTENCE.index("أحمد سالم")
        minister = SENTENCE.index("الوزير")
        # "entity" names the in-document cluster (text, not an id): the lookup that was slow
        layers["entities"].append(Span(o + name, o + name + 9, "PER", f"e{i}",
                                       {"entity": "أحمد سالم"}))
        layers["entities"].append(Span(o + minister, o + minister + 6, "PER", f"m{i}",
                                       {"entity": f"e{i}"}))
        p = SENTENCE.index("الرياض")
        layers["places"].append(Span(o + p, o + p + 6, "CITY", f"p{i}", {"name": "الرياض"}))
        t = SENTENCE.index("يوم الأحد")
        layers["times"].append(Span(o + t, o + t + 9, "DATE", f"d{i}", {"value": "2024-01-07"}))
        q = SENTENCE.index("الاجتماع")
        layers["quotes"].append(Span(o, o + L - 1, "", f"q{i}", {
            "speaker": {"start": o + minister, "end": o + name + 9},
            "content": {"start": o + q, "end": o + L - 1}, "cue": "قال"}))
        layers["events"].append(Span(o + q, o + q + 8, "MEET", f"v{i}", {
            "place": f"p{i}", "date": f"d{i}", "actors": [f"e{i}"]}))
    for name, spans in layers.items():
        doc.set_layer(name, spans, as_is=True)
    return doc


def counted(doc: Document) -> int:
    for name in list(doc.layers):
        doc.layers[name] = CountingList(doc.layers[name])
    CountingList.visits = 0
    return sum(len(v) for v in doc.layers.values())


def test_flattening_visits_each_span_a_bounded_number_of_times() -> None:
    doc = synthetic()
    n = counted(doc)
    flat = records.flatten(doc)
    assert len(flat.entities) == 2 * N and len(flat.events) == N
    # a text-named cluster is the name; an id-named one is a span, so the mention's own text
    assert {r["entity_id"] for r in flat.entities} == {records.entity_id("PER", "أحمد سالم"),
                                                        records.entity_id("PER", "الوزير")}
    assert flat.events[3]["place"] == "الرياض" and flat.events[3]["date"] == "2024-01-07"
    assert flat.quotes[5]["speaker_entity"] == flat.entities[10]["entity_id"]  # the longest inside
    assert CountingList.visits <= 4 * n, (CountingList.visits, n)


def test_storing_visits_each_span_a_bounded_number_of_times(tmp_path: Path) -> None:
    doc = synthetic()
    n = counted(doc)
    with open_store(str(tmp_path / "a.db")) as store:
        assert store.add(doc, "v").status == "new"
        visits = CountingList.visits
        back = store.get(doc.id)
    assert back is not None and len(back.layer("entities")) == 2 * N
    assert visits <= 10 * n, (visits, n)


def test_the_index_finds_what_a_scan_finds() -> None:
    doc = Document("abc def ghi")
    doc.set_layer("tokens", [Span(0, 3, "", "x"), Span(4, 7, "", "t1")], as_is=True)
    doc.set_layer("times", [Span(4, 7, "DATE", "x"), Span(8, 11, "", "t1")], as_is=True)
    index = records.SpanIndex(doc)
    queries: list[tuple[str, tuple[str, ...]]] = [
        ("x", ()), ("x", ("times",)), ("t1", ("times",)), ("t1", ()), ("nope", ("times",))]
    for span_id, layers in queries:
        want: Any = records.find_span(doc, span_id, layers)
        assert index.find(span_id, layers) == want, (span_id, layers)
