"""``rasd analyze``: analyse one source and print the document JSON or a readable view."""

from __future__ import annotations

import functools
import itertools
import sys
from collections.abc import Collection

import click

from rasd.cli.output import format_options
from rasd.config import Config
from rasd.doc import Document


def encode(fmt: str, indent: int | None, layers: Collection[str] | None,
           relations: Collection[str] | None, doc: Document) -> tuple[str, list[str]]:
    """One analysed document as printed (run inside the workers, so encoding is parallel
    too) and its warnings."""
    if fmt == "text":
        from rasd.render.document import render_text

        return render_text(doc), list(doc.warnings)
    from rasd.docjson import dumps

    return dumps(doc, fmt, indent, layers, relations), list(doc.warnings)


@click.command()
@click.argument("source", default="-")
@format_options(
    ("json", "jsonl", "text"), default="json",
    help="json: the document (schema/document.schema.json) — several documents as one JSON "
    "array; jsonl: one compact document per line (fast encoder); text: a readable view.  "
    "[default: json]",
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
@click.option(
    "--layers",
    metavar="NAMES",
    default=None,
    help="Comma-separated layers or components to compute and write (e.g. entities,times); "
    "the components they require run too, but only the named layers are written.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Analyse in N processes; output order and content are those of one.",
)
@click.option("--any-language", is_flag=True,
              help="Run the Arabic extractors on documents identified as another language too "
              "(by default they get the text layer and a [W101] warning only).")
def analyze(source: str, fmt: str, published: str | None, fetch: bool, indent: bool,
            layers: str | None, workers: int, any_language: bool) -> None:
    """Analyse SOURCE (a file, folder, URL, or - for stdin) and print every layer.

    SOURCE may be plain text, an HTML page (file or http(s) URL; only that URL is fetched),
    an RSS/Atom feed, a WARC archive (.warc/.warc.gz), JSON Lines, rasd document JSON, or a
    folder of these (recursive).  Encodings (UTF-8, windows-1256 …) are detected.

    A feed, WARC, JSONL file or folder holds several documents: ``--json`` then writes one
    JSON array of them (still streamed); ``--jsonl`` writes one compact line per document as
    soon as it is analysed.  Bad items are reported on stderr as one coded line each and
    skipped; a summary counts them.  Exit status 2 when nothing could be analysed.
    """
    from rasd.cli.progress import progress_bar, quiet
    from rasd.errors import RasdError
    from rasd.ingest import iter_documents
    from rasd.parallel import analyze_ordered
    from rasd.pipeline import Pipeline, select_layers

    config = Config(published=published, any_language=any_language)
    out_layers = out_relations = None
    if layers is not None:
        try:
            chosen = select_layers(layers.split(","))
        except RasdError as e:
            raise click.BadParameter(str(e), param_hint="--layers") from e
        config = Config(components=chosen.components, published=published,
                        any_language=any_language)
        out_layers, out_relations = chosen.layers, chosen.relations
    pipe = Pipeline(config)
    ok = failed = warned = 0
    items = iter_documents(source, fetch=fetch, max_bytes=config.max_bytes)
    head = list(itertools.islice(items, 2))
    many = len(head) > 1
    finish = functools.partial(encode, fmt, None if many or not indent else 2, out_layers,
                               out_relations)
    # a progress bar only for batches on an interactive terminal (never in pipes or logs)
    bar = progress_bar("analyze", enabled=many, leave=True)

    def note(msg: str) -> None:
        if quiet() and msg.startswith("warning:"):
            return
        if bar.disable:
            click.echo(msg, err=True)
        else:
            bar.write(msg, file=sys.stderr)

    jobs = ((item, item.document if not item.error else None)
            for item in itertools.chain(head, items))
    for item, outcome in analyze_ordered(pipe, jobs, finish, workers):
        bar.update()
        if outcome is None:
            failed += 1
            note(f"error: {item.error}")
            continue
        if outcome.error is not None:
            if not outcome.expected:  # a bug, not a bad document: stop as before
                click.echo(outcome.trace, err=True, nl=False)
                sys.exit(1)
            failed += 1
            note(f"error: {item.source}: {outcome.error}")
            continue
        assert outcome.value is not None
        printed, warnings = outcome.value
        ok += 1
        if warnings:
            warned += 1
            for w in warnings:
                note(f"warning: {item.source}: {w}")
        if fmt == "json" and many:  # one JSON value: the documents as an array
            click.echo("[" if ok == 1 else ",", nl=False)
        click.echo(printed)
    if fmt == "json" and many:
        click.echo("[]" if ok == 0 else "]")
    bar.close()
    if many or failed:
        extra = f" ({warned} with warnings)" if warned else ""
        click.echo(f"summary: {ok} ok{extra}, {failed} failed", err=True)
    if failed and not ok:
        sys.exit(2)
