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
    """The co-mention graph (a ``networkx.Graph``), edges lighter than ``min_weight`` dropped."""
    from rasd.link.profile import Archive
    from rasd.link.resolve import Resolver

    return Archive(list(docs), Resolver(overrides=overrides)).graph(min_weight)


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
