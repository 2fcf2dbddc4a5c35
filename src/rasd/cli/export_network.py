"""``rasd export network``: the entity co-mention network as GraphML or GEXF."""

from __future__ import annotations

from typing import TextIO

import click

from rasd.cli.ingest import DB_HELP


@click.command("network")
@click.argument("sources", nargs=-1)
@click.option("--db", default=None, metavar="PATH|URL", help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf"]), default="graphml",
              show_default=True, help="GraphML (yEd, Cytoscape, networkx) or GEXF (Gephi).")
@click.option("--min-weight", type=int, default=1, show_default=True,
              help="Drop edges between entities sharing fewer articles than this.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Output file (default: standard output).")
def export_network(sources: tuple[str, ...], db: str | None, fmt: str, min_weight: int,
                   output: TextIO) -> None:
    """Entities resolved across documents (one node per identity, spelling and script
    variants merged; corrections' merges/splits honoured) linked by the number of articles
    that mention both.  SOURCES are analysed on the fly; without them the archive is read."""
    from rasd.export.network import network_graph, write_graph

    overrides = None
    if sources:
        from rasd.link.corpus import load_corpus

        docs = load_corpus(sources, analyze=True)
    else:
        from rasd.corrections import CorrectionStore, resolver_overrides
        from rasd.store import open_store

        with open_store(db, create=False) as store:
            docs = list(store.iter_documents())
            overrides = resolver_overrides(CorrectionStore(store).list())
    g = network_graph(docs, min_weight, overrides)
    write_graph(g, output, fmt)
    click.echo(f"{g.number_of_nodes()} entities, {g.number_of_edges()} links", err=True)
