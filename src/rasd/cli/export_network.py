"""``rasd export network``: the entity co-mention network as GraphML or GEXF."""

from __future__ import annotations

from typing import Any, TextIO

import click

from rasd.cli.search import filter_options, filters_from


@click.command("network")
@click.argument("sources", nargs=-1)
@filter_options
@click.option("--query", "-q", default="", help="Full-text query, as in rasd search.")
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf"]), default="graphml",
              show_default=True, help="GraphML (yEd, Cytoscape, networkx) or GEXF (Gephi).")
@click.option("--min-weight", type=int, default=1, show_default=True,
              help="Drop edges between entities sharing fewer articles than this.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Output file (default: standard output).")
def export_network(sources: tuple[str, ...], query: str, fmt: str, min_weight: int,
                   output: TextIO, **kw: Any) -> None:
    """Entities resolved across documents (one node per identity, spelling and script
    variants merged; corrections' merges/splits honoured) linked by the number of articles
    that mention both.  SOURCES are analysed on the fly; without them the archive is read,
    with the search filters and -q selecting its documents as for every other export.

    Node ids are the archive's entity ids (``ent_…``, what `rasd entity`, CSV and the API
    use); the cross-document identity id is the node's ``identity`` attribute."""
    from rasd.export.network import network_graph, write_graph

    overrides = None
    db = kw.pop("db")
    filters = filters_from(kw)
    if sources:
        from rasd.link.corpus import load_corpus

        docs = load_corpus(sources, analyze=True)
    else:
        from rasd.corrections import CorrectionStore, resolver_overrides
        from rasd.store import open_store
        from rasd.store.select import iter_selected

        with open_store(db, create=False) as store:
            docs = list(iter_selected(store, query, filters))
            overrides = resolver_overrides(CorrectionStore(store).list())
    g = network_graph(docs, min_weight, overrides)
    write_graph(g, output, fmt)
    click.echo(f"{g.number_of_nodes()} entities, {g.number_of_edges()} links", err=True)
