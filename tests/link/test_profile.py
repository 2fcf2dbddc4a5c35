"""Entity profiles, the co-mention network, and contradictions across a story's sources."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pytest

from rasd.config import Config
from rasd.doc import Document, Span
from rasd.link.contradictions import contradictions_by_story, story_contradictions
from rasd.link.corpus import load_corpus
from rasd.link.profile import Archive, write_network
from rasd.pipeline import Pipeline

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
NAMES = {"كيم جونغ أون": "PER", "كيم جونغ اون": "PER", "Kim Jong Un": "PER",
         "بشار الأسد": "PER", "إدلب": "LOC", "دير الزور": "LOC", "فيصل الفضل": "PER"}  # fmt: skip


def _tag(doc: Document) -> Document:
    """Entity spans for the listed names (stands in for the NER model)."""
    spans = []
    for name, label in NAMES.items():
        i = doc.text.find(name)
        while i >= 0:
            spans.append(Span(i, i + len(name), label, "", {"canonical": name}))
            i = doc.text.find(name, i + 1)
    doc.set_layer("entities", spans, "ent")
    return doc


@pytest.fixture(scope="module")
def korea() -> list[Document]:
    pipe = Pipeline(Config(components=("text", "boilerplate", "quotes")))
    files = ["alhal-2021-11-01.txt", "khaleej-2021-11-02-pyongyang-damascus.txt",
             "mashreq-2021-11-03-damascus-denies-korea.txt", "sahat-2021-11-02-korea-syria.txt"]
    return [_tag(pipe(d)) for d in load_corpus([str(SAMPLES / f) for f in files])]


def test_profile_merges_variants_across_outlets(korea):
    arch = Archive(korea)
    kim = arch.find("Kim Jong Un")
    assert kim is not None and arch.find("كيم جونغ اون") == kim
    p = arch.profile(kim)
    assert p.identity.canonical == "كيم جونغ أون"
    assert {m["outlet"] for m in p.mentions} == {"الحل نت", "الخليج الآن", "أخبار الساحة",
                                                  "وكالة أنباء المشرق"}  # fmt: skip
    assert [d for d, _ in p.timeline] == ["2021-11-01", "2021-11-02", "2021-11-03"]
    top = {name: w for _, name, w in p.co_mentions}
    assert top["بشار الأسد"] == 4
    assert dict(p.places)["إدلب"] >= 3
    for m in p.mentions:
        doc = next(d for d in korea if d.id == m["doc_id"])
        assert doc.text[m["start"] : m["end"]] == m["text"]


def test_quotes_by_and_about(korea):
    arch = Archive(korea)
    faisal = arch.profile(arch.find("فيصل الفضل"))
    assert faisal.quotes_by, "the captain's statement is a quote by him"
    assert all("الفضل" in q["speaker"] for q in faisal.quotes_by)
    assad = arch.profile(arch.find("بشار الأسد"))
    assert all(q["doc_id"] in {d.id for d in korea} for q in assad.quotes_about)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_export_round_trips(korea, fmt):
    g = Archive(korea).graph()
    text = write_network(g, fmt)
    read = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    back = read(io.BytesIO(text.encode("utf-8")))
    labels = {d.get("label") for _, d in back.nodes(data=True)}
    assert "كيم جونغ أون" in labels and "Kim Jong Un" not in labels
    assert back.number_of_edges() == g.number_of_edges() > 0


def test_story_contradictions_numbers_and_updates():
    pipe = Pipeline(Config(components=("text", "boilerplate", "quotes")))
    docs = [pipe(d) for d in load_corpus([str(SAMPLES)])]
    by_story = contradictions_by_story(docs)
    assert by_story, "the samples tell several stories with disputed figures"
    for s in by_story:
        for c in s["contradictions"]:
            assert c["a"]["doc_id"] != c["b"]["doc_id"]
            for side in (c["a"], c["b"]):
                doc = next(d for d in docs if d.id == side["doc_id"])
                assert doc.text[side["start"] : side["end"]] == side["text"]
    kinds = {c["kind"] for s in by_story for c in s["contradictions"]}
    assert "numbers" in kinds
    # the Moroccan toll rose day by day: flagged as a likely update, not hidden
    quake = [c for s in by_story for c in s["contradictions"]
             if "زلزال" in s["title"] and c["kind"] == "numbers"]  # fmt: skip
    assert all(c["update_likely"] for c in quake)
    dated = [c for s in by_story for c in s["contradictions"] if c["kind"] == "numbers"]
    assert all(c["update_likely"] == (c["a"]["published"][:10] != c["b"]["published"][:10])
               for c in dated)


def test_republished_text_is_not_a_second_source():
    pipe = Pipeline(Config(components=("text", "boilerplate", "quotes")))
    (doc,) = load_corpus([str(SAMPLES / "mashreq-2025-04-12-zamzam-camp-attack.txt")])
    a, b = pipe(doc), pipe(Document(doc.text, doc.meta))
    assert story_contradictions([a, b]) == []
