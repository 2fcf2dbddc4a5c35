"""The ``entities`` component: typed name mentions with canonical forms and coreference.

Layer ``entities``: one span per mention, offsets starting after attached proclitics
("وبيونغ يانغ" → "بيونغ يانغ", "للجيش السوري" → "لجيش السوري"); ``label`` is the type (PER,
ORG, GPE, LOC, FAC, NORP, and OCC/EVENT for titles and named events); attrs ``canonical``
(normalized name of this mention, article restored), ``entity`` (the cluster's canonical
name), ``cluster`` (cluster id), ``confidence`` (mean CRF marginal) and ``boilerplate``
(mention inside a marked boilerplate line: still tagged, flagged so consumers can skip it).

Relation ``entity_clusters``: ``{"id", "type", "canonical", "mentions": [span ids]}``.
"""

from __future__ import annotations

from rasd.config import Config
from rasd.doc import Document, Span
from rasd.extract.boilerplate import in_boilerplate
from rasd.lang.ar import vocab
from rasd.lang.ar.textview import text_view
from rasd.lang.ar.tokenize import Token
from rasd.ner.coref import cluster
from rasd.ner.recognize import recognize
from rasd.pipeline import component

_PLACE_PREPOSITIONS = vocab.words("places", "place-preposition")


def _locative(tokens: list[Token], first: int) -> bool:
    """Is the mention starting at token ``first`` the object of a place preposition?"""
    if first == 0:
        return False
    prev = tokens[first - 1]
    if prev.role == "prep" and prev.word == tokens[first].word:
        return prev.key == "ب"  # "بدمشق": in Damascus
    return prev.key in _PLACE_PREPOSITIONS


@component("entities", requires=("tokens", "sentences"), reads=("boilerplate",), assigns=("entities",),
           relations=("entity_clusters",))
def entities(doc: Document, config: Config) -> None:
    tokens = text_view(doc).pieces  # the text layer's pieces, not rebuilt from spans
    mentions = recognize(doc.text, tokens)
    clusters, assign = cluster(
        [(m.type, m.canonical) for m in mentions],
        locative=[_locative(tokens, m.first) for m in mentions],
    )
    spans = []
    for k, m in enumerate(mentions):
        c = clusters[assign[k]]
        attrs = {
            "canonical": m.canonical,
            "entity": c.canonical,
            "cluster": c.id,
            "confidence": m.confidence,
        }
        if in_boilerplate(doc, m.start, m.end):
            attrs["boilerplate"] = True
        spans.append(Span(m.start, m.end, m.type, f"ent{k}", attrs))
    doc.set_layer("entities", spans, "ent")
    doc.set_relation("entity_clusters", [
        {
            "id": c.id,
            "type": c.type,
            "canonical": c.canonical,
            "mentions": [f"ent{k}" for k in c.mentions],
        }
        for c in clusters
    ])
