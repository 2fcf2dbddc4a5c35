"""Documents → the entity co-mention network as GraphML or GEXF (Gephi, yEd, Cytoscape).

One node per identity resolved across the documents (:mod:`rasd.link.resolve`: spelling and
script variants merged, a correction's merges and splits honoured through ``overrides``),
linked by the number of articles that mention both.  Unlike the other formats the graph is
built whole before it is written: its edges need every document.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

from rasd.doc import Document


def network_graph(docs: Iterable[Document], min_weight: int = 1,
                  overrides: Any = None) -> Any:
    """The co-mention graph (a ``networkx.Graph``), edges lighter than ``min_weight`` dropped.

    Nodes are named with the archive's entity ids (``ent_…``, :func:`rasd.store.records.
    entity_id`: the id `rasd entity`, the CSV and the API print) — for each identity the
    entity id most of its mentions have — so an id read off the graph opens the entity
    anywhere else; the identity id (``ent-…``) stays as the node's ``identity`` attribute.
    """
    from collections import Counter

    import networkx as nx

    from rasd.link.profile import Archive
    from rasd.link.resolve import Resolver
    from rasd.store.records import entity_rows

    archive = Archive(list(docs), Resolver(overrides=overrides))
    g = archive.graph(min_weight)
    entity_of: dict[tuple[str, str], str] = {}
    for doc in archive.docs.values():
        for r in entity_rows(doc)[0]:
            entity_of[(doc.id, r["span_id"])] = r["entity_id"]
    names: dict[str, str] = {}
    taken: set[str] = set()
    for ident in sorted(g.nodes):
        votes = Counter(entity_of.get((m["doc_id"], m["span_id"]), "")
                        for m in archive.mentions[ident])
        votes.pop("", None)
        best = min(votes, key=lambda e: (-votes[e], e)) if votes else ident
        g.nodes[ident]["identity"] = ident
        names[ident] = best if best not in taken else ident  # two identities, one entity id
        taken.add(names[ident])
    return nx.relabel_nodes(g, names)


def write_graph(g: Any, out: TextIO, fmt: str = "graphml") -> None:
    """Serialize a graph built by :func:`network_graph` as GraphML or GEXF text."""
    from rasd.link.profile import write_network as serialize

    out.write(serialize(g, fmt) + "\n")


def write_network(docs: Iterable[Document], out: TextIO, fmt: str = "graphml",
                  min_weight: int = 1, overrides: Any = None) -> int:
    """Build and write the network of ``docs``; returns the number of entities (nodes)."""
    g = network_graph(docs, min_weight, overrides)
    write_graph(g, out, fmt)
    return int(g.number_of_nodes())
