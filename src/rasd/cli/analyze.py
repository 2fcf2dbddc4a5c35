"""``rasd analyze``: analyse one source and print the document JSON or a readable view."""

from __future__ import annotations

import itertools
import sys

import click

from rasd.config import Config


@click.command()
@click.argument("source", default="-")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text"]),
    default="json",
    show_default=True,
    help="JSON document (schema/document.schema.json) or a readable view.",
)
@click.option(
    "--published",
    metavar="YYYY-MM-DD",
    default=None,
    help="Publication date; wins over any date found in the source.",
)
@click.option(
    "--fetch/--no-fetch", default=False, help="For feeds: also fetch each entry's linked page."
)
@click.option("--indent/--compact", default=True, help="Pretty-print the JSON.")
def analyze(source: str, fmt: str, published: str | None, fetch: bool, indent: bool) -> None:
    """Analyse SOURCE (a file, folder, URL, or - for stdin) and print every layer.

    SOURCE may be plain text, an HTML page (file or http(s) URL; only that URL is fetched),
    an RSS/Atom feed, a WARC archive (.warc/.warc.gz), JSON Lines, rasd document JSON, or a
    folder of these (recursive).  Encodings (UTF-8, windows-1256 …) are detected.

    A feed, WARC, JSONL file or folder holds several documents: JSON output is then one
    document per line (JSONL).  Bad items are reported on stderr as one coded line each and
    skipped; a summary counts them.  Exit status 2 when nothing could be analysed.
    """
    from tqdm import tqdm

    from rasd.errors import RasdError
    from rasd.ingest import iter_documents
    from rasd.pipeline import Pipeline
    from rasd.render.document import render_text

    config = Config(published=published)
    pipe = Pipeline(config)
    ok = failed = warned = 0
    items = iter_documents(source, fetch=fetch, max_bytes=config.max_bytes)
    head = list(itertools.islice(items, 2))
    many = len(head) > 1
    # a progress bar only for batches on an interactive terminal (never in pipes or logs)
    bar = tqdm(unit="doc", disable=not (many and sys.stderr.isatty()), file=sys.stderr)

    def note(msg: str) -> None:
        if bar.disable:
            click.echo(msg, err=True)
        else:
            bar.write(msg, file=sys.stderr)

    for item in itertools.chain(head, items):
        bar.update()
        if item.error or item.document is None:
            failed += 1
            note(f"error: {item.error}")
            continue
        try:
            doc = pipe(item.document)
        except RasdError as e:  # one bad document never stops a batch
            failed += 1
            note(f"error: {item.source}: {e}")
            continue
        ok += 1
        if doc.warnings:
            warned += 1
            for w in doc.warnings:
                note(f"warning: {item.source}: {w}")
        if fmt == "text":
            click.echo(render_text(doc))
        else:
            click.echo(doc.to_json(indent=None if many or not indent else 2))
    bar.close()
    if many or failed:
        extra = f" ({warned} with warnings)" if warned else ""
        click.echo(f"summary: {ok} ok{extra}, {failed} failed", err=True)
    if failed and not ok:
        sys.exit(2)
