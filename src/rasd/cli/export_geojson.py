"""``rasd export geojson``: resolved places of documents as an RFC 7946 FeatureCollection."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from rasd.cli.export_common import documents
from rasd.cli.search import filter_options
from rasd.doc import Document


def _with_places(doc: Document) -> Document:
    """Documents analysed without the places component get it now (it needs only tokens)."""
    if "places" not in doc.layers and "tokens" in doc.layers:
        from rasd.config import Config
        from rasd.pipeline import get_component

        get_component("places").func(doc, Config())
    return doc


def _documents(paths: tuple[str, ...], published: str | None) -> Iterator[Document]:
    """Document JSON (``.json``), JSON Lines (``.jsonl``) or anything ``rasd analyze`` reads."""
    pipe = None
    for p in paths:
        path = Path(p)
        if path.suffix == ".json" and path.is_file():
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and "text" in data and "layers" in data:
                yield _with_places(Document.from_dict(data))
                continue
        if path.suffix == ".jsonl" and path.is_file():
            with path.open(encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        yield _with_places(Document.from_json(line))
            continue
        from rasd.config import Config
        from rasd.ingest import iter_documents
        from rasd.pipeline import Pipeline

        pipe = pipe or Pipeline(Config(published=published))
        for item in iter_documents(p):
            if item.error or item.document is None:
                click.echo(f"error: {item.error}", err=True)
                continue
            yield pipe(item.document)


@click.command("geojson")
@click.argument("paths", nargs=-1)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="-",
              help="Output file (default: stdout).")
@click.option("--published", metavar="YYYY-MM-DD", default=None,
              help="Publication date for texts that are analysed here.")
@click.option("--include-boilerplate/--no-boilerplate", default=False, show_default=True,
              help="Also map places named in boilerplate (related-article links, footers).")
@click.option("--query", "-q", default="", help="With no PATHS: full-text query, as in rasd search.")
@filter_options
def export_geojson(paths: tuple[str, ...], output: str, published: str | None,
                   include_boilerplate: bool, **kw: object) -> None:
    """Write the resolved places of PATHS as one GeoJSON FeatureCollection.

    PATHS are document JSON/JSONL files (from ``rasd analyze``) or sources to analyse
    (text files, folders, feeds…).  Without PATHS the archive (--db) is read, honouring the
    search filters.  Features are streamed, one per line; nothing is capped.
    """
    from rasd.export.geojson import write_geojson

    store = None
    if paths:
        docs: Iterator[Document] = _documents(paths, published)
    else:
        store, docs = documents(dict(kw))

    out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")  # noqa: SIM115
    try:
        n = write_geojson(docs, out, include_boilerplate)
    finally:
        if out is not sys.stdout:
            out.close()
        if store is not None:
            store.close()
    click.echo(f"{n} features", err=True)
